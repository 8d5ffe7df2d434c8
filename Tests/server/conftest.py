"""Starts `chatterm serve` on a free loopback port with a fresh store, for the SDK tests."""
import json
import os
import re
import subprocess
import tempfile
import time

import pytest
from stream_chat import StreamChat

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("CHATTERM_BIN", os.path.join(ROOT, ".build", "debug", "chatterm"))


class Server:
    def __init__(self, url, key, secret, process, db):
        self.url, self.key, self.secret, self.process, self.db = url, key, secret, process, db

    def client(self, secret=None):
        return StreamChat(api_key=self.key, api_secret=secret or self.secret, base_url=self.url)


def start_server(*extra, capture_stderr=False, db=None):
    """`chatterm serve` on a free port with a fresh store (or `db`); yields a Server, then
    stops it. With `capture_stderr`, the server's log stays readable through `process`."""
    if not os.path.exists(BINARY):
        pytest.fail(f"build chatterm first (swift build): {BINARY} is missing")
    db = db or os.path.join(tempfile.mkdtemp(prefix="chatterm-sdk-"), "chat.sqlite")
    process = subprocess.Popen([BINARY, "serve", "--db", db, "--port", "0", *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE if capture_stderr else subprocess.DEVNULL, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        match = re.search(r"(http://\S+) api_key=(\S+) secret_file=(\S+)", process.stdout.readline())
        if match:
            url, key, secret_file = match.groups()
            with open(secret_file, encoding="utf-8") as app:
                yield Server(url, key, json.load(app)["api_secret"], process, db)
            break
        if process.poll() is not None:
            break
    else:
        pytest.fail("chatterm serve did not start")
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def server():
    yield from start_server()


@pytest.fixture
def client(server):
    return server.client()

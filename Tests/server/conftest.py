"""Starts `chatterm serve` on a free loopback port with a fresh store, for the SDK tests.

The store is a SQLite file; with CHATTERM_TEST_POSTGRES set to a PostgreSQL server's URL
(postgres://USER@HOST:PORT/DB, any existing DB to connect to), each fresh store is a database of
its own on that server instead, dropped when the tests are done with it."""
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
import urllib.parse
import uuid

import pytest
from stream_chat import StreamChat

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("CHATTERM_BIN", os.path.join(ROOT, ".build", "debug", "chatterm"))
POSTGRES = os.environ.get("CHATTERM_TEST_POSTGRES") or None

postgres_only = pytest.mark.skipif(POSTGRES is None, reason="needs CHATTERM_TEST_POSTGRES (a PostgreSQL server URL)")


def psql(url, sql):
    """Runs `sql` on the database at `url`; the rows as tuples of strings (NULL as "")."""
    parts = urllib.parse.urlsplit(url)
    env = {**os.environ, **({"PGPASSWORD": urllib.parse.unquote(parts.password)} if parts.password else {})}
    # Records end in NUL and fields are split by US, so text with newlines or tabs reads back whole.
    result = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-0", "-F", "\x1f", "-v", "ON_ERROR_STOP=1",
                             "-h", parts.hostname, "-p", str(parts.port or 5432), "-U", urllib.parse.unquote(parts.username or "postgres"),
                             "-d", parts.path.lstrip("/"), "-c", sql],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, f"psql {sql!r}: {result.stderr}"
    return [tuple(record.split("\x1f")) for record in result.stdout.split("\0")[:-1]]


class Store:
    """A fresh, empty store, SQLite or PostgreSQL. `home` is the XDG_DATA_HOME of every process
    run on it: a PostgreSQL store's app credentials live there, so the servers of one store share
    them and different stores never clash."""

    def __init__(self, template=None):
        self.home = tempfile.mkdtemp(prefix="chatterm-sdk-")
        if POSTGRES:
            self.name = f"pytest_{uuid.uuid4().hex[:16]}"
            psql(POSTGRES, f"CREATE DATABASE {self.name}" + (f" TEMPLATE {template.name}" if template else ""))
            parts = urllib.parse.urlsplit(POSTGRES)
            self.url = urllib.parse.urlunsplit(parts._replace(path="/" + self.name))
            self.arguments = ["--database", self.url]
        else:
            self.path = os.path.join(self.home, "chat.sqlite")
            if template:
                with sqlite3.connect(template.path) as source, sqlite3.connect(self.path) as copy:
                    source.backup(copy)
            self.arguments = ["--db", self.path]
        environment = {k: v for k, v in os.environ.items() if k not in ("CHATTERM_DATABASE", "CHATTERM_DB")}
        self.env = {**environment, "XDG_DATA_HOME": self.home}

    def copy(self):
        """A new store holding this one's data (nothing may have it open)."""
        return Store(template=self)

    def rows(self, sql):
        if POSTGRES:
            return psql(self.url, sql)
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as connection:
            return connection.execute(sql).fetchall()

    def execute(self, sql):
        if POSTGRES:
            psql(self.url, sql)
        else:
            with sqlite3.connect(self.path) as connection:
                connection.execute(sql)

    def assert_intact(self):
        """SQLite's own integrity check. PostgreSQL needs none: a killed client cannot tear its files."""
        if not POSTGRES:
            assert self.rows("PRAGMA integrity_check")[0][0] == "ok"

    def drop(self):
        if POSTGRES:
            psql(POSTGRES, f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        shutil.rmtree(self.home, ignore_errors=True)


class Server:
    def __init__(self, url, key, secret, process, store):
        self.url, self.key, self.secret, self.process, self.store = url, key, secret, process, store

    def client(self, secret=None):
        return StreamChat(api_key=self.key, api_secret=secret or self.secret, base_url=self.url)


def start_server(*extra, capture_stderr=False, store=None):
    """`chatterm serve` on a free port with a fresh store (or `store`, which the caller keeps);
    yields a Server, then stops it. With `capture_stderr`, the server's log stays readable
    through `process`."""
    if not os.path.exists(BINARY):
        pytest.fail(f"build chatterm first (swift build): {BINARY} is missing")
    owned = store is None
    store = store or Store()
    process = subprocess.Popen([BINARY, "serve", *store.arguments, "--port", "0", *extra], env=store.env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE if capture_stderr else subprocess.DEVNULL, text=True)
    try:
        server, deadline = None, time.time() + 30
        while server is None and time.time() < deadline and process.poll() is None:
            match = re.search(r"(http://\S+) api_key=(\S+) secret_file=(\S+)", process.stdout.readline())
            if match:
                url, key, secret_file = match.groups()
                with open(secret_file, encoding="utf-8") as app:
                    server = Server(url, key, json.load(app)["api_secret"], process, store)
        if server is None:
            pytest.fail("chatterm serve did not start")
        yield server
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)
        if owned:
            store.drop()


@pytest.fixture(scope="session")
def server():
    yield from start_server()


@pytest.fixture
def store():
    """A fresh store of this test's own, for servers it starts and stops itself."""
    store = Store()
    yield store
    store.drop()


@pytest.fixture
def client(server):
    return server.client()

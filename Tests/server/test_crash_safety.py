"""kill -9 at random moments: an import leaves the store untouched or fully imported, and a
server under load keeps every message it acknowledged, once. CHATTERM_KILL_RUNS sets how
many kills each test makes (3 by default; `Tests/reliability/crash-safety.sh` runs 50)."""
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
import uuid

import pytest
import requests

from conftest import BINARY, start_server

RUNS = int(os.environ.get("CHATTERM_KILL_RUNS", "3"))
ITEM_TABLES = ("users", "devices", "future_channel_bans", "channels", "members", "messages", "reactions")
# A device's created_at is the time of its import: two whole imports differ there only.
SELECTED = {"devices": "id, user_id, push_provider, push_provider_name"}


def chatterm(*arguments, check=True):
    return subprocess.run([BINARY, *arguments], capture_output=True, text=True, check=check, timeout=600)


def fingerprint(db):
    """A digest of every row of every item table, after SQLite's own integrity check."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {table: hashlib.sha256("\n".join(sorted(repr(row) for row in connection.execute(f"SELECT {SELECTED.get(table, '*')} FROM {table}"))).encode()).hexdigest()
                for table in ITEM_TABLES}


@pytest.fixture(scope="module")
def files():
    workdir = tempfile.mkdtemp(prefix="chatterm-kill-")
    first, second = os.path.join(workdir, "first.jsonl"), os.path.join(workdir, "second.jsonl")
    chatterm("generate", "--messages", "2000", "--seed", "1", "-o", first)
    chatterm("generate", "--users", "400", "--channels", "80", "--messages", "20000", "--seed", "2", "-o", second)
    return workdir, first, second


def test_killed_imports_leave_the_store_untouched_or_whole(files):
    workdir, first, second = files
    base = os.path.join(workdir, "base.sqlite")
    chatterm("import", first, "--db", base)
    before = fingerprint(base)
    whole_db = os.path.join(workdir, "whole.sqlite")
    subprocess.run(["sqlite3", base, f".backup {whole_db}"], check=True)
    started = time.time()
    chatterm("import", second, "--db", whole_db)
    duration = time.time() - started
    whole = fingerprint(whole_db)
    assert whole != before

    outcomes = {"untouched": 0, "whole": 0}
    rng = random.Random(os.environ.get("CHATTERM_KILL_SEED", "1"))
    for run in range(RUNS):
        db = os.path.join(workdir, f"run{run}.sqlite")
        subprocess.run(["sqlite3", base, f".backup {db}"], check=True)
        process = subprocess.Popen([BINARY, "import", second, "--db", db], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = fingerprint(db)
        assert after in (before, whole), f"run {run}: a killed import left a partial store: {after}"
        outcomes["untouched" if after == before else "whole"] += 1
        os.remove(db)
    print(f"killed imports: {outcomes}")


def test_killed_server_keeps_every_acknowledged_message_once():
    workdir = tempfile.mkdtemp(prefix="chatterm-kill-serve-")
    db = os.path.join(workdir, "chat.sqlite")
    acknowledged = set()
    rng = random.Random(os.environ.get("CHATTERM_KILL_SEED", "1"))
    for run in range(RUNS):
        for server in start_server(db=db):
            client = server.client()
            senders = [f"sender{n}" for n in range(4)]
            client.upsert_users([{"id": s} for s in senders])
            channel = client.channel("messaging", "load", {"members": senders})
            channel.create(senders[0])
            lock = threading.Lock()

            def send(user):
                token = client.create_token(user)
                session = requests.Session()
                for n in range(100_000):
                    text = f"{user} run{run} #{n} {uuid.uuid4().hex[:6]}"
                    try:
                        response = session.post(f"{server.url}/channels/messaging/load/message", params={"api_key": server.key},
                                                headers={"Authorization": token, "stream-auth-type": "jwt"},
                                                json={"message": {"text": text}}, timeout=5)
                    except requests.RequestException:
                        return
                    if response.status_code == 201:
                        with lock:
                            acknowledged.add(text)

            threads = [threading.Thread(target=send, args=(user,)) for user in senders]
            for thread in threads:
                thread.start()
            time.sleep(rng.uniform(0.3, 1.5))
            server.process.send_signal(signal.SIGKILL)
            server.process.wait()
            for thread in threads:
                thread.join(timeout=10)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = [row[0] for row in connection.execute("SELECT text FROM messages WHERE cid = 'messaging:load'")]
    assert acknowledged, "the senders got answers before the kills"
    missing = acknowledged - set(stored)
    assert not missing, f"{len(missing)} acknowledged messages lost, e.g. {sorted(missing)[:3]}"
    assert len(stored) == len(set(stored)), "a message stored twice"
    print(f"killed server {RUNS} times; {len(acknowledged)} acknowledged messages, all there once")

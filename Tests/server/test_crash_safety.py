"""kill -9 at random moments: an import leaves the store untouched or fully imported, and a
server under load keeps every message it acknowledged, once. CHATTERM_KILL_RUNS sets how
many kills each test makes (3 by default; `Tests/reliability/crash-safety.sh` runs 50)."""
import hashlib
import json
import os
import random
import signal
import subprocess
import threading
import time
import uuid

import pytest
import requests

from conftest import BINARY, postgres_only, start_server

RUNS = int(os.environ.get("CHATTERM_KILL_RUNS", "3"))
ITEM_TABLES = ("users", "devices", "future_channel_bans", "channels", "members", "messages", "reactions", "polls",
               "poll_options", "poll_votes")
# A device's created_at is the time of its import: two whole imports differ there only.
SELECTED = {"devices": "id, user_id, push_provider, push_provider_name"}
# The import the kills interrupt, a few seconds long (the window the kills land in) on either
# backend: PostgreSQL's import writes many rows a statement, its batches in the kills' window too.
SECOND = ["--users", "400", "--channels", "80", "--messages", "20000"]


def chatterm(*arguments, store=None):
    return subprocess.run([BINARY, *arguments, *(store.arguments if store else [])], env=store.env if store else None,
                          capture_output=True, text=True, check=True, timeout=600)


def fingerprint(store):
    """A digest of every row of every item table, after the store's integrity check."""
    store.assert_intact()
    return {table: hashlib.sha256("\n".join(sorted(repr(row) for row in store.rows(f"SELECT {SELECTED.get(table, '*')} FROM {table}"))).encode()).hexdigest()
            for table in ITEM_TABLES}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("chatterm-kill")
    first, second = str(workdir / "first.jsonl"), str(workdir / "second.jsonl")
    chatterm("generate", "--messages", "2000", "--seed", "1", "-o", first)
    chatterm("generate", *SECOND, "--seed", "2", "-o", second)
    return first, second


def test_killed_imports_leave_the_store_untouched_or_whole(files, store):
    first, second = files
    chatterm("import", first, store=store)
    before = fingerprint(store)
    whole_store = store.copy()
    try:
        started = time.time()
        chatterm("import", second, store=whole_store)
        duration = time.time() - started
        whole = fingerprint(whole_store)
    finally:
        whole_store.drop()
    assert whole != before

    outcomes = {"untouched": 0, "whole": 0}
    rng = random.Random(os.environ.get("CHATTERM_KILL_SEED", "1"))
    for run in range(RUNS):
        killed = store.copy()
        try:
            process = subprocess.Popen([BINARY, "import", second, *killed.arguments], env=killed.env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.05, duration * 1.1))
            process.send_signal(signal.SIGKILL)
            process.wait()
            after = fingerprint(killed)
        finally:
            killed.drop()
        assert after in (before, whole), f"run {run}: a killed import left a partial store: {after}"
        outcomes["untouched" if after == before else "whole"] += 1
    print(f"killed imports: {outcomes}")


def kill_once_messages_are_sent(file, store):
    """Runs `chatterm import FILE` on the PostgreSQL store and kill -9s it once its connection is
    seen sending a batch of messages: an INSERT, or a COPY into an empty table."""
    process = subprocess.Popen([BINARY, "import", file, *store.arguments], env=store.env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 300
        while not store.rows("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() "
                             "AND (query LIKE 'INSERT INTO messages %' OR query LIKE 'COPY \"messages\"%')"):
            assert process.poll() is None, "the import ended before a batch of messages was seen: the test proves nothing"
            assert time.time() < deadline, "no batch of messages was sent"
            time.sleep(0.01)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()


@postgres_only
def test_an_import_killed_while_it_writes_to_postgresql_leaves_none_of_its_rows(files, store):
    """kill -9 `chatterm import --database …` once its batches of messages are going to the
    server (its connection seen sending one): the database holds none of the file's rows, and
    the file imports whole the next time."""
    first, second = files
    chatterm("import", first, store=store)
    before = fingerprint(store)
    kill_once_messages_are_sent(second, store)
    assert fingerprint(store) == before, "a killed import left rows behind"
    chatterm("import", second, store=store)
    assert fingerprint(store) != before
    messages = {json.loads(line)["data"]["id"] for file in files for line in open(file, encoding="utf-8")
                if line.startswith('{"type":"message"')}
    assert int(store.rows("SELECT COUNT(*) FROM messages")[0][0]) == len(messages)


@postgres_only
def test_an_import_killed_while_it_fills_a_new_postgresql_database_leaves_every_index(files, store, tmp_path):
    """Into a new database the import drops the secondary indexes of the tables it fills and
    makes them again before its commit, all in its transaction: kill -9 it while it writes
    messages, its indexes gone meanwhile, and the database holds every index it held before and
    none of the file's rows; the next import of the file makes them again."""
    _, second = files
    # The schema, with a user only: every table the import drops indexes of is empty.
    one_user = tmp_path / "user.jsonl"
    one_user.write_text('{"type":"user","data":{"id":"ada"}}\n')
    chatterm("import", str(one_user), store=store)
    indexes = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname"
    before, rows = store.rows(indexes), fingerprint(store)
    assert any(name == "message_words" for name, _ in before)
    kill_once_messages_are_sent(second, store)
    assert store.rows(indexes) == before
    assert fingerprint(store) == rows, "a killed import left rows behind"
    chatterm("import", second, store=store)
    assert store.rows(indexes) == before


class Senders:
    """One thread per user posting messages to a channel through `server` as fast as it answers,
    until it stops answering or `stop` is set; `acknowledged` holds the text of each message it
    answered 201."""

    def __init__(self, server, channel_id, users, label, stop=None):
        self.acknowledged, self.lock, self.stop = set(), threading.Lock(), stop or threading.Event()
        self.threads = [threading.Thread(target=self.send, args=(server, channel_id, user, label)) for user in users]
        for thread in self.threads:
            thread.start()

    def send(self, server, channel_id, user, label):
        token = server.client().create_token(user)
        session = requests.Session()
        for n in range(100_000):
            if self.stop.is_set():
                return
            text = f"{user} {label} #{n} {uuid.uuid4().hex[:6]}"
            try:
                response = session.post(f"{server.url}/channels/messaging/{channel_id}/message", params={"api_key": server.key},
                                        headers={"Authorization": token, "stream-auth-type": "jwt"},
                                        json={"message": {"text": text}}, timeout=5)
            except requests.RequestException:
                return
            if response.status_code == 201:
                with self.lock:
                    self.acknowledged.add(text)

    def join(self):
        for thread in self.threads:
            thread.join(timeout=10)


def test_killed_server_keeps_every_acknowledged_message_once(store):
    acknowledged = set()
    rng = random.Random(os.environ.get("CHATTERM_KILL_SEED", "1"))
    for run in range(RUNS):
        for server in start_server(store=store):
            client = server.client()
            users = [f"sender{n}" for n in range(4)]
            client.upsert_users([{"id": user} for user in users])
            client.channel("messaging", "load", {"members": users}).create(users[0])
            senders = Senders(server, "load", users, f"run{run}")
            time.sleep(rng.uniform(0.3, 1.5))
            server.process.send_signal(signal.SIGKILL)
            server.process.wait()
            senders.join()
            acknowledged |= senders.acknowledged
    store.assert_intact()
    stored = [row[0] for row in store.rows("SELECT text FROM messages WHERE cid = 'messaging:load'")]
    assert acknowledged, "the senders got answers before the kills"
    missing = acknowledged - set(stored)
    assert not missing, f"{len(missing)} acknowledged messages lost, e.g. {sorted(missing)[:3]}"
    assert len(stored) == len(set(stored)), "a message stored twice"
    print(f"killed server {RUNS} times; {len(acknowledged)} acknowledged messages, all there once")

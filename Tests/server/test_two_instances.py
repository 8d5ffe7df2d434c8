"""Two `chatterm serve` instances, A and B, on one PostgreSQL database, as behind a load balancer:
what a client does through A reaches the WebSocket watchers on B, in A's order, and killing A
loses nothing it acknowledged while B carries on."""
import json
import signal
import subprocess
import threading
import time
import urllib.parse
from types import SimpleNamespace

import pytest
import requests
from stream_chat.base.exceptions import StreamAPIException

from conftest import Store, postgres_only, start_server
from test_channels_messages import new_id
from test_crash_safety import Senders
from test_presence import becomes, no_event, online
from test_websocket import connect, next_event, rest

pytestmark = postgres_only


def started_pair(store):
    """A, then B, on `store`: B reads the app credentials A made in the store's XDG_DATA_HOME."""
    for a in start_server(store=store):
        for b in start_server(store=store):
            assert (b.key, b.secret) == (a.key, a.secret)
            yield a, b


@pytest.fixture(scope="module")
def instances():
    store = Store()
    try:
        yield from started_pair(store)
    finally:
        store.drop()


def watch(server, user, channel_id):
    """A WebSocket of `user` on `server`, watching the channel."""
    ws, hello = connect(server, user)
    rest(server, user, "POST", f"channels/messaging/{channel_id}/query", {"watch": True}, params={"connection_id": hello["connection_id"]})
    return ws


@pytest.fixture
def room(instances):
    """A channel of alice, bob and carol made through A; bob watches it from B, carol is connected
    to B without watching it."""
    a, b = instances
    alice, bob, carol = new_id("alice"), new_id("bob"), new_id("carol")
    client = a.client()
    client.upsert_users([{"id": alice}, {"id": bob}, {"id": carol}])
    channel = client.channel("messaging", new_id("two"), {"members": [alice, bob, carol]})
    channel.create(alice)
    bob_ws = watch(b, bob, channel.id)
    carol_ws, _ = connect(b, carol)
    yield SimpleNamespace(channel=channel, alice=alice, bob=bob, carol=carol, bob_ws=bob_ws, carol_ws=carol_ws)
    # A server stopping waits for its WebSockets to close.
    bob_ws.close()
    carol_ws.close()


def test_a_message_sent_through_a_reaches_a_watcher_on_b_in_streams_shape(room):
    sent = room.channel.send_message({"text": "hi from A"}, room.alice)["message"]
    event = next_event(room.bob_ws, "message.new")
    assert (event["cid"], event["channel_type"], event["channel_id"]) == (f"messaging:{room.channel.id}", "messaging", room.channel.id)
    assert (event["message"]["id"], event["message"]["text"], event["message"]["user"]["id"]) == (sent["id"], "hi from A", room.alice)
    assert event["user"]["id"] == room.alice and event["created_at"] and event["watcher_count"] == 1


def test_typing_reaction_and_read_cross_from_a_to_a_watcher_on_b(room):
    channel, alice, bob_ws = room.channel, room.alice, room.bob_ws
    channel.send_event({"type": "typing.start"}, alice)
    typing = next_event(bob_ws, "typing.start")
    assert typing["user"]["id"] == alice and typing["cid"] == f"messaging:{channel.id}"

    sent = channel.send_message({"text": "react to me"}, alice)["message"]
    channel.send_reaction(sent["id"], {"type": "love"}, alice)
    reaction = next_event(bob_ws, "reaction.new")
    assert (reaction["reaction"]["type"], reaction["reaction"]["user_id"]) == ("love", alice)
    assert reaction["message"]["id"] == sent["id"] and reaction["message"]["reaction_counts"] == {"love": 1}

    channel.mark_read(alice, message_id=sent["id"])
    read = next_event(bob_ws, "message.read")
    assert read["user"]["id"] == alice and read["last_read_message_id"] == sent["id"]


def test_a_thread_reply_through_a_reaches_a_watcher_on_b(room):
    parent = room.channel.send_message({"text": "thread root"}, room.alice)["message"]
    room.channel.send_message({"text": "in the thread", "parent_id": parent["id"]}, room.alice)
    assert next_event(room.bob_ws, "message.new")["message"]["id"] == parent["id"]
    reply = next_event(room.bob_ws, "message.new")
    assert (reply["message"]["text"], reply["message"]["type"], reply["message"]["parent_id"]) == ("in the thread", "reply", parent["id"])


def test_a_watcher_on_b_gets_messages_in_the_order_a_acknowledged_them(room):
    for n in range(30):
        room.channel.send_message({"text": f"n{n}"}, room.alice)
    assert [next_event(room.bob_ws, "message.new")["message"]["text"] for _ in range(30)] == [f"n{n}" for n in range(30)]


def test_watchers_on_a_and_b_see_messages_sent_through_both_in_one_order(instances, room):
    a, b = instances
    alice_ws = watch(a, room.alice, room.channel.id)
    try:
        def send(server, label):
            for n in range(15):
                rest(server, room.alice, "POST", f"channels/messaging/{room.channel.id}/message", {"message": {"text": f"{label}{n}"}})

        threads = [threading.Thread(target=send, args=(server, label)) for server, label in ((a, "a"), (b, "b"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        on_a = [next_event(alice_ws, "message.new")["message"]["text"] for _ in range(30)]
        on_b = [next_event(room.bob_ws, "message.new")["message"]["text"] for _ in range(30)]
    finally:
        alice_ws.close()
    assert on_a == on_b
    for label in "ab":
        assert [text for text in on_a if text.startswith(label)] == [f"{label}{n}" for n in range(15)]


def test_a_member_connected_to_b_but_not_watching_gets_notifications_with_unread_counts(room):
    room.channel.mark_read(room.carol)
    for text in ("one", "two"):
        room.channel.send_message({"text": text}, room.alice)
    first, second = (next_event(room.carol_ws, "notification.message_new") for _ in range(2))
    assert (first["message"]["text"], second["message"]["text"]) == ("one", "two")
    assert first["cid"] == f"messaging:{room.channel.id}"
    assert [(e["unread_count"], e["total_unread_count"], e["unread_channels"]) for e in (first, second)] == [(1, 1, 1), (2, 2, 1)]


def all_messages(channel):
    """The channel's messages, oldest first, paging back from the newest."""
    messages, page = [], channel.query(messages={"limit": 300})["messages"]
    while page:
        messages[:0] = page
        page = channel.query(messages={"limit": 300, "id_lt": page[0]["id"]})["messages"]
    return messages


def channel_across_a_pair(store, label, senders):
    """A and B started on `store`, and `senders` new users in a channel made through A, the
    first of them watching it from B."""
    pairs = started_pair(store)
    a, b = next(pairs)
    users = [new_id("sender") for _ in range(senders)]
    a.client().upsert_users([{"id": user} for user in users])
    channel_id = new_id(label)
    a.client().channel("messaging", channel_id, {"members": users}).create(users[0])
    return pairs, a, b, users, channel_id, watch(b, users[0], channel_id)


def test_killing_a_mid_send_loses_no_acknowledged_message_and_b_carries_on(store):
    pairs, a, b, users, channel_id, watcher = channel_across_a_pair(store, "kill", 3)
    try:
        senders = Senders(a, channel_id, users, "through A")
        time.sleep(1)
        a.process.send_signal(signal.SIGKILL)
        a.process.wait()
        senders.join()
        assert senders.acknowledged, "A answered some sends before it was killed"

        through_b = b.client().channel("messaging", channel_id)
        stored = [m["text"] for m in all_messages(through_b)]
        missing = senders.acknowledged - set(stored)
        assert not missing, f"{len(missing)} acknowledged messages lost, e.g. {sorted(missing)[:3]}"
        assert len(stored) == len(set(stored)), "a message stored twice"

        # The log has one order: by the time B's own message reaches its watcher, every event A
        # published has too.
        through_b.send_message({"text": "B carries on"}, users[1])
        delivered = []
        while not delivered or delivered[-1] != "B carries on":
            delivered.append(next_event(watcher, "message.new")["message"]["text"])
        missing = senders.acknowledged - set(delivered)
        assert not missing, f"{len(missing)} acknowledged messages never reached B's watcher, e.g. {sorted(missing)[:3]}"
        assert len(delivered) == len(set(delivered)), "a message delivered twice"
        assert set(delivered) <= set(stored) | {"B carries on"}, "an event for a message that is not stored"

        for restarted in start_server(store=store):
            assert restarted.key == a.key
            through_a = restarted.client().channel("messaging", channel_id)
            assert [m["text"] for m in all_messages(through_a)] == stored + ["B carries on"]
            through_a.send_message({"text": "A is back"}, users[2])
            assert next_event(watcher, "message.new")["message"]["text"] == "A is back"
    finally:
        watcher.close()
        pairs.close()


@pytest.fixture
def held_by_b(instances):
    """alice and dave in a channel made through A; dave's WebSocket is on B (not watching)."""
    a, b = instances
    alice, dave = new_id("alice"), new_id("dave")
    client = a.client()
    client.upsert_users([{"id": alice}, {"id": dave}])
    channel = client.channel("messaging", new_id("held"), {"members": [alice, dave]})
    channel.create(alice)
    ws, hello = connect(b, dave)
    yield a, channel, alice, dave, ws, hello
    ws.close()


def test_a_watch_asked_through_a_subscribes_a_connection_held_by_b(held_by_b):
    """Behind a balancer the REST call that watches lands anywhere: the server holding the
    connection must still subscribe it, or the client hears only notifications."""
    a, channel, alice, dave, ws, hello = held_by_b
    rest(a, dave, "POST", f"channels/messaging/{channel.id}/query", {"watch": True}, params={"connection_id": hello["connection_id"]})
    sent = channel.send_message({"text": "watched across servers"}, alice)["message"]
    assert next_event(ws, "message.new")["message"]["id"] == sent["id"]
    channel.send_event({"type": "typing.start"}, alice)
    assert next_event(ws, "typing.start")["user"]["id"] == alice


def test_stop_watching_and_presence_asked_through_a_reach_a_connection_held_by_b(held_by_b):
    a, channel, alice, dave, ws, hello = held_by_b
    connection = {"connection_id": hello["connection_id"]}
    rest(a, dave, "POST", f"channels/messaging/{channel.id}/query", {"watch": True}, params=connection)
    rest(a, dave, "POST", f"channels/messaging/{channel.id}/stop-watching", {}, params=connection)
    channel.send_message({"text": "after stopping"}, alice)
    assert next_event(ws, "notification.message_new")["message"]["text"] == "after stopping"

    payload = json.dumps({"filter_conditions": {"id": {"$in": [alice]}}, "presence": True})
    rest(a, dave, "GET", "users", params={"payload": payload, **connection})
    alice_ws, _ = connect(a, alice)
    try:
        changed = next_event(ws, "user.presence.changed")
        assert changed["user"]["id"] == alice and changed["user"]["online"] is True
    finally:
        alice_ws.close()


def test_a_user_still_connected_to_b_stays_online_when_their_connection_to_a_closes(instances, held_by_b):
    """dave's watcher on B used to hear alice go offline when her connection to A closed, though
    she was still connected to B."""
    a, b = instances
    _, _, alice, dave, ws, hello = held_by_b
    subscribe_to_presence(a, dave, hello, alice)
    on_a, _ = connect(a, alice)
    on_b, _ = connect(b, alice)
    try:
        assert next_event(ws, "user.presence.changed")["user"]["online"] is True
        on_a.close()
        no_event(ws, "user.presence.changed")
        assert [online(server.client(), alice) for server in (a, b)] == [True, True]
        on_b.close()
        changed = next_event(ws, "user.presence.changed")
        assert changed["user"]["id"] == alice and changed["user"]["online"] is False
    finally:
        on_a.close()
        on_b.close()


def subscribe_to_presence(server, user, ws_hello, of):
    payload = json.dumps({"filter_conditions": {"id": {"$in": [of]}}, "presence": True})
    rest(server, user, "GET", "users", params={"payload": payload, "connection_id": ws_hello["connection_id"]})


def alice_and_dave_on_a_pair(store):
    pairs = started_pair(store)
    a, b = next(pairs)
    alice, dave = new_id("alice"), new_id("dave")
    a.client().upsert_users([{"id": alice}, {"id": dave}])
    return pairs, a, b, alice, dave


def test_a_server_started_later_knows_who_is_online_on_the_others(store):
    """A server that started (or restarted) after alice connected to A used to show her offline,
    and told its watchers she left when a connection of hers to it came and went."""
    pairs, a, _, alice, dave = alice_and_dave_on_a_pair(store)
    on_a, _ = connect(a, alice)
    try:
        for c in start_server(store=store):
            assert becomes(c.client(), alice, True)
            ws, hello = connect(c, dave)
            subscribe_to_presence(c, dave, hello, alice)
            on_c, _ = connect(c, alice)
            on_c.close()
            no_event(ws, "user.presence.changed")
            assert online(c.client(), alice) is True
            ws.close()
    finally:
        on_a.close()
        pairs.close()


def test_the_users_of_a_killed_server_go_offline_on_the_others(store):
    """A killed server never says its users left: B used to show them online for good."""
    pairs, a, b, alice, dave = alice_and_dave_on_a_pair(store)
    ws, hello = connect(b, dave)
    try:
        subscribe_to_presence(b, dave, hello, alice)
        connect(a, alice)
        assert next_event(ws, "user.presence.changed")["user"]["online"] is True
        a.process.send_signal(signal.SIGKILL)
        a.process.wait()
        changed = next_event(ws, "user.presence.changed", timeout=20)
        assert changed["user"]["id"] == alice and changed["user"]["online"] is False
        assert online(b.client(), alice) is False
    finally:
        ws.close()
        pairs.close()


def test_an_upload_url_made_by_a_takes_the_file_on_b_once_and_either_imports_it(instances):
    a, b = instances
    user = new_id("up")
    urls = a.client().create_import_url("two.jsonl")
    on_b = urls["upload_url"].replace(a.url.split("//")[1], b.url.split("//")[1])
    content = json.dumps({"type": "user", "data": {"id": user}}).encode()
    assert requests.put(on_b, data=content, timeout=10).status_code == 200
    assert requests.put(urls["upload_url"], data=content, timeout=10).status_code == 403, "an upload URL is used once, on any server"
    task = b.client().create_import(urls["path"], "upsert")["import_task"]
    deadline = time.time() + 30
    while a.client().get_import(task["id"])["import_task"]["state"] != "completed":
        assert time.time() < deadline, a.client().get_import(task["id"])["import_task"]
        time.sleep(0.2)
    assert a.client().query_users({"id": user})["users"][0]["id"] == user


def test_a_task_queued_on_a_is_cancelled_or_deleted_through_b_and_never_runs(instances):
    """Import v2's queue is each server's, its tasks the database's: a cancel or delete that
    reaches another server stops the queued task in the store, where its server looks first."""
    from test_import_v2 import CANCELLED, COMPLETED, QUEUED, create, lines, wait_v2
    from test_imports import upload

    a, b = instances
    client_a, client_b = a.client(), b.client()
    # Hold the imports' lock, so A's first task waits as if another import ran, and the
    # next ones stay queued behind it.
    parts = urllib.parse.urlsplit(a.store.url)
    holder = subprocess.Popen(["psql", "-X", "-q", "-h", parts.hostname, "-p", str(parts.port), "-U", parts.username,
                               "-d", parts.path.lstrip("/")], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    holder.stdin.write("SELECT pg_advisory_lock(109299962740738);\n")
    holder.stdin.flush()
    time.sleep(0.5)
    try:
        users = [new_id("v2x") for _ in range(3)]
        tasks = [create(client_a, upload(client_a, f"x{n}.jsonl", lines(("user", {"id": user})))["path"])["id"]
                 for n, user in enumerate(users)]
        assert client_b.get(f"imports/v2/{tasks[1]}")["state"] == QUEUED
        client_b.post(f"imports/v2/{tasks[1]}/cancel", data={})
        client_b.delete(f"imports/v2/{tasks[2]}")
        assert client_a.get(f"imports/v2/{tasks[1]}")["state"] == CANCELLED
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert wait_v2(client_a, tasks[0])["state"] == COMPLETED
    deadline = time.time() + 10
    while time.time() < deadline and client_a.query_users({"id": users[0]})["users"] == []:
        time.sleep(0.1)
    time.sleep(1)  # long enough for A's queue to have reached the other two
    assert client_b.get(f"imports/v2/{tasks[1]}")["state"] == CANCELLED
    assert [u["id"] for u in client_a.query_users({"id": {"$in": users}})["users"]] == [users[0]]
    with pytest.raises(StreamAPIException) as gone:
        client_a.get(f"imports/v2/{tasks[2]}")
    assert gone.value.status_code == 404


def end_connections(store):
    """Ends every connection to the store's database but this one, as a restart of PostgreSQL
    does, and waits until they are gone."""
    others = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    [(ended_at,)] = store.rows("SELECT now()")
    store.execute(f"SELECT pg_terminate_backend(pid) {others}")
    while store.rows(f"SELECT pid {others} AND backend_start < '{ended_at}'"):
        time.sleep(0.05)
    time.sleep(0.2)  # for the servers to read the end of their sockets


def test_both_servers_answer_on_and_deliver_everything_after_postgresql_ends_their_connections(store):
    """As in a restart of PostgreSQL, every connection of both servers ends at once, under
    traffic and then idle. A statement sent on a pooled connection that had closed used to
    wait forever: after a restart the servers stopped answering, and never exited."""
    pairs, a, b, users, channel_id, watcher = channel_across_a_pair(store, "ended", 2)
    stop = threading.Event()
    try:
        senders = [Senders(server, channel_id, [user], f"through {server.url}", stop) for server, user in zip((a, b), users)]
        time.sleep(1)
        end_connections(store)
        time.sleep(1)
        stop.set()
        for sender in senders:
            sender.join()
        end_connections(store)
        after = [f"after, through {server.url}" for server in (a, b)]
        for server, user, text in zip((a, b), users, after):
            server.client().channel("messaging", channel_id).send_message({"text": text}, user)
        acknowledged = set().union(*(sender.acknowledged for sender in senders)) | set(after)
        delivered = [next_event(watcher, "message.new")["message"]["text"] for _ in acknowledged]
        assert sorted(delivered) == sorted(acknowledged), "each acknowledged message reached B's watcher once"
    finally:
        stop.set()
        watcher.close()
        pairs.close()

"""Presence as Stream has it: `online` on users while they have a WebSocket open, and
`query_users(presence=True)` subscribing the caller's connection to `user.presence.changed`
for the users answered, sent when a user's first connection opens and last one closes."""
import json
import time
import uuid

import pytest
import websocket

from test_websocket import connect, next_event, rest


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def online(client, user_id):
    return client.query_users({"id": user_id})["users"][0]["online"]


def becomes(client, user_id, expected, timeout=5):
    """Whether `online` reaches `expected`: a socket's end reaches the server a moment after
    the client closes it, and on PostgreSQL presence travels through the event log."""
    deadline = time.time() + timeout
    while online(client, user_id) != expected and time.time() < deadline:
        time.sleep(0.05)
    return online(client, user_id) == expected


def no_event(ws, event_type, timeout=1.0):
    """Nothing of `event_type` arrives within `timeout` seconds."""
    ws.settimeout(timeout)
    try:
        while True:
            assert json.loads(ws.recv()).get("type") != event_type, f"an unexpected {event_type}"
    except websocket.WebSocketTimeoutException:
        pass


@pytest.fixture
def pair(client, server):
    watcher, watched = new_id("watcher"), new_id("watched")
    client.upsert_users([{"id": watcher}, {"id": watched, "name": "Watched"}])
    ws, hello = connect(server, watcher)
    yield watcher, watched, ws, hello["connection_id"]
    ws.close()


def test_online_follows_the_users_connections(client, server, pair):
    watcher, watched, _, _ = pair
    assert becomes(client, watcher, True) and online(client, watched) is False
    first, _ = connect(server, watched)
    second, _ = connect(server, watched)
    assert becomes(client, watched, True)
    assert watched in [u["id"] for u in client.query_users({"online": True})["users"]], "online is a filter field too"
    first.close()
    time.sleep(0.3)
    assert online(client, watched) is True, "one connection is still open"
    second.close()
    assert becomes(client, watched, False), "the last connection closing makes the user offline"


def test_presence_subscribes_the_connection_to_changes_of_the_users_answered(client, server, pair):
    watcher, watched, ws, connection = pair
    outsider = new_id("outsider")
    client.upsert_user({"id": outsider})
    answer = rest(server, watcher, "GET", "users", params={
        "payload": json.dumps({"filter_conditions": {"id": watched}, "presence": True, "connection_id": connection})})
    assert [u["id"] for u in answer["users"]] == [watched] and answer["users"][0]["online"] is False

    first, _ = connect(server, watched)
    event = next_event(ws, "user.presence.changed")
    assert event["user"]["id"] == watched and event["user"]["online"] is True and event["user"]["name"] == "Watched"
    second, _ = connect(server, watched)
    other, _ = connect(server, outsider)
    no_event(ws, "user.presence.changed")  # a second connection, and users not asked for, send nothing
    first.close()
    no_event(ws, "user.presence.changed")
    second.close()
    event = next_event(ws, "user.presence.changed")
    assert event["user"]["id"] == watched and event["user"]["online"] is False
    other.close()


def test_presence_without_it_or_for_another_users_connection_subscribes_nothing(client, server, pair):
    watcher, watched, ws, connection = pair
    intruder = new_id("intruder")
    client.upsert_user({"id": intruder})
    rest(server, watcher, "GET", "users", params={"payload": json.dumps({"filter_conditions": {"id": watched}, "connection_id": connection})})
    rest(server, intruder, "GET", "users", params={
        "payload": json.dumps({"filter_conditions": {"id": watched}, "presence": True, "connection_id": connection})})
    socket, _ = connect(server, watched)
    no_event(ws, "user.presence.changed")
    socket.close()


def test_presence_with_the_connection_in_the_url_as_stream_chat_js_sends_it(client, server, pair):
    watcher, watched, ws, connection = pair
    answer = rest(server, watcher, "GET", "users", params={
        "payload": json.dumps({"filter_conditions": {"id": {"$in": [watched]}}, "presence": True}), "connection_id": connection})
    assert [u["id"] for u in answer["users"]] == [watched]
    socket, _ = connect(server, watched)
    assert next_event(ws, "user.presence.changed")["user"]["online"] is True
    socket.close()


def test_online_and_last_active_show_on_every_user_object_answered(client, server, pair):
    """Not only query_users: a channel's members, its messages' authors, query_members,
    get_message and a thread's replies show who is online; closing shows them offline with
    the time they were last active."""
    watcher, watched, _, _ = pair
    channel = client.channel("messaging", new_id("presence"), {"members": [watcher, watched]})
    channel.create(watcher)
    root = channel.send_message({"text": "hello"}, watched)["message"]
    channel.send_message({"text": "a reply", "parent_id": root["id"]}, watched)

    def shown():
        state = channel.query()
        users = {m["user"]["id"]: m["user"] for m in state["members"]}
        authors = [m["user"] for m in state["messages"]]
        members = {m["user"]["id"]: m["user"] for m in channel.query_members({})}
        single = client.get_message(root["id"])["message"]["user"]
        replies = [m["user"] for m in channel.get_replies(root["id"])["messages"]]
        return [users[watched], members[watched], single] + authors + replies, users[watcher]

    assert becomes(client, watcher, True)
    others, me = shown()
    assert me["online"] is True and me["last_active"], "the watcher's socket is open"
    assert all(u["online"] is False for u in others) and all("last_active" not in u for u in others), "never connected"

    socket, _ = connect(server, watched)
    assert becomes(client, watched, True)
    others, _ = shown()
    assert all(u["online"] is True for u in others), others
    connected_at = others[0]["last_active"]
    assert all(u["last_active"] == connected_at for u in others)
    socket.close()
    assert becomes(client, watched, False)
    others, _ = shown()
    assert all(u["online"] is False for u in others), others
    assert all(u["last_active"] >= connected_at for u in others), "the time the last connection closed"

    client.upsert_user({"id": watched, "invisible": True})
    socket, _ = connect(server, watched)
    assert becomes(client, watched, False) and online(client, watched) is False, "an invisible user is shown offline"
    socket.close()

"""The WebSocket as stream-chat-js uses it: connect, health.check, watch, and events between users."""
import json
import time
import urllib.parse
import uuid

import pytest
import requests
import websocket


def connect(server, user_id, token=None, url=None):
    """A WebSocket of `user_id` to `server` (at `url`, when it listens on another too)."""
    token = token or server.client().create_token(user_id)
    query = urllib.parse.urlencode({"json": json.dumps({"user_id": user_id, "user_details": {"id": user_id}}),
                                    "api_key": server.key, "authorization": token, "stream-auth-type": "jwt"})
    ws = websocket.create_connection(f"{(url or server.url).replace('http://', 'ws://')}/connect?{query}", timeout=10)
    return ws, json.loads(ws.recv())


def next_event(ws, event_type, timeout=5):
    deadline = time.time() + timeout
    while time.time() < deadline:
        ws.settimeout(max(0.1, deadline - time.time()))
        try:
            event = json.loads(ws.recv())
        except websocket.WebSocketTimeoutException:
            break
        if event.get("type") == event_type:
            return event
    pytest.fail(f"no {event_type} event within {timeout}s")


def rest(server, user_id, method, path, body=None, params=None):
    token = server.client().create_token(user_id)
    response = requests.request(method, f"{server.url}/{path}", params={"api_key": server.key, **(params or {})},
                                headers={"Authorization": token, "stream-auth-type": "jwt", "Content-Type": "application/json"},
                                data=json.dumps(body or {}), timeout=10)
    assert response.status_code < 300, response.text
    return response.json()


@pytest.fixture
def chat(client, server):
    alice, bob, carol = (f"{n}-{uuid.uuid4().hex[:8]}" for n in ("alice", "bob", "carol"))
    client.upsert_users([{"id": alice, "name": "Alice"}, {"id": bob, "name": "Bob"}, {"id": carol, "name": "Carol"}])
    channel = client.channel("messaging", f"ws-{uuid.uuid4().hex[:8]}", {"members": [alice, bob, carol]})
    channel.create(alice)
    sockets = {}
    for user in (alice, bob, carol):
        ws, hello = connect(server, user)
        sockets[user] = (ws, hello["connection_id"])
    for user in (alice, bob):
        rest(server, user, "POST", f"channels/messaging/{channel.id}/query", {"watch": True, "state": True},
             params={"connection_id": sockets[user][1]})
    yield channel, alice, bob, carol, sockets
    for ws, _ in sockets.values():
        ws.close()


def test_first_frame_is_health_check_with_me(server, client):
    client.upsert_user({"id": "ws-me", "name": "Me"})
    ws, hello = connect(server, "ws-me")
    assert hello["type"] == "health.check" and hello["connection_id"] and hello["me"]["id"] == "ws-me"
    ws.send(json.dumps({"type": "health.check", "client_id": "x"}))
    assert next_event(ws, "health.check")["connection_id"] == hello["connection_id"]
    ws.close()


def test_me_is_the_own_user_with_mutes_devices_and_unread_counts(server, client):
    """stream-chat-js takes `me`'s `mutes`, `channel_mutes` and unread counts as the client's
    state when it connects (a missing list broke `channel.muteStatus()`)."""
    me, friend, loud = (f"{n}-{uuid.uuid4().hex[:8]}" for n in ("me", "friend", "loud"))
    client.upsert_users([{"id": me}, {"id": friend}, {"id": loud}])
    channel = client.channel("messaging", f"own-{uuid.uuid4().hex[:8]}", {"members": [me, friend]})
    channel.create(me)
    channel.send_message({"text": "one"}, friend)
    channel.send_message({"text": "two"}, friend)
    client.mute_user(loud, me)
    channel.mute(me)
    client.add_device("dev-" + me, "firebase", me)
    ws, hello = connect(server, me)
    own = hello["me"]
    assert [m["target"]["id"] for m in own["mutes"]] == [loud]
    assert [m["channel"]["cid"] for m in own["channel_mutes"]] == [channel.cid]
    assert [d["id"] for d in own["devices"]] == ["dev-" + me]
    assert (own["total_unread_count"], own["unread_count"], own["unread_channels"], own["unread_threads"]) == (2, 2, 1, 0)
    ws.close()
    ws, hello = connect(server, friend)
    assert (hello["me"]["mutes"], hello["me"]["channel_mutes"], hello["me"]["total_unread_count"]) == ([], [], 0)
    ws.close()


def test_bad_token_gets_connection_error_and_close(server):
    ws, first = connect(server, "someone", token="not.a.jwt")
    assert first["type"] == "connection.error" and first["error"]["code"] == 5
    with pytest.raises((websocket.WebSocketConnectionClosedException, websocket.WebSocketTimeoutException, ConnectionError)):
        ws.settimeout(2)
        ws.recv() or ws.recv()
    ws.close()


def test_message_reaction_typing_and_read_reach_the_other_user(server, chat):
    channel, alice, bob, carol, sockets = chat
    alice_ws, bob_ws, carol_ws = sockets[alice][0], sockets[bob][0], sockets[carol][0]

    rest(server, alice, "POST", f"channels/messaging/{channel.id}/event", {"event": {"type": "typing.start"}})
    typing = next_event(bob_ws, "typing.start")
    assert typing["user"]["id"] == alice and typing["cid"] == f"messaging:{channel.id}"

    sent = rest(server, alice, "POST", f"channels/messaging/{channel.id}/message", {"message": {"text": "hi bob"}})["message"]
    new = next_event(bob_ws, "message.new")
    assert new["message"]["id"] == sent["id"] and new["message"]["text"] == "hi bob"
    assert new["user"]["id"] == alice and new["channel_type"] == "messaging" and new["watcher_count"] == 2
    notified = next_event(carol_ws, "notification.message_new")
    assert notified["message"]["id"] == sent["id"]
    # Carol's read position is the time she joined, so the message is unread for her; her counts are hers.
    assert notified["unread_count"] == 1 and notified["total_unread_count"] >= 1 and "unread_channels" in notified

    rest(server, bob, "POST", f"messages/{sent['id']}/reaction", {"reaction": {"type": "love"}})
    reaction = next_event(alice_ws, "reaction.new")
    assert reaction["reaction"]["type"] == "love" and reaction["reaction"]["user_id"] == bob
    assert reaction["message"]["reaction_counts"] == {"love": 1}

    rest(server, bob, "POST", f"channels/messaging/{channel.id}/read", {"message_id": sent["id"]})
    read = next_event(alice_ws, "message.read")
    assert read["user"]["id"] == bob and read["last_read_message_id"] == sent["id"]
    assert next_event(bob_ws, "notification.mark_read")["unread_count"] == 0

    rest(server, alice, "POST", f"messages/{sent['id']}", {"message": {"id": sent["id"], "text": "hi bob (edited)"}})
    assert next_event(bob_ws, "message.updated")["message"]["text"] == "hi bob (edited)"
    rest(server, alice, "DELETE", f"messages/{sent['id']}")
    deleted = next_event(bob_ws, "message.deleted")
    assert deleted["message"]["type"] == "deleted" and deleted["hard_delete"] is False


def test_channel_states_count_the_channels_watchers(server, client, chat):
    """A channel's state carries `watcher_count`, as its events do: here alice and bob watch."""
    channel, alice, bob, carol, sockets = chat
    assert channel.query()["watcher_count"] == 2
    assert client.query_channels({"cid": channel.cid})["channels"][0]["watcher_count"] == 2
    answer = rest(server, carol, "POST", f"channels/messaging/{channel.id}/query", {"watch": True, "state": True},
                  params={"connection_id": sockets[carol][1]})
    assert answer["watcher_count"] == 3, "the caller who starts watching counts"
    rest(server, alice, "POST", f"channels/messaging/{channel.id}/message", {"message": {"text": "hi"}})
    assert next_event(sockets[bob][0], "message.new")["watcher_count"] == 3


def test_notification_carries_the_recipients_unread_counts(server, chat):
    channel, alice, _, carol, sockets = chat
    rest(server, carol, "POST", f"channels/messaging/{channel.id}/read")
    next_event(sockets[carol][0], "notification.mark_read")
    for text in ("one", "two"):
        rest(server, alice, "POST", f"channels/messaging/{channel.id}/message", {"message": {"text": text}})
    first = next_event(sockets[carol][0], "notification.message_new")
    second = next_event(sockets[carol][0], "notification.message_new")
    assert (first["unread_count"], second["unread_count"]) == (1, 2)
    assert second["total_unread_count"] >= 2 and second["unread_channels"] >= 1


def test_events_keep_per_channel_order(server, chat):
    channel, alice, bob, _, sockets = chat
    for i in range(20):
        rest(server, alice, "POST", f"channels/messaging/{channel.id}/message", {"message": {"text": f"n{i}"}})
    texts = [next_event(sockets[bob][0], "message.new")["message"]["text"] for _ in range(20)]
    assert texts == [f"n{i}" for i in range(20)]


def test_query_channels_with_watch_subscribes_the_connection_to_each_channel(server, client):
    alice, bob, carol = (f"{n}-{uuid.uuid4().hex[:8]}" for n in ("alice", "bob", "carol"))
    client.upsert_users([{"id": alice}, {"id": bob}, {"id": carol}])
    channels = [client.channel("messaging", f"qw-{uuid.uuid4().hex[:8]}", {"members": [alice, bob, carol]}) for _ in range(2)]
    for channel in channels:
        channel.create(alice)
    (bob_ws, bob_hello), (carol_ws, carol_hello) = connect(server, bob), connect(server, carol)
    query = {"filter_conditions": {"members": {"$in": [bob]}}, "sort": [{"field": "last_message_at", "direction": -1}],
             "limit": 30, "state": True, "watch": True}
    answer = rest(server, bob, "POST", "channels", query, params={"connection_id": bob_hello["connection_id"]})
    assert sorted(c["channel"]["id"] for c in answer["channels"]) == sorted(c.id for c in channels)
    # Someone else's connection id subscribes nothing.
    rest(server, bob, "POST", "channels", query, params={"connection_id": carol_hello["connection_id"]})
    for channel in channels:
        rest(server, alice, "POST", f"channels/messaging/{channel.id}/message", {"message": {"text": f"to {channel.id}"}})
    got = [next_event(bob_ws, "message.new")["cid"] for _ in channels]
    assert sorted(got) == sorted(f"messaging:{c.id}" for c in channels)
    assert next_event(carol_ws, "notification.message_new")["cid"] == f"messaging:{channels[0].id}", "carol is not watching"
    bob_ws.close()
    carol_ws.close()


def test_keep_alive_sent_as_an_array_is_answered(server, client):
    client.upsert_user({"id": "ws-array"})
    ws, hello = connect(server, "ws-array")
    ws.send(json.dumps([{"type": "health.check", "client_id": "ws-array--1"}]))
    assert next_event(ws, "health.check")["connection_id"] == hello["connection_id"]
    ws.close()


def test_a_connection_flooding_frames_gets_429_and_is_closed_while_others_carry_on(server, client):
    client.upsert_users([{"id": "flooder"}, {"id": "calm"}])
    flood, _ = connect(server, "flooder")
    calm, _ = connect(server, "calm")
    error = None
    try:
        for _ in range(700):
            flood.send(json.dumps({"type": "health.check", "client_id": "x"}))
        flood.settimeout(5)
        while error is None:
            frame = json.loads(flood.recv())
            if frame.get("type") == "connection.error":
                error = frame["error"]
    except (websocket.WebSocketConnectionClosedException, ConnectionError, BrokenPipeError):
        pass
    assert error is not None and error["code"] == 9 and error["StatusCode"] == 429, error
    with pytest.raises((websocket.WebSocketConnectionClosedException, websocket.WebSocketTimeoutException, ConnectionError)):
        flood.settimeout(2)
        while True:
            flood.recv()
    calm.send(json.dumps({"type": "health.check", "client_id": "y"}))
    assert next_event(calm, "health.check")["me"]["id"] == "calm"
    flood.close()
    calm.close()


def test_shadowed_messages_and_deletes_for_me_reach_only_their_user(server, client, chat):
    channel, alice, bob, carol, sockets = chat
    alice_ws, bob_ws, carol_ws = sockets[alice][0], sockets[bob][0], sockets[carol][0]
    client.shadow_ban(bob, user_id=alice)
    shadowed = rest(server, bob, "POST", f"channels/messaging/{channel.id}/message", {"message": {"text": "psst"}})["message"]
    assert next_event(bob_ws, "message.new")["message"]["id"] == shadowed["id"], "the author sees their own message"
    heard = rest(server, alice, "POST", f"channels/messaging/{channel.id}/message", {"message": {"text": "hello"}})["message"]
    assert next_event(alice_ws, "message.new")["message"]["id"] == heard["id"], "the shadowed message.new never reached alice"
    assert next_event(carol_ws, "notification.message_new")["message"]["id"] == heard["id"], "nor carol's notifications"

    first = rest(server, bob, "POST", f"channels/messaging/{channel.id}/message", {"message": {"text": "one"}})["message"]
    client.remove_shadow_ban(bob, user_id=alice)
    second = rest(server, bob, "POST", f"channels/messaging/{channel.id}/message", {"message": {"text": "two"}})["message"]
    rest(server, alice, "DELETE", f"messages/{second['id']}", params={"delete_for_me": "true"})
    mine = next_event(alice_ws, "message.deleted")
    assert mine["message"]["id"] == second["id"] and mine["deleted_for_me"] is True
    rest(server, bob, "DELETE", f"messages/{first['id']}")
    assert next_event(bob_ws, "message.deleted")["message"]["id"] == first["id"], "bob never heard of alice's delete for herself"

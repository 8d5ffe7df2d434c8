"""`channel.stopWatching()` as stream-chat-js sends it (`POST /channels/{type}/{id}/stop-watching`
with the connection's id): the connection stops getting the channel's events, and its user,
a member, gets the channel's notifications instead; another user cannot stop someone's watch."""
import json

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user
from test_websocket import chat, rest  # noqa: F401 (chat is a fixture)


def events_until(ws, last_type, timeout=5):
    """The types of the events `ws` gets up to the first `last_type`, that one included."""
    ws.settimeout(timeout)
    seen = []
    while not seen or seen[-1] != last_type:
        seen.append(json.loads(ws.recv())["type"])
    return seen


def test_a_connection_that_stops_watching_hears_notifications_instead(server, client, chat):
    channel, alice, bob, _, sockets = chat
    bob_ws, bob_connection = sockets[bob]
    channel.send_message({"text": "while watching"}, alice)
    assert "notification.message_new" not in events_until(bob_ws, "message.new")

    as_other = as_user(server, alice, "POST", f"channels/messaging/{channel.id}/stop-watching?connection_id={bob_connection}", {})
    assert as_other.status_code == 200, as_other.text
    channel.send_message({"text": "alice cannot stop bob's watch"}, alice)
    assert "notification.message_new" not in events_until(bob_ws, "message.new")

    rest(server, bob, "POST", f"channels/messaging/{channel.id}/stop-watching", {}, params={"connection_id": bob_connection})
    channel.send_message({"text": "after stopping"}, alice)
    assert "message.new" not in events_until(bob_ws, "notification.message_new")

    rest(server, bob, "POST", f"channels/messaging/{channel.id}/query", {"watch": True}, params={"connection_id": bob_connection})
    channel.send_message({"text": "watching again"}, alice)
    assert "notification.message_new" not in events_until(bob_ws, "message.new")


def test_stop_watching_a_channel_that_is_not_there_is_404_and_unknown_keys_400(client):
    with pytest.raises(StreamAPIException) as raised:
        client.post("channels/messaging/no-such-channel/stop-watching", data={})
    assert (raised.value.status_code, raised.value.error_code) == (404, 16)
    channel = client.channel("messaging", "stop-watching-keys", {"created_by_id": "sw-owner"})
    client.upsert_user({"id": "sw-owner"})
    channel.create("sw-owner")
    with pytest.raises(StreamAPIException) as raised:
        client.post(f"channels/messaging/{channel.id}/stop-watching", data={"everything": True})
    assert raised.value.status_code == 400 and "everything is not supported" in raised.value.error_message

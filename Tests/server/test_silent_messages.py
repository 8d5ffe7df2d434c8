"""Silent messages through the SDK: `silent: true` is kept and shown, counts for no one's unread
messages (channel, thread, notification, the WebSocket's `me`), and cannot be changed by an edit."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_websocket import connect, next_event, rest


@pytest.fixture
def trip(client):
    system, rider = (f"{n}-{uuid.uuid4().hex[:8]}" for n in ("system", "rider"))
    client.upsert_users([{"id": system, "name": "Trips"}, {"id": rider, "name": "Rita Rider"}])
    channel = client.channel("messaging", f"trip-{uuid.uuid4().hex[:8]}", {"members": [system, rider]})
    channel.create(system)
    channel.mark_read(rider)
    return channel, system, rider


def unread(client, user, cid):
    counts = client.unread_counts(user)
    return next((c["unread_count"] for c in counts["channels"] if c["channel_id"] == cid), 0), counts["total_unread_count"]


def test_a_silent_message_is_kept_silent_and_shown_so(client, server, trip):
    channel, system, rider = trip
    regular = channel.send_message({"text": "your ride is booked"}, system)["message"]
    silent = channel.send_message({"text": "your ride is waiting", "silent": True}, system)["message"]
    assert (regular["silent"], silent["silent"]) == (False, True)
    assert client.get_message(silent["id"])["message"]["silent"] is True
    state = rest(server, rider, "POST", f"channels/messaging/{channel.id}/query", {"state": True})
    assert [(m["text"], m["silent"]) for m in state["messages"]] == [("your ride is booked", False), ("your ride is waiting", True)]


def test_silent_messages_count_for_no_ones_unread_messages(client, server, trip):
    channel, system, rider = trip
    cid = f"messaging:{channel.id}"
    channel.send_message({"text": "matched", "silent": True}, system)
    channel.send_message({"text": "trip updated", "silent": True}, system)
    assert unread(client, rider, channel.cid) == (0, 0)
    state = client.query_channels({"cid": cid}, user_id=rider)["channels"][0]
    assert next(r for r in state["read"] if r["user"]["id"] == rider)["unread_messages"] == 0
    channel.send_message({"text": "driver says hi"}, system)
    assert unread(client, rider, channel.cid) == (1, 1), "a regular message after them counts alone"
    _, hello = connect(server, rider)
    assert hello["me"]["total_unread_count"] == 1 and hello["me"]["unread_channels"] == 1


def test_the_watchers_events_carry_unread_counts_without_the_silent_message(server, trip):
    channel, system, rider = trip
    ws, _ = connect(server, rider)
    try:
        rest(server, system, "POST", f"channels/messaging/{channel.id}/message", {"message": {"text": "hush", "silent": True}})
        quiet = next_event(ws, "notification.message_new")
        rest(server, system, "POST", f"channels/messaging/{channel.id}/message", {"message": {"text": "hello"}})
        loud = next_event(ws, "notification.message_new")
    finally:
        ws.close()
    assert quiet["message"]["silent"] is True and quiet["unread_count"] == 0
    assert loud["message"]["silent"] is False and loud["unread_count"] == 1


def test_a_silent_reply_counts_as_a_reply_but_not_as_unread(client, trip):
    channel, system, rider = trip
    parent = channel.send_message({"text": "trip details"}, rider)["message"]
    channel.send_message({"text": "eta 5 min", "parent_id": parent["id"], "silent": True}, system)
    assert client.get_message(parent["id"])["message"]["reply_count"] == 1, "Stream: silent replies count in reply_count"
    counts = client.unread_counts(rider)
    assert counts["total_unread_threads_count"] == 0 and counts["threads"] == []
    channel.send_message({"text": "arrived", "parent_id": parent["id"]}, system)
    assert client.unread_counts(rider)["total_unread_threads_count"] == 1


def test_an_edit_keeps_the_flag_and_cannot_change_it(client, trip):
    channel, system, _ = trip
    silent = channel.send_message({"text": "your ride is waiting", "silent": True}, system)["message"]
    loud = channel.send_message({"text": "hello"}, system)["message"]
    edited = client.update_message({"id": silent["id"], "text": "your ride is here", "silent": True, "user_id": system})["message"]
    assert (edited["text"], edited["silent"]) == ("your ride is here", True), "the same flag sent back is no change"
    edited = client.update_message({"id": silent["id"], "text": "still here", "user_id": system})["message"]
    assert edited["silent"] is True, "an edit that leaves the flag out keeps it"
    for change in (lambda: client.update_message({"id": silent["id"], "text": "x", "silent": False, "user_id": system}),
                   lambda: client.update_message({"id": loud["id"], "text": "x", "silent": True, "user_id": system}),
                   lambda: client.update_message_partial(loud["id"], {"set": {"silent": True}}, system)):
        with pytest.raises(StreamAPIException) as raised:
            change()
        assert raised.value.status_code == 400 and "message.silent field cannot be updated" in raised.value.error_message
    assert client.get_message(silent["id"])["message"]["text"] == "still here"
    assert client.get_message(loud["id"])["message"]["silent"] is False


def test_silent_must_be_true_or_false(trip):
    channel, system, _ = trip
    with pytest.raises(StreamAPIException) as raised:
        channel.send_message({"text": "hm", "silent": "yes"}, system)
    assert raised.value.status_code == 400 and "silent must be true or false" in raised.value.error_message

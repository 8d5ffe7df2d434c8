"""Pinned messages: the channel state's `pinned_messages` (the newest pins, as stream-chat-js
shows them) and `channel.getPinnedMessages()` (`GET .../pinned_messages`): pinned now, newest
pin first unless sorted, bounded by pin time, a page at a time; an expired pin, an unpinned or
a deleted message is not among them, nor one the reader may not see."""
import json
import time

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user, new_id


@pytest.fixture
def pins(client):
    owner, reader = new_id("pin"), new_id("pin")
    client.upsert_users([{"id": owner}, {"id": reader}])
    channel = client.channel("messaging", new_id("pins"), {"members": [owner, reader]})
    channel.create(owner)
    sent = [channel.send_message({"text": f"message {n}"}, owner)["message"] for n in range(4)]
    pinned = []
    for message in (sent[2], sent[0], sent[3]):
        client.pin_message(message["id"], owner)
        pinned.append(message["id"])
        time.sleep(0.01)  # distinct pin times, in this order
    return channel, owner, reader, sent, pinned


def pinned_page(client, channel, **payload):
    answer = client.get(f"channels/messaging/{channel.id}/pinned_messages", params={"payload": json.dumps(payload)})
    return [m["id"] for m in answer["messages"]]


def test_the_state_and_the_route_list_what_is_pinned_now_newest_pin_first(client, pins):
    channel, owner, reader, sent, pinned = pins
    newest_first = list(reversed(pinned))
    assert [m["id"] for m in channel.query()["pinned_messages"]] == newest_first
    assert all(m["pinned"] for m in channel.query()["pinned_messages"])
    assert pinned_page(client, channel) == newest_first
    assert pinned_page(client, channel, sort=[{"field": "pinned_at", "direction": 1}]) == pinned
    assert pinned_page(client, channel, limit=2) == newest_first[:2]
    assert pinned_page(client, channel, limit=2, offset=2) == newest_first[2:]

    middle = client.get_message(pinned[1])["message"]["pinned_at"]
    assert pinned_page(client, channel, pinned_at_before=middle) == [pinned[0]]
    assert pinned_page(client, channel, pinned_at_before_or_equal=middle) == [pinned[1], pinned[0]]
    assert pinned_page(client, channel, pinned_at_after=middle) == [pinned[2]]

    client.unpin_message(pinned[2], owner)
    client.delete_message(pinned[1])
    client.pin_message(sent[1]["id"], owner, expiration=1)
    assert pinned_page(client, channel)[0] == sent[1]["id"], "pinned, for a second"
    time.sleep(1.2)
    assert pinned_page(client, channel) == [pinned[0]]
    assert [m["id"] for m in channel.query()["pinned_messages"]] == [pinned[0]]


def test_a_pin_the_reader_may_not_see_is_not_shown_and_strangers_are_refused(server, client, pins):
    channel, owner, reader, _, pinned = pins
    secret = channel.send_message({"text": "for the owner only", "restricted_visibility": [owner]}, owner)["message"]
    client.pin_message(secret["id"], owner)
    as_reader = as_user(server, reader, "GET", f"channels/messaging/{channel.id}/pinned_messages", None).json()
    assert [m["id"] for m in as_reader["messages"]] == list(reversed(pinned))
    as_owner = as_user(server, owner, "GET", f"channels/messaging/{channel.id}/pinned_messages", None).json()
    assert as_owner["messages"][0]["id"] == secret["id"]
    stranger = new_id("pin")
    client.upsert_user({"id": stranger})
    assert as_user(server, stranger, "GET", f"channels/messaging/{channel.id}/pinned_messages", None).status_code == 403


@pytest.mark.parametrize("payload, says", [
    ({"limit": 0}, "limit must be 1 to 100"),
    ({"sort": [{"field": "created_at", "direction": 1}]}, "sort by pinned_at only"),
    ({"id_around": "x"}, "id_around is not supported"),
    ({"pinned_at_before": "yesterday"}, "must be an RFC 3339 time"),
])
def test_what_the_route_cannot_do_is_400(client, pins, payload, says):
    channel = pins[0]
    with pytest.raises(StreamAPIException) as raised:
        pinned_page(client, channel, **payload)
    assert raised.value.status_code == 400 and says in raised.value.error_message, raised.value.error_message

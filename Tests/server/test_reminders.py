"""Message reminders through the SDK: create (with a time, or none for a bookmark), update,
delete, query with filters, sort and paging, their events to the user's own connections, and
Stream's rules: the channel type's `user_message_reminders`, one reminder per user and message,
only messages the user can read."""
import datetime
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from sdk_support import user_request
from test_websocket import connect, next_event


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def chat(client):
    kind = new_id("remind").replace("-", "_")
    client.create_channel_type({"name": kind, "user_message_reminders": True})
    owner, reader, outsider = new_id("rown"), new_id("rread"), new_id("rout")
    client.upsert_users([{"id": owner}, {"id": reader}, {"id": outsider}])
    channel = client.channel(kind, new_id("room"), {"members": [owner, reader]})
    channel.create(owner)
    sent = [channel.send_message({"text": f"note {n}"}, owner)["message"]["id"] for n in range(3)]
    return channel, owner, reader, outsider, sent


def refused(call, status, says):
    with pytest.raises(StreamAPIException) as raised:
        call()
    assert raised.value.status_code == status and says in raised.value.error_message, raised.value.error_message


def test_create_update_delete_and_their_events(client, server, chat):
    channel, _, reader, _, sent = chat
    ws, _ = connect(server, reader)
    try:
        at = datetime.datetime(2030, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc)
        created = client.create_reminder(sent[0], reader, at)["reminder"]
        assert created["message_id"] == sent[0] and created["user_id"] == reader and created["channel_cid"] == channel.cid
        assert created["remind_at"].startswith("2030-05-06T07:08:09") and created["message"]["text"] == "note 0"
        event = next_event(ws, "reminder.created")
        assert event["reminder"]["message_id"] == sent[0] and event["cid"] == channel.cid

        later = datetime.datetime(2031, 1, 1, tzinfo=datetime.timezone.utc)
        updated = client.update_reminder(sent[0], reader, later)["reminder"]
        assert updated["remind_at"].startswith("2031-01-01T00:00:00") and updated["created_at"] == created["created_at"]
        assert next_event(ws, "reminder.updated")["reminder"]["remind_at"] == updated["remind_at"]
        bookmark = client.update_reminder(sent[0], reader)["reminder"]
        assert bookmark["remind_at"] is None, "no time: saved for later"

        client.delete_reminder(sent[0], reader)
        assert next_event(ws, "reminder.deleted")["reminder"]["message_id"] == sent[0]
        assert client.query_reminders(reader)["reminders"] == []
    finally:
        ws.close()
    refused(lambda: client.delete_reminder(sent[0], reader), 404, "no reminder")
    refused(lambda: client.update_reminder(sent[0], reader), 404, "no reminder")


def test_rules_one_per_message_readable_messages_and_the_type_setting(client, server, chat):
    channel, owner, reader, outsider, sent = chat
    client.create_reminder(sent[1], reader)
    refused(lambda: client.create_reminder(sent[1], reader), 400, "has a reminder for message")
    assert user_request(server, outsider, "POST", f"messages/{sent[1]}/reminders", {}).status_code == 403, \
        "a user token needs to read the channel (a server token passes, as in Stream)"
    refused(lambda: client.create_reminder("no-such-message", reader), 404, "no-such-message")
    refused(lambda: client.post(f"messages/{sent[2]}/reminders", data={"user_id": reader, "remind_at": "soon"}), 400, "remind_at")
    refused(lambda: client.post(f"messages/{sent[2]}/reminders", data={"user_id": reader, "repeat": True}), 400, "repeat")
    plain = client.channel("messaging", new_id("plain"), {"members": [owner, reader]})
    plain.create(owner)
    message = plain.send_message({"text": "no reminders here"}, owner)["message"]["id"]
    refused(lambda: client.create_reminder(message, reader), 400, "user_message_reminders is disabled")
    assert client.query_reminders(owner)["reminders"] == [], "another user's reminder is theirs alone"


def test_query_filters_sorts_and_pages(client, chat):
    channel, _, reader, _, sent = chat
    times = [datetime.datetime(2030, 1, d, tzinfo=datetime.timezone.utc) for d in (3, 1)]
    client.create_reminder(sent[0], reader, times[0])
    client.create_reminder(sent[1], reader, times[1])
    client.create_reminder(sent[2], reader)  # a bookmark
    soonest = [r["message_id"] for r in client.query_reminders(reader)["reminders"] if r["remind_at"]]
    assert soonest == [sent[1], sent[0]], "remind_at ascending by default"
    latest = client.query_reminders(reader, sort=[{"field": "remind_at", "direction": -1}])["reminders"]
    assert [r["message_id"] for r in latest if r["remind_at"]] == [sent[0], sent[1]]
    one = client.query_reminders(reader, {"message_id": sent[0]})["reminders"]
    assert [r["message_id"] for r in one] == [sent[0]]
    in_channel = client.query_reminders(reader, {"channel_cid": channel.cid})["reminders"]
    assert sorted(r["message_id"] for r in in_channel) == sorted(sent)
    after = client.query_reminders(reader, {"remind_at": {"$gt": "2030-01-02T00:00:00Z"}})["reminders"]
    assert [r["message_id"] for r in after] == [sent[0]]
    first = client.query_reminders(reader, limit=2)
    assert len(first["reminders"]) == 2 and first["next"]
    rest = client.query_reminders(reader, limit=2, next=first["next"])
    assert len(rest["reminders"]) == 1 and "next" not in rest
    seen = [r["message_id"] for r in first["reminders"] + rest["reminders"]]
    assert sorted(seen) == sorted(sent)
    refused(lambda: client.query_reminders(reader, limit=0), 400, "limit")

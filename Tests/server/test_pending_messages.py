"""Pending messages through the SDK (`send_message(..., pending=True, pending_message_metadata=...)`
and `commit_message`): only the author (and server calls) sees one until it is committed, it
raises no unread count and tells nobody else; a commit publishes it with `message.new`. Only a
server call sends or commits one, only once; a pending message cannot be updated and is only
hard deleted; a channel type's `mark_messages_pending` makes every send pending."""
import json
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user
from test_websocket import connect, next_event


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def room(client):
    author, reader = new_id("pa"), new_id("pb")
    client.upsert_users([{"id": author}, {"id": reader}])
    channel = client.channel("messaging", new_id("pend"), {"members": [author, reader]})
    channel.create(author)
    channel.mark_read(reader)
    return channel, author, reader


def refused(call, status, says):
    with pytest.raises(StreamAPIException) as raised:
        call()
    assert raised.value.status_code == status and says in raised.value.error_message, raised.value.error_message


def seen_by(server, user, channel):
    state = as_user(server, user, "POST", f"channels/{channel.channel_type}/{channel.id}/query", {"state": True}).json()
    return [m["id"] for m in state["messages"]]


def pending_of(server, user, channel):
    """The channel state's `pending_messages` as `user` reads it: (id, metadata) pairs."""
    state = as_user(server, user, "POST", f"channels/{channel.channel_type}/{channel.id}/query", {"state": True}).json()
    return [(p["message"]["id"], p["pending_message_metadata"]) for p in state["pending_messages"]]


def unread_for(client, user, channel):
    return next((c["unread_count"] for c in client.unread_counts(user)["channels"] if c["channel_id"] == channel.cid), 0)


def found_by(server, user, channel, word):
    payload = json.dumps({"filter_conditions": {"cid": channel.cid}, "query": word})
    return [r["message"]["id"] for r in as_user(server, user, "GET", f"search?payload={payload}", {}).json()["results"]]


def test_only_the_author_sees_it_until_committed_then_everyone_does(server, client, room):
    channel, author, reader = room
    ws, _ = connect(server, reader)
    try:
        sent = channel.send_message({"text": "pendingword draft"}, author, pending=True,
                                    pending_message_metadata={"reason": "review", "step": "1"})
        mid = sent["message"]["id"]
        assert sent["pending_message_metadata"] == {"reason": "review", "step": "1"}
        assert seen_by(server, author, channel) == [mid]
        assert seen_by(server, reader, channel) == []
        assert as_user(server, reader, "GET", f"messages/{mid}", {}).status_code == 404
        assert as_user(server, author, "GET", f"messages/{mid}", {}).json()["message"]["text"] == "pendingword draft"
        assert client.get_message(mid)["message"]["id"] == mid, "a server call sees it"
        assert found_by(server, reader, channel, "pendingword") == []
        assert found_by(server, author, channel, "pendingword") == [mid]
        assert unread_for(client, reader, channel) == 0
        assert pending_of(server, author, channel) == [(mid, {"reason": "review", "step": "1"})]
        assert pending_of(server, reader, channel) == []

        committed = client.commit_message(mid)["message"]
        assert committed["id"] == mid and committed["text"] == "pendingword draft"
        event = next_event(ws, "notification.message_new")
        assert event["message"]["id"] == mid and event["cid"] == channel.cid, "the commit, not the send, told the reader"
        assert event["unread_count"] == 1
        assert seen_by(server, reader, channel) == [mid]
        assert found_by(server, reader, channel, "pendingword") == [mid]
        assert unread_for(client, reader, channel) == 1
        assert pending_of(server, author, channel) == []
    finally:
        ws.close()
    refused(lambda: client.commit_message(mid), 400, "is not pending")


def test_commit_is_server_side_only_and_needs_a_pending_message(server, client, room):
    channel, author, reader = room
    mid = channel.send_message({"text": "wait"}, author, pending=True)["message"]["id"]
    for user in (reader, author):
        answer = as_user(server, user, "POST", f"messages/{mid}/commit", {})
        assert answer.status_code == 403 and "server-side" in answer.json()["message"], answer.text
    assert seen_by(server, reader, channel) == [], "a refused commit leaves it pending"
    ordinary = channel.send_message({"text": "plain"}, author)["message"]["id"]
    refused(lambda: client.commit_message(ordinary), 400, "is not pending")
    refused(lambda: client.commit_message("no-such-message"), 404, "no-such-message")
    user_send = as_user(server, author, "POST", f"channels/messaging/{channel.id}/message",
                        {"message": {"text": "mine"}, "pending": True})
    assert user_send.status_code == 403 and "server-side" in user_send.json()["message"], user_send.text


def test_bad_metadata_is_refused_and_nothing_is_stored(client, room):
    channel, author, _ = room
    refused(lambda: channel.send_message({"id": "bad-meta-1", "text": "x"}, author, pending=True,
                                         pending_message_metadata={"n": 1}), 400, "pending_message_metadata.n must be a string")
    refused(lambda: channel.send_message({"id": "bad-meta-2", "text": "x"}, author, pending_message_metadata={"k": "v"}),
            400, "needs pending: true")
    refused(lambda: channel.send_message({"id": "bad-meta-3", "text": "x"}, author, pending="yes"), 400, "pending must be a boolean")
    for mid in ("bad-meta-1", "bad-meta-2", "bad-meta-3"):
        refused(lambda: client.get_message(mid), 404, mid)


def test_a_pending_message_cannot_be_updated_and_is_only_hard_deleted(server, client, room):
    channel, author, reader = room
    mid = channel.send_message({"text": "to drop"}, author, pending=True)["message"]["id"]
    refused(lambda: client.update_message({"id": mid, "text": "changed", "user_id": author}), 400, "cannot be updated")
    refused(lambda: client.update_message_partial(mid, {"set": {"text": "changed"}}, author), 400, "cannot be updated")
    refused(lambda: client.delete_message(mid), 400, "only be hard deleted")
    assert client.get_message(mid)["message"]["text"] == "to drop"
    other = as_user(server, reader, "DELETE", f"messages/{mid}?hard=true", {})
    assert other.status_code == 404, "another user cannot even see it, let alone delete it"
    ws, _ = connect(server, author)
    try:
        deleted = client.delete_message(mid, hard=True)["message"]
        assert deleted["id"] == mid and deleted["type"] == "deleted"
        event = next_event(ws, "message.deleted")
        assert event["hard_delete"] is True and event["message_id"] == mid
    finally:
        ws.close()
    refused(lambda: client.get_message(mid), 404, mid)
    refused(lambda: client.commit_message(mid), 404, mid)
    assert seen_by(server, author, channel) == []


def test_a_type_with_mark_messages_pending_makes_every_send_pending(server, client):
    kind = new_id("pendtype").replace("-", "_")
    client.create_channel_type({"name": kind, "mark_messages_pending": True})
    author, reader = new_id("pa"), new_id("pb")
    client.upsert_users([{"id": author}, {"id": reader}])
    channel = client.channel(kind, new_id("room"), {"members": [author, reader]})
    channel.create(author)
    sent = as_user(server, author, "POST", f"channels/{kind}/{channel.id}/message", {"message": {"text": "held"}})
    assert sent.status_code == 201 and sent.json()["pending_message_metadata"] == {}, sent.text
    mid = sent.json()["message"]["id"]
    assert seen_by(server, reader, channel) == [] and seen_by(server, author, channel) == [mid]
    client.commit_message(mid)
    assert seen_by(server, reader, channel) == [mid]

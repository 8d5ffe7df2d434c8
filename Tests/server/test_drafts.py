"""Drafts: one per user and channel or thread, replaced by the next, listed by `query_drafts`."""
import time
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user
from test_websocket import connect, next_event


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def test_drafts_per_channel_and_thread_replace_get_delete_and_query(client, server):
    writer, other, outsider = new_id("writer"), new_id("other"), new_id("out")
    client.upsert_users([{"id": writer}, {"id": other}, {"id": outsider}])
    channel = client.channel("messaging", new_id("drafts"), {"members": [writer, other]})
    channel.create(writer)
    parent = channel.send_message({"text": "a topic"}, other)["message"]

    ws, _ = connect(server, writer)
    try:
        first = channel.create_draft({"text": "half a thought", "mood": "calm"}, writer)["draft"]
        event = next_event(ws, "draft.updated")
    finally:
        ws.close()
    assert first["channel_cid"] == channel.cid and first["message"]["text"] == "half a thought" and first["parent_id"] is None
    assert first["message"]["mood"] == "calm", "custom fields stay custom fields"
    assert event["draft"]["message"]["text"] == "half a thought"
    channel.create_draft({"text": "a whole thought"}, writer)
    assert channel.get_draft(writer)["draft"]["message"]["text"] == "a whole thought", "a new draft replaces the old"
    time.sleep(0.01)
    reply = channel.create_draft({"text": "a reply", "parent_id": parent["id"]}, writer)["draft"]
    assert reply["parent_id"] == parent["id"]
    assert channel.get_draft(writer, parent_id=parent["id"])["draft"]["message"]["text"] == "a reply"
    assert channel.get_draft(writer)["draft"]["message"]["text"] == "a whole thought", "the channel's draft is apart"

    newest = client.query_drafts(writer, options={"limit": 1})
    assert [d["message"]["text"] for d in newest["drafts"]] == ["a reply"]
    older = client.query_drafts(writer, options={"limit": 1, "next": newest["next"]})
    assert [d["message"]["text"] for d in older["drafts"]] == ["a whole thought"]
    in_thread = client.query_drafts(writer, filter={"parent_id": {"$exists": True}})["drafts"]
    assert [d["message"]["text"] for d in in_thread] == ["a reply"]
    assert client.query_drafts(other)["drafts"] == [], "drafts are their writer's"

    channel.delete_draft(writer, parent_id=parent["id"])
    with pytest.raises(StreamAPIException) as raised:
        channel.get_draft(writer, parent_id=parent["id"])
    assert raised.value.status_code == 404, "a deleted draft is gone"
    with pytest.raises(StreamAPIException):
        channel.delete_draft(writer, parent_id=parent["id"])

    with pytest.raises(StreamAPIException) as raised:
        channel.create_draft({"text": "x", "parent_id": "no-such"}, writer)
    assert raised.value.status_code == 400
    assert as_user(server, outsider, "POST", f"channels/messaging/{channel.id}/draft", {"message": {"text": "x"}}).status_code == 403
    assert as_user(server, other, "GET", f"channels/messaging/{channel.id}/draft?user_id={writer}", {}).status_code == 403, \
        "a user token reads only its own drafts"
    channel.delete()
    assert client.query_drafts(writer)["drafts"] == [], "a deleted channel's drafts go with it"

"""Search for the messages that name a user (`mentioned_users.id`), as a client's mentions view asks Stream."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def test_search_by_mentioned_user_finds_named_mentions_newest_first(client):
    reader, writer = new_id("r"), new_id("w")
    client.upsert_users([{"id": reader}, {"id": writer}])
    channel = client.channel("messaging", new_id("mentions"), {"members": [reader, writer]})
    channel.create(writer)
    first = channel.send_message({"text": f"@{reader} one", "mentioned_users": [reader]}, writer)["message"]
    channel.send_message({"text": "nobody named"}, writer)
    channel.send_message({"text": "@here all of you", "mentioned_here": True}, writer)
    second = channel.send_message({"text": f"@{reader} two", "mentioned_users": [reader]}, writer)["message"]
    where = {"cid": f"messaging:{channel.id}"}
    found = client.search(where, {"mentioned_users.id": {"$contains": reader}})
    assert [r["message"]["id"] for r in found["results"]] == [second["id"], first["id"]]
    assert [u["id"] for u in found["results"][0]["message"]["mentioned_users"]] == [reader]
    paged = client.search(where, {"mentioned_users.id": {"$contains": reader}}, limit=1)
    assert [r["message"]["id"] for r in paged["results"]] == [second["id"]] and paged["next"]
    assert client.search(where, {"mentioned_users.id": {"$contains": writer}})["results"] == []


def test_a_mention_filter_it_cannot_answer_is_refused(client):
    where = {"type": "messaging"}
    with pytest.raises(StreamAPIException):
        client.search(where, {"mentioned_users.id": {"$in": ["x"]}})
    with pytest.raises(StreamAPIException):
        client.search(where, {"mentioned_users.id": {"$contains": "x"}, "text": {"$q": "words"}})

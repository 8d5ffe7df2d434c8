"""Channels and messages through the official SDK: create (with id and distinct), query, send, get, threads."""
import base64
import hashlib
import json
import uuid

import pytest
import requests
from stream_chat.base.exceptions import StreamAPIException


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def people(client):
    ids = [new_id("p") for _ in range(3)]
    client.upsert_users([{"id": i, "name": i.upper()} for i in ids])
    return ids


def as_user(server, user_id, method, path, body):
    token = server.client().create_token(user_id)
    return requests.request(method, f"{server.url}/{path}", params={"api_key": server.key},
                            headers={"Authorization": token, "stream-auth-type": "jwt", "Content-Type": "application/json"},
                            data=json.dumps(body), timeout=10)


def test_create_channel_with_id_and_members(client, people):
    a, b, _ = people
    cid = new_id("general")
    state = client.channel("messaging", cid, {"name": "General", "color": "blue", "members": [a, b]}).create(a)
    assert state["channel"]["id"] == cid
    assert state["channel"]["cid"] == f"messaging:{cid}"
    assert state["channel"]["name"] == "General" and state["channel"]["color"] == "blue"
    assert state["channel"]["created_by"]["id"] == a
    assert sorted(m["user_id"] for m in state["members"]) == sorted([a, b])
    assert all(m["channel_role"] == "channel_member" for m in state["members"])


def test_distinct_channel_gets_streams_derived_id(client, people):
    a, b, _ = people
    channel = client.channel("messaging", data={"members": [b, a]})
    channel.create(a)
    digest = hashlib.new("sha512_256", ",".join(sorted([a, b])).encode()).digest()
    assert channel.id == "!members-" + base64.urlsafe_b64encode(digest).decode().rstrip("=")
    again = client.channel("messaging", data={"members": [a, b]})
    again.create(b)
    assert again.id == channel.id


def test_creating_without_a_creator_is_refused(client):
    with pytest.raises(StreamAPIException) as raised:
        client.channel("messaging", new_id("c")).query()
    assert raised.value.status_code == 400 and raised.value.error_code == 4
    assert "either data.created_by or data.created_by_id must be provided" in raised.value.error_message


def test_send_get_and_query_messages(client, people):
    a, b, _ = people
    channel = client.channel("messaging", new_id("chat"), {"members": [a, b]})
    channel.create(a)
    sent = channel.send_message({"text": "hello", "rank": 3}, a)["message"]
    assert sent["text"] == "hello" and sent["rank"] == 3
    assert sent["user"]["id"] == a and sent["type"] == "regular"
    assert sent["cid"] == f"messaging:{channel.id}"
    got = client.get_message(sent["id"])["message"]
    assert got["id"] == sent["id"] and got["text"] == "hello" and got["rank"] == 3
    second = channel.send_message({"text": "again", "id": new_id("m")}, b)["message"]
    state = channel.query(messages={"limit": 10})
    assert [m["id"] for m in state["messages"]] == [sent["id"], second["id"]]


def test_channel_shows_its_last_message_time(client, people):
    """Stream's ChannelResponse carries `last_message_at`, the time query_channels sorts by."""
    a, b, _ = people
    channel = client.channel("messaging", new_id("last"), {"members": [a, b]})
    assert "last_message_at" not in channel.create(a)["channel"], "no message yet"
    channel.send_message({"text": "first"}, a)
    last = channel.send_message({"text": "second"}, b)["message"]
    channel.send_message({"text": "in the thread only", "parent_id": last["id"]}, a)
    assert channel.query()["channel"]["last_message_at"] == last["created_at"]
    found = client.query_channels({"cid": channel.cid}, user_id=a)["channels"][0]["channel"]
    assert found["last_message_at"] == last["created_at"]
    assert channel.update_partial({"topic": "news"})["channel"]["last_message_at"] == last["created_at"]


def test_server_side_query_channels_answers_for_its_user_id(client, people):
    """With a server token, `user_id` is whom the states are for: their membership, their
    channel mute and their own reactions, as a user token's query shows them."""
    a, b, _ = people
    channel = client.channel("messaging", new_id("for"), {"members": [a, b]})
    channel.create(a)
    message = channel.send_message({"text": "like me"}, b)["message"]
    channel.send_reaction(message["id"], {"type": "like"}, a)
    channel.mute(a)
    state = client.query_channels({"cid": channel.cid}, user_id=a)["channels"][0]
    assert state["membership"]["user_id"] == a
    assert state["channel"]["muted"] is True
    assert [r["type"] for r in state["messages"][0]["own_reactions"]] == ["like"]
    other = client.query_channels({"cid": channel.cid}, user_id=b)["channels"][0]
    assert other["membership"]["user_id"] == b and other["channel"]["muted"] is False
    assert other["messages"][0]["own_reactions"] == []


def test_threads_one_level_only(client, people):
    a, b, _ = people
    channel = client.channel("messaging", new_id("t"), {"members": [a, b]})
    channel.create(a)
    root = channel.send_message({"text": "root"}, a)["message"]
    reply = channel.send_message({"text": "reply", "parent_id": root["id"]}, b)["message"]
    assert reply["type"] == "reply" and reply["parent_id"] == root["id"]
    assert client.get_message(root["id"])["message"]["reply_count"] == 1
    with pytest.raises(StreamAPIException) as raised:
        channel.send_message({"text": "deeper", "parent_id": reply["id"]}, a)
    assert raised.value.status_code == 400 and raised.value.error_code == 21


def test_bad_messages_are_refused_and_not_stored(client, people):
    a, b, _ = people
    channel = client.channel("messaging", new_id("bad"), {"members": [a, b]})
    channel.create(a)
    first = channel.send_message({"text": "one", "id": new_id("dup")}, a)["message"]
    with pytest.raises(StreamAPIException) as raised:
        channel.send_message({"text": "two", "id": first["id"]}, a)
    assert raised.value.error_code == 4 and "already exists" in raised.value.error_message
    with pytest.raises(StreamAPIException) as raised:
        channel.send_message({"text": "x" * 5001}, a)
    assert "max message text length exceeded (5000)" in raised.value.error_message
    with pytest.raises(StreamAPIException) as raised:
        channel.send_message({"text": "hi", "attachments": [{"type": "image", "image_url": "http://insecure.example/a.png"}]}, a)
    assert "https://" in raised.value.error_message
    assert [m["text"] for m in channel.query()["messages"]] == ["one"]


def test_membership_and_frozen_channels(server, client, people):
    a, b, outsider = people
    cid = new_id("private")
    client.channel("messaging", cid, {"members": [a, b]}).create(a)
    denied = as_user(server, outsider, "POST", f"channels/messaging/{cid}/message", {"message": {"text": "let me in"}})
    assert denied.status_code == 403 and denied.json()["code"] == 17
    spoof = as_user(server, a, "POST", f"channels/messaging/{cid}/message", {"message": {"text": "as b", "user": {"id": b}}})
    assert spoof.status_code == 403
    ok = as_user(server, a, "POST", f"channels/messaging/{cid}/message", {"message": {"text": "member here"}})
    assert ok.status_code == 201 and ok.json()["message"]["user"]["id"] == a
    live = new_id("live")
    client.channel("livestream", live, {}).create(a)
    assert as_user(server, outsider, "POST", f"channels/livestream/{live}/message", {"message": {"text": "hi all"}}).status_code == 201
    frozen = new_id("frozen")
    client.channel("messaging", frozen, {"frozen": True, "members": [a]}).create(a)
    with pytest.raises(StreamAPIException) as raised:
        client.channel("messaging", frozen).send_message({"text": "anyone?"}, a)
    assert raised.value.status_code == 403 and raised.value.error_code == 17


def test_missing_channel_and_message(client, people):
    with pytest.raises(StreamAPIException) as raised:
        client.channel("messaging", "does-not-exist").send_message({"text": "hi"}, people[0])
    assert raised.value.status_code == 404 and raised.value.error_code == 16
    with pytest.raises(StreamAPIException) as raised:
        client.get_message("no-such-message")
    assert raised.value.status_code == 404 and raised.value.error_code == 16


def test_channel_query_pages_messages_by_id_and_time(client, people):
    a, b, _ = people
    channel = client.channel("messaging", new_id("pages"), {"members": [a, b]})
    channel.create(a)
    sent = [channel.send_message({"text": f"m{i}"}, a if i % 2 else b)["message"] for i in range(6)]
    ids = [m["id"] for m in sent]

    def page(**messages):
        return [m["text"] for m in channel.query(messages=messages)["messages"]]

    assert page(limit=2) == ["m4", "m5"]
    assert page(limit=2, id_lt=ids[3]) == ["m1", "m2"]
    assert page(limit=2, id_lte=ids[3]) == ["m2", "m3"]
    assert page(limit=2, id_gt=ids[1]) == ["m2", "m3"]
    assert page(limit=2, id_gte=ids[1]) == ["m1", "m2"]
    assert page(limit=3, id_around=ids[3]) == ["m2", "m3", "m4"]
    assert page(limit=10, id_gt=ids[5]) == []
    assert page(limit=10, created_at_before=sent[3]["created_at"]) == ["m0", "m1", "m2"]
    assert page(limit=2, created_at_after_or_equal=sent[3]["created_at"]) == ["m3", "m4"]
    # The other three of Stream's MessagePaginationParams times, each one a page from that time.
    assert page(limit=2, created_at_after=sent[3]["created_at"]) == ["m4", "m5"]
    assert page(limit=2, created_at_before_or_equal=sent[3]["created_at"]) == ["m2", "m3"]
    assert page(limit=3, created_at_around=sent[3]["created_at"]) == ["m2", "m3", "m4"]
    other = client.channel("messaging", new_id("other"), {"members": [a]})
    other.create(a)
    foreign = other.send_message({"text": "elsewhere"}, a)["message"]["id"]
    for bad in ({"id_lt": "no-such-message"}, {"id_gt": foreign}, {"created_at_before": "yesterday"},
                {"created_at_around": "soon"}):
        with pytest.raises(StreamAPIException) as raised:
            channel.query(messages={"limit": 2, **bad})
        assert raised.value.status_code == 400 and raised.value.error_code == 4


def test_sent_mentions_and_quotes_come_back(client, people):
    a, b, c = people
    channel = client.channel("messaging", new_id("mention"), {"members": [a, b]})
    channel.create(a)
    original = channel.send_message({"text": "original"}, b)["message"]
    sent = channel.send_message({"text": "@b see above", "mentioned_users": [b], "quoted_message_id": original["id"]}, a)["message"]
    assert [u["id"] for u in sent["mentioned_users"]] == [b]
    got = client.get_message(sent["id"])["message"]
    assert [u["id"] for u in got["mentioned_users"]] == [b]
    # Mentioned users and the pinner are whole users (name, custom fields), as the author is.
    assert sent["mentioned_users"][0]["name"] == got["mentioned_users"][0]["name"] == b.upper()
    assert got["mentioned_users"][0]["created_at"] == client.query_users({"id": b})["users"][0]["created_at"]
    client.pin_message(sent["id"], c)
    assert client.get_message(sent["id"])["message"]["pinned_by"]["name"] == c.upper()
    assert got["quoted_message"]["id"] == original["id"] and got["quoted_message"]["text"] == "original"
    assert got["quoted_message"]["user"]["id"] == b and "quoted_message" not in got["quoted_message"]
    assert "quoted_message" not in client.get_message(original["id"])["message"]
    with pytest.raises(StreamAPIException) as raised:
        channel.send_message({"text": "hi ghost", "mentioned_users": ["no-such-user"]}, a)
    assert raised.value.status_code == 400 and "mentioned user no-such-user doesn't exist" in raised.value.error_message
    with pytest.raises(StreamAPIException) as raised:
        channel.send_message({"text": "hi", "mentioned_users": c}, a)
    assert raised.value.status_code == 400 and "mentioned_users must be a list of user ids" in raised.value.error_message


def test_messages_in_a_distinct_channel_can_be_sent_and_edited(client, people):
    a, b, _ = people
    channel = client.channel("messaging", data={"members": [a, b]})
    channel.create(a)
    sent = channel.send_message({"text": "just us"}, a)["message"]
    assert sent["cid"] == f"messaging:{channel.id}" and sent["text"] == "just us"
    edited = client.update_message({"id": sent["id"], "text": "just us two", "user_id": a})["message"]
    assert edited["text"] == "just us two" and edited["cid"] == f"messaging:{channel.id}"
    assert [m["text"] for m in channel.query()["messages"]] == ["just us two"]

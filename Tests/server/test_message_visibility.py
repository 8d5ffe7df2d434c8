"""Messages some users see and others don't, through the official SDK: deleted for one user
(`delete_for_me`), shadow-banned users' messages (`shadowed`), and messages deleted for
everyone for good (`hard`)."""
import json
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user
from test_websocket import connect, next_event, rest


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def room(client):
    a, b = new_id("a"), new_id("b")
    client.upsert_users([{"id": a}, {"id": b}])
    channel = client.channel("messaging", new_id("vis"), {"members": [a, b]})
    channel.create(a)
    return channel, a, b


def seen_by(server, user, channel):
    """The message ids of the channel's newest page as `user` reads it."""
    state = as_user(server, user, "POST", f"channels/messaging/{channel.id}/query", {"state": True, "messages": {"limit": 50}}).json()
    return [m["id"] for m in state["messages"]]


def unread_for(client, user, channel):
    return next((c["unread_count"] for c in client.unread_counts(user)["channels"] if c["channel_id"] == f"messaging:{channel.id}"), 0)


def test_delete_for_me_hides_the_message_from_that_user_only(server, client, room):
    channel, a, b = room
    channel.mark_read(b)
    mid = channel.send_message({"text": "needle in the channel"}, a)["message"]["id"]
    reply = channel.send_message({"text": "a reply", "parent_id": mid}, a)["message"]["id"]
    assert unread_for(client, b, channel) == 1

    answer = client.delete_message(mid, delete_for_me=True, deleted_by=b)["message"]
    assert answer["id"] == mid and answer["deleted_for_me"] is True and answer["type"] == "regular"

    kept = client.get_message(mid)["message"]
    assert kept["type"] == "regular" and "deleted_at" not in kept and kept["text"] == "needle in the channel"
    assert as_user(server, a, "GET", f"messages/{mid}", {}).status_code == 200
    assert as_user(server, b, "GET", f"messages/{mid}", {}).status_code == 404
    assert mid in seen_by(server, a, channel) and mid not in seen_by(server, b, channel)
    assert unread_for(client, b, channel) == 0 and unread_for(client, a, channel) == 0
    search = f"search?payload={json.dumps({'filter_conditions': {'cid': f'messaging:{channel.id}'}, 'query': 'needle'})}"
    assert [r["message"]["id"] for r in as_user(server, a, "GET", search, {}).json()["results"]] == [mid]
    assert as_user(server, b, "GET", search, {}).json()["results"] == []
    assert [m["id"] for m in channel.get_replies(mid)["messages"]] == [reply], "the thread stays for everyone"


def test_delete_for_me_names_a_user(client, room):
    channel, a, _ = room
    mid = channel.send_message({"text": "hello"}, a)["message"]["id"]
    with pytest.raises(StreamAPIException) as raised:
        client.delete(f"messages/{mid}", None, {"delete_for_me": True})
    assert raised.value.status_code == 400 and raised.value.error_code == 4
    with pytest.raises(StreamAPIException) as raised:
        client.delete(f"messages/{mid}", {"hard": "true"}, {"delete_for_me": True, "user_id": a})
    assert raised.value.status_code == 400 and "both hard deleted and deleted for me" in raised.value.error_message
    assert client.get_message(mid)["message"]["type"] == "regular", "refused deletes change nothing"


def test_delete_for_me_through_a_user_token(server, client, room):
    channel, a, b = room
    mid = channel.send_message({"text": "mine to hide"}, a)["message"]["id"]
    assert as_user(server, a, "DELETE", f"messages/{mid}?delete_for_me=true", {}).json()["message"]["deleted_for_me"] is True
    assert mid not in seen_by(server, a, channel) and mid in seen_by(server, b, channel)


def test_a_shadow_banned_users_messages_reach_only_them(server, client, room):
    channel, a, b = room
    channel.mark_read(a)
    client.shadow_ban(b, user_id=a)
    sent = channel.send_message({"text": "nobody hears me"}, b)["message"]
    assert sent["shadowed"] is False, "the author is never told"
    mid = sent["id"]
    assert client.get_message(mid)["message"]["shadowed"] is True, "a server call sees it is shadowed"
    assert as_user(server, b, "GET", f"messages/{mid}", {}).json()["message"]["shadowed"] is False
    # A channel page takes the flag from the row it read, not from a read of its own.
    assert [m["shadowed"] for m in channel.query(messages={"limit": 50})["messages"] if m["id"] == mid] == [True]
    own_page = as_user(server, b, "POST", f"channels/messaging/{channel.id}/query", {"messages": {"limit": 50}}).json()["messages"]
    assert [m["shadowed"] for m in own_page if m["id"] == mid] == [False]
    assert as_user(server, a, "GET", f"messages/{mid}", {}).status_code == 404
    assert mid in seen_by(server, b, channel) and mid not in seen_by(server, a, channel)
    assert unread_for(client, a, channel) == 0

    client.remove_shadow_ban(b, user_id=a)
    heard = channel.send_message({"text": "now you hear me"}, b)["message"]["id"]
    assert client.get_message(heard)["message"]["shadowed"] is False
    assert heard in seen_by(server, a, channel) and mid not in seen_by(server, a, channel)
    assert unread_for(client, a, channel) == 1


def test_an_app_wide_ban_names_no_channel(client, room):
    channel, a, b = room
    client.ban_user(b, user_id=a)
    with pytest.raises(StreamAPIException) as raised:
        channel.send_message({"text": "hello?"}, b)
    assert raised.value.status_code == 403 and raised.value.error_code == 17
    assert "channel" not in raised.value.error_message and channel.id not in raised.value.error_message
    client.unban_user(b)
    channel.ban_user(b, user_id=a)
    with pytest.raises(StreamAPIException) as raised:
        channel.send_message({"text": "hello?"}, b)
    assert f"messaging:{channel.id}" in raised.value.error_message, "a channel ban names its channel"


def test_a_hard_delete_removes_the_message_and_what_hangs_on_it_alone(server, client, room):
    channel, a, b = room
    ws, hello = connect(server, b)
    rest(server, b, "POST", f"channels/messaging/{channel.id}/query", {"watch": True}, params={"connection_id": hello["connection_id"]})
    parent = channel.send_message({"text": "a topic"}, a)["message"]
    reply = channel.send_message({"text": "a reply", "parent_id": parent["id"]}, b)["message"]
    channel.send_reaction(parent["id"], {"type": "like"}, b)
    client.update_message({"id": parent["id"], "text": "a topic, edited", "user_id": a})
    kept = channel.send_message({"text": "kept"}, a)["message"]

    answer = as_user(server, a, "DELETE", f"messages/{parent['id']}?hard=true", {})
    assert answer.status_code == 200, answer.text
    assert answer.json()["message"]["type"] == "deleted" and answer.json()["message"]["deleted_at"]
    event = next_event(ws, "message.deleted")
    assert event["hard_delete"] is True and event["message_id"] == parent["id"] and event["user"]["id"] == a
    with pytest.raises(StreamAPIException) as raised:
        client.get_message(parent["id"])
    assert raised.value.status_code == 404
    assert [m["id"] for m in channel.query()["messages"]] == [kept["id"]]
    assert client.get_message(reply["id"])["message"]["text"] == "a reply", "its replies stay, as after a soft delete"
    assert client.search({"cid": channel.cid}, "topic")["results"] == [], "gone from search too"
    ws.close()

    # Only the author, a moderator or a server call deletes; a second delete finds nothing.
    other = channel.send_message({"text": "not b's"}, a)["message"]
    assert as_user(server, b, "DELETE", f"messages/{other['id']}?hard=true", {}).status_code == 403
    assert client.get_message(other["id"])["message"]["type"] == "regular"
    assert as_user(server, a, "DELETE", f"messages/{parent['id']}?hard=true", {}).status_code == 404

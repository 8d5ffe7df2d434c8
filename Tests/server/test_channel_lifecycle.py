"""Truncate, delete, channel and member events, hidden channels in query_channels, mark_all_read
and channel mutes, through the official SDK and a WebSocket watcher."""
import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channel_updates import new_id, trio  # noqa: F401 (fixture)
from test_channels_messages import as_user
from test_websocket import connect, next_event, rest


@pytest.fixture
def watched(server, client, trio):
    """A channel of the trio created by the first, watched by the second over a WebSocket."""
    a, b, c = trio
    channel = client.channel("messaging", new_id("life"), {"members": [a, b]})
    channel.create(a)
    ws, hello = connect(server, b)
    rest(server, b, "POST", f"channels/messaging/{channel.id}/query", {"watch": True, "state": True},
         params={"connection_id": hello["connection_id"]})
    yield channel, a, b, c, ws
    ws.close()


def test_truncate_removes_messages_and_tells_watchers(server, client, watched):
    channel, a, b, _, ws = watched
    for text in ("one", "two"):
        channel.send_message({"text": text}, a)
    reply_root = channel.send_message({"text": "root"}, a)["message"]["id"]
    channel.send_message({"text": "in thread", "parent_id": reply_root}, b)
    refused = as_user(server, b, "POST", f"channels/messaging/{channel.id}/truncate", {})
    assert refused.status_code == 403 and refused.json()["code"] == 17
    assert len(channel.query(messages={"limit": 10})["messages"]) == 3, "a refused truncate removes nothing"

    answer = channel.truncate(user_id=a)
    assert answer["channel"]["truncated_at"]
    assert channel.query(messages={"limit": 10})["messages"] == []
    with pytest.raises(StreamAPIException) as missing:
        client.get_message(reply_root)
    assert missing.value.status_code == 404
    event = next_event(ws, "channel.truncated")
    assert event["cid"] == f"messaging:{channel.id}" and event["channel"]["truncated_at"]
    channel.send_message({"text": "after"}, a)
    assert [m["text"] for m in channel.query(messages={"limit": 10})["messages"]] == ["after"]


def test_truncate_up_to_a_time_keeps_later_messages(client, trio):
    a, b, _ = trio
    channel = client.channel("messaging", new_id("tt"), {"members": [a, b]})
    channel.create(a)
    first = channel.send_message({"text": "old"}, a)["message"]
    channel.send_message({"text": "new"}, a)
    channel.truncate(truncated_at=first["created_at"])
    assert [m["text"] for m in channel.query(messages={"limit": 10})["messages"]] == ["new"]
    with pytest.raises(StreamAPIException) as bad:
        channel.truncate(truncated_at="yesterday")
    assert bad.value.status_code == 400


def test_delete_channel_removes_it_and_tells_watchers(server, client, watched):
    channel, a, b, _, ws = watched
    channel.send_message({"text": "soon gone"}, a)
    refused = as_user(server, b, "DELETE", f"channels/messaging/{channel.id}", {})
    assert refused.status_code == 403
    deleted = channel.delete()["channel"]
    assert deleted["deleted_at"] and deleted["cid"] == f"messaging:{channel.id}"
    assert next_event(ws, "channel.deleted")["cid"] == f"messaging:{channel.id}"
    assert client.query_channels({"cid": f"messaging:{channel.id}"})["channels"] == []
    with pytest.raises(StreamAPIException) as again:
        channel.delete()
    assert again.value.status_code == 404


def test_update_and_member_changes_reach_watchers_and_the_added_user(server, client, watched):
    channel, a, b, c, ws = watched
    c_ws, _ = connect(server, c)
    try:
        channel.update_partial({"topic": "launch"})
        updated = next_event(ws, "channel.updated")
        assert updated["channel"]["topic"] == "launch"

        channel.add_members([c])
        added = next_event(ws, "member.added")
        assert added["member"]["user_id"] == c and added["channel"]["cid"] == f"messaging:{channel.id}"
        assert next_event(c_ws, "notification.added_to_channel")["member"]["user_id"] == c

        channel.add_moderators([c])
        assert next_event(ws, "member.updated")["member"]["channel_role"] == "channel_moderator"

        channel.remove_members([c])
        removed = next_event(ws, "member.removed")
        assert removed["member"]["user_id"] == c
        assert next_event(c_ws, "notification.removed_from_channel")["cid"] == f"messaging:{channel.id}"
    finally:
        c_ws.close()


def test_query_channels_leaves_out_what_the_user_hid(client, trio):
    a, b, _ = trio
    kept = client.channel("messaging", new_id("kept"), {"members": [a, b]})
    hidden = client.channel("messaging", new_id("hid"), {"members": [a, b]})
    kept.create(a)
    hidden.create(a)
    hidden.hide(b)

    def cids(user, **extra):
        filter_conditions = {"members": {"$in": [user]}, "cid": {"$in": [kept.cid, hidden.cid]}, **extra}
        return {c["channel"]["cid"] for c in client.query_channels(filter_conditions, user_id=user)["channels"]}

    assert cids(b) == {kept.cid}
    assert cids(b, hidden=True) == {hidden.cid}
    assert cids(a) == {kept.cid, hidden.cid}, "hiding is per member"


def test_mark_all_read_clears_every_channel(client, trio):
    a, b, _ = trio
    channels = [client.channel("messaging", new_id("mar"), {"members": [a, b]}) for _ in range(2)]
    for channel in channels:
        channel.create(a)
        channel.mark_read(b)
        channel.send_message({"text": "unread"}, a)
    assert client.unread_counts(b)["total_unread_count"] >= 2
    client.mark_all_read(b)
    assert client.unread_counts(b)["total_unread_count"] == 0
    with pytest.raises(StreamAPIException) as missing:
        client.mark_all_read("nobody-" + new_id("x"))
    assert missing.value.status_code == 400


def test_channel_mute_and_unmute(server, client, trio):
    a, b, c = trio
    channel = client.channel("messaging", new_id("mute"), {"members": [a, b]})
    channel.create(a)
    muted = channel.mute(b)
    assert muted["channel_mute"]["channel"]["cid"] == channel.cid
    assert [m["channel"]["cid"] for m in muted["own_user"]["channel_mutes"]] == [channel.cid]
    channel.unmute(b)
    other = client.channel("messaging", new_id("mute"), {"members": [a, b]})
    other.create(a)
    mutes = other.mute(b)["own_user"]["channel_mutes"]
    assert [m["channel"]["cid"] for m in mutes] == [other.cid], "the unmuted channel is gone from the list"

    expiring = channel.mute(a, expiration=30000)["channel_mute"]
    assert expiring["expires"] > expiring["created_at"], "an expiration (ms) is when the mute ends (test_query_users_and_options)"
    outsider = as_user(server, c, "POST", "moderation/mute/channel", {"channel_cid": channel.cid})
    assert outsider.status_code == 403, "a non-member cannot mute a messaging channel"


def test_rest_bans_are_told(server, client, watched):
    channel, a, b, c, ws = watched
    channel.ban_user(a, user_id=c, reason="spam", timeout=5)
    banned = next_event(ws, "user.banned")
    assert banned["user"]["id"] == a and banned["cid"] == channel.cid
    assert banned["reason"] == "spam" and banned["created_by"]["id"] == c and banned["expiration"]
    channel.unban_user(a)
    assert next_event(ws, "user.unbanned")["user"]["id"] == a

    target_ws, _ = connect(server, c)
    try:
        client.ban_user(c, user_id=a)
        app_wide = next_event(target_ws, "user.banned")
        assert app_wide["user"]["id"] == c and "cid" not in app_wide
    finally:
        client.unban_user(c)
        target_ws.close()

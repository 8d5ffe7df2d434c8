"""Channel updates, members, moderators and query_channels through the official SDK."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def trio(client):
    ids = [new_id("m") for _ in range(3)]
    client.upsert_users([{"id": i} for i in ids])
    return ids


def test_update_replaces_custom_data(client, trio):
    a, b, _ = trio
    channel = client.channel("messaging", new_id("u"), {"name": "Old", "color": "red", "members": [a, b]})
    channel.create(a)
    updated = channel.update({"name": "New", "motd": "hi"})["channel"]
    assert updated["name"] == "New" and updated["motd"] == "hi"
    assert "color" not in updated
    assert updated["created_by"]["id"] == a


def test_update_partial_sets_and_unsets(client, trio):
    a, b, _ = trio
    channel = client.channel("messaging", new_id("p"), {"name": "P", "color": "red", "members": [a, b]})
    channel.create(a)
    response = channel.update_partial({"color": "blue", "frozen": True}, ["name"])
    assert response["channel"]["color"] == "blue" and response["channel"]["frozen"] is True
    assert "name" not in response["channel"]
    with pytest.raises(StreamAPIException) as raised:
        channel.send_message({"text": "frozen now"}, a)
    assert raised.value.error_code == 17


def test_members_and_moderators(client, trio):
    a, b, c = trio
    channel = client.channel("messaging", new_id("mm"), {"members": [a]})
    channel.create(a)
    members = channel.add_members([b, {"user_id": c, "channel_role": "channel_moderator"}])["members"]
    roles = {m["user_id"]: m["channel_role"] for m in members}
    assert roles == {a: "channel_member", b: "channel_member", c: "channel_moderator"}
    assert {m["user_id"]: m["is_moderator"] for m in channel.add_moderators([b])["members"]}[b] is True
    assert {m["user_id"]: m["is_moderator"] for m in channel.demote_moderators([b])["members"]}[b] is False
    assert {m["user_id"] for m in channel.remove_members([b])["members"]} == {a, c}
    assert {m["user_id"] for m in channel.query()["members"]} == {a, c}
    with pytest.raises(StreamAPIException) as raised:
        channel.add_members(["ghost-user"])
    assert raised.value.error_code == 4


def test_only_moderators_update_with_user_tokens(server, client, trio):
    a, b, _ = trio
    cid = new_id("perm")
    client.channel("messaging", cid, {"members": [a, b]}).create(a)
    denied = as_user(server, b, "POST", f"channels/messaging/{cid}", {"data": {"name": "mine now"}})
    assert denied.status_code == 403 and denied.json()["code"] == 17
    assert as_user(server, a, "POST", f"channels/messaging/{cid}", {"data": {"name": "creator may"}}).status_code == 201


def test_query_channels_by_members_type_and_cid(client, trio):
    a, b, c = trio
    first = client.channel("messaging", new_id("q1"), {"members": [a, b]})
    first.create(a)
    second = client.channel("team", new_id("q2"), {"members": [a, c]})
    second.create(a)
    second.send_message({"text": "latest"}, a)
    found = client.query_channels({"members": {"$in": [a]}}, {"last_message_at": -1})["channels"]
    assert [s["channel"]["id"] for s in found][:2] == [second.id, first.id]
    assert found[0]["messages"][-1]["text"] == "latest"
    teams = client.query_channels({"members": {"$in": [a]}, "type": "team"})["channels"]
    assert [s["channel"]["id"] for s in teams] == [second.id]
    by_cid = client.query_channels({"cid": {"$in": [f"messaging:{first.id}"]}})["channels"]
    assert [s["channel"]["cid"] for s in by_cid] == [f"messaging:{first.id}"]
    with pytest.raises(StreamAPIException) as raised:
        client.query_channels({"name": {"$regex": "q"}})
    assert "$regex" in raised.value.error_message and "not supported by the local server" in raised.value.error_message


def test_query_channels_by_id_and_by_the_users_mutes(client, trio):
    a, b, _ = trio
    loud = client.channel("messaging", new_id("loud"), {"members": [a, b]})
    loud.create(a)
    quiet = client.channel("team", new_id("quiet"), {"members": [a, b]})
    quiet.create(a)
    quiet.mute(b)

    def ids(filter_conditions, **options):
        return sorted(s["channel"]["id"] for s in client.query_channels(filter_conditions, **options)["channels"])

    assert ids({"id": quiet.id}) == [quiet.id] and ids({"id": {"$in": [loud.id, quiet.id]}}) == sorted([loud.id, quiet.id])
    both = {"members": {"$in": [b]}, "id": {"$in": [loud.id, quiet.id]}}
    assert ids({**both, "muted": True}, user_id=b) == [quiet.id]
    assert ids({**both, "muted": False}, user_id=b) == [loud.id]
    assert ids({**both, "muted": True}, user_id=a) == [], "mutes are the user's own"
    with pytest.raises(StreamAPIException) as raised:
        client.query_channels({"muted": True})
    assert raised.value.status_code == 400 and "needs a user" in raised.value.error_message


def test_hide_and_show_and_a_new_message_unhides(client, trio):
    a, b, _ = trio
    channel = client.channel("messaging", new_id("h"), {"members": [a, b]})
    channel.create(a)
    cid = f"messaging:{channel.id}"

    def unread():
        return {c["channel_id"]: c["unread_count"] for c in client.unread_counts(b)["channels"]}

    channel.mark_read(b)
    channel.send_message({"text": "one"}, a)
    assert unread().get(cid) == 1
    channel.hide(b)
    assert cid not in unread(), "a hidden channel leaves the member's list"
    channel.show(b)
    assert unread().get(cid) == 1
    channel.hide(b)
    channel.send_message({"text": "two"}, a)
    assert unread().get(cid) == 2, "a new message brings it back"
    with pytest.raises(StreamAPIException):
        client.channel("messaging", channel.id).hide("not-a-member-" + new_id("x"))


def test_a_member_may_leave_but_not_remove_others(server, client, trio):
    a, b, c = trio
    channel = client.channel("messaging", new_id("leave"), {"members": [a, b, c]})
    channel.create(a)
    others = as_user(server, b, "POST", f"channels/messaging/{channel.id}", {"remove_members": [c]})
    assert others.status_code == 403 and others.json()["code"] == 17
    both = as_user(server, b, "POST", f"channels/messaging/{channel.id}", {"remove_members": [b], "add_members": [c]})
    assert both.status_code == 403, "leaving is all a plain member may do"
    left = as_user(server, b, "POST", f"channels/messaging/{channel.id}", {"remove_members": [b]})
    assert left.status_code == 201, left.text
    assert sorted(m["user_id"] for m in channel.query()["members"]) == sorted([a, c])
    again = as_user(server, b, "POST", f"channels/messaging/{channel.id}", {"remove_members": [b]})
    assert again.status_code == 403, "no longer a member"


def test_filter_tags_added_removed_and_queried(client, server, trio):
    a, b, _ = trio
    channel = client.channel("messaging", new_id("tags"), {"members": [a, b], "filter_tags": ["vip"]})
    channel.create(a)
    tagged = channel.add_filter_tags(["premium", "vip", "gold"])["channel"]
    assert tagged["filter_tags"] == ["vip", "premium", "gold"], "each tag once, in the order added"
    assert channel.remove_filter_tags(["premium", "none-such"])["channel"]["filter_tags"] == ["vip", "gold"]
    found = client.query_channels({"filter_tags": {"$in": ["gold"]}, "cid": channel.cid})["channels"]
    assert [c["channel"]["cid"] for c in found] == [channel.cid]
    assert client.query_channels({"filter_tags": {"$in": ["premium"]}, "cid": channel.cid})["channels"] == []
    with pytest.raises(StreamAPIException) as raised:
        channel.add_filter_tags([7])
    assert raised.value.status_code == 400 and "add_filter_tags" in raised.value.error_message
    refused = as_user(server, b, "POST", f"channels/messaging/{channel.id}", {"add_filter_tags": ["mine"]})
    assert refused.status_code == 403, "tagging is changing the channel: a plain member may not"

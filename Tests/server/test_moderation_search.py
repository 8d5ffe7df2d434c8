"""Bans, mutes, search and channel types through the official SDK."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def group(client):
    mod, member, other = new_id("mod"), new_id("mem"), new_id("oth")
    client.upsert_users([{"id": mod, "role": "admin"}, {"id": member}, {"id": other}])
    channel = client.channel("messaging", new_id("g"), {"members": [mod, member, other]})
    channel.create(mod)
    return channel, mod, member, other


def test_app_ban_stops_posting_until_unbanned(client, group):
    channel, mod, member, _ = group
    client.ban_user(member, user_id=mod, reason="spam")
    with pytest.raises(StreamAPIException) as raised:
        channel.send_message({"text": "still here?"}, member)
    assert raised.value.status_code == 403 and raised.value.error_code == 17
    bans = client.query_banned_users({"filter_conditions": {}})["bans"]
    mine = [b for b in bans if b["user"]["id"] == member]
    assert mine and mine[0]["reason"] == "spam" and mine[0]["banned_by"]["id"] == mod
    # The user shows the ban, as Stream's UserResponse does, and query_users filters on it.
    assert client.query_users({"id": member})["users"][0]["banned"] is True
    assert [u["id"] for u in client.query_users({"id": {"$in": [mod, member]}, "banned": True})["users"]] == [member]
    client.unban_user(member)
    assert client.query_users({"id": member})["users"][0]["banned"] is False
    assert channel.send_message({"text": "back"}, member)["message"]["text"] == "back"
    client.ban_user(member, user_id=mod, timeout=30)
    assert client.query_users({"id": member})["users"][0]["ban_expires"] == client.query_banned_users(
        {"filter_conditions": {"user_id": member}})["bans"][0]["expires"]
    client.unban_user(member)
    client.shadow_ban(member, user_id=mod)
    shadowed = client.query_users({"id": member})["users"][0]
    assert (shadowed["banned"], shadowed["shadow_banned"]) == (False, True)


def test_channel_ban_is_scoped_to_the_channel(client, group):
    channel, mod, member, _ = group
    elsewhere = client.channel("messaging", new_id("e"), {"members": [mod, member]})
    elsewhere.create(mod)
    channel.ban_user(member, user_id=mod, timeout=10)
    with pytest.raises(StreamAPIException):
        channel.send_message({"text": "no"}, member)
    assert elsewhere.send_message({"text": "yes"}, member)["message"]["text"] == "yes"
    bans = client.query_banned_users({"filter_conditions": {"channel_cid": f"messaging:{channel.id}"}})["bans"]
    assert [b["user"]["id"] for b in bans] == [member] and bans[0]["expires"]
    # The member shows the channel's ban (ChannelMemberResponse `banned`), in that channel only.
    banned = {m["user_id"]: m["banned"] for m in channel.query()["members"]}
    assert banned == {mod: False, member: True, group[3]: False}
    assert [m["banned"] for m in channel.query_members({"id": member})] == [True]
    assert {m["user_id"]: m["banned"] for m in elsewhere.query()["members"]} == {mod: False, member: False}
    channel.unban_user(member)
    assert [m["banned"] for m in channel.query_members({"id": member})] == [False]
    assert channel.send_message({"text": "unbanned"}, member)["message"]["text"] == "unbanned"


def test_bans_need_a_server_token(server, group):
    _, mod, member, _ = group
    assert as_user(server, mod, "POST", "moderation/ban", {"target_user_id": member}).status_code == 403


def test_mute_and_unmute(client, group):
    _, mod, member, other = group
    single = client.mute_user(member, mod)
    assert single["mute"]["target"]["id"] == member and single["mute"]["user"]["id"] == mod
    assert [m["target"]["id"] for m in single["own_user"]["mutes"]] == [member]
    batch = client.mute_users([other, "nobody-at-all"], mod)
    assert [m["target"]["id"] for m in batch["mutes"]] == [other]
    assert batch["non_existing_users"] == ["nobody-at-all"]
    client.unmute_user(member, mod)
    assert [m["target"]["id"] for m in client.mute_user(other, mod)["own_user"]["mutes"]] == [other]


def test_search_in_a_members_channels(server, client, group):
    channel, mod, member, _ = group
    marker = uuid.uuid4().hex[:8]
    channel.send_message({"text": f"release plan {marker} is ready"}, mod)
    outside = client.channel("messaging", new_id("x"), {"members": [mod]})
    outside.create(mod)
    outside.send_message({"text": f"secret {marker}"}, mod)
    results = client.search({"members": {"$in": [member]}}, marker)["results"]
    assert [r["message"]["text"] for r in results] == [f"release plan {marker} is ready"]
    assert results[0]["message"]["channel"]["cid"] == f"messaging:{channel.id}"
    both = client.search({"type": "messaging"}, {"text": {"$autocomplete": marker}})["results"]
    assert len(both) == 2
    as_member = as_user(server, member, "GET", f"search?payload=%7B%22filter_conditions%22%3A%7B%22type%22%3A%22messaging%22%7D%2C%22query%22%3A%22{marker}%22%7D", None)
    assert [r["message"]["text"] for r in as_member.json()["results"]] == [f"release plan {marker} is ready"]
    with pytest.raises(StreamAPIException):
        client.search({"name": "x"}, marker)


def test_channel_types_and_commands(client):
    messaging = client.get_channel_type("messaging")
    assert messaging["name"] == "messaging" and messaging["max_message_length"] == 5000 and messaging["reactions"] is True
    assert "giphy" in [c["name"] for c in messaging["commands"]]
    assert client.get_channel_type("livestream")["url_enrichment"] is False
    # Other tests create types in the same server: the built-in ones are there, among any others.
    assert {"messaging", "team", "livestream", "gaming", "commerce"} <= set(client.list_channel_types()["channel_types"])
    assert {c["name"] for c in client.list_commands()["commands"]} == {"giphy", "ban", "unban", "mute", "unmute"}
    with pytest.raises(StreamAPIException) as raised:
        client.get_channel_type("voice")
    assert raised.value.status_code == 404


def test_query_banned_users_filters_pages_and_refuses_what_it_cannot(client):
    mod, other_mod = new_id("mod"), new_id("mod")
    targets = [new_id("t") for _ in range(4)]
    client.upsert_users([{"id": mod, "role": "admin"}, {"id": other_mod, "role": "admin"}] + [{"id": t} for t in targets])
    channel = client.channel("messaging", new_id("bq"), {"members": [mod] + targets})
    channel.create(mod)
    client.ban_user(targets[0], user_id=mod, reason="spam")
    client.ban_user(targets[1], user_id=other_mod, reason="abuse")
    middle = client.query_banned_users({"filter_conditions": {"user_id": targets[1]}})["bans"][0]["created_at"]
    channel.ban_user(targets[2], user_id=mod, reason="spam")
    client.ban_user(targets[3], user_id=mod, reason="spam")
    mine = {"user_id": {"$in": targets}}

    def users(**payload):
        payload["filter_conditions"] = {**mine, **payload.get("filter_conditions", {})}
        return [b["user"]["id"] for b in client.query_banned_users(payload)["bans"]]

    assert users() == [targets[3], targets[2], targets[1], targets[0]], "newest first"
    assert users(filter_conditions={"banned_by_id": other_mod}) == [targets[1]]
    assert users(filter_conditions={"reason": "spam"}) == [targets[3], targets[2], targets[0]]
    assert users(filter_conditions={"reason": {"$in": ["abuse"]}}) == [targets[1]]
    assert users(filter_conditions={"channel_cid": f"messaging:{channel.id}"}) == [targets[2]]
    assert users(filter_conditions={"created_at": {"$gt": middle}}) == [targets[3], targets[2]]
    assert users(filter_conditions={"created_at": {"$lte": middle}}) == [targets[1], targets[0]]
    assert users(filter_conditions={"created_at": {"$gte": middle, "$lt": middle}}) == []
    assert users(limit=2) == [targets[3], targets[2]] and users(limit=2, offset=2) == [targets[1], targets[0]]
    assert users(sort=[{"field": "created_at", "direction": 1}], limit=1) == [targets[0]]

    for payload in ({"filter_conditions": {"shadow": True}}, {"filter_conditions": {"created_at": {"$ne": middle}}},
                    {"filter_conditions": {"user_id": {"$autocomplete": "t"}}}, {"filter_conditions": {}, "team": "x"}):
        with pytest.raises(StreamAPIException) as raised:
            client.query_banned_users(payload)
        assert raised.value.status_code == 400 and raised.value.error_code == 4, payload
        assert "not supported by the local server" in raised.value.error_message

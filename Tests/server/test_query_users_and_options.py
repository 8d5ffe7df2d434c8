"""Options Stream accepts that the local server used to refuse: `query_users` filters and sort on
built-in and custom fields, channel mutes that expire, truncate with a message, `teams_role`."""
import time
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def crew(client):
    tag = new_id("crew")
    people = [
        {"id": f"{tag}-a", "name": "Ada", "age": 36, "team_tag": tag, "city": "Paris", "role": "admin"},
        {"id": f"{tag}-b", "name": "Bob", "age": 17, "team_tag": tag, "city": "Oslo"},
        {"id": f"{tag}-c", "name": "Cy", "age": 52, "team_tag": tag},
        {"id": f"{tag}-d", "name": "Di", "age": 29, "team_tag": tag, "city": "Paris", "vip": True},
    ]
    client.upsert_users(people)
    return tag, {p["name"]: p["id"] for p in people}


def names(client, tag, conditions, sort=None, **options):
    users = client.query_users({"team_tag": tag, **conditions}, sort, **options)["users"]
    return [u["name"] for u in users]


@pytest.mark.parametrize("conditions, expected", [
    ({}, ["Ada", "Bob", "Cy", "Di"]),
    ({"age": {"$gt": 29}}, ["Ada", "Cy"]),
    ({"age": {"$gte": 29}}, ["Ada", "Cy", "Di"]),
    ({"age": {"$lt": 29}}, ["Bob"]),
    ({"age": {"$lte": 29}}, ["Bob", "Di"]),
    ({"city": "Paris"}, ["Ada", "Di"]),
    ({"city": {"$eq": "Oslo"}}, ["Bob"]),
    ({"city": {"$ne": "Paris"}}, ["Bob", "Cy"]),
    ({"city": {"$in": ["Oslo", "Rome"]}}, ["Bob"]),
    ({"city": {"$nin": ["Oslo"]}}, ["Ada", "Cy", "Di"]),
    ({"city": {"$exists": False}}, ["Cy"]),
    ({"vip": True}, ["Di"]),
    ({"role": "admin"}, ["Ada"]),
    ({"name": {"$autocomplete": "b"}}, ["Bob"]),
    ({"$or": [{"city": "Oslo"}, {"age": {"$gt": 50}}]}, ["Bob", "Cy"]),
    ({"$and": [{"city": "Paris"}, {"age": {"$lt": 30}}]}, ["Di"]),
    ({"$nor": [{"city": "Paris"}]}, ["Bob", "Cy"]),
])
def test_query_users_filters_built_in_and_custom_fields(client, crew, conditions, expected):
    tag, _ = crew
    assert sorted(names(client, tag, conditions)) == expected


def test_query_users_sorts_on_custom_and_built_in_fields_and_pages(client, crew):
    tag, ids = crew
    assert names(client, tag, {}, {"age": -1}) == ["Cy", "Ada", "Di", "Bob"]
    assert names(client, tag, {}, {"name": 1}, limit=2, offset=1) == ["Bob", "Cy"]
    assert names(client, tag, {}, [{"field": "city", "direction": 1}, {"field": "age", "direction": 1}]) == ["Cy", "Bob", "Di", "Ada"]
    created = client.query_users({"id": ids["Bob"]})["users"][0]["created_at"]
    assert "Bob" in names(client, tag, {"created_at": {"$lte": created}})


@pytest.mark.parametrize("conditions, option", [
    ({"age": {"$near": 3}}, "$near"),
    ({"$not": [{"age": 3}]}, "$not"),
    ({"age": {"$in": 3}}, "$in"),
])
def test_query_users_refuses_what_it_cannot_do(client, conditions, option):
    with pytest.raises(StreamAPIException) as raised:
        client.query_users(conditions)
    assert raised.value.status_code == 400 and raised.value.error_code == 4 and option in raised.value.error_message


def test_query_users_refuses_unknown_options_and_leaves_deactivated_out_unless_asked(client):
    with pytest.raises(StreamAPIException) as raised:
        client.query_users({"id": "x"}, None, frobnicate=True)
    assert "frobnicate" in raised.value.error_message


def test_channel_mute_with_expiration_ends_then(client):
    owner = new_id("mute")
    client.upsert_user({"id": owner})
    channel = client.channel("messaging", new_id("muted"), {"members": [owner]})
    channel.create(owner)
    answer = channel.mute(owner, expiration=1500)
    assert answer["channel_mute"]["expires"]
    muted = client.query_channels({"muted": True, "cid": channel.cid}, user_id=owner)["channels"]
    assert [c["channel"]["cid"] for c in muted] == [channel.cid]
    time.sleep(2)
    assert client.query_channels({"muted": True, "cid": channel.cid}, user_id=owner)["channels"] == [], "the mute is over"
    channel.mute(owner)
    assert [c["channel"]["cid"] for c in client.query_channels({"muted": True, "cid": channel.cid}, user_id=owner)["channels"]] == [channel.cid]
    with pytest.raises(StreamAPIException) as raised:
        channel.mute(owner, expiration=-5)
    assert raised.value.status_code == 400


def test_truncate_with_a_message_leaves_that_system_message(client):
    owner = new_id("trunc")
    client.upsert_user({"id": owner})
    channel = client.channel("messaging", new_id("trunc"), {"members": [owner]})
    channel.create(owner)
    channel.send_message({"text": "old"}, owner)
    answer = channel.truncate(message={"text": "History was cleared", "user_id": owner})
    assert answer["message"]["text"] == "History was cleared" and answer["message"]["type"] == "system"
    assert [(m["text"], m["type"]) for m in channel.query()["messages"]] == [("History was cleared", "system")]
    channel.send_message({"text": "kept"}, owner)
    with pytest.raises(StreamAPIException) as raised:
        channel.truncate(message={"text": "x" * 6000, "user_id": owner})
    assert raised.value.status_code == 400
    assert [m["text"] for m in channel.query()["messages"]] == ["History was cleared", "kept"], "a refused truncate removes nothing"
    with pytest.raises(StreamAPIException) as raised:
        channel.truncate(frobnicate=True)
    assert "frobnicate" in raised.value.error_message


def test_teams_role_is_set_server_side_only(client, server):
    uid = new_id("teams")
    client.upsert_user({"id": uid, "teams": ["red", "blue"], "teams_role": {"red": "admin"}})
    updated = client.update_user_partial({"id": uid, "set": {"teams_role": {"red": "user", "blue": "admin"}}})["users"][uid]
    assert updated["teams_role"] == {"red": "user", "blue": "admin"}
    assert client.query_users({"id": uid})["users"][0]["teams_role"] == {"red": "user", "blue": "admin"}
    refused = as_user(server, uid, "POST", "users", {"users": {uid: {"id": uid, "teams_role": {}}}})
    assert refused.status_code == 403, "a user token may not give itself a role per team"
    refused = as_user(server, uid, "PATCH", "users", {"users": [{"id": uid, "set": {"teams_role": {"red": "admin"}}}]})
    assert refused.status_code == 403
    assert client.query_users({"id": uid})["users"][0]["teams_role"] == {"red": "user", "blue": "admin"}
    with pytest.raises(StreamAPIException) as raised:
        client.upsert_user({"id": uid, "teams": ["red"], "teams_role": {"green": "admin"}})
    assert raised.value.status_code == 400 and "green" in raised.value.error_message


def test_query_channels_sort_direction_is_honoured_and_malformed_sorts_refused(client):
    owner = new_id("sorter")
    client.upsert_user({"id": owner})
    older, newer = (client.channel("messaging", new_id("sort"), {"members": [owner]}) for _ in range(2))
    older.create(owner)
    newer.create(owner)
    newer.send_message({"text": "first"}, owner)
    older.send_message({"text": "latest"}, owner)
    both = {"cid": {"$in": [older.cid, newer.cid]}}

    def order(sort):
        return [c["channel"]["cid"] for c in client.query_channels(both, sort)["channels"]]

    assert order({"last_message_at": -1}) == [older.cid, newer.cid]
    assert order({"last_message_at": 1}) == [newer.cid, older.cid]
    assert order({"created_at": 1}) == [older.cid, newer.cid]
    assert order({"created_at": -1}) == [newer.cid, older.cid]
    with pytest.raises(StreamAPIException) as raised:
        client.post("channels", data={"filter_conditions": both, "sort": [{"direction": -1}]})
    assert raised.value.status_code == 400 and "sort takes" in raised.value.error_message

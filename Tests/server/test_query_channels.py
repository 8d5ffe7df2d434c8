"""query_channels as Stream serves it: any channel field (built-in or custom, dotted into custom
objects), `member.user.name`, `$and` / `$or` / `$nor`, several sort keys (per-viewer ones included),
and `updated_at` / `last_updated` moving as Stream's do."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def rooms(client):
    """Three channels sharing a `tag` no other test uses: ops (a, b; made by a), dev (a, b, c;
    made by b) and quiet (c alone; made by c), made in that order, with dev's one message."""
    a, b, c = (new_id(n) for n in ("ann", "bob", "cyd"))
    client.upsert_users([{"id": a, "name": "Ann Archer"}, {"id": b, "name": "Bob Baker"}, {"id": c, "name": "Zed Zebra"}])
    tag = new_id("tag")
    ops = client.channel("messaging", new_id("ops"), {"name": "Ops Room", "team_name": "ops", "tag": tag,
                                                      "kind": {"level": 2}, "members": [a, b]})
    ops.create(a)
    dev = client.channel("team", new_id("dev"), {"name": "Dev talk", "team_name": "dev", "tag": tag, "members": [a, b, c]})
    dev.create(b)
    quiet = client.channel("messaging", new_id("quiet"), {"name": "Quiet", "tag": tag, "members": [c]})
    quiet.create(c)
    dev.send_message({"text": "hello"}, c)
    return tag, (a, b, c), (ops, dev, quiet)


def ids(client, tag, conditions=None, sort=None, **options):
    sort = sort if sort is not None else [{"field": "created_at", "direction": 1}]
    answer = client.query_channels({"tag": tag, **(conditions or {})}, sort, **options)
    return [state["channel"]["id"] for state in answer["channels"]]


def test_filters_on_custom_and_built_in_fields(client, rooms):
    tag, (a, b, c), (ops, dev, quiet) = rooms
    assert ids(client, tag) == [ops.id, dev.id, quiet.id]
    assert ids(client, tag, {"team_name": "ops"}) == [ops.id]
    assert ids(client, tag, {"team_name": {"$in": ["ops", "dev"]}, "type": "messaging"}) == [ops.id]
    assert ids(client, tag, {"kind.level": {"$gte": 2}}) == [ops.id], "a dotted field reads a custom object"
    assert ids(client, tag, {"name": {"$autocomplete": "tal"}}) == [dev.id]
    assert ids(client, tag, {"created_by_id": c}) == [quiet.id]
    assert ids(client, tag, {"member_count": {"$gt": 1}}) == [ops.id, dev.id]
    assert ids(client, tag, {"last_message_at": {"$gte": "2000-01-01T00:00:00Z"}}) == [dev.id]
    assert ids(client, tag, {"disabled": False, "frozen": False}) == [ops.id, dev.id, quiet.id]
    assert ids(client, tag, {"member.user.name": {"$autocomplete": "zeb"}}) == [dev.id, quiet.id]
    assert ids(client, tag, {"team_name": {"$exists": False}}) == [quiet.id]


def test_filters_combine_with_and_or_nor(client, rooms):
    tag, (a, b, c), (ops, dev, quiet) = rooms
    assert ids(client, tag, {"$or": [{"team_name": "ops"}, {"created_by_id": c}]}) == [ops.id, quiet.id]
    assert ids(client, tag, {"$nor": [{"team_name": "ops"}]}) == [dev.id, quiet.id]
    assert ids(client, tag, {"$and": [{"type": "team"}, {"member_count": 3}]}) == [dev.id]
    assert ids(client, tag, {"$or": [{"members": {"$in": [c]}}, {"name": "Ops Room"}]}) == [ops.id, dev.id, quiet.id]
    assert ids(client, tag, {"$or": [{"team_name": "ops"}, {"team_name": "dev"}]}, limit=1, offset=1) == [dev.id]


def test_a_user_token_sees_only_its_channels_whatever_the_filter(server, rooms):
    tag, (a, b, c), (ops, dev, quiet) = rooms
    answer = as_user(server, c, "POST", "channels", {"filter_conditions": {"tag": tag, "$or": [{"member_count": {"$gte": 1}}]},
                                                     "sort": [{"field": "created_at", "direction": 1}]})
    assert answer.status_code == 200, answer.text
    assert [s["channel"]["id"] for s in answer.json()["channels"]] == [dev.id, quiet.id]
    # Asking for another member's channels narrows to none of one's own: an empty answer, on
    # PostgreSQL too (whose SQL has no empty `IN ()`), not a 500.
    for conditions in ({"members": {"$in": [a]}}, {"type": "messaging", "members": {"$in": [a]}, "cid": {"$in": []}}):
        answer = as_user(server, c, "POST", "channels", {"filter_conditions": conditions, "sort": []})
        assert answer.status_code == 200, answer.text
        assert answer.json()["channels"] == [], conditions


def test_unknown_operators_are_refused_in_streams_shape(client, rooms):
    tag, _, _ = rooms
    for conditions in ({"team_name": {"$regex": "o"}}, {"$not": [{"team_name": "ops"}]}, {"$or": "ops"}):
        with pytest.raises(StreamAPIException) as raised:
            client.query_channels({"tag": tag, **conditions})
        assert raised.value.status_code == 400 and raised.value.error_code == 4, conditions
    with pytest.raises(StreamAPIException) as raised:
        client.query_channels({"tag": tag, "$or": [{"app_banned": "only"}]})
    assert "app_banned is not supported by the local server" in raised.value.error_message


def test_several_sort_keys_in_order(client, rooms):
    tag, (a, b, c), (ops, dev, quiet) = rooms
    pair = client.channel("messaging", new_id("pair"), {"tag": tag, "priority": 5, "members": [b, c]})
    pair.create(b)
    by_size = [{"field": "member_count", "direction": -1}, {"field": "created_at", "direction": 1}]
    assert ids(client, tag, sort=by_size) == [dev.id, ops.id, pair.id, quiet.id]
    by_size[1]["direction"] = -1
    assert ids(client, tag, sort=by_size) == [dev.id, pair.id, ops.id, quiet.id]
    assert ids(client, tag, sort=[{"field": "priority", "direction": -1}, {"field": "created_at", "direction": -1}]) == \
        [pair.id, quiet.id, dev.id, ops.id], "a custom field sorts; channels without it come last, descending"


def test_the_viewers_unread_and_pins_sort(client, rooms):
    tag, (a, b, c), (ops, dev, quiet) = rooms
    for text in ("one", "two"):
        ops.send_message({"text": text}, a)
    mine = {"members": {"$in": [b]}}
    assert ids(client, tag, mine, [{"field": "unread_count", "direction": -1}], user_id=b) == [ops.id, dev.id]
    idle = client.channel("messaging", new_id("idle"), {"tag": tag, "members": [b]})
    idle.create(b)
    assert ids(client, tag, mine, [{"field": "has_unread", "direction": 1}, {"field": "created_at", "direction": 1}],
               user_id=b) == [idle.id, ops.id, dev.id]
    dev.pin(b)
    assert ids(client, tag, mine, [{"field": "pinned_at", "direction": -1}, {"field": "created_at", "direction": 1}],
               user_id=b)[0] == dev.id


def test_updated_at_moves_with_updates_not_with_messages(client, rooms):
    tag, (a, b, c), (ops, dev, quiet) = rooms
    first = ops.query()["channel"]
    assert first["updated_at"] == first["created_at"], "never updated"
    updated = ops.update_partial({"topic": "new"})["channel"]
    assert updated["updated_at"] > updated["created_at"]
    ops.send_message({"text": "news"}, a)
    assert ops.query()["channel"]["updated_at"] == updated["updated_at"], "a message does not update the channel"
    assert quiet.update({"name": "Still quiet"})["channel"]["updated_at"] > first["created_at"]
    frozen = dev.update_partial({"frozen": True})["channel"]
    assert frozen["updated_at"] > frozen["created_at"], "freezing is an update"


def test_updated_at_and_last_updated_sort_and_filter(client, rooms):
    tag, (a, b, c), (ops, dev, quiet) = rooms
    ops.update_partial({"topic": "new"})
    two = {"cid": {"$in": [ops.cid, quiet.cid]}}
    newest_first = [{"field": "updated_at", "direction": -1}]
    assert ids(client, tag, two, newest_first) == [ops.id, quiet.id]
    assert ids(client, tag, two, [{"field": "last_updated", "direction": -1}]) == [ops.id, quiet.id]
    assert ids(client, tag, two, []) == [ops.id, quiet.id], "Stream's default sort is last_updated, newest first"
    quiet.send_message({"text": "now"}, c)
    assert ids(client, tag, two, [{"field": "last_updated", "direction": -1}]) == [quiet.id, ops.id]
    assert ids(client, tag, two, []) == [quiet.id, ops.id]
    assert ids(client, tag, two, newest_first) == [ops.id, quiet.id]
    made = quiet.query()["channel"]["created_at"]
    assert ids(client, tag, {**two, "updated_at": {"$gt": made}}) == [ops.id], "quiet's is when it was made"
    # Without the tag the store orders and pages by itself: the same order.
    for sort, expected in (([{"field": "updated_at", "direction": -1}], [ops.cid, quiet.cid]),
                           ([{"field": "last_updated", "direction": -1}], [quiet.cid, ops.cid]),
                           ([], [quiet.cid, ops.cid]), ([{"field": "last_updated", "direction": 1}], [ops.cid, quiet.cid])):
        assert [s["channel"]["cid"] for s in client.query_channels(two, sort)["channels"]] == expected, sort


def test_a_reply_kept_in_its_thread_does_not_move_last_message_at(client, rooms):
    tag, (a, b, c), (ops, dev, quiet) = rooms
    parent = ops.send_message({"text": "thread"}, a)["message"]
    dev.send_message({"text": "latest in the channel"}, b)
    ops.send_message({"text": "in the thread only", "parent_id": parent["id"]}, b)
    two = {"cid": {"$in": [ops.cid, dev.cid]}}
    newest = [{"field": "last_message_at", "direction": -1}]
    assert [s["channel"]["cid"] for s in client.query_channels(two, newest)["channels"]] == [dev.cid, ops.cid]
    assert ids(client, tag, two, newest) == [dev.id, ops.id], "evaluated, the same order"
    shown = ops.send_message({"text": "also in the channel", "parent_id": parent["id"], "show_in_channel": True}, b)
    assert shown["message"]["show_in_channel"] is True
    assert [s["channel"]["cid"] for s in client.query_channels(two, newest)["channels"]] == [ops.cid, dev.cid]


def test_the_viewers_invites_filter(client, rooms):
    tag, (a, b, c), (ops, dev, quiet) = rooms
    quiet.invite_members([a, b])
    assert ids(client, tag, {"invite": "pending"}, user_id=b) == [quiet.id]
    quiet.accept_invite(b)
    quiet.reject_invite(a)
    assert ids(client, tag, {"invite": "pending"}, user_id=b) == []
    assert ids(client, tag, {"invite": "accepted"}, user_id=b) == [quiet.id]
    assert ids(client, tag, {"invite": "rejected"}, user_id=a) == [quiet.id]
    assert ids(client, tag, {"$or": [{"invite": "accepted"}, {"created_by_id": a}]}, user_id=b) == [ops.id, quiet.id]


def test_members_eq_a_list_is_exactly_those_members(client, rooms):
    tag, (a, b, c), (ops, dev, quiet) = rooms
    assert ids(client, tag, {"members": {"$eq": [b, a]}}) == [ops.id]
    assert ids(client, tag, {"members": {"$eq": [c, a, b]}}) == [dev.id]
    assert ids(client, tag, {"members": {"$eq": [a]}}) == []
    assert ids(client, tag, {"members": {"$eq": c}}) == [dev.id, quiet.id], "one id: the channels it is in"


def test_stream_clis_list_channels_sorts_by_cid(client, rooms):
    """`stream-cli chat list-channels --type T` sends `{"type": T}` sorted by `cid` ascending."""
    tag, _, (ops, dev, quiet) = rooms
    listed = ids(client, tag, {"type": "messaging"}, sort=[{"field": "cid", "direction": 1}])
    assert listed == sorted([ops.id, quiet.id])
    descending = sorted([ops, dev, quiet], key=lambda channel: channel.cid, reverse=True)
    assert ids(client, tag, sort=[{"field": "cid", "direction": -1}]) == [channel.id for channel in descending]

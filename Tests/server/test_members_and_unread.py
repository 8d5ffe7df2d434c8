"""Messages by id, mark unread, query members, member partial update, custom user events,
batch unread counts and delivery receipts, through the SDK."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user
from test_websocket import connect, next_event, rest


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def room(client):
    owner, member, outsider = new_id("own"), new_id("mem"), new_id("out")
    client.upsert_users([{"id": owner, "name": "Olive Owner"}, {"id": member, "name": "Milo Member"}, {"id": outsider}])
    channel = client.channel("messaging", new_id("room"), {"members": [owner, member]})
    channel.create(owner)
    return channel, owner, member, outsider


def unread(client, user, cid):
    return next((c["unread_count"] for c in client.unread_counts(user)["channels"] if c["channel_id"] == cid), 0)


def test_get_messages_by_ids_in_this_channel_only(client, server, room):
    channel, owner, member, outsider = room
    sent = [channel.send_message({"text": f"m{n}"}, owner)["message"]["id"] for n in range(3)]
    elsewhere = client.channel("messaging", new_id("other"), {"members": [owner]})
    elsewhere.create(owner)
    foreign = elsewhere.send_message({"text": "elsewhere"}, owner)["message"]["id"]
    found = channel.get_messages([sent[2], sent[0], foreign, "no-such-id", sent[0]])["messages"]
    assert [m["id"] for m in found] == [sent[2], sent[0]], "asked order; other channels' and unknown ids left out"
    assert found[0]["text"] == "m2"
    with pytest.raises(StreamAPIException) as raised:
        channel.get_messages([])
    assert raised.value.status_code == 400
    with pytest.raises(StreamAPIException) as raised:
        channel.get_messages([f"id{n}" for n in range(51)])
    assert raised.value.status_code == 400 and "50" in raised.value.error_message
    assert as_user(server, outsider, "GET", f"channels/messaging/{channel.id}/messages?ids={sent[0]}", {}).status_code == 403
    refused = as_user(server, owner, "GET", f"channels/messaging/{channel.id}/messages?ids={sent[0]}&member_custom_include=hat", {})
    assert refused.status_code == 400 and "member_custom_include" in refused.json()["message"]


def test_mark_unread_from_a_message_moves_the_read_state_back(client, server, room):
    channel, owner, member, _ = room
    ids = [channel.send_message({"text": f"n{n}"}, owner)["message"]["id"] for n in range(4)]
    channel.mark_read(member)
    assert unread(client, member, channel.cid) == 0
    ws, _ = connect(server, member)
    try:
        assert channel.mark_unread(member, message_id=ids[1])["duration"]
        event = next_event(ws, "notification.mark_unread")
    finally:
        ws.close()
    assert unread(client, member, channel.cid) == 3, "that message and the two after it"
    assert event["first_unread_message_id"] == ids[1] and event["unread_messages"] == 3 and event["cid"] == channel.cid
    assert event["total_unread_count"] >= 3
    read = {r["user"]["id"]: r for r in channel.query()["read"]}
    assert read[member]["unread_messages"] == 3
    channel.mark_read(member)
    assert unread(client, member, channel.cid) == 0
    for bad in [{}, {"message_id": "no-such"}, {"thread_id": ids[0]}]:
        with pytest.raises(StreamAPIException) as raised:
            channel.mark_unread(member, **bad)
        assert raised.value.status_code in (400, 404)
    assert unread(client, member, channel.cid) == 0, "a refused request changes nothing"


def test_mark_read_up_to_a_message_leaves_the_later_ones_unread(client, room):
    """MarkRead's `message_id` is the last message read, not a mark of everything."""
    channel, owner, member, _ = room
    ids = [channel.send_message({"text": f"r{n}"}, owner)["message"]["id"] for n in range(4)]
    answer = channel.mark_read(member, message_id=ids[1])
    assert answer["event"]["last_read_message_id"] == ids[1]
    assert unread(client, member, channel.cid) == 2, "the two after it"
    assert {r["user"]["id"]: r["unread_messages"] for r in channel.query()["read"]}[member] == 2
    channel.mark_read(member, message_id=ids[3])
    assert unread(client, member, channel.cid) == 0
    with pytest.raises(StreamAPIException) as raised:
        channel.mark_read(member, message_id="no-such-message")
    assert raised.value.status_code == 404 and raised.value.error_code == 16


def test_query_members_filters_on_built_in_and_custom_fields_with_sort_and_paging(client, room):
    channel, owner, member, outsider = room
    names = {new_id("j"): "Jane Doe", new_id("j"): "John Smith", new_id("j"): "Jack Jones", new_id("k"): "Kim Park"}
    client.upsert_users([{"id": i, "name": n} for i, n in names.items()])
    channel.add_members([{"user_id": i, "hat": len(n)} for i, n in names.items()])
    jays = [m["user_id"] for m in channel.query_members({"name": {"$autocomplete": "j"}}, [{"field": "created_at", "direction": 1}])]
    assert sorted(jays) == sorted(i for i, n in names.items() if n.startswith("J"))
    page = channel.query_members({"name": {"$autocomplete": "j"}}, [{"field": "created_at", "direction": 1}], offset=1, limit=1)
    assert [m["user_id"] for m in page] == jays[1:2]
    by_hat = channel.query_members({"hat": {"$gte": 9}}, [{"field": "hat", "direction": -1}])
    assert [m["hat"] for m in by_hat] == sorted((len(n) for n in names.values() if len(n) >= 9), reverse=True)
    assert [m["user_id"] for m in channel.query_members({"id": owner})] == [owner]
    either = channel.query_members({"$or": [{"id": owner}, {"hat": {"$lt": 9}}]}, [{"field": "user_id", "direction": 1}])
    assert [m["user_id"] for m in either] == sorted([owner] + [i for i, n in names.items() if len(n) < 9])
    assert {m["user_id"] for m in channel.query_members({"hat": {"$exists": False}})} == {owner, member}
    channel.invite_members([outsider])
    assert [m["user_id"] for m in channel.query_members({"invite": "pending"})] == [outsider]
    assert outsider not in [m["user_id"] for m in channel.query_members({"joined": True})]
    with pytest.raises(StreamAPIException) as raised:
        channel.query_members({"hat": {"$near": 3}})
    assert raised.value.status_code == 400 and "$near" in raised.value.error_message


def test_query_members_pages_on_with_user_id_and_join_time_cursors(client, room):
    channel, _, _, _ = room
    ids = sorted(new_id("cur") for _ in range(4))
    client.upsert_users([{"id": i} for i in ids])
    for i in ids:
        channel.add_members([i])  # one at a time: each joins at its own time
    rows = {m["user_id"]: m for m in channel.query_members({"id": {"$in": ids}})}
    joined = sorted(ids, key=lambda i: rows[i]["created_at"])
    assert len({rows[i]["created_at"] for i in ids}) == 4

    def page(field, **options):
        return [m["user_id"] for m in channel.query_members({"id": {"$in": ids}}, [{"field": field, "direction": 1}], **options)]

    assert page("user_id", user_id_gt=ids[1]) == ids[2:]
    assert page("user_id", user_id_gte=ids[1]) == ids[1:]
    assert page("user_id", user_id_lt=ids[2]) == ids[:2]
    assert page("user_id", user_id_lte=ids[2]) == ids[:3]
    assert page("user_id", user_id_gt=ids[0], user_id_lt=ids[3], limit=1) == [ids[1]], "bounds together, then the limit"
    pages, last = [], None
    while len(pages) < 5:
        got = page("user_id", limit=3, **({"user_id_gt": last} if last else {}))
        if not got:
            break
        pages.append(got)
        last = got[-1]
    assert pages == [ids[:3], ids[3:]], "the last id of a page starts the next"

    at = rows[joined[1]]["created_at"]
    assert page("created_at", created_at_after=at) == joined[2:]
    assert page("created_at", created_at_after_or_equal=at) == joined[1:]
    assert page("created_at", created_at_before=at) == joined[:1]
    assert page("created_at", created_at_before_or_equal=at, offset=1) == joined[1:2]
    for bad in [{"created_at_after": "yesterday"}, {"user_id_gt": 5}, {"user_id_lt": ""}]:
        with pytest.raises(StreamAPIException) as raised:
            channel.query_members({}, **bad)
        key = next(iter(bad))
        assert raised.value.status_code == 400 and key in raised.value.error_message, bad


def test_pin_archive_and_mark_unread_reach_the_users_other_connections_live(client, server, room):
    """A second terminal of the member, watching the channel, hears `member.updated` for a pin
    or archive made elsewhere and `notification.mark_unread` for a mark made elsewhere."""
    channel, owner, member, _ = room
    sent = channel.send_message({"text": "one"}, owner)["message"]["id"]
    ws, hello = connect(server, member)
    try:
        rest(server, member, "POST", f"channels/messaging/{channel.id}/query", {"watch": True},
             params={"connection_id": hello["connection_id"]})
        as_user(server, member, "PATCH", f"channels/messaging/{channel.id}/member/{member}", {"set": {"pinned": True}})
        event = next_event(ws, "member.updated")
        assert event["cid"] == channel.cid and event["member"]["user_id"] == member and event["member"]["pinned_at"]
        channel.archive(member)
        event = next_event(ws, "member.updated")
        assert event["member"]["archived_at"] and event["member"]["pinned_at"]
        as_user(server, member, "POST", f"channels/messaging/{channel.id}/unread", {"message_id": sent})
        event = next_event(ws, "notification.mark_unread")
        assert event["cid"] == channel.cid and event["unread_messages"] == 1 and event["first_unread_message_id"] == sent
    finally:
        ws.close()


def test_member_partial_update_pins_archives_and_keeps_custom_fields(client, server, room):
    channel, owner, member, _ = room
    pinned = channel.pin(member)["channel_member"]
    assert pinned["pinned_at"] and pinned["user_id"] == member
    again = channel.pin(member)["channel_member"]
    assert again["pinned_at"] == pinned["pinned_at"], "pinning again keeps the first time"
    archived = channel.archive(member)["channel_member"]
    assert archived["archived_at"] and archived["pinned_at"] == pinned["pinned_at"]
    hat = channel.update_member_partial(member, to_set={"hat": "blue", "cape": {"color": "red"}})["channel_member"]
    assert hat["hat"] == "blue" and hat["cape"] == {"color": "red"}
    unset = channel.update_member_partial(member, to_unset=["cape"])["channel_member"]
    assert "cape" not in unset and unset["hat"] == "blue"
    assert channel.unpin(member)["channel_member"]["pinned_at"] is None
    assert channel.unarchive(member)["channel_member"]["archived_at"] is None
    rows = {m["user_id"]: m for m in channel.query()["members"]}
    assert rows[member]["hat"] == "blue" and rows[owner].get("hat") is None, "per member: others are untouched"
    other = as_user(server, owner, "PATCH", f"channels/messaging/{channel.id}/member/{member}", {"set": {"pinned": True}})
    assert other.status_code == 403, "a user pins only for itself"
    spec_path = as_user(server, member, "PATCH", f"channels/messaging/{channel.id}/member?user_id={member}", {"set": {"archived": True}})
    assert spec_path.status_code == 200 and spec_path.json()["channel_member"]["archived_at"]
    for bad in [{"set": {"pinned": "yes"}}, {"set": {"user_id": "x"}}, {"set": {"channel_role": "king"}}]:
        with pytest.raises(StreamAPIException) as raised:
            channel.update_member_partial(member, to_set=bad["set"])
        assert raised.value.status_code == 400
    with pytest.raises(StreamAPIException) as raised:
        channel.pin(new_id("stranger"))
    assert raised.value.status_code == 404


def test_custom_user_events_reach_every_connection_of_that_user(client, server):
    user, other = new_id("ev"), new_id("ev")
    client.upsert_users([{"id": user}, {"id": other}])
    first, _ = connect(server, user)
    second, _ = connect(server, user)
    try:
        assert client.send_user_custom_event(user, {"type": "friendship_request", "text": "hi"})["duration"]
        for ws in (first, second):
            event = next_event(ws, "friendship_request")
            assert event["text"] == "hi" and event["user"]["id"] == user
    finally:
        first.close()
        second.close()
    with pytest.raises(StreamAPIException) as raised:
        client.send_user_custom_event(user, {"type": "message.new"})
    assert raised.value.status_code == 400
    with pytest.raises(StreamAPIException) as raised:
        client.send_user_custom_event(new_id("ghost"), {"type": "hello"})
    assert raised.value.status_code == 404
    assert as_user(server, other, "POST", f"users/{user}/event", {"event": {"type": "hello"}}).status_code == 403


def test_unread_counts_batch_matches_each_users_own_counts(client, server, room):
    channel, owner, member, outsider = room
    channel.send_message({"text": "one"}, owner)
    channel.send_message({"text": "two"}, owner)
    ghost = new_id("ghost")
    counts = client.unread_counts_batch([owner, member, ghost])["counts_by_user"]
    assert set(counts) == {owner, member}, "unknown users are left out"
    assert counts[member]["total_unread_count"] == client.unread_counts(member)["total_unread_count"] >= 2
    assert counts[owner]["total_unread_count"] == client.unread_counts(owner)["total_unread_count"]
    assert as_user(server, member, "POST", "unread_batch", {"user_ids": [member]}).status_code == 403


def test_mark_delivered_records_and_tells_watchers(client, server, room):
    channel, owner, member, outsider = room
    message = channel.send_message({"text": "delivered?"}, owner)["message"]
    channel.mark_read(member)
    ws, hello = connect(server, owner)
    try:
        rest(server, owner, "POST", f"channels/messaging/{channel.id}/query", {"watch": True},
             params={"connection_id": hello["connection_id"]})
        assert client.mark_delivered_simple(member, message["id"], channel.cid)["duration"]
        event = next_event(ws, "message.delivered")
        assert event["user"]["id"] == member and event["last_delivered_message_id"] == message["id"]
    finally:
        ws.close()
    read = {r["user"]["id"]: r for r in channel.query()["read"]}
    assert read[member]["last_delivered_message_id"] == message["id"] and read[member]["last_delivered_at"]
    delivered = {"latest_delivered_messages": [{"cid": channel.cid, "id": message["id"]}]}
    assert as_user(server, outsider, "POST", "channels/delivered", delivered).status_code == 403, \
        "a user token records deliveries in its own channels only"
    assert client.mark_delivered_simple(outsider, message["id"], channel.cid)["duration"], \
        "a server token may name a user outside the channel, as in Stream"
    assert outsider not in {r["user"]["id"] for r in channel.query()["read"]}, "and nothing is kept for them"
    client.upsert_user({"id": outsider, "privacy_settings": {"delivery_receipts": {"enabled": False}}})
    assert client.mark_delivered_simple(outsider, message["id"], channel.cid)["duration"], "receipts off: nothing recorded, no error"


def test_query_channels_filters_on_the_viewers_pinned_and_archived_channels(client, room):
    channel, owner, member, _ = room
    other = client.channel("messaging", new_id("other"), {"members": [owner, member]})
    other.create(owner)
    channel.pin(member)
    other.archive(member)
    both = {"cid": {"$in": [channel.cid, other.cid]}}

    def cids(conditions, user):
        return sorted(c["channel"]["cid"] for c in client.query_channels({**both, **conditions}, user_id=user)["channels"])

    assert cids({"pinned": True}, member) == [channel.cid]
    assert cids({"pinned": False}, member) == [other.cid]
    assert cids({"archived": True}, member) == [other.cid]
    assert cids({"archived": False}, member) == [channel.cid]
    assert cids({"pinned": True}, owner) == [], "marks are per member"
    with pytest.raises(StreamAPIException) as raised:
        client.query_channels({**both, "pinned": "yes"}, user_id=member)
    assert raised.value.status_code == 400

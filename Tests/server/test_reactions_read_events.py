"""Replies, reactions, edits, deletes, read state and events through the official SDK."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def room(client):
    a, b = new_id("r"), new_id("r")
    client.upsert_users([{"id": a}, {"id": b}])
    channel = client.channel("messaging", new_id("room"), {"members": [a, b]})
    channel.create(a)
    return channel, a, b


def test_replies_are_the_newest_limit_oldest_first(client, room):
    channel, a, b = room
    root = channel.send_message({"text": "root"}, a)["message"]
    for i in range(10):
        channel.send_message({"text": f"r{i}", "parent_id": root["id"], "index": i}, b)
    replies = channel.get_replies(root["id"], limit=3, offset=3)["messages"]
    assert [m["index"] for m in replies] == [7, 8, 9]
    assert all(m["parent_id"] == root["id"] for m in replies)


def test_replies_page_from_a_reply_or_a_time(client, room):
    """GetReplies pages a thread with MessagePaginationParams' positions, as a channel query does."""
    channel, a, b = room
    root = channel.send_message({"text": "root"}, a)["message"]
    sent = [channel.send_message({"text": f"r{i}", "parent_id": root["id"], "index": i}, b)["message"] for i in range(6)]
    elsewhere = channel.send_message({"text": "not in the thread"}, a)["message"]

    def page(**options):
        return [m["index"] for m in channel.get_replies(root["id"], **options)["messages"]]

    assert page(limit=2, id_lt=sent[3]["id"]) == [1, 2]
    assert page(limit=2, id_lte=sent[3]["id"]) == [2, 3]
    assert page(limit=2, id_gt=sent[1]["id"]) == [2, 3]
    assert page(limit=2, id_gte=sent[1]["id"]) == [1, 2]
    assert page(limit=3, id_around=sent[3]["id"]) == [2, 3, 4]
    assert page(limit=2, created_at_before=sent[3]["created_at"]) == [1, 2]
    assert page(limit=2, created_at_after=sent[3]["created_at"]) == [4, 5]
    with pytest.raises(StreamAPIException) as raised:
        channel.get_replies(root["id"], id_lt=elsewhere["id"])
    assert raised.value.status_code == 400 and raised.value.error_code == 4


def test_reaction_scores_and_groups_sum_each_types_scores(client, room):
    """Stream's message sums each type's scores (`reaction_scores`) apart from its count, and
    groups both with the type's first and last reaction times (`reaction_groups`)."""
    channel, a, b = room
    message = channel.send_message({"text": "clap"}, a)["message"]
    first = channel.send_reaction(message["id"], {"type": "clap", "score": 3}, a)["reaction"]
    channel.send_reaction(message["id"], {"type": "like"}, a)
    last = channel.send_reaction(message["id"], {"type": "clap", "score": 5}, b)["reaction"]
    shown = client.get_message(message["id"])["message"]
    assert shown["reaction_counts"] == {"clap": 2, "like": 1}
    assert shown["reaction_scores"] == {"clap": 8, "like": 1}
    assert shown["reaction_groups"] == {
        "clap": {"count": 2, "sum_scores": 8, "first_reaction_at": first["created_at"], "last_reaction_at": last["created_at"]},
        "like": {"count": 1, "sum_scores": 1, "first_reaction_at": shown["reaction_groups"]["like"]["first_reaction_at"],
                 "last_reaction_at": shown["reaction_groups"]["like"]["first_reaction_at"]},
    }
    after = channel.delete_reaction(message["id"], "clap", b)["message"]
    assert after["reaction_scores"] == {"clap": 3, "like": 1}
    assert after["reaction_groups"]["clap"]["last_reaction_at"] == first["created_at"]


def test_reactions_send_list_delete(client, room):
    channel, a, b = room
    message = channel.send_message({"text": "react to me"}, a)["message"]
    first = channel.send_reaction(message["id"], {"type": "love"}, b)
    assert first["reaction"]["type"] == "love" and first["reaction"]["user_id"] == b
    assert len(first["message"]["latest_reactions"]) == 1
    assert first["message"]["latest_reactions"][0]["type"] == "love"
    channel.send_reaction(message["id"], {"type": "like", "count": 42}, a)
    reactions = channel.get_reactions(message["id"])["reactions"]
    assert [r["type"] for r in reactions] == ["like", "love"], "newest first"
    assert channel.get_reactions(message["id"], offset=1)["reactions"][0]["type"] == "love"
    assert reactions[0]["count"] == 42
    assert client.get_message(message["id"])["message"]["reaction_counts"] == {"love": 1, "like": 1}
    deleted = channel.delete_reaction(message["id"], "love", b)
    assert deleted["reaction"]["type"] == "love"
    assert [r["type"] for r in deleted["message"]["latest_reactions"]] == ["like"]
    with pytest.raises(StreamAPIException) as raised:
        channel.delete_reaction(message["id"], "love", b)
    assert raised.value.status_code == 404


def test_a_channel_page_shows_each_message_its_own_reactions(server, client, room):
    """A page mixing messages with and without reactions: each carries only its own latest
    reactions (the server reads them only for the messages whose counts show any), and the
    viewer's own among them."""
    channel, a, b = room
    channel.send_message({"text": "plain"}, a)
    liked = channel.send_message({"text": "liked"}, a)["message"]
    last = channel.send_message({"text": "last"}, b)["message"]
    channel.send_reaction(liked["id"], {"type": "love"}, b)
    channel.send_reaction(liked["id"], {"type": "like"}, a)
    channel.send_reaction(last["id"], {"type": "wow"}, a)
    as_b = as_user(server, b, "POST", f"channels/messaging/{channel.id}/query", {"state": True, "messages": {"limit": 10}})
    assert as_b.ok, as_b.text
    for state in (channel.query(messages={"limit": 10}), as_b.json()):
        latest = {m["text"]: sorted(r["type"] for r in m["latest_reactions"]) for m in state["messages"]}
        assert latest == {"plain": [], "liked": ["like", "love"], "last": ["wow"]}
    own = {m["text"]: [r["type"] for r in m["own_reactions"]] for m in as_b.json()["messages"]}
    assert own == {"plain": [], "liked": ["love"], "last": []}


def test_reaction_type_longer_than_30_is_refused(client, room):
    channel, a, _ = room
    message = channel.send_message({"text": "x"}, a)["message"]
    with pytest.raises(StreamAPIException) as raised:
        channel.send_reaction(message["id"], {"type": "t" * 31}, a)
    assert raised.value.error_code == 4 and "max reactionType length exceeded (30)" in raised.value.error_message


def test_update_and_delete_own_messages_only(server, client, room):
    channel, a, b = room
    message = channel.send_message({"text": "first", "tag": "x"}, a)["message"]
    updated = client.update_message({"id": message["id"], "text": "second", "user_id": a})["message"]
    assert updated["text"] == "second" and "tag" not in updated
    assert updated["created_at"] == message["created_at"]
    assert updated["updated_at"] >= message["created_at"]
    other = as_user(server, b, "POST", f"messages/{message['id']}", {"message": {"id": message["id"], "text": "hijacked"}})
    assert other.status_code == 403 and other.json()["code"] == 17
    assert as_user(server, b, "DELETE", f"messages/{message['id']}", {}).status_code == 403
    deleted = client.delete_message(message["id"])["message"]
    assert deleted["type"] == "deleted" and deleted["deleted_at"]
    assert client.get_message(message["id"])["message"]["type"] == "deleted"


def test_mark_read_and_unread_counts(client, room):
    channel, a, b = room
    channel.mark_read(b)
    channel.send_message({"text": "one"}, a)
    channel.send_message({"text": "two"}, a)
    counts = client.unread_counts(b)
    mine = [c for c in counts["channels"] if c["channel_id"] == f"messaging:{channel.id}"]
    assert mine and mine[0]["unread_count"] == 2
    assert counts["total_unread_count"] >= 2
    event = channel.mark_read(b)["event"]
    assert event["type"] == "message.read" and event["user"]["id"] == b and event["cid"] == f"messaging:{channel.id}"
    assert all(c["channel_id"] != f"messaging:{channel.id}" for c in client.unread_counts(b)["channels"])


def test_typing_and_custom_events(client, room):
    channel, a, _ = room
    typing = channel.send_event({"type": "typing.start"}, a)["event"]
    assert typing["type"] == "typing.start" and typing["user"]["id"] == a and typing["channel_id"] == channel.id
    custom = channel.send_event({"type": "friendship_request", "note": "hi"}, a)["event"]
    assert custom["note"] == "hi"
    with pytest.raises(StreamAPIException) as raised:
        channel.send_event({"type": "message.new"}, a)
    assert raised.value.status_code == 400 and raised.value.error_code == 18
    with pytest.raises(StreamAPIException) as raised:
        channel.send_event({"type": "typing.start"}, "nobody-at-all")
    assert raised.value.status_code == 400 and "user nobody-at-all doesn't exist" in raised.value.error_message


def test_own_reactions_are_the_viewers(server, client, room):
    channel, a, b = room
    message = channel.send_message({"text": "react"}, a)["message"]
    channel.send_reaction(message["id"], {"type": "love"}, a)
    channel.send_reaction(message["id"], {"type": "like"}, b)
    channel.send_reaction(message["id"], {"type": "love"}, b)

    def own(user):
        got = as_user(server, user, "GET", f"messages/{message['id']}", {}).json()["message"]
        return sorted((r["type"], r["user_id"]) for r in got["own_reactions"])

    assert own(a) == [("love", a)]
    assert own(b) == [("like", b), ("love", b)]
    assert client.get_message(message["id"])["message"]["own_reactions"] == []


def test_channel_state_has_read_positions_and_the_viewers_mute(server, client, room):
    channel, a, b = room
    channel.mark_read(b)
    channel.send_message({"text": "one"}, a)
    channel.send_message({"text": "two"}, a)
    client.channel("messaging", channel.id).mute(b)

    def state(user):
        return as_user(server, user, "POST", f"channels/messaging/{channel.id}/query", {"state": True}).json()

    mine = state(b)
    reads = {r["user"]["id"]: r for r in mine["read"]}
    assert {user: r["unread_messages"] for user, r in reads.items()} == {a: 0, b: 2}, "every member joined with a read position"
    assert reads[b]["last_read"] < mine["messages"][0]["created_at"]
    assert mine["channel"]["muted"] is True
    theirs = state(a)
    assert sorted(r["user"]["id"] for r in theirs["read"]) == sorted([a, b]), "messaging has read events: others see how far b read"
    assert theirs["channel"]["muted"] is False


def test_read_positions_stay_private_without_read_events(server, client):
    a, b, kind = new_id("r"), new_id("r"), new_id("quiet").replace("-", "_")
    client.upsert_users([{"id": a}, {"id": b}])
    client.create_channel_type({"name": kind, "read_events": False})
    channel = client.channel(kind, new_id("c"), {"members": [a, b]})
    channel.create(a)
    channel.mark_read(a)
    channel.mark_read(b)
    read = as_user(server, a, "POST", f"channels/{kind}/{channel.id}/query", {"state": True}).json()["read"]
    assert [r["user"]["id"] for r in read] == [a]


def test_unread_counts_report_unread_mentions(client, room):
    channel, a, b = room
    channel.mark_read(b)
    channel.send_message({"text": "hello"}, a)
    channel.send_message({"text": "@b look", "mentioned_users": [b]}, a)
    mine = [c for c in client.unread_counts(b)["channels"] if c["channel_id"] == f"messaging:{channel.id}"]
    assert mine and mine[0]["unread_count"] == 2 and mine[0]["unread_mention_count"] == 1


def test_members_added_through_the_api_count_what_follows_as_unread(client):
    a, b, c = (f"{name}-{uuid.uuid4().hex[:8]}" for name in "abc")
    client.upsert_users([{"id": a}, {"id": b}, {"id": c}])
    channel = client.channel("messaging", f"join-{uuid.uuid4().hex[:8]}", {"members": [a, b]})
    channel.create(a)

    def unread(user):
        return next((x["unread_count"] for x in client.unread_counts(user)["channels"] if x["channel_id"] == f"messaging:{channel.id}"), 0)

    channel.send_message({"text": "before c joined"}, a)
    assert unread(b) == 1, "a member who never marked the channel read still has what was sent since joining unread"
    channel.add_members([c])
    channel.send_message({"text": "after c joined"}, a)
    assert (unread(b), unread(c)) == (2, 1), "a new member's read position is the time they joined"
    assert unread(a) == 0, "one's own messages are never unread"
    reads = {r["user"]["id"]: r["unread_messages"] for r in channel.query(user_id=a)["read"]}
    assert reads[b] == 2 and reads[c] == 1


def test_unread_counts_count_replies_in_threads_the_user_takes_part_in(client, room):
    channel, a, b = room
    c = new_id("r")
    client.upsert_user({"id": c})
    channel.add_members([c])
    mine = channel.send_message({"text": "a's root"}, a)["message"]
    joined = channel.send_message({"text": "b's root"}, b)["message"]
    channel.send_message({"text": "a joins b's thread", "parent_id": joined["id"]}, a)
    untouched = channel.send_message({"text": "c's root"}, c)["message"]
    channel.mark_read(a)
    for parent in (mine, mine, joined, untouched):
        channel.send_message({"text": "reply", "parent_id": parent["id"]}, c)
    channel.send_message({"text": "a's own reply", "parent_id": mine["id"]}, a)
    counts = client.unread_counts(a)
    threads = {t["parent_message_id"]: t for t in counts["threads"]}
    assert {k: t["unread_count"] for k, t in threads.items()} == {mine["id"]: 2, joined["id"]: 1}
    assert counts["total_unread_threads_count"] == 2
    assert threads[mine["id"]]["last_read"] and "last_read_message_id" in threads[mine["id"]]
    channel.mark_read(a)
    after = client.unread_counts(a)
    assert after["total_unread_threads_count"] == 0 and after["threads"] == []


def test_unread_thread_replies_leave_out_what_the_user_may_not_see(client, room):
    channel, a, b = room
    root = channel.send_message({"text": "root"}, a)["message"]
    channel.mark_read(a)
    gone = channel.send_message({"text": "deleted", "parent_id": root["id"]}, b)["message"]
    client.delete_message(gone["id"])
    channel.send_message({"text": "not for a", "parent_id": root["id"], "restricted_visibility": [b]}, b)
    assert client.unread_counts(a)["total_unread_threads_count"] == 0
    channel.send_message({"text": "for a", "parent_id": root["id"]}, b)
    assert [t["unread_count"] for t in client.unread_counts(a)["threads"]] == [1]

"""`query_threads`, `GET /threads/{id}` and `PATCH /threads/{id}` (stream-chat-js's `partialUpdateThread`):
the threads a user takes part in, Stream's shape, with their own title and custom data."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user
from test_websocket import chat, next_event  # noqa: F401 (chat is a fixture)


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def threads(client):
    alice, bob, carol = new_id("alice"), new_id("bob"), new_id("carol")
    client.upsert_users([{"id": alice}, {"id": bob}, {"id": carol}])
    channel = client.channel("messaging", new_id("threads"), {"members": [alice, bob, carol]})
    channel.create(alice)
    first = channel.send_message({"text": "first topic"}, alice)["message"]
    second = channel.send_message({"text": "second topic"}, bob)["message"]
    lonely = channel.send_message({"text": "no replies"}, alice)["message"]
    for n in range(4):
        channel.send_message({"text": f"reply {n}", "parent_id": first["id"]}, bob if n % 2 else carol)
    channel.send_message({"text": "alice joins", "parent_id": second["id"]}, alice)
    return channel, alice, bob, carol, first, second, lonely


def test_query_threads_lists_the_users_threads_in_streams_shape(client, threads):
    channel, alice, bob, carol, first, second, lonely = threads
    found = client.query_threads({}, user_id=alice)["threads"]
    assert {t["parent_message_id"] for t in found} == {first["id"], second["id"]}, "threads need a reply; lonely has none"
    by_id = {t["parent_message_id"]: t for t in found}
    thread = by_id[first["id"]]
    assert thread["channel_cid"] == channel.cid and thread["created_by_user_id"] == alice
    assert thread["reply_count"] == 4 and thread["participant_count"] == 3
    assert [p["user_id"] for p in thread["thread_participants"]] == [alice, carol, bob]
    assert [r["text"] for r in thread["latest_replies"]] == ["reply 1", "reply 2", "reply 3"], "the 3 newest, oldest first"
    assert thread["parent_message"]["text"] == "first topic" and thread["last_message_at"]
    assert by_id[second["id"]]["created_by_user_id"] == bob
    # Carol replied only in the first thread: she takes part in that one alone.
    assert [t["parent_message_id"] for t in client.query_threads({}, user_id=carol)["threads"]] == [first["id"]]


def test_query_threads_filters_sorts_and_pages(client, threads):
    channel, alice, bob, carol, first, second, lonely = threads
    unread_first = client.query_threads({}, user_id=alice)["threads"]
    assert [t["parent_message_id"] for t in unread_first] == [first["id"], second["id"]], "unread replies (bob's, carol's) first"
    channel.mark_read(alice)
    newest = client.query_threads({}, user_id=alice, limit=1)
    assert [t["parent_message_id"] for t in newest["threads"]] == [second["id"]], "then the latest reply first"
    older = client.query_threads({}, user_id=alice, limit=1, next=newest["next"])
    assert [t["parent_message_id"] for t in older["threads"]] == [first["id"]] and "next" not in older
    by_count = client.query_threads({}, [{"field": "reply_count", "direction": -1}], user_id=alice)["threads"]
    assert [t["reply_count"] for t in by_count] == [4, 1]
    mine = client.query_threads({"created_by_user_id": bob}, user_id=alice)["threads"]
    assert [t["parent_message_id"] for t in mine] == [second["id"]]
    assert client.query_threads({"channel_cid": "messaging:elsewhere"}, user_id=alice)["threads"] == []
    with pytest.raises(StreamAPIException) as raised:
        client.query_threads({"reply_count": {"$near": 1}}, user_id=alice)
    assert raised.value.status_code == 400
    with pytest.raises(StreamAPIException) as raised:
        client.query_threads({}, user_id=alice, frobnicate=1)
    assert raised.value.status_code == 400 and "frobnicate" in raised.value.error_message


def test_get_thread_by_parent_id_for_a_participant(client, server, threads):
    channel, alice, bob, carol, first, second, lonely = threads
    answer = as_user(server, carol, "GET", f"threads/{first['id']}?reply_limit=2", {})
    assert answer.status_code == 200, answer.text
    thread = answer.json()["thread"]
    assert thread["parent_message_id"] == first["id"] and [r["text"] for r in thread["latest_replies"]] == ["reply 2", "reply 3"]
    assert as_user(server, carol, "GET", f"threads/{second['id']}", {}).status_code == 404, "not her thread"
    assert as_user(server, alice, "GET", f"threads/{lonely['id']}", {}).status_code == 404, "no replies: no thread"


def test_mark_read_with_thread_id_reads_that_thread_only(client, threads):
    channel, alice, bob, carol, first, second, lonely = threads

    def unread_threads(user):
        counts = client.unread_counts(user)
        return {t["parent_message_id"]: t["unread_count"] for t in counts["threads"]}, counts["total_unread_threads_count"]

    assert unread_threads(alice) == ({first["id"]: 4}, 1)
    channel_unread = client.unread_counts(alice)["total_unread_count"]
    channel.mark_read(alice, thread_id=first["id"])
    assert unread_threads(alice) == ({}, 0)
    assert client.unread_counts(alice)["total_unread_count"] == channel_unread, "the channel's read state is untouched"
    channel.send_message({"text": "one more", "parent_id": first["id"]}, bob)
    assert unread_threads(alice) == ({first["id"]: 1}, 1), "replies after the thread's read count again"
    for bad in ["no-such-message", lonely["id"] + "-x"]:
        with pytest.raises(StreamAPIException) as raised:
            channel.mark_read(alice, thread_id=bad)
        assert raised.value.status_code == 404
    reply_id = channel.get_replies(first["id"])["messages"][0]["id"]
    with pytest.raises(StreamAPIException):
        channel.mark_read(alice, thread_id=reply_id)
    assert unread_threads(alice) == ({first["id"]: 1}, 1), "a refused mark changes nothing"


def test_member_limit_trims_the_threads_channel_members(client, server, threads):
    channel, alice, bob, carol, first, second, lonely = threads
    found = client.query_threads({}, user_id=alice, member_limit=2)["threads"]
    assert {len(t["channel"]["members"]) for t in found} == {2} and found[0]["channel"]["member_count"] == 3
    assert all(m["user"]["id"] in (alice, bob, carol) for m in found[0]["channel"]["members"])
    everyone = client.query_threads({}, user_id=alice, member_limit=100)["threads"][0]["channel"]["members"]
    assert sorted(m["user_id"] for m in everyone) == sorted([alice, bob, carol])
    assert "members" not in client.query_threads({}, user_id=alice)["threads"][0]["channel"], "members only when asked for"
    answer = as_user(server, carol, "GET", f"threads/{first['id']}?member_limit=1", {})
    assert answer.status_code == 200, answer.text
    assert len(answer.json()["thread"]["channel"]["members"]) == 1


def test_partial_update_sets_and_unsets_a_threads_title_and_custom_data(client, server, chat):
    channel, alice, bob, carol, sockets = chat
    parent = channel.send_message({"text": "a topic"}, alice)["message"]
    channel.send_message({"text": "a reply", "parent_id": parent["id"]}, bob)
    bob_ws, _ = sockets[bob]

    answer = as_user(server, bob, "PATCH", f"threads/{parent['id']}", {"set": {"title": "Launch plan", "priority": 2}})
    assert answer.status_code == 200, answer.text
    assert answer.json()["thread"]["title"] == "Launch plan" and answer.json()["thread"]["custom"] == {"priority": 2}
    event = next_event(bob_ws, "thread.updated")
    assert event["thread"]["title"] == "Launch plan" and event["cid"] == channel.cid and event["user"]["id"] == bob
    shown = client.get(f"threads/{parent['id']}", params={"user_id": alice})["thread"]
    assert (shown["title"], shown["custom"]) == ("Launch plan", {"priority": 2})
    assert shown["updated_at"] >= answer.json()["thread"]["created_at"]
    assert client.get_message(parent["id"])["message"]["text"] == "a topic", "the parent message is untouched"
    found = client.query_threads({"parent_message_id": parent["id"]}, user_id=bob)["threads"]
    assert [t["title"] for t in found] == ["Launch plan"]

    later = client.patch(f"threads/{parent['id']}", data={"set": {"stage": "beta"}, "unset": ["title", "priority"]})
    assert (later["thread"]["title"], later["thread"]["custom"]) == ("", {"stage": "beta"})


def test_partial_update_refuses_reserved_fields_strangers_and_threads_that_are_not_there(client, server, chat):
    channel, alice, bob, _, _ = chat
    parent = channel.send_message({"text": "a topic"}, alice)["message"]
    lonely = channel.send_message({"text": "no replies"}, alice)["message"]
    channel.send_message({"text": "a reply", "parent_id": parent["id"]}, bob)
    for body, words in [({"set": {"reply_count": 9}}, "reply_count is a reserved field"),
                        ({"unset": ["created_at"]}, "created_at is a reserved field"),
                        ({"set": {"title": 5}}, "title must be a string"),
                        ({}, "set or unset is required"),
                        ({"set": {"title": "x"}, "everything": True}, "everything is not supported")]:
        refused = as_user(server, alice, "PATCH", f"threads/{parent['id']}", body)
        assert (refused.status_code, refused.json()["code"]) == (400, 4) and words in refused.json()["message"], body
    stranger = new_id("stranger")
    client.upsert_user({"id": stranger})
    assert as_user(server, stranger, "PATCH", f"threads/{parent['id']}", {"set": {"title": "mine"}}).status_code == 404
    assert as_user(server, alice, "PATCH", f"threads/{lonely['id']}", {"set": {"title": "x"}}).status_code == 404
    assert as_user(server, alice, "PATCH", "threads/no-such-message", {"set": {"title": "x"}}).status_code == 404
    assert client.get(f"threads/{parent['id']}", params={"user_id": alice})["thread"]["title"] == ""


def test_the_plain_thread_list_pages_as_the_filtered_one_does(client):
    """The list without filter or sort reads only its page's threads; it must answer as the whole
    query does: the same threads in the same order, page by page, and a thread whose parent the
    reader no longer sees (deleted for them alone) left out."""
    alice, bob = new_id("alice"), new_id("bob")
    client.upsert_users([{"id": alice}, {"id": bob}])
    channel = client.channel("messaging", new_id("many"), {"members": [alice, bob]})
    channel.create(alice)
    parents = [channel.send_message({"text": f"topic {n}"}, alice)["message"] for n in range(7)]
    hidden = channel.send_message({"text": "soon gone for alice"}, alice)["message"]
    for n in (3, 0, 5, 1):
        channel.send_message({"text": f"re {n}", "parent_id": parents[n]["id"]}, bob if n % 2 else alice)
    channel.send_message({"text": "re hidden", "parent_id": hidden["id"]}, bob)
    for n in (6, 2, 4):
        channel.send_message({"text": f"re {n}", "parent_id": parents[n]["id"]}, bob if n % 2 else alice)
    client.delete_message(hidden["id"], delete_for_me=True, deleted_by=alice)
    channel.mark_read(alice)
    channel.send_message({"text": "new in 5", "parent_id": parents[5]["id"]}, bob)

    def pages(conditions):
        order, next_page = [], None
        while True:
            answer = client.query_threads(conditions, user_id=alice, limit=3, **({"next": next_page} if next_page else {}))
            order += [t["parent_message_id"] for t in answer["threads"]]
            next_page = answer.get("next")
            if not next_page:
                return order

    everything = {"created_at": {"$gte": "2000-01-01T00:00:00Z"}}
    plain = pages({})
    assert plain == pages(everything)
    assert hidden["id"] not in plain
    assert plain[0] == parents[5]["id"], "the unread thread first"
    assert plain[1:] == [parents[n]["id"] for n in (4, 2, 6, 1, 0, 3)], "then the newest reply first"

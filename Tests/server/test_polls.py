"""Polls (Stream's Poll API) through the SDK's generic calls, since stream-chat 4.33 has no poll
methods: create, get, update, partial update, close, delete, options, votes under the poll's
rules, the two queries, messages carrying their poll, and the events watchers hear."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user
from test_websocket import connect, next_event, rest


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def polls_type(client):
    """A channel type with polls on (Stream has them off by default)."""
    name = new_id("pt")[:20]
    client.create_channel_type({"name": name, "polls": True})
    return name


@pytest.fixture
def room(client, polls_type):
    alice, bob, carol = new_id("alice"), new_id("bob"), new_id("carol")
    client.upsert_users([{"id": alice}, {"id": bob}, {"id": carol}])
    channel = client.channel(polls_type, new_id("room"), {"members": [alice, bob]})
    channel.create(alice)
    return channel, alice, bob, carol


def create_poll(client, user, **fields):
    body = {"name": "Lunch?", "options": [{"text": "Pizza"}, {"text": "Soup"}], "user_id": user, **fields}
    return client.post("polls", data=body)["poll"]


def send_poll(channel, poll, user):
    return channel.send_message({"text": "", "poll_id": poll["id"]}, user)["message"]


def vote(client, message, poll, user, **vote_body):
    return client.post(f"messages/{message['id']}/polls/{poll['id']}/vote", data={"vote": vote_body, "user_id": user})


def error(call):
    with pytest.raises(StreamAPIException) as raised:
        call()
    return raised.value


def test_create_get_and_a_message_carrying_the_poll(client, room):
    channel, alice, bob, _ = room
    poll = create_poll(client, alice, description="Friday", max_votes_allowed=2, mood="hungry")
    assert poll["name"] == "Lunch?" and poll["created_by_id"] == alice and poll["created_by"]["id"] == alice
    assert [o["text"] for o in poll["options"]] == ["Pizza", "Soup"] and all(o["id"] for o in poll["options"])
    assert poll["vote_count"] == 0 and poll["vote_counts_by_option"] == {} and poll["own_votes"] == []
    assert poll["max_votes_allowed"] == 2 and poll["voting_visibility"] == "public" and poll["is_closed"] is False
    assert poll["custom"] == {"mood": "hungry"} and poll["mood"] == "hungry", "flat custom keys are custom data"
    assert client.get(f"polls/{poll['id']}")["poll"]["description"] == "Friday"

    message = send_poll(channel, poll, alice)
    assert message["poll_id"] == poll["id"] and message["poll"]["name"] == "Lunch?"
    plain = channel.send_message({"text": "no poll here"}, bob)["message"]
    assert plain["poll_id"] == "" and plain["poll"] is None
    read = client.get_message(message["id"])["message"]
    assert read["poll"]["id"] == poll["id"]
    state = channel.query(messages={"limit": 10})
    assert [m["poll_id"] for m in state["messages"]] == [poll["id"], ""]


def test_bad_polls_and_sends_are_refused_in_streams_shape(client, room, server):
    channel, alice, bob, _ = room
    assert error(lambda: client.post("polls", data={"user_id": alice, "options": []})).status_code == 400
    too_many = error(lambda: create_poll(client, alice, max_votes_allowed=11))
    assert too_many.status_code == 400 and "max_votes_allowed" in too_many.error_message
    assert error(lambda: create_poll(client, alice, voting_visibility="secret")).status_code == 400
    assert error(lambda: create_poll(client, alice, options=[{"id": "x", "text": "a"}, {"id": "x", "text": "b"}])).status_code == 400
    assert error(lambda: client.get("polls/no-such-poll")).status_code == 404

    poll = create_poll(client, alice)
    not_mine = error(lambda: send_poll(channel, poll, bob))
    assert not_mine.status_code == 403 and "creator" in not_mine.error_message, "only the creator sends a poll"
    off = client.channel("messaging", new_id("nopolls"), {"members": [alice]})
    off.create(alice)
    disabled = error(lambda: send_poll(off, poll, alice))
    assert disabled.status_code == 400 and disabled.error_code == 19, "polls are off on the messaging type"
    assert error(lambda: channel.send_message({"text": "x", "poll_id": "no-such"}, alice)).status_code == 400
    changed = as_user(server, bob, "PATCH", f"polls/{poll['id']}", {"set": {"name": "Mine now"}})
    assert changed.status_code == 403, "only the creator changes a poll"
    assert client.get(f"polls/{poll['id']}")["poll"]["name"] == "Lunch?"


def test_votes_counts_own_votes_and_the_events_watchers_hear(client, room, server):
    channel, alice, bob, carol = room
    poll = create_poll(client, alice, allow_answers=True)
    message = send_poll(channel, poll, alice)
    pizza, soup = (o["id"] for o in poll["options"])
    ws, hello = connect(server, alice)
    try:
        rest(server, alice, "POST", f"channels/{channel.channel_type}/{channel.id}/query", {"watch": True},
             params={"connection_id": hello["connection_id"]})
        cast = vote(client, message, poll, bob, option_id=pizza)
        casted = next_event(ws, "poll.vote_casted")
        assert casted["poll_vote"]["option_id"] == pizza and casted["poll_vote"]["user_id"] == bob
        assert casted["poll"]["vote_counts_by_option"] == {pizza: 1} and casted["message_id"] == message["id"]
        assert casted["cid"] == channel.cid
        vote(client, message, poll, alice, option_id=soup)
        next_event(ws, "poll.vote_casted")
        vote(client, message, poll, bob, answer_text="Tacos")
        next_event(ws, "poll.vote_casted")
        answer = vote(client, message, poll, bob, answer_text="Ramen")
        assert next_event(ws, "poll.vote_changed")["poll_vote"]["answer_text"] == "Ramen", "a new answer replaces the old"

        seen = client.get(f"polls/{poll['id']}", params={"user_id": bob})["poll"]
        assert seen["vote_count"] == 2 and seen["answers_count"] == 1
        assert seen["vote_counts_by_option"] == {pizza: 1, soup: 1}
        assert sorted(v["id"] for v in seen["own_votes"]) == sorted([cast["vote"]["id"], answer["vote"]["id"]])
        assert [a["answer_text"] for a in seen["latest_answers"]] == ["Ramen"]
        assert [v["user_id"] for v in seen["latest_votes_by_option"][pizza]] == [bob]

        removed = client.delete(f"messages/{message['id']}/polls/{poll['id']}/vote/{cast['vote']['id']}", params={"user_id": bob})
        assert removed["vote"]["id"] == cast["vote"]["id"]
        assert next_event(ws, "poll.vote_removed")["poll"]["vote_counts_by_option"] == {soup: 1}

        client.patch(f"polls/{poll['id']}", data={"set": {"is_closed": True}, "user_id": alice})
        assert next_event(ws, "poll.closed")["poll"]["is_closed"] is True
        closed = error(lambda: vote(client, message, poll, bob, option_id=pizza))
        assert closed.status_code == 400 and "closed" in closed.error_message
        client.delete(f"polls/{poll['id']}", params={"user_id": alice})
        assert next_event(ws, "poll.deleted")["poll"]["id"] == poll["id"]
    finally:
        ws.close()
    assert error(lambda: client.get(f"polls/{poll['id']}")).status_code == 404
    assert client.get_message(message["id"])["message"]["poll"] is None, "a deleted poll leaves its message"
    outsider = as_user(server, carol, "POST", f"messages/{message['id']}/polls/{poll['id']}/vote", {"vote": {"option_id": pizza}})
    assert outsider.status_code == 404


def test_vote_rules_unique_vote_max_votes_and_answers_off(client, room, server):
    channel, alice, bob, carol = room
    unique = create_poll(client, alice, enforce_unique_vote=True)
    message = send_poll(channel, unique, alice)
    pizza, soup = (o["id"] for o in unique["options"])
    vote(client, message, unique, bob, option_id=pizza)
    vote(client, message, unique, bob, option_id=soup)
    assert client.get(f"polls/{unique['id']}")["poll"]["vote_counts_by_option"] == {soup: 1}, "a unique vote replaces"
    assert error(lambda: vote(client, message, unique, bob, answer_text="x")).status_code == 400, "answers are off"
    assert error(lambda: vote(client, message, unique, bob, option_id="no-such")).status_code == 400

    capped = create_poll(client, alice, max_votes_allowed=1)
    capped_message = send_poll(channel, capped, alice)
    vote(client, capped_message, capped, bob, option_id=capped["options"][0]["id"])
    over = error(lambda: vote(client, capped_message, capped, bob, option_id=capped["options"][1]["id"]))
    assert over.status_code == 400 and "maximum" in over.error_message
    wrong = error(lambda: vote(client, message, capped, bob, option_id=capped["options"][0]["id"]))
    assert wrong.status_code == 400 and "not attached" in wrong.error_message
    stranger = as_user(server, carol, "POST", f"messages/{message['id']}/polls/{unique['id']}/vote", {"vote": {"option_id": pizza}})
    assert stranger.status_code == 403, "a non-member of the channel does not vote"
    theirs = client.get(f"polls/{unique['id']}", params={"user_id": bob})["poll"]["own_votes"][0]
    removed = as_user(server, alice, "DELETE", f"messages/{message['id']}/polls/{unique['id']}/vote/{theirs['id']}", {})
    assert removed.status_code == 403, "a user removes only their own votes"


def test_update_partial_update_and_options(client, room, server):
    channel, alice, bob, _ = room
    poll = create_poll(client, alice, allow_user_suggested_options=True, description="old")
    send_poll(channel, poll, alice)
    pizza = poll["options"][0]
    full = client.put("polls", data={"id": poll["id"], "name": "Dinner?", "options": [pizza], "user_id": alice})["poll"]
    assert full["name"] == "Dinner?" and full["description"] == "" and [o["id"] for o in full["options"]] == [pizza["id"]], \
        "a full update resets what it leaves out"
    assert full["allow_user_suggested_options"] is False
    partial = client.patch(f"polls/{poll['id']}", data={"set": {"description": "new", "allow_user_suggested_options": True},
                                                        "user_id": alice})["poll"]
    assert partial["description"] == "new" and partial["name"] == "Dinner?"
    assert error(lambda: client.patch(f"polls/{poll['id']}", data={"unset": ["name"], "user_id": alice})).status_code == 400

    suggested = as_user(server, bob, "POST", f"polls/{poll['id']}/options", {"text": "Curry"})
    assert suggested.status_code == 201, suggested.text
    curry = suggested.json()["poll_option"]
    renamed = client.put(f"polls/{poll['id']}/options", data={"id": curry["id"], "text": "Thai curry", "user_id": alice})
    assert renamed["poll_option"]["text"] == "Thai curry"
    assert client.get(f"polls/{poll['id']}/options/{curry['id']}")["poll_option"]["text"] == "Thai curry"
    assert as_user(server, bob, "PUT", f"polls/{poll['id']}/options", {"id": curry["id"], "text": "x"}).status_code == 403
    client.delete(f"polls/{poll['id']}/options/{curry['id']}", params={"user_id": alice})
    assert [o["text"] for o in client.get(f"polls/{poll['id']}")["poll"]["options"]] == ["Pizza"]
    assert error(lambda: client.get(f"polls/{poll['id']}/options/{curry['id']}")).status_code == 404


def test_query_polls_and_votes_filter_sort_and_page(client, room):
    channel, alice, bob, _ = room
    tag = new_id("q")
    made = [create_poll(client, alice, name=f"{tag} {n}", is_closed=(n == 2)) for n in range(3)]
    ids = [p["id"] for p in made]
    page = client.post("polls/query", params={"user_id": alice},
                       data={"filter": {"id": {"$in": ids}}, "sort": [{"field": "name", "direction": 1}], "limit": 2})
    assert [p["name"] for p in page["polls"]] == [f"{tag} 0", f"{tag} 1"] and page["next"]
    rest_page = client.post("polls/query", params={"user_id": alice},
                            data={"filter": {"id": {"$in": ids}}, "sort": [{"field": "name", "direction": 1}], "next": page["next"]})
    assert [p["name"] for p in rest_page["polls"]] == [f"{tag} 2"]
    closed = client.post("polls/query", data={"filter": {"id": {"$in": ids}, "is_closed": True}})["polls"]
    assert [p["id"] for p in closed] == [ids[2]]
    assert error(lambda: client.post("polls/query", data={"limit": 500})).status_code == 400

    poll = made[0]
    message = send_poll(channel, poll, alice)
    vote(client, message, poll, alice, option_id=poll["options"][0]["id"])
    vote(client, message, poll, bob, option_id=poll["options"][1]["id"])
    votes = client.post(f"polls/{poll['id']}/votes", data={"filter": {"user_id": bob}})["votes"]
    assert [v["option_id"] for v in votes] == [poll["options"][1]["id"]]
    everyone = client.post(f"polls/{poll['id']}/votes", data={"sort": [{"field": "created_at", "direction": 1}]})["votes"]
    assert [v["user_id"] for v in everyone] == [alice, bob]


def test_anonymous_poll_hides_who_voted(client, room):
    channel, alice, bob, _ = room
    poll = create_poll(client, alice, voting_visibility="anonymous")
    message = send_poll(channel, poll, alice)
    vote(client, message, poll, bob, option_id=poll["options"][0]["id"])
    seen_by_alice = client.get(f"polls/{poll['id']}", params={"user_id": alice})["poll"]
    assert seen_by_alice["latest_votes_by_option"] is None and seen_by_alice["vote_count"] == 1
    votes = client.post(f"polls/{poll['id']}/votes", params={"user_id": alice}, data={})["votes"]
    assert "user_id" not in votes[0] and "user" not in votes[0]
    assert client.get(f"polls/{poll['id']}", params={"user_id": bob})["poll"]["own_votes"][0]["user_id"] == bob

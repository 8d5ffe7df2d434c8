"""`queryReactions` as stream-chat-js (and stream-chat-react's reactions list) sends it,
`POST /messages/{id}/reactions`: filtered by type and user, newest first unless sorted
otherwise, a page at a time through `next` / `prev`, with Stream's filter operators; what it
cannot do is 400."""
import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user, new_id


@pytest.fixture
def reacted(client):
    users = [new_id("qr") for _ in range(5)]
    client.upsert_users([{"id": u} for u in users])
    channel = client.channel("messaging", new_id("qr"), {"members": users})
    channel.create(users[0])
    message = channel.send_message({"text": "react"}, users[0])["message"]
    for n, user in enumerate(users):
        channel.send_reaction(message["id"], {"type": "like" if n % 2 == 0 else "love"}, user)
    return message, users


def query(client, message, **body):
    return client.post(f"messages/{message['id']}/reactions", data=body)


def test_reactions_filter_sort_and_page(server, client, reacted):
    message, users = reacted
    everyone = query(client, message)["reactions"]
    assert [r["user_id"] for r in everyone] == list(reversed(users)), "newest first"
    assert [r["user_id"] for r in query(client, message, sort=[{"field": "created_at", "direction": 1}])["reactions"]] == users
    likes = query(client, message, filter={"type": {"$eq": "like"}})["reactions"]
    assert {r["user_id"] for r in likes} == set(users[0::2]) and all(r["type"] == "like" for r in likes)
    assert {r["type"] for r in query(client, message, filter={"type": {"$in": ["love"]}})["reactions"]} == {"love"}
    assert query(client, message, filter={"$and": [{"type": "like"}, {"user_id": users[1]}]})["reactions"] == []
    mine = query(client, message, filter={"user_id": users[1]})["reactions"]
    assert [(r["user_id"], r["type"]) for r in mine] == [(users[1], "love")]
    assert mine[0]["user"]["id"] == users[1]

    first = query(client, message, limit=2)
    assert [r["user_id"] for r in first["reactions"]] == list(reversed(users))[:2] and "prev" not in first
    second = query(client, message, limit=2, next=first["next"])
    assert [r["user_id"] for r in second["reactions"]] == list(reversed(users))[2:4]
    last = query(client, message, limit=2, next=second["next"])
    assert [r["user_id"] for r in last["reactions"]] == [users[0]] and "next" not in last
    assert query(client, message, limit=2, prev=last["prev"])["reactions"] == second["reactions"]

    as_member = as_user(server, users[2], "POST", f"messages/{message['id']}/reactions", {"filter": {"type": "love"}})
    assert as_member.status_code == 200 and {r["user_id"] for r in as_member.json()["reactions"]} == set(users[1::2])
    stranger = new_id("qr")
    client.upsert_user({"id": stranger})
    assert as_user(server, stranger, "POST", f"messages/{message['id']}/reactions", {}).status_code == 403


@pytest.mark.parametrize("body, says", [
    ({"filter": {"type": {"$regex": "l.*"}}}, "$regex"),
    ({"limit": 101}, "limit must be 1 to 100"),
    ({"limit": 0}, "limit must be 1 to 100"),
    ({"next": "bm90LWEtY3Vyc29y"}, "not a cursor this server answered"),
    ({"everything": True}, "everything is not supported"),
])
def test_what_the_query_cannot_do_is_400(client, reacted, body, says):
    message, _ = reacted
    with pytest.raises(StreamAPIException) as raised:
        query(client, message, **body)
    assert raised.value.status_code == 400 and says in raised.value.error_message, raised.value.error_message

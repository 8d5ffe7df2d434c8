"""Users through the official stream-chat SDK (4.33.0), pointed at `chatterm serve`."""
import json
import uuid
from datetime import datetime, timezone

import pytest
import requests
from stream_chat.base.exceptions import StreamAPIException

from conftest import start_server


def new_id(prefix="u"):
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def test_upsert_user_keeps_custom_fields_flat(client):
    uid = new_id()
    response = client.upsert_user({"id": uid, "name": "Ada", "age": 36, "profile": {"team": "core"}})
    user = response["users"][uid]
    assert user["name"] == "Ada"
    assert user["age"] == 36
    assert user["profile"] == {"team": "core"}
    assert user["role"] == "user"
    assert "duration" in response
    assert user["created_at"].endswith("Z")


def test_upsert_users_replaces_custom_data_and_keeps_created_at(client):
    uid = new_id()
    first = client.upsert_users([{"id": uid, "name": "A", "color": "red"}])["users"][uid]
    second = client.upsert_user({"id": uid, "name": "B"})["users"][uid]
    assert second["name"] == "B"
    assert "color" not in second
    assert second["created_at"] == first["created_at"]
    # Each write is the user's latest update, as Stream's updated_at says.
    assert first["updated_at"] == first["created_at"] and second["updated_at"] != first["updated_at"]
    third = client.update_user_partial({"id": uid, "set": {"name": "C"}})["users"][uid]
    assert third["updated_at"] not in (first["updated_at"], second["updated_at"])
    assert client.query_users({"id": uid})["users"][0]["updated_at"] == third["updated_at"]
    deactivated = client.deactivate_user(uid)["user"]
    assert deactivated["updated_at"] == deactivated["deactivated_at"]
    assert client.reactivate_user(uid)["user"]["updated_at"] != deactivated["updated_at"]


def test_teams_and_roles_round_trip(client):
    uid = new_id()
    user = client.upsert_user({"id": uid, "role": "admin", "teams": ["red", "blue"], "teams_role": {"red": "admin"}})["users"][uid]
    assert user["role"] == "admin"
    assert user["teams"] == ["red", "blue"]
    assert user["teams_role"] == {"red": "admin"}


def test_query_users_by_id_role_sort_and_paging(client):
    ids = sorted(new_id("q") for _ in range(3))
    client.upsert_users([{"id": i, "role": "moderator" if n == 0 else "user"} for n, i in enumerate(ids)])
    found = client.query_users({"id": {"$in": ids}}, {"id": -1})["users"]
    assert [u["id"] for u in found] == list(reversed(ids))
    assert [u["id"] for u in client.query_users({"id": ids[1]})["users"]] == [ids[1]]
    moderators = client.query_users({"id": {"$in": ids}, "role": "moderator"})["users"]
    assert [u["id"] for u in moderators] == [ids[0]]
    page = client.query_users({"id": {"$in": ids}}, {"id": 1}, limit=1, offset=1)["users"]
    assert [u["id"] for u in page] == [ids[1]]


@pytest.fixture(scope="module")
def tight_server():
    yield from start_server("--rate-limit", "5")


def test_rate_limit_per_caller_with_headers_and_429(tight_server):
    client = tight_server.client()
    first = client.query_users({"id": "nobody"}).rate_limit()
    second = client.query_users({"id": "nobody"}).rate_limit()
    assert (first.limit, first.remaining, second.remaining) == (5, 4, 3)
    assert 0 < (first.reset - datetime.now(timezone.utc)).total_seconds() <= 60
    for _ in range(3):
        client.query_users({"id": "nobody"})
    with pytest.raises(StreamAPIException) as raised:
        client.upsert_user({"id": "over-the-limit"})
    assert (raised.value.status_code, raised.value.error_code) == (429, 9)

    def raw(token):
        return requests.get(f"{tight_server.url}/users", headers={"Authorization": token, "stream-auth-type": "jwt"}, timeout=10,
                            params={"api_key": tight_server.key, "payload": json.dumps({"filter_conditions": {"id": "over-the-limit"}})})

    refused = raw(client.auth_token)
    assert refused.status_code == 429 and refused.headers["x-ratelimit-remaining"] == "0"
    # Another caller has a budget of its own, and sees that the refused call wrote nothing.
    answer = raw(client.create_token("someone"))
    assert answer.status_code == 200 and answer.json()["users"] == []
    assert answer.headers["x-ratelimit-remaining"] == "4"


def test_invalid_user_gets_streams_input_error_and_nothing_is_written(client):
    with pytest.raises(StreamAPIException) as raised:
        client.upsert_users([{"id": "fine-one"}, {"id": "bad id!"}])
    assert raised.value.status_code == 400
    assert raised.value.error_code == 4
    assert "'bad id!' is not a valid user.id" in raised.value.error_message
    assert client.query_users({"id": "fine-one"})["users"] == []


def test_reserved_field_is_refused(client):
    with pytest.raises(StreamAPIException) as raised:
        client.upsert_user({"id": new_id(), "online": True})
    assert raised.value.error_code == 4
    assert '"online" is a reserved field' in raised.value.error_message


def test_unsupported_filter_is_an_honest_error(client):
    with pytest.raises(StreamAPIException) as raised:
        client.query_users({"name": {"$q": "ad"}})
    assert raised.value.status_code == 400 and "$q" in raised.value.error_message
    assert "not supported by the local server" in raised.value.error_message


def test_export_user_gives_everything_they_wrote_in_every_channel(server, client):
    writer, other = new_id("exp"), new_id("other")
    client.upsert_users([{"id": writer, "name": "Export Me", "city": "Oslo"}, {"id": other}])
    first = client.channel("messaging", new_id("c1"), {"members": [writer, other]})
    second = client.channel("team", new_id("c2"), {"members": [writer, other]})
    first.create(writer)
    second.create(other)
    hello = first.send_message({"text": "hello"}, writer)["message"]
    reply = second.send_message({"text": "a reply", "parent_id": second.send_message({"text": "root"}, other)["message"]["id"]}, writer)["message"]
    gone = first.send_message({"text": "deleted later"}, writer)["message"]
    client.delete_message(gone["id"])
    first.send_message({"text": "not theirs"}, other)
    first.send_reaction(hello["id"], {"type": "love"}, writer)
    second.send_reaction(reply["id"], {"type": "like"}, other)

    exported = client.export_user(writer)
    assert exported["user"]["id"] == writer and exported["user"]["city"] == "Oslo"
    assert [m["id"] for m in exported["messages"]] == [hello["id"], reply["id"], gone["id"]], "every channel, deleted ones too"
    assert exported["messages"][1]["parent_id"] and exported["messages"][2]["type"] == "deleted"
    assert [(r["message_id"], r["type"]) for r in exported["reactions"]] == [(hello["id"], "love")]

    with pytest.raises(StreamAPIException) as raised:
        client.export_user(new_id("nobody"))
    assert raised.value.status_code == 404
    token = client.create_token(writer)
    own = requests.get(f"{server.url}/users/{writer}/export", params={"api_key": server.key},
                       headers={"Authorization": token, "stream-auth-type": "jwt"}, timeout=10)
    assert own.status_code == 403, "server-side only"

"""Users through the official stream-chat SDK (4.33.0), pointed at `chatterm serve`."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException


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


def test_responses_carry_rate_limit_metadata(client):
    response = client.query_users({"id": "nobody"})
    info = response.rate_limit()
    assert info.limit > 0 and info.remaining > 0


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
        client.query_users({"name": {"$autocomplete": "ad"}})
    assert raised.value.status_code == 400
    assert "not supported by the local server" in raised.value.error_message

"""Partial updates of users and messages, pins, user deletion and who may edit whose message."""
import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channel_updates import new_id, trio  # noqa: F401 (fixture)
from test_channels_messages import as_user


def test_update_user_partial_sets_paths_and_unsets(client):
    uid = new_id("pu")
    client.upsert_user({"id": uid, "name": "Ann", "field": {"sub": 1, "other": 2}, "drop": "me", "language": "fr"})
    user = client.update_user_partial({"id": uid, "set": {"name": "Anna", "field.sub": 5}, "unset": ["drop", "language"]})["users"][uid]
    assert user["name"] == "Anna" and user["field"] == {"sub": 5, "other": 2} and "drop" not in user
    stored = client.query_users({"id": uid})["users"][0]
    assert stored["name"] == "Anna" and "drop" not in stored and stored["language"] == "", "unset clears standard fields too"


def test_update_user_partial_refusals_write_nothing(server, client):
    uid, other = new_id("pu"), new_id("pu")
    client.upsert_users([{"id": uid, "name": "Bo"}, {"id": other, "name": "Cy"}])
    for body, status in [({"id": uid, "set": {"role": "admin"}}, 403),   # user tokens never change roles
                         ({"id": other, "set": {"name": "x"}}, 403),      # nor other users
                         ({"id": uid, "set": {}}, 400)]:
        answer = as_user(server, uid, "PATCH", "users", {"users": [body]})
        assert answer.status_code == status, answer.text
    with pytest.raises(StreamAPIException) as invalid:
        client.update_users_partial([{"id": uid, "set": {"name": "ok"}}, {"id": other, "set": {"teams": "not-a-list"}}])
    assert invalid.value.status_code == 400
    with pytest.raises(StreamAPIException) as missing:
        client.update_user_partial({"id": new_id("ghost"), "set": {"name": "x"}})
    assert missing.value.status_code == 404
    names = {u["id"]: u["name"] for u in client.query_users({"id": {"$in": [uid, other]}})["users"]}
    assert names == {uid: "Bo", other: "Cy"}, "a refused batch changes no one"
    assert as_user(server, uid, "PATCH", "users", {"users": [{"id": uid, "set": {"name": "Me"}}]}).status_code == 201


def test_delete_user_soft_and_hard(server, client, trio):
    a, b, _ = trio
    channel = client.channel("messaging", new_id("du"), {"members": [a, b]})
    channel.create(a)
    kept = channel.send_message({"text": "from b"}, b)["message"]["id"]
    refused = as_user(server, a, "DELETE", f"users/{b}", {})
    assert refused.status_code == 403

    soft = client.delete_user(b)["user"]
    assert soft["id"] == b and soft["deleted_at"]
    assert client.get_message(kept)["message"]["type"] == "regular", "a plain delete keeps the messages"

    client.delete_user(b, hard_delete=True, mark_messages_deleted=True)
    assert client.query_users({"id": b})["users"] == []
    with pytest.raises(StreamAPIException) as gone:
        client.get_message(kept)
    assert gone.value.status_code == 404
    assert [m["user"]["id"] for m in channel.query()["members"]] == [a]
    with pytest.raises(StreamAPIException) as again:
        client.delete_user(b)
    assert again.value.status_code == 404


def test_delete_user_can_soft_delete_their_messages(client, trio):
    a, b, _ = trio
    channel = client.channel("messaging", new_id("du"), {"members": [a, b]})
    channel.create(a)
    mid = channel.send_message({"text": "bye"}, b)["message"]["id"]
    client.delete_user(b, mark_messages_deleted=True)
    assert client.get_message(mid)["message"]["type"] == "deleted"


def test_update_message_partial_and_pins(client, trio):
    a, b, _ = trio
    channel = client.channel("messaging", new_id("pm"), {"members": [a, b]})
    channel.create(a)
    mid = channel.send_message({"text": "draft", "mood": "calm", "tag": "x"}, a)["message"]["id"]
    message = client.update_message_partial(mid, {"set": {"text": "final", "mood": "glad"}, "unset": ["tag"]}, a)["message"]
    assert message["text"] == "final" and message["mood"] == "glad" and "tag" not in message
    assert message["message_text_updated_at"], "a text change is an edit"

    pinned = client.pin_message(mid, b)["message"]
    assert pinned["pinned"] and pinned["pinned_at"] and pinned["pinned_by"]["id"] == b
    assert "message_text_updated_at" in pinned and pinned["text"] == "final"
    expiring = client.pin_message(mid, b, expiration=3600)["message"]
    assert expiring["pin_expires"] > expiring["pinned_at"]
    unpinned = client.unpin_message(mid, b)["message"]
    assert not unpinned["pinned"] and unpinned["pinned_by"] is None
    assert "pinned_at" in unpinned and unpinned["pinned_at"] is None, "Stream answers an unpin with pinned_at: null"

    with pytest.raises(StreamAPIException) as too_long:
        client.update_message_partial(mid, {"set": {"text": "x" * 5001}}, a)
    assert too_long.value.status_code == 400
    assert client.get_message(mid)["message"]["text"] == "final", "a refused update changes nothing"


def test_only_authors_and_moderators_edit_and_delete(server, client, trio):
    a, b, c = trio
    channel = client.channel("messaging", new_id("own"), {"members": [a, b, c]})
    channel.create(a)
    mid = channel.send_message({"text": "mine"}, a)["message"]["id"]
    denied = as_user(server, b, "PUT", f"messages/{mid}", {"set": {"text": "yours now"}})
    assert denied.status_code == 403 and denied.json()["code"] == 17
    assert as_user(server, b, "DELETE", f"messages/{mid}", {}).status_code == 403
    assert client.get_message(mid)["message"]["text"] == "mine"

    channel.add_moderators([c])
    edited = as_user(server, c, "PUT", f"messages/{mid}", {"set": {"text": "moderated"}})
    assert edited.status_code == 200, edited.text
    assert edited.json()["message"]["text"] == "moderated"
    assert as_user(server, c, "DELETE", f"messages/{mid}", {}).json()["message"]["type"] == "deleted"

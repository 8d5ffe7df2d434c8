"""`delete_channels` and `delete_users` answer a task id; `get_task` reports each item's outcome."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user
from test_websocket import connect, next_event


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def test_delete_channels_removes_each_and_reports_per_channel(client, server):
    owner = new_id("own")
    client.upsert_user({"id": owner})
    first, second = (client.channel("messaging", new_id("bulk"), {"members": [owner]}) for _ in range(2))
    for channel in (first, second):
        channel.create(owner)
        channel.send_message({"text": "bye"}, owner)
    ws, _ = connect(server, owner)
    try:
        missing = "messaging:" + new_id("none")
        answer = client.delete_channels([first.cid, second.cid, missing], hard_delete=True)
        assert len(answer["task_id"]) == 36
        deleted = next_event(ws, "notification.channel_deleted")
        assert deleted["cid"] in (first.cid, second.cid)
    finally:
        ws.close()
    task = client.get_task(answer["task_id"])
    assert task["status"] == "completed" and task["task_id"] == answer["task_id"]
    assert task["result"][first.cid] == {"status": "ok"} and task["result"][second.cid] == {"status": "ok"}
    assert task["result"][missing]["status"] == "error" and "Can't find channel" in task["result"][missing]["error"]
    assert client.query_channels({"cid": {"$in": [first.cid, second.cid]}})["channels"] == []


def test_delete_channels_checks_each_channel_for_a_user_token(client, server):
    owner, other = new_id("own"), new_id("oth")
    client.upsert_users([{"id": owner}, {"id": other}])
    mine = client.channel("messaging", new_id("mine"), {"members": [owner, other]})
    mine.create(owner)
    theirs = client.channel("messaging", new_id("theirs"), {"members": [owner, other]})
    theirs.create(other)
    answer = as_user(server, owner, "POST", "channels/delete", {"cids": [mine.cid, theirs.cid]})
    assert answer.status_code == 201, answer.text
    result = client.get_task(answer.json()["task_id"])["result"]
    assert result[mine.cid] == {"status": "ok"} and result[theirs.cid]["status"] == "error"
    assert [c["channel"]["cid"] for c in client.query_channels({"cid": theirs.cid})["channels"]] == [theirs.cid]


@pytest.mark.parametrize("body, reason", [
    ({}, "cids"),
    ({"cids": []}, "cids"),
    ({"cids": ["messaging:x"] * 101}, "at most 100"),
    ({"cids": ["messaging:x"], "skip_truncate": True}, "skip_truncate"),
])
def test_delete_channels_refuses_bad_requests(server, body, reason):
    from test_message_history_and_routing import raw
    answer = raw(server, "POST", "channels/delete", body)
    assert answer.status_code == 400 and answer.json()["code"] == 4 and reason in answer.json()["message"], answer.text


def test_delete_users_soft_and_hard_with_their_options(client):
    soft, hard, heir, friend = new_id("soft"), new_id("hard"), new_id("heir"), new_id("friend")
    client.upsert_users([{"id": soft}, {"id": hard}, {"id": heir}, {"id": friend}])
    room = client.channel("messaging", new_id("room"), {"members": [soft, hard, friend]})
    room.create(hard)
    kept = room.send_message({"text": "soft says"}, soft)["message"]
    gone = room.send_message({"text": "hard says"}, hard)["message"]
    conversation = client.channel("messaging", None, {"members": [hard, friend]})
    conversation.create(hard)

    answer = client.delete_users([soft], "soft", messages="soft")
    task = client.get_task(answer["task_id"])
    assert task["status"] == "completed" and task["result"] == {soft: {"status": "ok"}}
    assert client.query_users({"id": soft})["users"][0]["deleted_at"]
    assert client.get_message(kept["id"])["message"]["type"] == "deleted"

    with pytest.raises(StreamAPIException) as raised:
        client.delete_users([hard], "hard", messages="soft", conversations="hard")
    assert raised.value.status_code == 400 and "hard" in raised.value.error_message
    with pytest.raises(StreamAPIException) as raised:
        client.delete_users([hard], "soft", messages="pruning")
    assert raised.value.status_code == 400 and "pruning" in raised.value.error_message
    assert client.query_users({"id": hard})["users"], "a refused request deletes nobody"

    answer = client.delete_users([hard, new_id("ghost")], "hard", messages="hard", conversations="hard", new_channel_owner_id=heir)
    result = client.get_task(answer["task_id"])["result"]
    assert result[hard] == {"status": "ok"} and [v["status"] for k, v in result.items() if k != hard] == ["error"]
    assert client.query_users({"id": hard})["users"] == []
    with pytest.raises(StreamAPIException):
        client.get_message(gone["id"])
    assert room.query()["channel"]["created_by"]["id"] == heir, "the hard-deleted user's channel has a new owner"
    assert client.query_channels({"cid": conversation.cid})["channels"] == [], "their conversation went with them"


def test_tasks_unknown_and_user_deletion_is_server_side(client, server):
    with pytest.raises(StreamAPIException) as raised:
        client.get_task(str(uuid.uuid4()))
    assert raised.value.status_code == 404 and "Can't find task" in raised.value.error_message
    user = new_id("u")
    client.upsert_user({"id": user})
    refused = as_user(server, user, "POST", "users/delete", {"user_ids": [user], "user": "soft"})
    assert refused.status_code == 403 and refused.json()["code"] == 17
    assert client.query_users({"id": user})["users"][0].get("deleted_at") is None

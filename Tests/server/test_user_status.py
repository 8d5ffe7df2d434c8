"""Blocks, deactivation, reactivation, restore and devices, through the SDK's own methods:
Stream's answer shapes, who may call them, their events, and their refusals in Stream's shape."""

import pytest

from sdk_support import new_id, refused, user_request as as_user
from test_websocket import connect, next_event


@pytest.fixture
def people(client):
    ids = [new_id("p") for _ in range(3)]
    client.upsert_users([{"id": i} for i in ids])
    return ids


def user(client, user_id):
    # Stream leaves deactivated users out of queries unless asked for them.
    return client.query_users({"id": user_id}, include_deactivated_users=True)["users"][0]


def test_block_list_and_unblock(server, client, people):
    a, b, c = people
    answer = client.block_user(b, a)
    assert answer["blocked_by_user_id"] == a and answer["blocked_user_id"] == b and answer["created_at"]
    client.block_user(c, a)
    again = client.block_user(b, a)  # blocking twice changes nothing
    assert again["created_at"] == answer["created_at"]
    blocks = client.get_blocked_users(a)["blocks"]
    assert [(x["user_id"], x["blocked_user_id"]) for x in blocks] == [(a, b), (a, c)]
    assert blocks[0]["blocked_user"]["id"] == b and blocks[0]["user"]["id"] == a and blocks[0]["created_at"] == answer["created_at"]
    assert user(client, a)["blocked_user_ids"] == [b, c]
    client.unblock_user(b, a)
    assert [x["blocked_user_id"] for x in client.get_blocked_users(a)["blocks"]] == [c]
    assert user(client, a)["blocked_user_ids"] == [c]
    assert client.get_blocked_users(b)["blocks"] == []


def test_blocks_are_a_users_own(server, client, people):
    a, b, c = people
    mine = as_user(server, a, "POST", "users/block", {"blocked_user_id": b})
    assert mine.status_code == 201 and mine.json()["blocked_by_user_id"] == a
    for_someone_else = as_user(server, a, "POST", "users/block", {"blocked_user_id": b, "user_id": c})
    assert for_someone_else.status_code == 403 and for_someone_else.json()["code"] == 17
    listing = as_user(server, a, "GET", "users/block")
    assert [x["blocked_user_id"] for x in listing.json()["blocks"]] == [b]
    assert as_user(server, a, "GET", "users/block", params={"user_id": c}).status_code == 403
    refused(lambda: client.block_user(a, a), text="cannot block themselves")
    refused(lambda: client.block_user("nobody-" + a, a), 404, 16, "doesn't exist")
    refused(lambda: client.block_user(b, a, reason="spam"), text="reason is not supported")


def test_deactivate_and_reactivate_with_messages(server, client, people):
    a, b, _ = people
    channel = client.channel("messaging", new_id("deact"), {"members": [a, b]})
    channel.create(a)
    root = channel.send_message({"text": "root"}, a)["message"]
    reply = channel.send_message({"text": "reply", "parent_id": root["id"]}, a)["message"]
    earlier = channel.send_message({"text": "deleted before"}, a)["message"]
    client.delete_message(earlier["id"])
    ws, _ = connect(server, a)
    try:
        answer = client.deactivate_user(a, mark_messages_deleted=True, created_by_id=b)
        assert answer["user"]["id"] == a and answer["user"]["deactivated_at"]
        event = next_event(ws, "user.deactivated")
        assert event["user"]["id"] == a and event["created_by"]["id"] == b
    finally:
        ws.close()
    assert client.get_message(root["id"])["message"]["type"] == "deleted"
    # A deactivated user still shows in queries, but cannot connect.
    assert user(client, a)["deactivated_at"] == answer["user"]["deactivated_at"]
    ws, first = connect(server, a)
    ws.close()
    assert first["type"] == "connection.error" and first["error"]["code"] == 17 and "deactivated" in first["error"]["message"]

    back = client.reactivate_user(a, restore_messages=True, name="Back Again")
    assert "deactivated_at" not in back["user"] and back["user"]["name"] == "Back Again"
    assert client.get_message(root["id"])["message"]["type"] == "regular"
    assert client.get_message(reply["id"])["message"]["type"] == "reply"
    assert client.get_message(earlier["id"])["message"]["type"] == "deleted", "deleted before the deactivation: stays deleted"
    ws, hello = connect(server, a)
    ws.close()
    assert hello["type"] == "health.check"
    refused(lambda: client.reactivate_user(a), text="is not deactivated")


def test_deactivate_keeps_messages_unless_asked_and_refuses_the_unknown(server, client, people):
    a, b, _ = people
    channel = client.channel("messaging", new_id("keep"), {"members": [a]})
    channel.create(a)
    kept = channel.send_message({"text": "kept"}, a)["message"]
    client.deactivate_user(a)
    assert client.get_message(kept["id"])["message"]["type"] == "regular"
    client.reactivate_user(a, restore_messages=True)
    assert client.get_message(kept["id"])["message"]["type"] == "regular"
    refused(lambda: client.deactivate_user("nobody-" + a), 404, 16)
    refused(lambda: client.deactivate_user(b, mark_channels_deleted=True), text="mark_channels_deleted is not supported")
    refused(lambda: client.deactivate_user(b, mark_messages_deleted="yes"), text="must be true or false")
    assert "deactivated_at" not in user(client, b), "a refused call changes nothing"
    as_b = as_user(server, b, "POST", f"users/{b}/deactivate", {})
    assert as_b.status_code == 403 and as_b.json()["code"] == 17


def test_batch_deactivate_and_reactivate_finish_as_tasks(server, client, people):
    a, b, c = people
    channel = client.channel("messaging", new_id("batch"), {"members": [a, b, c]})
    channel.create(a)
    said = channel.send_message({"text": "said by b"}, b)["message"]
    ws, _ = connect(server, b)
    try:
        answer = client.deactivate_users([a, b], mark_messages_deleted=True, created_by_id=c)
        assert len(answer["task_id"]) == 36
        event = next_event(ws, "user.deactivated")
        assert event["user"]["id"] == b and event["created_by"]["id"] == c
    finally:
        ws.close()
    task = client.get_task(answer["task_id"])
    assert task["status"] == "completed"
    assert sorted(u["id"] for u in task["result"]["users"]) == sorted([a, b])
    assert all(u["deactivated_at"] for u in task["result"]["users"])
    assert user(client, a)["deactivated_at"] and user(client, b)["deactivated_at"] and "deactivated_at" not in user(client, c)
    assert client.get_message(said["id"])["message"]["type"] == "deleted"

    back = client.post("users/reactivate", data={"user_ids": [a, b], "restore_messages": True, "created_by_id": c})
    task = client.get_task(back["task_id"])
    assert task["status"] == "completed" and sorted(u["id"] for u in task["result"]["users"]) == sorted([a, b])
    assert "deactivated_at" not in user(client, a) and "deactivated_at" not in user(client, b)
    assert client.get_message(said["id"])["message"]["type"] == "regular", "restore_messages brought it back"


def test_batch_deactivate_and_reactivate_refuse_all_or_nothing(server, client, people):
    a, b, c = people
    refused(lambda: client.deactivate_users([a, "nobody-" + a]), text="nobody-" + a)
    assert "deactivated_at" not in user(client, a), "a refused batch changes no user"
    refused(lambda: client.deactivate_users([]), text="user_ids")
    refused(lambda: client.deactivate_users([f"u{n}" for n in range(101)]), text="at most 100")
    refused(lambda: client.deactivate_users([a], mark_channels_deleted=True), text="mark_channels_deleted")
    refused(lambda: client.deactivate_users([a], mark_messages_deleted="yes"), text="must be true or false")
    client.deactivate_users([a])
    refused(lambda: client.post("users/reactivate", data={"user_ids": [a, b]}), text=b)
    assert user(client, a)["deactivated_at"], "b is not deactivated: nothing was reactivated"
    refused(lambda: client.post("users/reactivate", data={"user_ids": [a], "restore_channels": True}), text="restore_channels")
    for path in ("users/deactivate", "users/reactivate"):
        as_c = as_user(server, c, "POST", path, {"user_ids": [c]})
        assert as_c.status_code == 403 and as_c.json()["code"] == 17, "server-side only"


def test_restore_brings_back_soft_deleted_users(server, client, people):
    a, b, c = people
    client.delete_user(a)
    client.delete_user(b)
    assert user(client, a)["deleted_at"]
    refused(lambda: client.restore_users([a, c]), text=f"not soft-deleted users: {c}")
    assert user(client, a)["deleted_at"], "all or nothing"
    client.restore_users([a, b])
    assert "deleted_at" not in user(client, a) and "deleted_at" not in user(client, b)
    refused(lambda: client.restore_users([]), text="user_ids")
    assert as_user(server, a, "POST", "users/restore", {"user_ids": [a]}).status_code == 403


def test_devices_add_list_delete(server, client, people):
    a, b, _ = people
    client.add_device("dev-" + a, "firebase", a, "my-firebase")
    client.add_device("dev-" + a, "firebase", a)  # again: nothing changes
    devices = client.get_devices(a)["devices"]
    assert len(devices) == 1
    assert devices[0]["id"] == "dev-" + a and devices[0]["push_provider"] == "firebase"
    assert devices[0]["push_provider_name"] == "my-firebase" and devices[0]["user_id"] == a and devices[0]["created_at"]
    client.delete_device("dev-" + a, a)
    assert client.get_devices(a)["devices"] == []
    client.add_device("dev-" + a, "apn", a)
    assert [d["push_provider"] for d in client.get_devices(a)["devices"]] == ["apn"]
    refused(lambda: client.delete_device("dev-" + a, b), 404, 16)
    refused(lambda: client.add_device("dev-" + a, "apn", b), text="registered to another user")
    refused(lambda: client.add_device("x" + a, "carrier-pigeon", a), text="push_provider must be one of")
    refused(lambda: client.add_device("", "apn", a), text="id is a required field")
    # A user token manages only its own devices.
    assert as_user(server, b, "POST", "devices", {"id": "b-phone", "push_provider": "apn"}).status_code == 201
    assert as_user(server, b, "GET", "devices", params={"user_id": a}).status_code == 403
    assert [d["id"] for d in as_user(server, b, "GET", "devices").json()["devices"]] == ["b-phone"]
    voip = as_user(server, b, "POST", "devices", {"id": "b-voip", "push_provider": "apn", "voip_token": True})
    assert voip.status_code == 400 and "voip_token is not supported" in voip.json()["message"]


def test_a_user_keeps_at_most_25_devices(client, people):
    a = people[0]
    for n in range(27):
        client.add_device(f"{a}-{n:02}", "firebase", a)
    ids = [d["id"] for d in client.get_devices(a)["devices"]]
    assert len(ids) == 25 and f"{a}-00" not in ids and f"{a}-01" not in ids and f"{a}-26" in ids

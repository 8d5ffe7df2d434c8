"""The import flow as the SDK and stream-cli run it: create_import_url, PUT, create_import, get/list."""
import json
import os
import time

import pytest
import requests
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def upload(client, name, content):
    urls = client.create_import_url(name)
    response = requests.put(urls["upload_url"], data=content, headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 200, response.text
    return urls


def wait_for(client, task_id):
    deadline = time.time() + 60
    while time.time() < deadline:
        task = client.get_import(task_id)["import_task"]
        if task["state"] in ("completed", "analyze_failed"):
            return task
        time.sleep(0.2)
    pytest.fail(f"import {task_id} did not finish")


def test_demo_data_imports_through_the_api(client):
    with open(os.path.join(ROOT, "demo-data", "demo.jsonl"), "rb") as f:
        content = f.read()
    urls = upload(client, "demo.jsonl", content)
    assert urls["path"].endswith("/demo.jsonl")
    created = client.create_import(urls["path"], "upsert")["import_task"]
    assert created["state"] == "uploaded" and created["mode"] == "upsert" and created["size"] == len(content)
    task = wait_for(client, created["id"])
    assert task["state"] == "completed", task
    assert task["result"]["stats"]["total"]["messages"] >= 3000
    assert [h["next_state"] for h in task["history"]] == ["analyzing", "completed"]
    assert client.query_users({"id": "maya"})["users"][0]["name"]
    listed = client.list_imports({"limit": 1})["import_tasks"]
    assert len(listed) == 1 and listed[0]["id"] == created["id"]


def test_a_broken_file_fails_and_writes_nothing(client):
    lines = [{"type": "user", "data": {"id": "import-victim"}}, {"type": "foobar", "data": {}}]
    urls = upload(client, "bad.jsonl", "\n".join(json.dumps(l) for l in lines).encode())
    task = wait_for(client, client.create_import(urls["path"], "insert")["import_task"]["id"])
    assert task["state"] == "analyze_failed"
    assert task["mode"] == "insert"
    assert task["result"]["errors"][0]["error"] == 'Parse error: invalid item type "foobar"'
    assert client.query_users({"id": "import-victim"})["users"] == []


def test_upload_urls_are_single_use_and_paths_are_checked(server, client):
    urls = upload(client, "once.jsonl", b"")
    again = requests.put(urls["upload_url"], data=b"{}", timeout=10)
    assert again.status_code == 403 and again.json()["code"] == 17
    fresh = client.create_import_url("fresh.jsonl")["upload_url"]
    token = fresh.split("/")[-2]
    forged = fresh.replace(token, token[:-1] + ("0" if token[-1] != "0" else "1"))
    renamed = fresh.replace("fresh.jsonl", "other.jsonl")
    for url in (forged, renamed):
        assert requests.put(url, data=b"{}", timeout=10).status_code == 403, url
    assert requests.put(fresh, data=b"", timeout=10).status_code == 200, "the URL as issued still works"
    for path in ["local://uploads/../../etc/passwd", "/etc/passwd", "s3://bucket/x.json", urls["path"].replace("once", "other")]:
        with pytest.raises(StreamAPIException) as raised:
            client.create_import(path, "upsert")
        assert raised.value.status_code == 400, path
    with pytest.raises(StreamAPIException):
        client.create_import_url("../escape.json")


def test_imports_need_a_server_token(server, client):
    client.upsert_user({"id": "plain-user"})
    assert as_user(server, "plain-user", "POST", "import_urls", {"filename": "x.json"}).status_code == 403
    with pytest.raises(StreamAPIException) as raised:
        client.get_import("00000000-0000-0000-0000-000000000000")
    assert raised.value.status_code == 404 and raised.value.error_code == 16


def test_imports_know_the_apps_channel_types_and_their_limits(client):
    name = f"support{int(time.time() * 1000) % 10**9}"
    client.create_channel_type({"name": name, "max_message_length": 8000})

    def run(channel_type, text):
        lines = [{"type": "user", "data": {"id": "importer"}},
                 {"type": "channel", "data": {"id": f"c-{name}", "type": channel_type, "created_by": "importer"}},
                 {"type": "message", "data": {"id": f"m-{name}-{channel_type}-{len(text)}", "channel_type": channel_type,
                                              "channel_id": f"c-{name}", "user": "importer", "text": text}}]
        urls = upload(client, "types.jsonl", "\n".join(json.dumps(l) for l in lines).encode())
        return wait_for(client, client.create_import(urls["path"], "upsert")["import_task"]["id"])

    assert run(name, "x" * 6000)["state"] == "completed", "the type exists here and allows 8,000 characters"
    assert client.get_message(f"m-{name}-{name}-6000")["message"]["text"] == "x" * 6000
    over = run(name, "y" * 8001)
    assert over["state"] == "analyze_failed"
    assert over["result"]["errors"][0]["error"] == "Validation error: max message text length exceeded (8000): 8001 characters"
    unknown = run("nosuchtype", "hi")
    assert unknown["state"] == "analyze_failed"
    assert 'channel type "nosuchtype" doesn\'t exist' in unknown["result"]["errors"][0]["error"]


def test_imported_members_without_a_read_position_count_what_comes_after_the_import(client):
    """Stream: "by default, all imported messages will be marked as read": a member the file gives
    no `last_read` has read what it held, and a message sent after the import is unread for them.
    An invitee who has not accepted has no read position to start from and counts nothing."""
    suffix = str(int(time.time() * 1000))
    ann, bo, cy, cid = f"ann-{suffix}", f"bo-{suffix}", f"cy-{suffix}", f"hall-{suffix}"
    lines = [
        {"type": "user", "data": {"id": u}} for u in (ann, bo, cy)
    ] + [
        {"type": "channel", "data": {"id": cid, "type": "messaging", "created_by": ann}},
        {"type": "member", "data": {"channel_type": "messaging", "channel_id": cid, "user_id": ann}},
        {"type": "member", "data": {"channel_type": "messaging", "channel_id": cid, "user_id": bo}},
        {"type": "member", "data": {"channel_type": "messaging", "channel_id": cid, "user_id": cy, "invited": True}},
        {"type": "message", "data": {"id": f"old-{suffix}", "channel_type": "messaging", "channel_id": cid, "user": ann,
                                      "text": "from the export", "created_at": "2020-01-01T10:00:00Z"}},
    ]
    urls = upload(client, "members.jsonl", "\n".join(json.dumps(line) for line in lines).encode())
    task = wait_for(client, client.create_import(urls["path"], "upsert")["import_task"]["id"])
    assert task["state"] == "completed", task

    def unread(user):
        return next((c["unread_count"] for c in client.unread_counts(user)["channels"] if c["channel_id"] == f"messaging:{cid}"), 0)

    assert (unread(ann), unread(bo), unread(cy)) == (0, 0, 0), "what the file held is read"
    channel = client.channel("messaging", cid)
    channel.send_message({"text": "the first live message"}, ann)
    channel.send_message({"text": "and another"}, ann)
    assert (unread(ann), unread(bo), unread(cy)) == (0, 2, 0)
    channel.mark_read(bo)
    channel.send_message({"text": "after bo read"}, ann)
    assert unread(bo) == 1

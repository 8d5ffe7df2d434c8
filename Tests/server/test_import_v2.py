"""Import v2 (`/imports/v2`) through the SDK's generic calls (it has no v2 methods): create with
`product` and `settings`, list with `state` and `next`/`prev`, get with `result`, delete of a
queued task, cancel of a queued or running one, integer states. Tasks run one at a time, so a
task created while another runs stays queued. Also `merge_custom` on the classic create_import (`POST /imports`)."""
import json
import os
import subprocess
import time

import pytest
from stream_chat.base.exceptions import StreamAPIException

from conftest import BINARY, postgres_only, start_server
from test_imports import upload, wait_for

QUEUED, PROCESSING, COMPLETED, FAILED, CANCELLED = 1, 2, 3, 4, 5


def lines(*items):
    return "\n".join(json.dumps({"type": t, "data": d}) for t, d in items).encode()


def create(client, path, **settings):
    return client.post("imports/v2", data={"product": "chat", "settings": {"path": path, **settings}})


def wait_v2(client, task_id, states=(COMPLETED, FAILED, CANCELLED)):
    deadline = time.time() + 120
    while time.time() < deadline:
        task = client.get(f"imports/v2/{task_id}")
        if task["state"] in states:
            return task
        time.sleep(0.02)
    pytest.fail(f"import v2 task {task_id} did not reach {states}")


def refused(call, says):
    with pytest.raises(StreamAPIException) as raised:
        call()
    assert raised.value.status_code == 400 and raised.value.error_code == 4, raised.value
    assert says in str(raised.value), str(raised.value)


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    """An import that is still running when a cancel arrives: tens of thousands of messages."""
    path = str(tmp_path_factory.mktemp("v2") / "big.jsonl")
    subprocess.run([BINARY, "generate", "--users", "500", "--channels", "50", "--messages", "60000", "-o", path],
                   check=True, capture_output=True)
    with open(path, "rb") as f:
        return f.read()


@pytest.fixture
def fresh(store):
    """A server of this test's own, on a fresh store: its queue and rows are the test's alone."""
    yield from start_server(store=store)


def count_rows(store):
    tables = ["users", "channels", "members", "messages", "reactions"]
    return {t: int(store.rows(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in tables}


def test_create_runs_the_file_and_get_gives_the_flat_task_with_its_result(client):
    urls = upload(client, "v2.jsonl", lines(("user", {"id": "v2-ann", "color": "red"}), ("user", {"id": "v2-bo"})))
    created = create(client, urls["path"], mode="upsert", merge_custom=False)
    assert created.status_code() == 201
    assert created["product"] == "chat" and created["app_pk"] == 1 and created["state"] in (QUEUED, PROCESSING, COMPLETED)
    assert created["settings"] == {"mode": "upsert", "path": urls["path"], "merge_custom": False,
                                   "skip_references_check": False, "use_import_time_as_op_time": False}
    assert "duration" in created and "import_task" not in created
    task = wait_v2(client, created["id"])
    assert task["state"] == COMPLETED, task
    assert task["result"]["stats"]["total"]["users"] == 2 and task["result"]["stats"]["imported"]["users"] == 2
    assert client.query_users({"id": "v2-ann"})["users"][0]["color"] == "red"
    # A v2 task is not a classic one, and the other way round.
    with pytest.raises(StreamAPIException) as raised:
        client.get_import(created["id"])
    assert raised.value.status_code == 404
    classic = client.create_import(upload(client, "c.jsonl", lines(("user", {"id": "v2-cl"})))["path"], "upsert")["import_task"]
    with pytest.raises(StreamAPIException) as raised:
        client.get(f"imports/v2/{classic['id']}")
    assert raised.value.status_code == 404 and raised.value.error_code == 16


def test_merge_custom_and_insert_mode_are_acted_on(client):
    client.upsert_user({"id": "v2-merge", "color": "red", "size": 1})
    urls = upload(client, "merge.jsonl", lines(("user", {"id": "v2-merge", "size": 2, "shape": "round"})))
    assert wait_v2(client, create(client, urls["path"], merge_custom=True)["id"])["state"] == COMPLETED
    user = client.query_users({"id": "v2-merge"})["users"][0]
    assert (user["color"], user["size"], user["shape"]) == ("red", 2, "round")
    # Insert skips the existing user: nothing changes, merge_custom or not.
    urls = upload(client, "insert.jsonl", lines(("user", {"id": "v2-merge", "size": 3})))
    task = wait_v2(client, create(client, urls["path"], mode="insert", merge_custom=True)["id"])
    assert task["settings"]["mode"] == "insert" and task["result"]["stats"]["skipped"]["users"] == 1
    assert client.query_users({"id": "v2-merge"})["users"][0]["size"] == 2


def test_classic_create_import_merges_custom_data_with_merge_custom(client):
    client.upsert_user({"id": "classic-merge", "color": "red", "size": 1})
    content = lines(("user", {"id": "classic-merge", "size": 2}))
    # SDK 4.33's create_import sends path and mode only: merge_custom goes through its generic post.
    path = upload(client, "m.jsonl", content)["path"]
    created = client.post("imports", data={"path": path, "mode": "upsert", "merge_custom": True})["import_task"]
    task = wait_for(client, created["id"])
    assert task["state"] == "completed", task
    user = client.query_users({"id": "classic-merge"})["users"][0]
    assert (user["color"], user["size"]) == ("red", 2)
    # Without it the custom data is replaced.
    wait_for(client, client.create_import(upload(client, "r.jsonl", content)["path"], "upsert")["import_task"]["id"])
    assert "color" not in client.query_users({"id": "classic-merge"})["users"][0]
    refused(lambda: client.post("imports", data={"path": upload(client, "x.jsonl", content)["path"], "mode": "upsert",
                                                  "merge_custom": "yes"}), "merge_custom must be a boolean")


def test_skip_references_check_imports_items_naming_missing_ones(fresh):
    # A server of its own: the dangling member it stores is no other test's business.
    client = fresh.client()
    dangling = lines(("member", {"channel_type": "messaging", "channel_id": "v2-nowhere", "user_id": "v2-nobody"}))
    checked = wait_v2(client, create(client, upload(client, "d.jsonl", dangling)["path"])["id"])
    assert checked["state"] == FAILED
    assert "doesn't exist" in checked["result"]["errors"][0]["error"]
    skipped = wait_v2(client, create(client, upload(client, "d2.jsonl", dangling)["path"], skip_references_check=True)["id"])
    assert skipped["state"] == COMPLETED, skipped
    assert skipped["settings"]["skip_references_check"] is True
    assert skipped["result"]["stats"]["imported"]["members"] == 1
    # Duplicates are still errors: skipping references checks only references.
    twice = lines(("user", {"id": "v2-twice"}), ("user", {"id": "v2-twice"}))
    failed = wait_v2(client, create(client, upload(client, "t.jsonl", twice)["path"], skip_references_check=True)["id"])
    assert failed["state"] == FAILED and "duplicated item" in failed["result"]["errors"][0]["error"]


def test_use_import_time_as_op_time_stores_the_items_as_made_by_the_import(client):
    """With the setting, every item is stored as made at the task's time, whatever times the
    file gives (its times are still checked); without it, the file's times stand."""
    old = "2020-01-02T03:04:05.000000006Z"

    def content(suffix):
        channel = f"v2-op-{suffix}"
        return lines(("user", {"id": f"v2-op-{suffix}", "created_at": old}),
                     ("channel", {"type": "messaging", "id": channel, "created_by": f"v2-op-{suffix}", "created_at": old}),
                     ("member", {"channel_type": "messaging", "channel_id": channel, "user_id": f"v2-op-{suffix}", "created_at": old}),
                     ("message", {"id": f"v2-op-m-{suffix}", "channel_type": "messaging", "channel_id": channel,
                                  "user": f"v2-op-{suffix}", "text": "hi", "created_at": old}),
                     ("reaction", {"message_id": f"v2-op-m-{suffix}", "type": "like", "user_id": f"v2-op-{suffix}", "created_at": old}))

    def stored(suffix):
        user = client.query_users({"id": f"v2-op-{suffix}"})["users"][0]
        state = client.channel("messaging", f"v2-op-{suffix}").query()
        message = client.get_message(f"v2-op-m-{suffix}")["message"]
        times = [user["created_at"], state["channel"]["created_at"], state["members"][0]["created_at"], message["created_at"],
                 message["latest_reactions"][0]["created_at"]]
        return times

    kept = wait_v2(client, create(client, upload(client, "op0.jsonl", content("kept"))["path"])["id"])
    assert kept["state"] == COMPLETED and kept["settings"]["use_import_time_as_op_time"] is False
    assert all(t.startswith("2020-01-02T03:04:05") for t in stored("kept")), stored("kept")

    created = create(client, upload(client, "op1.jsonl", content("now"))["path"], use_import_time_as_op_time=True)
    assert created["settings"]["use_import_time_as_op_time"] is True
    task = wait_v2(client, created["id"])
    assert task["state"] == COMPLETED, task
    assert task["settings"]["use_import_time_as_op_time"] is True, "kept with the task"
    assert stored("now") == [task["created_at"]] * 5, (stored("now"), task["created_at"])
    # The file is still checked: a bad time is an error, not replaced.
    bad = lines(("user", {"id": "v2-op-bad", "created_at": "yesterday"}))
    failed = wait_v2(client, create(client, upload(client, "op2.jsonl", bad)["path"], use_import_time_as_op_time=True)["id"])
    assert failed["state"] == FAILED and client.query_users({"id": "v2-op-bad"})["users"] == []


def test_what_cannot_be_done_is_refused_in_streams_shape(client):
    path = upload(client, "r.jsonl", lines(("user", {"id": "v2-r"})))["path"]
    refused(lambda: client.post("imports/v2", data={"settings": {"path": path}}), "product is required")
    refused(lambda: client.post("imports/v2", data={"product": "feeds", "settings": {"path": path}}), "product feeds is not supported")
    refused(lambda: client.post("imports/v2", data={"product": "chat"}), "settings is required")
    refused(lambda: create(client, path, s3={"bucket": "b"}), "settings.s3 is not supported")
    refused(lambda: create(client, path, mode="replace"), "settings.mode must be insert or upsert")
    refused(lambda: create(client, path, merge_custom="yes"), "settings.merge_custom must be a boolean")
    refused(lambda: create(client, path, colour="red"), "settings.colour is not supported")
    refused(lambda: create(client, "local://uploads/none/x.jsonl"), "settings.path must be one that import_urls gave")
    refused(lambda: client.post("imports/v2", data={"product": "chat", "settings": {"path": path}, "priority": 1}),
            "priority is not supported")
    refused(lambda: create(client, path, use_import_time_as_op_time="yes"), "settings.use_import_time_as_op_time must be a boolean")
    for call in (lambda: client.get("imports/v2/00000000-0000-0000-0000-000000000000"),
                 lambda: client.delete("imports/v2/00000000-0000-0000-0000-000000000000"),
                 lambda: client.post("imports/v2/00000000-0000-0000-0000-000000000000/cancel")):
        with pytest.raises(StreamAPIException) as raised:
            call()
        assert raised.value.status_code == 404 and raised.value.error_code == 16


def test_list_filters_by_state_and_pages_with_next_and_prev(fresh):
    client = fresh.client()
    ids = []
    for n in range(5):
        content = lines(("user", {"id": f"page-{n}"})) if n != 2 else lines(("foobar", {}))
        task = create(fresh.client(), upload(client, f"p{n}.jsonl", content)["path"])
        ids.append(wait_v2(client, task["id"])["id"])
    newest_first = list(reversed(ids))
    first = client.get("imports/v2", params={"limit": 2})
    assert [t["id"] for t in first["import_tasks"]] == newest_first[:2]
    assert "prev" not in first and first["next"]
    second = client.get("imports/v2", params={"limit": 2, "next": first["next"]})
    assert [t["id"] for t in second["import_tasks"]] == newest_first[2:4]
    assert second["prev"] and second["next"]
    last = client.get("imports/v2", params={"limit": 2, "next": second["next"]})
    assert [t["id"] for t in last["import_tasks"]] == newest_first[4:] and "next" not in last
    back = client.get("imports/v2", params={"limit": 2, "prev": second["prev"]})
    assert [t["id"] for t in back["import_tasks"]] == newest_first[:2] and "prev" not in back
    assert all("result" in t and isinstance(t["state"], int) for t in first["import_tasks"])
    failed = client.get("imports/v2", params={"state": FAILED})["import_tasks"]
    assert [t["id"] for t in failed] == [ids[2]]
    assert len(client.get("imports/v2", params={"state": COMPLETED})["import_tasks"]) == 4
    assert client.get("imports/v2", params={"state": CANCELLED})["import_tasks"] == []
    # Classic tasks are not in the v2 list.
    client.create_import(upload(client, "c.jsonl", lines(("user", {"id": "c"})))["path"], "upsert")
    assert len(client.get("imports/v2")["import_tasks"]) == 5
    refused(lambda: client.get("imports/v2", params={"state": "done"}), "state must be an integer")
    refused(lambda: client.get("imports/v2", params={"next": "zz"}), "this cursor is not one that ListImportV2Tasks gave")
    refused(lambda: client.get("imports/v2", params={"next": first["next"], "prev": first["next"]}), "not both")


def test_cancel_stops_a_running_import_and_the_store_is_as_it_was(fresh, big_file):
    client = fresh.client()
    client.timeout = 60  # the import takes the machine's cores: a read may wait more than the SDK's 6 s
    client.upsert_user({"id": "before-the-import", "color": "red"})
    before = count_rows(fresh.store)
    running = create(client, upload(client, "big.jsonl", big_file)["path"])
    wait_v2(client, running["id"], states=(PROCESSING,))
    refused(lambda: client.delete(f"imports/v2/{running['id']}"), "only a queued task can be deleted")
    assert client.post(f"imports/v2/{running['id']}/cancel").status_code() == 201
    task = wait_v2(client, running["id"])
    assert task["state"] == CANCELLED, "the import ended before the cancel came: the test proves nothing"
    assert count_rows(fresh.store) == before, "a cancelled import writes nothing"
    # A finished task can be neither cancelled nor deleted.
    refused(lambda: client.post(f"imports/v2/{running['id']}/cancel"), "only a queued or processing task can be cancelled")
    refused(lambda: client.delete(f"imports/v2/{running['id']}"), "only a queued task can be deleted")
    # The queue goes on after a cancel.
    after = create(client, upload(client, "after.jsonl", lines(("user", {"id": "after-cancel"})))["path"])
    assert wait_v2(client, after["id"])["state"] == COMPLETED
    assert client.query_users({"id": "after-cancel"})["users"]


# On SQLite a write waits while an import holds the store's one writer, so a task can be created
# during another's run only on PostgreSQL.
@postgres_only
def test_tasks_created_while_one_runs_wait_queued_and_can_be_deleted_or_cancelled(fresh, big_file):
    client = fresh.client()
    client.timeout = 60
    running = create(client, upload(client, "big.jsonl", big_file)["path"])
    wait_v2(client, running["id"], states=(PROCESSING,))
    queued = create(client, upload(client, "next.jsonl", lines(("user", {"id": "queued-user"})))["path"])
    behind = create(client, upload(client, "last.jsonl", lines(("user", {"id": "last-user"})))["path"])
    assert client.get(f"imports/v2/{queued['id']}")["state"] == QUEUED
    assert client.delete(f"imports/v2/{queued['id']}").status_code() == 200
    with pytest.raises(StreamAPIException) as raised:
        client.get(f"imports/v2/{queued['id']}")
    assert raised.value.status_code == 404
    assert client.post(f"imports/v2/{behind['id']}/cancel").status_code() == 201
    assert client.get(f"imports/v2/{behind['id']}")["state"] == CANCELLED
    assert client.post(f"imports/v2/{running['id']}/cancel").status_code() == 201
    assert wait_v2(client, running["id"])["state"] == CANCELLED
    assert client.query_users({"id": "queued-user"})["users"] == [] and client.query_users({"id": "last-user"})["users"] == []

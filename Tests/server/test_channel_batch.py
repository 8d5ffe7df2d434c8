"""`update_channels_batch` through the SDK's `ChannelBatchUpdater`: one operation on every
channel a filter selects (by cid or type), each channel changed as its own route would change
it, with its events; the task reports each channel; what cannot be done is refused whole, or
for the one channel it fails in, and only a server token batches."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user, new_id
from test_websocket import connect, next_event


@pytest.fixture
def team(client):
    owner, ann, ben = new_id("own"), new_id("ann"), new_id("ben")
    client.upsert_users([{"id": owner}, {"id": ann}, {"id": ben}])
    channels = []
    for _ in range(2):
        channel = client.channel("messaging", new_id("bat"), {"members": [owner, ann]})
        channel.create(owner)
        channels.append(channel)
    return channels, owner, ann, ben


def by_cid(channels):
    return {"cids": {"$in": [c.cid for c in channels]}}


def result_of(client, answer):
    task = client.get_task(answer["task_id"])
    return task["status"], task["result"]


def members_of(channel):
    return {m["user_id"]: m.get("channel_role") for m in channel.query()["members"]}


def test_member_operations_change_every_selected_channel_and_tell_its_watchers(server, client, team):
    channels, owner, ann, ben = team
    updater = client.channel_batch_updater()
    ws, hello = connect(server, owner)
    try:
        as_user(server, owner, "POST", f"channels/messaging/{channels[0].id}/query?connection_id={hello['connection_id']}",
                {"watch": True})
        status, result = result_of(client, updater.add_members(by_cid(channels), [{"user_id": ben}]))
        assert status == "completed" and result == {c.cid: {"status": "ok"} for c in channels}
        added = next_event(ws, "member.added")
        assert (added["member"]["user_id"], added["cid"]) == (ben, channels[0].cid)
    finally:
        ws.close()
    assert all(set(members_of(c)) == {owner, ann, ben} for c in channels)

    result_of(client, updater.add_moderators(by_cid(channels), [{"user_id": ann}]))
    assert all(members_of(c)[ann] == "channel_moderator" for c in channels)
    result_of(client, updater.demote_moderators(by_cid(channels), [{"user_id": ann}]))
    assert all(members_of(c)[ann] == "channel_member" for c in channels)
    result_of(client, updater.remove_members(by_cid(channels), [{"user_id": ben}]))
    assert all(set(members_of(c)) == {owner, ann} for c in channels)


def test_hide_archive_and_update_data_reach_each_channel(client, team):
    channels, owner, ann, _ = team
    updater = client.channel_batch_updater()
    listed = lambda: {c["channel"]["cid"] for c in client.query_channels({"cid": {"$in": [c.cid for c in channels]}},
                                                                        user_id=ann)["channels"]}
    assert listed() == {c.cid for c in channels}
    result_of(client, updater.hide(by_cid(channels), [{"user_id": ann}]))
    assert listed() == set()
    result_of(client, updater.show(by_cid(channels), [{"user_id": ann}]))
    assert listed() == {c.cid for c in channels}

    result_of(client, updater.archive(by_cid(channels), [{"user_id": ann}]))
    archived = client.query_channels({"archived": True, "cid": {"$in": [c.cid for c in channels]}}, user_id=ann)["channels"]
    assert {c["channel"]["cid"] for c in archived} == {c.cid for c in channels}
    result_of(client, updater.unarchive(by_cid(channels), [{"user_id": ann}]))
    assert client.query_channels({"archived": True, "cid": {"$in": [c.cid for c in channels]}}, user_id=ann)["channels"] == []

    status, _ = result_of(client, updater.update_data(by_cid(channels), {"frozen": True, "custom": {"topic": "moved"}}))
    assert status == "completed"
    for channel in channels:
        state = channel.query()["channel"]
        assert state["frozen"] is True and state["topic"] == "moved"
    with pytest.raises(StreamAPIException):
        channels[0].send_message({"text": "frozen now"}, ann)


def test_a_type_filter_and_a_channel_that_fails_alone(client, team):
    channels, owner, ann, ben = team
    elsewhere = client.channel("team", new_id("bat"), {"members": [owner]})
    elsewhere.create(owner)
    answer = client.update_channels_batch({"operation": "hide", "filter": {"cids": [c.cid for c in channels] + [elsewhere.cid]},
                                           "members": [{"user_id": ann}]})
    status, result = result_of(client, answer)
    assert status == "completed"
    assert result[elsewhere.cid]["status"] == "error" and "not a member" in result[elsewhere.cid]["error"]
    assert all(result[c.cid] == {"status": "ok"} for c in channels)
    # A type selects every channel of it.
    status, result = result_of(client, client.update_channels_batch(
        {"operation": "updateData", "filter": {"types": {"$eq": "team"}}, "data": {"custom": {"swept": True}}}))
    assert elsewhere.cid in result and result[elsewhere.cid] == {"status": "ok"}
    assert elsewhere.query()["channel"]["swept"] is True
    assert all(c.cid not in result for c in channels)


def refused(call, status, says):
    with pytest.raises(StreamAPIException) as raised:
        call()
    assert raised.value.status_code == status and says in raised.value.error_message, raised.value.error_message


def test_what_a_batch_cannot_do_is_refused_before_any_channel_changes(server, client, team):
    channels, owner, ann, ben = team
    batch = client.update_channels_batch
    refused(lambda: batch({"operation": "explode", "filter": by_cid(channels)}), 400, "operation must be one of")
    refused(lambda: batch({"operation": "addMembers", "filter": {}, "members": [{"user_id": ben}]}), 400, "filter needs cids or types")
    refused(lambda: batch({"operation": "addMembers", "filter": by_cid(channels)}), 400, "needs members")
    refused(lambda: batch({"operation": "addMembers", "filter": {"team": "x"}, "members": [{"user_id": ben}]}), 400,
            "filter.team is not supported")
    refused(lambda: batch({"operation": "updateData", "filter": by_cid(channels), "data": {"auto_translation_enabled": True}}),
            400, "data.auto_translation_enabled is not supported")
    as_owner = as_user(server, owner, "PUT", "channels/batch",
                       {"operation": "addMembers", "filter": by_cid(channels), "members": [{"user_id": ben}]})
    assert as_owner.status_code == 403 and as_owner.json()["code"] == 17
    status, result = result_of(client, batch({"operation": "addMembers", "filter": by_cid(channels),
                                               "members": [{"user_id": "nobody-" + uuid.uuid4().hex[:6]}]}))
    assert status == "failed" and all("doesn't exist" in r["error"] for r in result.values())
    assert all(set(members_of(c)) == {owner, ann} for c in channels)

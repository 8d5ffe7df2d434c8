"""`POST /sync`, the mobile SDKs' and stream-chat-js's catch-up after a reconnect: the events a
user missed in some channels since `last_sync_at`, oldest first, told from what the store holds;
channels the user may not read as `notification.removed_from_channel` (and listed with
`with_inaccessible_cids`); Stream's refusals of a sync reaching back over 30 days or over its
event limit; `watch` subscribes the connection as a channel query would."""
import datetime
import json
import uuid

import pytest
import requests

from test_channels_messages import new_id
from test_polls import create_poll, polls_type, send_poll, vote  # noqa: F401 (polls_type is a fixture)
from test_stop_watching import events_until
from test_websocket import chat, rest  # noqa: F401 (chat is a fixture)


def sync(server, user_id, body, params=None):
    token = server.client().create_token(user_id)
    return requests.post(f"{server.url}/sync", params={"api_key": server.key, **(params or {})},
                         headers={"Authorization": token, "stream-auth-type": "jwt", "Content-Type": "application/json"},
                         data=json.dumps(body), timeout=30)


@pytest.fixture
def room(client):
    alice, bob, carol, dave = (new_id(n) for n in ("alice", "bob", "carol", "dave"))
    client.upsert_users([{"id": u, "name": u.split("-")[0].title()} for u in (alice, bob, carol, dave)])
    channel = client.channel("messaging", new_id("sync"), {"members": [alice, bob, carol]})
    channel.create(alice)
    return channel, alice, bob, carol, dave


def test_sync_tells_what_happened_after_last_sync_at_oldest_first(server, client, room):
    channel, alice, bob, carol, dave = room
    old_edited = channel.send_message({"text": "old, edited later"}, alice)["message"]
    old_pinned = channel.send_message({"text": "old, pinned later"}, alice)["message"]
    last_seen = channel.send_message({"text": "the last bob saw"}, alice)["message"]

    new = channel.send_message({"text": "new"}, alice)["message"]
    reply = channel.send_message({"text": "a reply", "parent_id": new["id"]}, carol)["message"]
    channel.send_message({"text": "only alice sees this", "restricted_visibility": [alice]}, carol)
    doomed = channel.send_message({"text": "deleted soon"}, alice)["message"]
    client.update_message({"id": old_edited["id"], "text": "edited", "user_id": alice})
    client.pin_message(old_pinned["id"], carol)
    client.delete_message(doomed["id"])
    channel.send_reaction(new["id"], {"type": "love"}, carol)
    channel.mark_read(alice)
    channel.add_members([dave])

    answer = sync(server, bob, {"channel_cids": [channel.cid], "last_sync_at": last_seen["created_at"]})
    assert answer.status_code == 200, answer.text
    events = answer.json()["events"]
    told = [(e["type"], (e.get("message") or {}).get("id") or (e.get("member") or {}).get("user_id") or e["user"]["id"]) for e in events]
    assert told == [
        ("message.new", new["id"]),
        ("message.new", reply["id"]),
        ("message.new", doomed["id"]),
        ("message.updated", old_edited["id"]),
        ("message.updated", old_pinned["id"]),
        ("message.deleted", doomed["id"]),
        ("reaction.new", new["id"]),
        ("message.read", alice),
        ("member.added", dave),
    ]
    assert [e["created_at"] for e in events] == sorted(e["created_at"] for e in events)
    assert all(e["cid"] == channel.cid and e["channel_type"] == "messaging" for e in events)
    by_type = {e["type"]: e for e in events}
    assert events[1]["message"]["parent_id"] == new["id"] and events[1]["user"]["id"] == carol
    assert events[3]["message"]["text"] == "edited" and events[3]["message"]["message_text_updated_at"]
    assert events[4]["message"]["pinned"] and events[4]["user"]["id"] == carol
    assert by_type["message.deleted"]["message"]["type"] == "deleted" and by_type["message.deleted"]["hard_delete"] is False
    assert by_type["reaction.new"]["reaction"]["type"] == "love" and by_type["reaction.new"]["user"]["id"] == carol
    assert by_type["reaction.new"]["message"]["reaction_counts"] == {"love": 1}

    # Alice's own sync shows her the restricted message; a later last_sync_at shows less.
    hers = sync(server, alice, {"channel_cids": [channel.cid], "last_sync_at": last_seen["created_at"]}).json()["events"]
    assert len([e for e in hers if e["type"] == "message.new"]) == 4
    later = sync(server, bob, {"channel_cids": [channel.cid], "last_sync_at": events[-2]["created_at"]}).json()["events"]
    assert [e["type"] for e in later] == ["member.added"]


def test_a_channel_the_user_may_not_read_is_told_as_removed_and_listed_on_request(server, client, room):
    channel, alice, bob, _, dave = room
    since = channel.send_message({"text": "before"}, alice)["message"]["created_at"]
    channel.send_message({"text": "dave is not a member"}, alice)
    missing = f"messaging:{new_id('gone')}"
    answer = sync(server, dave, {"channel_cids": [channel.cid, missing], "last_sync_at": since, "with_inaccessible_cids": True})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert sorted(body["inaccessible_cids"]) == sorted([channel.cid, missing])
    assert {(e["type"], e["cid"]) for e in body["events"]} == {
        ("notification.removed_from_channel", channel.cid), ("notification.removed_from_channel", missing)}
    assert "inaccessible_cids" not in sync(server, dave, {"channel_cids": [missing], "last_sync_at": since}).json()
    # A server call syncs for the user it names, with that user's rights.
    server_side = client.post("sync", data={"channel_cids": [channel.cid], "last_sync_at": since, "user_id": bob})
    assert [e["type"] for e in server_side["events"]] == ["message.new"]


def test_stream_refuses_a_sync_too_far_back_or_too_large_and_bad_requests(server, client, room):
    channel, alice, bob, _, _ = room
    month_ago = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=31)).isoformat().replace("+00:00", "Z")
    too_old = sync(server, bob, {"channel_cids": [channel.cid], "last_sync_at": month_ago})
    assert (too_old.status_code, too_old.json()["code"]) == (400, 4)
    assert "Too old last_sync_at time, please have last_sync_at argument no later than 30 days ago" in too_old.json()["message"]

    for body, words in [
        ({"last_sync_at": month_ago}, "channel_cids"),
        ({"channel_cids": [], "last_sync_at": month_ago}, "channel_cids"),
        ({"channel_cids": [channel.cid]}, "last_sync_at"),
        ({"channel_cids": [channel.cid], "last_sync_at": "yesterday"}, "last_sync_at"),
        ({"channel_cids": [channel.cid], "last_sync_at": month_ago, "everything": True}, "everything is not supported"),
    ]:
        refused = sync(server, bob, body)
        assert (refused.status_code, refused.json()["code"]) == (400, 4) and words in refused.json()["message"], body
    anonymous = requests.post(f"{server.url}/sync", params={"api_key": server.key},
                              headers={"Authorization": client.auth_token, "stream-auth-type": "jwt"},
                              data=json.dumps({"channel_cids": [channel.cid], "last_sync_at": month_ago}), timeout=10)
    assert anonymous.status_code == 400 and "user_id is required" in anonymous.json()["message"]

    since = channel.send_message({"text": "before the flood"}, alice)["message"]["created_at"]
    for n in range(1001):
        channel.send_message({"text": f"flood {n}"}, alice)
    too_many = sync(server, bob, {"channel_cids": [channel.cid], "last_sync_at": since})
    assert (too_many.status_code, too_many.json()["code"]) == (400, 4)
    assert "Too many events to sync, please use a more recent last_sync_at parameter" in too_many.json()["message"]


@pytest.mark.parametrize("key", ["connection_id", "client_id"])  # the second: stream-chat-swift's SyncRequest
def test_watch_subscribes_the_connection_to_the_synced_channels(server, chat, key):
    channel, alice, _, carol, sockets = chat
    carol_ws, carol_connection = sockets[carol]
    channel.send_message({"text": "carol is connected but not watching"}, alice)
    assert "message.new" not in events_until(carol_ws, "notification.message_new")
    since = datetime.datetime.now(datetime.timezone.utc).isoformat().replace("+00:00", "Z")
    answer = sync(server, carol, {"channel_cids": [channel.cid], "last_sync_at": since, "watch": True, key: carol_connection})
    assert answer.status_code == 200, answer.text
    channel.send_message({"text": f"now she watches {uuid.uuid4().hex[:4]}"}, alice)
    assert "notification.message_new" not in events_until(carol_ws, "message.new")


def test_what_leaves_no_row_behind_is_told_as_it_happened(server, client, room):
    channel, alice, bob, carol, dave = room
    message = channel.send_message({"text": "react to me"}, alice)["message"]
    doomed = channel.send_message({"text": "gone for good"}, alice)["message"]
    channel.send_reaction(message["id"], {"type": "like"}, carol)
    secret = channel.send_message({"text": "for alice", "restricted_visibility": [alice]}, carol)["message"]
    since = secret["created_at"]

    channel.delete_reaction(message["id"], "like", carol)
    channel.update_partial({"topic": "launch"})
    channel.remove_members([carol])
    client.delete_message(doomed["id"], hard=True)
    client.delete_message(secret["id"], hard=True)

    events = sync(server, bob, {"channel_cids": [channel.cid], "last_sync_at": since}).json()["events"]
    assert [e["type"] for e in events] == ["reaction.deleted", "channel.updated", "member.removed", "message.deleted"]
    removed, updated, left, deleted = events
    assert (removed["reaction"]["type"], removed["user"]["id"], removed["message"]["id"]) == ("like", carol, message["id"])
    assert updated["channel"]["topic"] == "launch"
    assert left["member"]["user_id"] == carol
    assert (deleted["message"]["id"], deleted["hard_delete"]) == (doomed["id"], True)
    assert [e["created_at"] for e in events] == sorted(e["created_at"] for e in events)

    hers = sync(server, alice, {"channel_cids": [channel.cid], "last_sync_at": since}).json()["events"]
    assert [e["message"]["id"] for e in hers if e["type"] == "message.deleted"] == [doomed["id"], secret["id"]], \
        "a restricted message's deletion is told to those it was for"
    later = sync(server, bob, {"channel_cids": [channel.cid], "last_sync_at": left["created_at"]}).json()["events"]
    assert [e["type"] for e in later] == ["message.deleted"]


def test_an_unpin_a_change_of_custom_data_alone_and_poll_events_are_told(server, client, polls_type):
    alice, bob = new_id("alice"), new_id("bob")
    client.upsert_users([{"id": alice}, {"id": bob}])
    channel = client.channel(polls_type, new_id("sync"), {"members": [alice, bob]})
    channel.create(alice)
    pinned = channel.send_message({"text": "pinned, then not"}, alice)["message"]
    tagged = channel.send_message({"text": "tagged later"}, alice)["message"]
    poll = create_poll(client, alice)
    carrier = send_poll(channel, poll, alice)
    client.pin_message(pinned["id"], alice)
    since = client.get_message(pinned["id"])["message"]["pinned_at"]

    client.unpin_message(pinned["id"], alice)
    client.update_message_partial(tagged["id"], {"set": {"tag": "urgent"}}, alice)
    cast = vote(client, carrier, poll, bob, option_id=poll["options"][0]["id"])["vote"]
    client.patch(f"polls/{poll['id']}", data={"set": {"is_closed": True}, "user_id": alice})

    events = sync(server, bob, {"channel_cids": [channel.cid], "last_sync_at": since}).json()["events"]
    told = [(e["type"], e.get("message_id")) for e in events]
    assert told == [
        ("message.updated", pinned["id"]),
        ("message.updated", tagged["id"]),
        ("poll.vote_casted", carrier["id"]),
        ("poll.updated", carrier["id"]),
        ("poll.closed", carrier["id"]),
    ]
    unpinned, retagged, voted, _, closed = events
    assert unpinned["message"]["pinned"] is False and unpinned["message"]["pinned_at"] is None
    assert retagged["message"]["tag"] == "urgent" and retagged["message"]["text"] == "tagged later"
    assert voted["poll_vote"]["id"] == cast["id"] and voted["poll"]["vote_count"] == 1
    assert closed["poll"]["is_closed"] is True

    # An edit of the text is told from the rows once, not kept besides.
    client.update_message({"id": tagged["id"], "text": "edited", "user_id": alice})
    later = sync(server, bob, {"channel_cids": [channel.cid], "last_sync_at": closed["created_at"]}).json()["events"]
    assert [(e["type"], e["message"]["text"]) for e in later] == [("message.updated", "edited")]

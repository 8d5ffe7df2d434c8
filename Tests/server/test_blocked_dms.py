"""Blocks in 1-on-1 channels, as Stream applies them: the blocker's `query_channels` leaves out
the DM with the user they block, what that user sends there raises no unread count and no
event for the blocker, and unblocking brings all of it back. Group channels are unaffected."""
import json
import uuid

import pytest
import websocket

from test_websocket import connect, next_event, rest


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def cids(client, user):
    return {c["channel"]["cid"] for c in client.query_channels({"members": {"$in": [user]}}, user_id=user)["channels"]}


def unread(client, user, cid):
    return next((c["unread_count"] for c in client.unread_counts(user)["channels"] if c["channel_id"] == cid), 0)


def quiet(ws, timeout=1.0):
    """The event types reaching `ws` within `timeout` seconds (health checks left out)."""
    seen = []
    ws.settimeout(timeout)
    try:
        while True:
            event = json.loads(ws.recv())
            if event.get("type") != "health.check":
                seen.append((event.get("type"), event.get("cid")))
    except websocket.WebSocketTimeoutException:
        return seen


@pytest.fixture
def blocked(client, server):
    alice, bob, carol = new_id("alice"), new_id("bob"), new_id("carol")
    client.upsert_users([{"id": alice}, {"id": bob}, {"id": carol}])
    dm = client.channel("messaging", data={"members": [alice, bob]})
    dm.create(alice)
    group = client.channel("messaging", new_id("group"), {"members": [alice, bob, carol]})
    group.create(alice)
    dm.send_message({"text": "before the block"}, bob)
    dm.mark_read(alice)
    client.block_user(bob, alice)
    return alice, bob, carol, dm, group


def test_the_blockers_channel_list_leaves_out_the_dm_until_unblocked(client, blocked):
    alice, bob, carol, dm, group = blocked
    assert cids(client, alice) == {group.cid}, "the DM is hidden for the blocker"
    assert cids(client, bob) == {dm.cid, group.cid}, "the blocked user still has it"
    client.unblock_user(bob, alice)
    assert cids(client, alice) == {dm.cid, group.cid}


def test_the_blocked_users_messages_count_as_unread_only_after_the_unblock(client, blocked):
    alice, bob, carol, dm, group = blocked
    dm.send_message({"text": "during the block"}, bob)
    group.send_message({"text": "in the group"}, bob)
    assert unread(client, alice, dm.cid) == 0 and unread(client, alice, group.cid) == 1
    assert client.unread_counts(alice)["total_unread_count"] == 1
    assert unread(client, bob, dm.cid) == 0 and client.unread_counts(carol)["total_unread_count"] == 1
    client.unblock_user(bob, alice)
    assert unread(client, alice, dm.cid) == 1, "unblocking shows what was sent during the block"


def test_events_of_the_blocked_user_in_the_dm_do_not_reach_the_blocker(client, server, blocked):
    alice, bob, carol, dm, group = blocked
    ws, hello = connect(server, alice)
    try:
        for channel in (dm, group):
            rest(server, alice, "POST", f"channels/messaging/{channel.id}/query", {"watch": True},
                 params={"connection_id": hello["connection_id"]})
        quiet(ws)  # on PostgreSQL the fixture's own events may still be on their way through the log
        rest(server, bob, "POST", f"channels/messaging/{dm.id}/event", {"event": {"type": "typing.start"}})
        dm.send_message({"text": "unheard"}, bob)
        group.send_message({"text": "heard"}, bob)
        assert next_event(ws, "message.new")["message"]["text"] == "heard"
        assert all(cid != dm.cid for _, cid in quiet(ws)), "nothing from the DM"
        dm.send_message({"text": "alice's own"}, alice)
        assert next_event(ws, "message.new")["message"]["text"] == "alice's own", "the blocker's own events still arrive"
        client.unblock_user(bob, alice)
        dm.send_message({"text": "heard again"}, bob)
        assert next_event(ws, "message.new")["message"]["text"] == "heard again"
    finally:
        ws.close()

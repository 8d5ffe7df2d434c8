"""Channels as query_channels finds them: `updated_at` moving as Stream's does."""
import uuid

import pytest


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def rooms(client):
    """Three channels sharing a `tag` no other test uses: ops (a, b; made by a), dev (a, b, c;
    made by b) and quiet (c alone; made by c), made in that order, with dev's one message."""
    a, b, c = (new_id(n) for n in ("ann", "bob", "cyd"))
    client.upsert_users([{"id": a, "name": "Ann Archer"}, {"id": b, "name": "Bob Baker"}, {"id": c, "name": "Zed Zebra"}])
    tag = new_id("tag")
    ops = client.channel("messaging", new_id("ops"), {"name": "Ops Room", "team_name": "ops", "tag": tag,
                                                      "kind": {"level": 2}, "members": [a, b]})
    ops.create(a)
    dev = client.channel("team", new_id("dev"), {"name": "Dev talk", "team_name": "dev", "tag": tag, "members": [a, b, c]})
    dev.create(b)
    quiet = client.channel("messaging", new_id("quiet"), {"name": "Quiet", "tag": tag, "members": [c]})
    quiet.create(c)
    dev.send_message({"text": "hello"}, c)
    return tag, (a, b, c), (ops, dev, quiet)


def test_updated_at_moves_with_updates_not_with_messages(client, rooms):
    tag, (a, b, c), (ops, dev, quiet) = rooms
    first = ops.query()["channel"]
    assert first["updated_at"] == first["created_at"], "never updated"
    updated = ops.update_partial({"topic": "new"})["channel"]
    assert updated["updated_at"] > updated["created_at"]
    ops.send_message({"text": "news"}, a)
    assert ops.query()["channel"]["updated_at"] == updated["updated_at"], "a message does not update the channel"
    assert quiet.update({"name": "Still quiet"})["channel"]["updated_at"] > first["created_at"]
    frozen = dev.update_partial({"frozen": True})["channel"]
    assert frozen["updated_at"] > frozen["created_at"], "freezing is an update"

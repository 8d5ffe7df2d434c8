"""Future channel bans through the SDK: `ban_user(..., ban_from_future_channels=True)` bans
the target in the channel and in every channel the banning user creates afterwards, from an
import file's `future_channel_ban` items too; `query_future_channel_bans` lists them;
`unban_user(..., remove_future_channels_ban=True, created_by=...)` ends it for channels made
later and leaves the bans it already put in force."""
import json

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user, new_id
from test_imports import upload, wait_for


@pytest.fixture
def people(client):
    owner, target, other = new_id("own"), new_id("tgt"), new_id("oth")
    client.upsert_users([{"id": owner}, {"id": target}, {"id": other}])
    return owner, target, other


def channel_of(client, creator, *members):
    channel = client.channel("messaging", new_id("fb"), {"members": [creator, *members]})
    channel.create(creator)
    return channel


def can_send(channel, user):
    try:
        channel.send_message({"text": "hello"}, user)
        return True
    except StreamAPIException as refused:
        assert (refused.status_code, refused.error_code) == (403, 17), refused.error_message
        return False


def refused(call, status, code, says):
    with pytest.raises(StreamAPIException) as raised:
        call()
    assert (raised.value.status_code, raised.value.error_code) == (status, code), raised.value.error_message
    assert says in raised.value.error_message, raised.value.error_message


def test_a_future_channel_ban_follows_into_the_banners_new_channels_until_lifted(client, people):
    owner, target, other = people
    first = channel_of(client, owner, target)
    first.ban_user(target, user_id=owner, reason="spam", ban_from_future_channels=True)
    assert not can_send(first, target)

    bans = client.query_future_channel_bans(user_id=owner)["bans"]
    assert [(b["user"]["id"], b["banned_by"]["id"], b["reason"], b["shadow"]) for b in bans] == [(target, owner, "spam", False)]
    assert bans[0]["created_at"]

    later = channel_of(client, owner, target)
    assert not can_send(later, target), "the owner's new channel did not start with the ban"
    channel_bans = client.query_banned_users({"filter_conditions": {"channel_cid": later.cid}})["bans"]
    assert [(b["user"]["id"], b["reason"]) for b in channel_bans] == [(target, "spam")]
    assert can_send(channel_of(client, other, target), target), "someone else's channel is not covered"

    client.unban_user(target, created_by=owner, remove_future_channels_ban=True)
    assert client.query_future_channel_bans(user_id=owner)["bans"] == []
    assert not can_send(first, target) and not can_send(later, target), "lifting it must leave the bans in force"
    assert can_send(channel_of(client, owner, target), target)


def test_the_query_filters_pages_and_answers_a_user_token_its_own(server, client, people):
    owner, target, other = people
    targets = [target, other]
    for user in targets:
        channel_of(client, owner, user).ban_user(user, user_id=owner, ban_from_future_channels=True, shadow=user == other)
    mine = client.query_future_channel_bans(user_id=owner)["bans"]
    assert sorted(b["user"]["id"] for b in mine) == sorted(targets)
    assert {b["user"]["id"]: b["shadow"] for b in mine} == {target: False, other: True}
    assert [b["user"]["id"] for b in client.query_future_channel_bans(user_id=owner, target_user_id=other)["bans"]] == [other]
    first, second = (client.query_future_channel_bans(user_id=owner, limit=1, offset=n)["bans"] for n in (0, 1))
    assert [first[0]["user"]["id"], second[0]["user"]["id"]] == [b["user"]["id"] for b in mine]
    assert client.query_future_channel_bans(user_id=owner, exclude_expired_bans=True)["bans"] == mine

    def as_owner(payload):
        return as_user(server, owner, "GET", f"query_future_channel_bans?payload={json.dumps(payload)}", None)

    assert sorted(b["user"]["id"] for b in as_owner({}).json()["bans"]) == sorted(targets)
    assert as_user(server, target, "GET", "query_future_channel_bans", None).json()["bans"] == []
    assert as_owner({"user_id": target}).status_code == 403
    assert as_owner({"target_user_id": other}).status_code == 403
    refused(lambda: client.query_future_channel_bans(user_id=owner, sort=[{"field": "created_at"}]), 400, 4, "sort is not supported")


def test_what_a_future_channel_ban_cannot_be_is_refused_and_nothing_is_banned(client, people):
    owner, target, _ = people
    channel = channel_of(client, owner, target)
    refused(lambda: client.ban_user(target, user_id=owner, ban_from_future_channels=True), 400, 4, "needs a channel ban")
    refused(lambda: channel.ban_user(target, ban_from_future_channels=True), 400, 4, "needs user_id")
    refused(lambda: channel.ban_user(target, user_id=owner, timeout=5, ban_from_future_channels=True), 400, 4, "timeout")
    refused(lambda: client.unban_user(target, remove_future_channels_ban=True), 400, 4, "needs created_by")
    assert client.query_future_channel_bans(user_id=owner)["bans"] == []
    assert can_send(channel, target)


def test_an_imported_future_channel_ban_holds_in_channels_made_after_the_import(client, people):
    owner, target, _ = people
    lines = [
        {"type": "user", "data": {"id": owner}},
        {"type": "user", "data": {"id": target}},
        {"type": "future_channel_ban", "data": {"target_id": target, "created_by": owner, "reason": "imported"}},
    ]
    urls = upload(client, "future.jsonl", "\n".join(json.dumps(line) for line in lines).encode())
    task = wait_for(client, client.create_import(urls["path"], "upsert")["import_task"]["id"])
    assert task["state"] == "completed", task
    assert [(b["user"]["id"], b["reason"]) for b in client.query_future_channel_bans(user_id=owner)["bans"]] == [(target, "imported")]
    assert not can_send(channel_of(client, owner, target), target)

"""Request options Stream acts on that the local server does not: each is refused in Stream's
error shape (400 / 4, naming the option) and changes nothing, never accepted and ignored; and
`assign_roles` and invites, which it does."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def room(client):
    owner, member, outsider = new_id("own"), new_id("mem"), new_id("out")
    client.upsert_users([{"id": owner}, {"id": member}, {"id": outsider}])
    channel = client.channel("messaging", new_id("opt"), {"members": [owner, member]})
    channel.create(owner)
    return channel, owner, member, outsider


def refused(call, option):
    with pytest.raises(StreamAPIException) as raised:
        call()
    assert raised.value.status_code == 400 and raised.value.error_code == 4
    assert option in raised.value.error_message and "not supported by the local server" in raised.value.error_message


def members_of(channel):
    return sorted(m["user_id"] for m in channel.query()["members"])


@pytest.mark.parametrize("call, option", [
    (lambda ch, owner, member, outsider: ch.add_members([outsider], hide_history=True), "hide_history"),
    (lambda ch, owner, member, outsider: ch.add_members([outsider], hide_history_before="2020-01-01T00:00:00Z"), "hide_history_before"),
    (lambda ch, owner, member, outsider: ch.add_members([outsider], message={"text": "welcome", "user_id": owner}), "message"),
    (lambda ch, owner, member, outsider: ch.update({"color": "red"}, {"text": "changed", "user_id": owner}), "message"),
])
def test_channel_update_options_are_refused(client, room, call, option):
    channel, owner, member, outsider = room
    before = members_of(channel)
    refused(lambda: call(channel, owner, member, outsider), option)
    assert members_of(channel) == before and "color" not in channel.query()["channel"]


@pytest.mark.parametrize("options, option", [
    ({"hide_for_creator": True}, "hide_for_creator"),
    ({"keep_channel_hidden": True}, "keep_channel_hidden"),
])
def test_send_options_are_refused(client, room, options, option):
    channel, owner, _, _ = room
    refused(lambda: channel.send_message({"text": "optioned"}, owner, **options), option)
    assert channel.query()["messages"] == [], "nothing was stored"
    assert channel.send_message({"text": "plain"}, owner, pending=False, skip_push=True)["message"]["text"] == "plain", \
        "false options and skip_push (the local server pushes nothing) are honoured as they are"


def test_assign_roles_changes_channel_roles_of_members_only(client, room):
    channel, owner, member, outsider = room
    answer = channel.assign_roles([{"user_id": member, "channel_role": "channel_moderator"}])
    assert {m["user_id"]: m["channel_role"] for m in answer["members"]}[member] == "channel_moderator"
    channel.assign_roles([{"user_id": member, "channel_role": "channel_member"}])
    assert {m["user_id"]: m["channel_role"] for m in channel.query()["members"]}[member] == "channel_member"
    with pytest.raises(StreamAPIException) as raised:
        channel.assign_roles([{"user_id": member, "channel_role": "channel_moderator"}, {"user_id": outsider, "channel_role": "channel_member"}])
    assert raised.value.status_code == 400 and outsider in raised.value.error_message
    roles = {m["user_id"]: m["channel_role"] for m in channel.query()["members"]}
    assert outsider not in roles and roles[member] == "channel_member", "all or nothing"


def test_invites_are_answered_by_the_invitee_and_count_unread_once_accepted(server, client, room):
    channel, owner, member, outsider = room
    second = new_id("inv")
    client.upsert_user({"id": second})
    channel.invite_members([outsider, second])

    def member_row(user):
        return next(m for m in channel.query()["members"] if m["user_id"] == user)

    def unread(user):
        return next((c["unread_count"] for c in client.unread_counts(user)["channels"] if c["channel_id"] == channel.cid), 0)

    pending = member_row(outsider)
    assert pending["invited"] is True and pending["invite_accepted_at"] is None and pending["invite_rejected_at"] is None
    assert "invited" not in member_row(member), "members added directly were not invited"
    channel.send_message({"text": "while invited"}, owner)
    assert unread(outsider) == 0, "a pending invite raises no unread count"

    accepted = channel.accept_invite(outsider)
    at = {m["user_id"]: m for m in accepted["members"]}[outsider]["invite_accepted_at"]
    assert at is not None
    channel.send_message({"text": "after accepting"}, owner)
    assert unread(outsider) == 1
    channel.accept_invite(outsider)
    assert member_row(outsider)["invite_accepted_at"] == at, "answering again changes nothing"

    answered = as_user(server, second, "POST", f"channels/messaging/{channel.id}", {"reject_invite": True})
    assert answered.status_code == 201, answered.text
    assert member_row(second)["invite_rejected_at"] is not None and member_row(second)["invite_accepted_at"] is None

    with pytest.raises(StreamAPIException) as raised:
        channel.accept_invite(member)
    assert raised.value.status_code == 400 and "no invite" in raised.value.error_message
    assert as_user(server, member, "POST", f"channels/messaging/{channel.id}", {"invites": [new_id("x")]}).status_code == 403, \
        "inviting is changing the channel: a plain member may not"


def test_invites_given_when_the_channel_is_created(client):
    host, guest, plain = new_id("host"), new_id("guest"), new_id("plain")
    client.upsert_users([{"id": host}, {"id": guest}, {"id": plain}])
    channel = client.channel("team", new_id("party"), {"members": [host, guest, plain], "invites": [guest]})
    state = channel.create(host)
    assert "invites" not in state["channel"], "invites are who is invited, not custom data"
    rows = {m["user_id"]: m for m in channel.query()["members"]}
    assert sorted(rows) == sorted([host, guest, plain])
    assert rows[guest]["invited"] is True and rows[guest]["invite_accepted_at"] is None
    assert "invited" not in rows[plain], "the other members were not invited"
    accepted = {m["user_id"]: m for m in channel.accept_invite(guest)["members"]}[guest]
    assert accepted["invite_accepted_at"] is not None

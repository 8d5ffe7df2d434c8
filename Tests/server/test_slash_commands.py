"""Slash commands on send: /giphy with send/shuffle/cancel, and /ban, /unban, /mute, /unmute."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException


@pytest.fixture
def room(client):
    mod, member = f"mod-{uuid.uuid4().hex[:8]}", f"mem-{uuid.uuid4().hex[:8]}"
    client.upsert_users([{"id": mod, "role": "moderator"}, {"id": member}])
    channel = client.channel("messaging", f"cmd-{uuid.uuid4().hex[:8]}", {"members": [mod, member]})
    channel.create(mod)
    return channel, mod, member


def test_giphy_is_ephemeral_until_sent(client, room):
    channel, mod, _ = room
    eph = channel.send_message({"text": "/giphy cats"}, mod)["message"]
    assert eph["type"] == "ephemeral" and eph["command"] == "giphy" and eph["args"] == "cats"
    assert eph["attachments"][0]["type"] == "giphy"
    assert [a["value"] for a in eph["attachments"][0]["actions"]] == ["send", "shuffle", "cancel"]
    assert eph["attachments"][0]["image_url"].startswith("https://")
    assert channel.query()["messages"] == [], "an ephemeral message is not stored"
    shuffled = client.run_message_action(eph["id"], {"user": {"id": mod}, "form_data": {"image_action": "shuffle"}})["message"]
    assert shuffled["attachments"][0]["image_url"] != eph["attachments"][0]["image_url"]
    sent = client.run_message_action(eph["id"], {"user": {"id": mod}, "form_data": {"image_action": "send"}})["message"]
    assert sent["type"] == "regular" and sent["attachments"][0]["image_url"] == shuffled["attachments"][0]["image_url"]
    assert "actions" not in sent["attachments"][0]
    assert [m["id"] for m in channel.query()["messages"]] == [sent["id"]]
    with pytest.raises(StreamAPIException):
        client.run_message_action(eph["id"], {"user": {"id": mod}, "form_data": {"image_action": "send"}})


def test_giphy_keeps_the_id_the_client_gave(client, room):
    channel, mod, _ = room
    mine = f"giphy-{uuid.uuid4().hex[:8]}"
    eph = channel.send_message({"id": mine, "text": "/giphy dance"}, mod)["message"]
    assert eph["id"] == mine and eph["type"] == "ephemeral"
    shuffled = client.run_message_action(mine, {"user": {"id": mod}, "form_data": {"image_action": "shuffle"}})["message"]
    assert shuffled["id"] == mine
    sent = client.run_message_action(mine, {"user": {"id": mod}, "form_data": {"image_action": "send"}})["message"]
    assert sent["id"] == mine and client.get_message(mine)["message"]["attachments"][0]["type"] == "giphy"
    answer = channel.send_message({"id": f"mute-{mine}", "text": f"/mute @{mod}"}, mod)["message"]
    assert answer["id"] == f"mute-{mine}", "every command's answer keeps the client's id"


def test_giphy_cancel_leaves_nothing(client, room):
    channel, mod, _ = room
    eph = channel.send_message({"text": "/giphy ship it"}, mod)["message"]
    assert client.run_message_action(eph["id"], {"user": {"id": mod}, "form_data": {"image_action": "cancel"}})["message"] is None
    assert channel.query()["messages"] == []


def test_ban_and_unban_commands_need_a_moderator(client, room):
    channel, mod, member = room
    refused = channel.send_message({"text": f"/ban @{mod}"}, member)["message"]
    assert refused["type"] == "error"
    answer = channel.send_message({"text": f"/ban @{member} flooding"}, mod)["message"]
    assert answer["type"] == "ephemeral" and "banned" in answer["text"]
    with pytest.raises(StreamAPIException) as raised:
        channel.send_message({"text": "let me talk"}, member)
    assert raised.value.error_code == 17
    bans = client.query_banned_users({"filter_conditions": {"channel_cid": f"messaging:{channel.id}"}})["bans"]
    assert [b["user"]["id"] for b in bans] == [member] and bans[0]["reason"] == "flooding"
    channel.send_message({"text": f"/unban @{member}"}, mod)
    assert channel.send_message({"text": "thanks"}, member)["message"]["text"] == "thanks"


def test_mute_command_and_unknown_commands(client, room):
    channel, mod, member = room
    assert "muted" in channel.send_message({"text": f"/mute @{mod}"}, member)["message"]["text"]
    assert [m["target"]["id"] for m in client.mute_user(member, mod)["own_user"]["mutes"]] == [member]
    assert channel.send_message({"text": "/mute"}, member)["message"]["type"] == "error"
    plain = channel.send_message({"text": "/shrug not a command"}, member)["message"]
    assert plain["type"] == "regular" and plain["text"] == "/shrug not a command"

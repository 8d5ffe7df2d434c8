"""Channel types through the official SDK: create, get, list, update, delete, and each feature
a type turns off refused (for server tokens too) while the same call passes with it on."""
import json
import time

import pytest
import websocket
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user, new_id
from test_websocket import connect, rest

BUILT_IN = {"messaging", "team", "livestream", "gaming", "commerce"}
ALL_COMMANDS = ["giphy", "ban", "unban", "mute", "unmute"]


def refused(call, status=400, code=4):
    with pytest.raises(StreamAPIException) as raised:
        call()
    assert (raised.value.status_code, raised.value.error_code) == (status, code), raised.value.response_text
    return raised.value.error_message


@pytest.fixture
def new_type(client):
    """Creates a channel type with the given settings (each session's server has a store of its own)."""

    def make(**settings):
        name = new_id("type")
        client.create_channel_type({"name": name, **settings})
        return name

    return make


@pytest.fixture
def chat_of(client, new_type):
    """A channel of a new type made with `settings`, with members a and b."""

    def make(**settings):
        type_name = new_type(**settings)
        a, b = new_id("ct"), new_id("ct")
        client.upsert_users([{"id": a}, {"id": b}])
        channel = client.channel(type_name, new_id("room"), {"members": [a, b]})
        channel.create(a)
        return channel, a, b

    return make


def instant(text):
    """An RFC 3339 UTC time as a tuple that sorts in time order (the fraction's length varies)."""
    whole, _, fraction = text.rstrip("Z").partition(".")
    return whole, fraction.ljust(9, "0")


def texts(channel):
    return [m["text"] for m in channel.query()["messages"]]


def events_until(ws, last_type, timeout=5):
    """The types of the events a socket receives, up to and including the first `last_type`."""
    seen, deadline = [], time.time() + timeout
    while time.time() < deadline:
        ws.settimeout(max(0.1, deadline - time.time()))
        try:
            event = json.loads(ws.recv())
        except websocket.WebSocketTimeoutException:
            break
        seen.append(event["type"])
        if event["type"] == last_type:
            return seen
    pytest.fail(f"no {last_type} event within {timeout}s (saw {seen})")


@pytest.fixture
def watching(server):
    """Connects `user` and makes the socket watch `channel`; closes the sockets afterwards."""
    sockets = []

    def watch(channel, user):
        ws, hello = connect(server, user)
        sockets.append(ws)
        rest(server, user, "POST", f"channels/{channel.channel_type}/{channel.id}/query", {"watch": True, "state": True},
             params={"connection_id": hello["connection_id"]})
        return ws

    yield watch
    for ws in sockets:
        ws.close()


# MARK: The type's own routes


def test_create_get_list_update_delete_a_custom_type(client):
    name = new_id("type")
    created = client.create_channel_type({"name": name, "reactions": False, "max_message_length": 100, "commands": ["giphy"]})
    assert created["name"] == name and created["reactions"] is False and created["replies"] is True
    assert created["max_message_length"] == 100
    assert created["commands"] == [{"name": "giphy", "description": "Post a random gif to the channel", "args": "[text]", "set": "fun_set"}]
    assert created["permissions"] == [] and created["grants"] == {} and created["duration"].endswith("ms")
    assert created["created_at"] == created["updated_at"]

    got = client.get_channel_type(name)
    assert {k: got[k] for k in ("reactions", "replies", "max_message_length", "commands", "created_at")} == \
        {k: created[k] for k in ("reactions", "replies", "max_message_length", "commands", "created_at")}
    listed = client.list_channel_types()["channel_types"]
    assert BUILT_IN | {name} <= set(listed) and listed[name]["max_message_length"] == 100

    updated = client.update_channel_type(name, replies=False, max_message_length=200, commands=[])
    assert updated["replies"] is False and updated["max_message_length"] == 200 and updated["commands"] == []
    assert updated["reactions"] is False, "settings the update does not name keep their values"
    assert updated["created_at"] == created["created_at"] and instant(updated["updated_at"]) > instant(created["updated_at"])
    named = client.update_channel_type(name, commands=["giphy"])
    assert named["commands"] == ["giphy"], "Stream's update answer lists commands by name"
    assert client.get_channel_type(name)["commands"][0]["name"] == "giphy", "get still answers Command objects"
    updated = client.update_channel_type(name, commands=[])
    again = client.get_channel_type(name)
    assert (again["replies"], again["max_message_length"], again["commands"]) == (False, 200, [])
    assert (again["created_at"], again["updated_at"]) == (created["created_at"], updated["updated_at"])

    assert set(client.delete_channel_type(name)) == {"duration"}
    refused(lambda: client.get_channel_type(name), 404, 16)
    assert name not in client.list_channel_types()["channel_types"]
    refused(lambda: client.update_channel_type(name, reactions=True), 404, 16)
    refused(lambda: client.delete_channel_type(name), 404, 16)


def test_a_new_type_starts_from_streams_defaults_with_all_commands(client):
    name = new_id("type")
    created = client.create_channel_type({"name": name})  # the SDK sends commands: ["all"]
    assert [c["name"] for c in created["commands"]] == ALL_COMMANDS
    assert all(created[f] is True for f in ("typing_events", "read_events", "connect_events", "custom_events", "reactions",
                                            "replies", "quotes", "search", "mutes", "uploads", "url_enrichment", "push_notifications"))
    assert created["polls"] is False and created["max_message_length"] == 5000
    assert (created["automod"], created["automod_behavior"], created["message_retention"]) == ("disabled", "flag", "infinite")
    named = client.create_channel_type({"name": new_id("type"), "commands": ["mute", "all", "giphy"]})
    assert [c["name"] for c in named["commands"]] == ["mute", "giphy", "ban", "unban", "unmute"], "each command once, in the order named"


def test_built_in_types_read_as_streams_defaults_and_can_be_changed(client):
    listed = client.list_channel_types()["channel_types"]
    assert BUILT_IN <= set(listed)
    assert listed["livestream"]["url_enrichment"] is False and listed["messaging"]["url_enrichment"] is True
    assert client.get_channel_type("livestream")["typing_events"] is True
    gaming = client.get_channel_type("gaming")
    try:
        assert client.update_channel_type("gaming", max_message_length=321)["max_message_length"] == 321
        assert client.get_channel_type("gaming")["max_message_length"] == 321
        assert client.get_channel_type("gaming")["created_at"] == gaming["created_at"]
    finally:
        client.update_channel_type("gaming", max_message_length=gaming["max_message_length"])


def test_creating_an_existing_type_is_refused(client):
    name = new_id("type")
    client.create_channel_type({"name": name, "reactions": False})
    assert "already exists" in refused(lambda: client.create_channel_type({"name": name, "reactions": True}))
    assert client.get_channel_type(name)["reactions"] is False, "the refused create changed nothing"
    assert "already exists" in refused(lambda: client.create_channel_type({"name": "messaging"}))


@pytest.mark.parametrize("settings, says", [
    ({"name": "has space"}, "not a valid channel type name"),
    ({"name": "x" * 65}, "max channelType length exceeded (64)"),
    ({"name": ""}, "name is required"),
    ({"name": 42}, "name is required and must be a string"),
    ({"max_message_length": 0}, "max_message_length must be a whole number from 1 to 20000"),
    ({"max_message_length": 20001}, "from 1 to 20000"),
    ({"max_message_length": "100"}, "max_message_length must be a whole number"),
    ({"max_message_length": 10.5}, "max_message_length must be a whole number"),
    ({"reactions": "yes"}, "reactions must be a boolean, not string"),
    ({"typing_events": 1}, "typing_events must be a boolean, not number"),
    ({"commands": "giphy"}, "commands must be a list of command names"),
    ({"commands": ["giphy", "teleport"]}, "command teleport doesn't exist"),
    ({"automod": "strict"}, "automod must be one of disabled, simple, AI"),
    ({"colour": "blue"}, "colour is not a channel type setting the local server supports"),
])
def test_bad_settings_are_refused_and_nothing_is_created(client, settings, says):
    data = {"name": new_id("type"), **settings}
    message = refused(lambda: client.create_channel_type(dict(data)))
    assert message.startswith('CreateChannelType failed with error: "') and says in message
    if isinstance(data["name"], str) and data["name"]:
        refused(lambda: client.get_channel_type(data["name"]), 404, 16)


def test_bad_updates_are_refused_and_change_nothing(client):
    name = new_id("type")
    client.create_channel_type({"name": name, "max_message_length": 50})
    message = refused(lambda: client.update_channel_type(name, reactions=False, max_message_length=0))
    assert message.startswith('UpdateChannelType failed with error: "') and "max_message_length" in message
    assert "cannot be renamed" in refused(lambda: client.update_channel_type(name, name="other"))
    got = client.get_channel_type(name)
    assert (got["reactions"], got["max_message_length"]) == (True, 50), "a refused update writes no part of itself"


def test_only_server_tokens_change_types(server, client):
    name = new_id("type")
    user = new_id("u")
    denied = as_user(server, user, "POST", "channeltypes", {"name": name, "commands": ["all"]})
    assert denied.status_code == 403 and denied.json()["code"] == 17
    refused(lambda: client.get_channel_type(name), 404, 16)
    client.create_channel_type({"name": name})
    for method, body in (("PUT", {"reactions": False}), ("DELETE", {})):
        answer = as_user(server, user, method, f"channeltypes/{name}", body)
        assert answer.status_code == 403 and answer.json()["code"] == 17, answer.text
    assert client.get_channel_type(name)["reactions"] is True
    read = as_user(server, user, "GET", f"channeltypes/{name}", {})
    assert read.status_code == 200 and read.json()["name"] == name, "reading types needs no server token"


def test_built_in_types_and_types_with_channels_cannot_be_deleted(client, chat_of):
    assert "built in" in refused(lambda: client.delete_channel_type("messaging"))
    assert client.get_channel_type("messaging")["name"] == "messaging"
    channel, _, _ = chat_of()
    message = refused(lambda: client.delete_channel_type(channel.channel_type))
    assert "still has 1 channel" in message
    assert client.get_channel_type(channel.channel_type)["name"] == channel.channel_type


def test_a_channel_of_a_type_that_does_not_exist_is_refused(client):
    creator = new_id("u")
    client.upsert_user({"id": creator})
    missing = new_id("nosuchtype")
    channel = client.channel(missing, new_id("room"))
    assert f"channel type {missing} does not exist" in refused(lambda: channel.create(creator))
    assert client.query_channels({"type": missing})["channels"] == []


# MARK: The channel's config


def test_channel_states_carry_their_types_config(client, chat_of):
    channel, a, _ = chat_of(reactions=False, max_message_length=77)
    config = channel.query()["channel"]["config"]
    assert config["name"] == channel.channel_type and config["reactions"] is False and config["max_message_length"] == 77
    client.update_channel_type(channel.channel_type, reactions=True)
    listed = client.query_channels({"cid": f"{channel.channel_type}:{channel.id}"})["channels"]
    assert listed[0]["channel"]["config"]["reactions"] is True, "query_channels shows the type as it is now"
    live = client.channel("livestream", new_id("live"))
    live.create(a)
    assert live.query()["channel"]["config"]["url_enrichment"] is False
    assert client.channel("messaging", new_id("m"), {"members": [a]}).create(a)["channel"]["config"]["url_enrichment"] is True


def test_channels_of_a_type_without_a_definition_keep_working(server, client):
    """Imported or older data can hold channels of a type this store never defined: they read
    as the messaging defaults and take messages."""
    user, cid_id = new_id("u"), new_id("legacy")
    client.upsert_user({"id": user})
    server.store.execute(f"INSERT INTO channels (cid, type, id, created_by, created_at) VALUES ('legacytype:{cid_id}', 'legacytype', '{cid_id}', '{user}', "
                         "'2020-01-01T00:00:00.000000000Z')")
    server.store.execute(f"INSERT INTO members (cid, user_id, created_at) VALUES ('legacytype:{cid_id}', '{user}', '2020-01-01T00:00:00.000000000Z')")
    channel = client.channel("legacytype", cid_id)
    state = channel.query()
    assert state["channel"]["config"]["name"] == "legacytype" and state["channel"]["config"]["max_message_length"] == 5000
    channel.send_message({"text": "still here"}, user)
    assert texts(channel) == ["still here"]
    refused(lambda: client.get_channel_type("legacytype"), 404, 16)


# MARK: Features, off and on


def test_max_message_length_on_send_and_update(client, chat_of):
    channel, a, _ = chat_of(max_message_length=10)
    kept = channel.send_message({"text": "x" * 10}, a)["message"]
    message = refused(lambda: channel.send_message({"text": "y" * 11}, a), code=20)
    assert "max message text length exceeded (10): 11 characters" in message
    message = refused(lambda: client.update_message({"id": kept["id"], "text": "z" * 11, "user_id": a}), code=20)
    assert message.startswith('UpdateMessage failed with error: "') and "(10)" in message
    assert client.get_message(kept["id"])["message"]["text"] == "x" * 10
    assert texts(channel) == ["x" * 10]
    client.update_channel_type(channel.channel_type, max_message_length=20000)
    long = channel.send_message({"text": "w" * 6000}, a)["message"]
    assert client.get_message(long["id"])["message"]["text"] == "w" * 6000, "the type's limit, not the default 5000"
    assert client.update_message({"id": kept["id"], "text": "z" * 11, "user_id": a})["message"]["text"] == "z" * 11


def test_reactions_off_refuses_reactions_for_server_and_user_tokens(server, client, chat_of):
    channel, a, b = chat_of(reactions=False)
    message = channel.send_message({"text": "no reacting"}, a)["message"]
    assert "reactions is disabled for channel type" in refused(lambda: channel.send_reaction(message["id"], {"type": "love"}, b), 400, 19)
    by_user = as_user(server, b, "POST", f"messages/{message['id']}/reaction", {"reaction": {"type": "love"}})
    assert by_user.status_code == 400 and by_user.json()["code"] == 19
    assert client.get_message(message["id"])["message"]["reaction_counts"] == {}
    assert channel.get_reactions(message["id"])["reactions"] == []
    client.update_channel_type(channel.channel_type, reactions=True)
    assert channel.send_reaction(message["id"], {"type": "love"}, b)["reaction"]["type"] == "love"
    assert client.get_message(message["id"])["message"]["reaction_counts"] == {"love": 1}


def test_replies_off_refuses_thread_replies(client, chat_of):
    channel, a, b = chat_of(replies=False)
    root = channel.send_message({"text": "root"}, a)["message"]
    other = channel.send_message({"text": "other"}, b)["message"]
    message = refused(lambda: channel.send_message({"text": "in thread", "parent_id": root["id"]}, b), 400, 19)
    assert "replies is disabled" in message
    refused(lambda: client.update_message({"id": other["id"], "text": "other", "parent_id": root["id"], "user_id": b}), 400, 19)
    assert channel.get_replies(root["id"])["messages"] == []
    assert client.get_message(root["id"])["message"]["reply_count"] == 0
    assert "parent_id" not in client.get_message(other["id"])["message"]
    client.update_channel_type(channel.channel_type, replies=True)
    reply = channel.send_message({"text": "in thread", "parent_id": root["id"]}, b)["message"]
    assert [m["id"] for m in channel.get_replies(root["id"])["messages"]] == [reply["id"]]


def test_typing_events_off_are_refused_and_never_reach_watchers(client, chat_of, watching):
    channel, a, b = chat_of(typing_events=False)
    ws = watching(channel, b)
    assert "typing_events is disabled" in refused(lambda: channel.send_event({"type": "typing.start"}, a), 400, 19)
    refused(lambda: channel.send_event({"type": "typing.stop"}, a), 400, 19)
    channel.send_event({"type": "ping"}, a)
    assert events_until(ws, "ping") == ["ping"], "nothing about typing went out before the custom event"
    client.update_channel_type(channel.channel_type, typing_events=True)
    assert channel.send_event({"type": "typing.start"}, a)["event"]["type"] == "typing.start"
    assert events_until(ws, "typing.start") == ["typing.start"]


def test_custom_events_off_are_refused(client, chat_of, watching):
    channel, a, b = chat_of(custom_events=False)
    ws = watching(channel, b)
    assert "custom_events is disabled" in refused(lambda: channel.send_event({"type": "friendship_request"}, a), 400, 19)
    channel.send_event({"type": "typing.start"}, a)
    assert events_until(ws, "typing.start") == ["typing.start"], "typing still goes; the custom event never did"
    client.update_channel_type(channel.channel_type, custom_events=True)
    assert channel.send_event({"type": "friendship_request", "note": "hi"}, a)["event"]["note"] == "hi"
    assert events_until(ws, "friendship_request") == ["friendship_request"]


def test_read_events_off_keep_read_state_but_tell_no_one(client, chat_of, watching):
    channel, a, b = chat_of(read_events=False)
    ws = watching(channel, a)
    channel.mark_read(b)
    channel.send_message({"text": "one"}, a)
    assert events_until(ws, "message.new") == ["message.new"]
    assert [c for c in client.unread_counts(b)["channels"] if c["channel_id"] == f"{channel.channel_type}:{channel.id}"][0]["unread_count"] == 1
    answer = channel.mark_read(b)
    assert answer["event"]["type"] == "message.read"
    assert all(c["channel_id"] != f"{channel.channel_type}:{channel.id}" for c in client.unread_counts(b)["channels"]), \
        "the read position is stored all the same"
    channel.send_message({"text": "two"}, a)
    assert events_until(ws, "message.new") == ["message.new"], "no message.read went to the watcher"
    client.update_channel_type(channel.channel_type, read_events=True)
    channel.mark_read(b)
    assert events_until(ws, "message.read") == ["message.read"]


def test_commands_only_run_where_the_type_lists_them(client, chat_of):
    channel, a, _ = chat_of(commands=["ban"])
    plain = channel.send_message({"text": "/giphy cats"}, a)["message"]
    assert plain["type"] == "regular" and plain["text"] == "/giphy cats"
    assert texts(channel) == ["/giphy cats"]
    client.update_channel_type(channel.channel_type, commands=["giphy"])
    giphy = channel.send_message({"text": "/giphy cats"}, a)["message"]
    assert giphy["type"] == "ephemeral" and giphy["command"] == "giphy"
    assert texts(channel) == ["/giphy cats"], "the ephemeral answer is not stored"

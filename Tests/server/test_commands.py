"""Custom commands through the SDK: create, get, update, delete, list, as Stream's answers shape
them; built-in commands cannot be changed; changing needs a server token. On a server of its
own, so the shared server's command list stays the built-in one."""
import requests

from conftest import start_server
from sdk_support import refused

BUILT_IN = {"giphy", "ban", "unban", "mute", "unmute"}


def test_custom_command_lifecycle(store):
    for server in start_server(store=store):
        client = server.client()
        created = client.create_command({"name": "ticket", "description": "Open a ticket", "args": "[title]", "set": "support"})
        command = created["command"]
        assert (command["name"], command["description"], command["args"], command["set"]) == ("ticket", "Open a ticket", "[title]", "support")
        assert command["created_at"] == command["updated_at"]
        got = client.get_command("ticket")
        assert got["name"] == "ticket" and got["description"] == "Open a ticket" and got["duration"]
        listed = {c["name"]: c for c in client.list_commands()["commands"]}
        assert set(listed) == BUILT_IN | {"ticket"} and listed["ticket"]["set"] == "support"

        updated = client.update_command("ticket", description="Open a support ticket")["command"]
        assert updated["description"] == "Open a support ticket" and updated["args"] == "[title]", "only the fields sent change"
        assert updated["created_at"] == command["created_at"] and updated["updated_at"] >= command["updated_at"]
        assert client.get_command("ticket")["description"] == "Open a support ticket"

        assert client.delete_command("ticket")["name"] == "ticket"
        refused(lambda: client.get_command("ticket"), 404, 16)
        refused(lambda: client.delete_command("ticket"), 404, 16)
        assert {c["name"] for c in client.list_commands()["commands"]} == BUILT_IN


def test_command_refusals(store):
    for server in start_server(store=store):
        client = server.client()
        client.create_command({"name": "poll", "description": "Ask"})
        refused(lambda: client.create_command({"name": "poll", "description": "Again"}), text="already exists")
        refused(lambda: client.create_command({"name": "giphy", "description": "Mine"}), text="built-in command name")
        refused(lambda: client.create_command({"name": "two words", "description": "x"}), text="no spaces")
        refused(lambda: client.create_command({"name": "nodesc"}), text="description is a required field")
        refused(lambda: client.create_command({"name": "long", "description": "x" * 256}), text="at most 255")
        refused(lambda: client.create_command({"name": "hook", "description": "x", "url": "http://x"}), text="url is not supported")
        refused(lambda: client.update_command("giphy", description="x"), text="cannot be changed")
        refused(lambda: client.put("commands/poll", data={"name": "renamed", "description": "x"}), text="cannot be renamed")
        refused(lambda: client.update_command("missing", description="x"), 404, 16)
        refused(lambda: client.delete_command("ban"), text="cannot be changed")
        assert client.get_command("giphy")["name"] == "giphy"
        client.upsert_user({"id": "u"})
        as_user = requests.post(f"{server.url}/commands", params={"api_key": server.key}, json={"name": "mine", "description": "x"},
                                headers={"Authorization": client.create_token("u"), "stream-auth-type": "jwt"}, timeout=10)
        assert as_user.status_code == 403 and as_user.json()["code"] == 17
        assert {c["name"] for c in client.list_commands()["commands"]} == BUILT_IN | {"poll"}


def test_a_channel_type_lists_custom_commands(store):
    for server in start_server(store=store):
        client = server.client()
        client.create_command({"name": "ticket", "description": "Open a ticket", "args": "[title]", "set": "support"})
        created = client.create_channel_type({"name": "helpdesk", "commands": ["ticket", "giphy"]})
        assert [c["name"] for c in created["commands"]] == ["giphy", "ticket"]
        assert created["commands"][1] == {"name": "ticket", "description": "Open a ticket", "args": "[title]", "set": "support",
                                          "created_at": created["commands"][1]["created_at"],
                                          "updated_at": created["commands"][1]["updated_at"]}
        assert client.update_channel_type("helpdesk", commands=["all", "ticket"])["commands"] == \
            ["giphy", "ban", "unban", "mute", "unmute", "ticket"]
        refused(lambda: client.create_channel_type({"name": "other", "commands": ["nope"]}), text="command nope doesn't exist")
        client.upsert_user({"id": "u"})
        channel = client.channel("helpdesk", "desk", {"members": ["u"]})
        state = channel.create("u")
        assert "ticket" in [c["name"] for c in state["channel"]["config"]["commands"]]
        refused(lambda: channel.send_message({"text": "/ticket printer on fire"}, "u"), text="custom_action_handler_url")
        assert channel.send_message({"text": "/tickets are not a command"}, "u")["message"]["text"] == "/tickets are not a command"
        refused(lambda: client.delete_command("ticket"), text="listed by channel type helpdesk")
        # Read back from the store, the type still lists it; a type that no longer does frees it.
        assert [c["name"] for c in client.get_channel_type("helpdesk")["commands"]][-1] == "ticket"
        client.update_channel_type("helpdesk", commands=["giphy"])
        assert client.delete_command("ticket")["name"] == "ticket"

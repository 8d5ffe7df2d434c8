"""`undelete_message` through the SDK: a soft-deleted message comes back as it was (text,
custom data, thread), searchable and counted again (a deleted reply counts in its parent's
`deleted_reply_count`, not its `reply_count`), and its watchers hear `message.undeleted`;
only a server call undeletes, naming a user that exists, and only a deleted message."""
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_channels_messages import as_user
from test_websocket import chat, next_event  # noqa: F401 (chat is a fixture)


def search(client, channel, word):
    return [r["message"]["id"] for r in client.search({"cid": channel.cid}, word)["results"]]


def test_a_soft_deleted_message_comes_back_as_it_was_and_its_watchers_hear_of_it(client, chat):
    channel, alice, bob, _, sockets = chat
    word = f"undel{uuid.uuid4().hex[:8]}"
    sent = channel.send_message({"text": f"the {word} plan", "priority": "high"}, alice)["message"]
    reply = channel.send_message({"text": "a reply", "parent_id": sent["id"]}, bob)["message"]
    for message in (sent, reply):
        client.delete_message(message["id"])
        assert client.get_message(message["id"])["message"]["type"] == "deleted"
    assert search(client, channel, word) == []

    back = client.undelete_message(sent["id"], bob)["message"]
    assert (back["type"], back["text"], back["priority"]) == ("regular", f"the {word} plan", "high")
    assert back.get("deleted_at") is None
    heard = next_event(sockets[alice][0], "message.undeleted")
    assert heard["message"]["id"] == sent["id"] and heard["message"]["type"] == "regular" and heard["user"]["id"] == bob
    assert client.get_message(sent["id"])["message"]["type"] == "regular"
    assert search(client, channel, word) == [sent["id"]]
    state = channel.query(messages={"limit": 10})
    assert [(m["id"], m["type"]) for m in state["messages"] if m["id"] == sent["id"]] == [(sent["id"], "regular")]

    parent = client.get_message(sent["id"])["message"]
    assert (parent["reply_count"], parent["deleted_reply_count"]) == (0, 1), "a deleted reply is counted apart"
    again = client.undelete_message(reply["id"], alice)["message"]
    assert (again["type"], again["parent_id"], again["text"]) == ("reply", sent["id"], "a reply")
    parent = client.get_message(sent["id"])["message"]
    assert (parent["reply_count"], parent["deleted_reply_count"]) == (1, 0)
    shown = [m for m in channel.query(messages={"limit": 10})["messages"] if m["id"] == sent["id"]]
    assert [(m["reply_count"], m["deleted_reply_count"]) for m in shown] == [(1, 0)]


def test_undelete_refuses_what_it_cannot_do_and_changes_nothing(server, client, chat):
    channel, alice, bob, _, _ = chat
    kept = channel.send_message({"text": "still here"}, alice)["message"]
    gone = channel.send_message({"text": "gone"}, alice)["message"]
    client.delete_message(gone["id"])

    def refused(call, status, code, says):
        with pytest.raises(StreamAPIException) as raised:
            call()
        assert (raised.value.status_code, raised.value.error_code) == (status, code), raised.value.error_message
        assert says in raised.value.error_message, raised.value.error_message

    refused(lambda: client.undelete_message(kept["id"], alice), 400, 4, "is not deleted")
    refused(lambda: client.undelete_message(gone["id"], f"nobody-{uuid.uuid4().hex[:6]}"), 400, 4, "does not exist")
    refused(lambda: client.post(f"messages/{gone['id']}/undelete", data={}), 400, 4, "undeleted_by is a required field")
    refused(lambda: client.post(f"messages/{gone['id']}/undelete", data={"undeleted_by": alice, "restore": True}), 400, 4,
            "restore is not supported")
    refused(lambda: client.undelete_message("no-such-message", alice), 404, 16, "Can't find message")
    as_alice = as_user(server, alice, "POST", f"messages/{gone['id']}/undelete", {"undeleted_by": alice})
    assert as_alice.status_code == 403 and as_alice.json()["code"] == 17 and "server-side" in as_alice.json()["message"], as_alice.text
    assert client.get_message(gone["id"])["message"]["type"] == "deleted"
    assert client.get_message(kept["id"])["message"]["type"] == "regular"

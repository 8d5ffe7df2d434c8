"""Routing that never reads one of Stream's fixed path words as an id, and message history
(`query_message_history`) from the edits the store keeps."""
import json
import uuid

import pytest
import requests

from test_channels_messages import as_user


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def raw(server, method, path, body=None):
    """A request with the server token, for what the SDK has no method for."""
    headers = {"Authorization": server.client().auth_token, "stream-auth-type": "jwt", "Content-Type": "application/json"}
    return requests.request(method, f"{server.url}/{path}", params={"api_key": server.key}, headers=headers,
                            data=json.dumps(body or {}), timeout=10)


ANY_ROUTE = "this route is not supported by the local server"


@pytest.mark.parametrize("method, path, says", [
    ("GET", "imports/v2/external-storage", ANY_ROUTE),     # would be the import v2 task "external-storage"
    ("DELETE", "imports/v2/external-storage", ANY_ROUTE),  # would delete it
    ("DELETE", "users/block", ANY_ROUTE),            # would delete the user "block"
    ("GET", "messages/history", ANY_ROUTE),          # a fixed path, but only POST is Stream's
    ("PUT", "messages/history", ANY_ROUTE),          # would partially update the message "history"
    # Stream's, not served here: the coverage catalogue names the operation and why.
    ("POST", "channels/grouped", 'GroupedQueryChannels failed with error: "not served by the local server yet"'),
    ("POST", "messages/history/extra", ANY_ROUTE),   # no route at all
    ("GET", "channeltypes/messaging/extra", ANY_ROUTE),
])
def test_unknown_paths_get_streams_route_404_and_never_an_id_lookup(server, method, path, says):
    answer = raw(server, method, path)
    assert answer.status_code == 404, answer.text
    body = answer.json()
    assert body["code"] == 16 and body["StatusCode"] == 404
    assert says in body["message"], body["message"]
    assert "Can't find" not in body["message"]


def test_message_history_lists_each_state_before_an_edit_newest_first_with_paging(client, server):
    author, editor = new_id("hist"), new_id("mod")
    client.upsert_users([{"id": author}, {"id": editor, "role": "admin"}])
    channel = client.channel("messaging", new_id("history"), {"members": [author]})
    channel.create(author)
    message = channel.send_message({"text": "hello", "color": "red"}, author)["message"]
    # An untouched message has no history: sending creates none.
    assert client.query_message_history({"message_id": message["id"]})["message_history"] == []
    for n, text in enumerate(["-1", "-2", "-3", "-4"]):
        client.update_message({"id": message["id"], "text": text, "user_id": editor if n == 3 else author})
    page = client.query_message_history({"message_id": message["id"]}, sort=[{"field": "message_updated_at", "direction": -1}], limit=1)
    assert [e["text"] for e in page["message_history"]] == ["-3"]
    assert page["message_history"][0]["message_updated_by_id"] == author
    following = client.query_message_history({"message_id": message["id"]}, sort=[{"field": "message_updated_at", "direction": -1}],
                                             limit=1, next=page["next"])
    assert [e["text"] for e in following["message_history"]] == ["-2"] and "prev" in following
    everything = client.query_message_history({"message_id": {"$in": [message["id"]]}},
                                              sort=[{"field": "message_updated_at", "direction": 1}], limit=10)
    entries = everything["message_history"]
    assert [e["text"] for e in entries] == ["hello", "-1", "-2", "-3"] and "next" not in everything
    assert entries[0]["custom"] == {"color": "red"} and entries[0]["is_deleted"] is False
    assert entries[0]["message_updated_by_id"] == author and entries[0]["message_updated_at"] == message["created_at"]
    assert [e["message_updated_at"] for e in entries] == sorted(e["message_updated_at"] for e in entries)
    # A pin changes nothing history keeps: no entry.
    client.pin_message(message["id"], author)
    assert len(client.query_message_history({"message_id": message["id"]}, limit=10)["message_history"]) == 4
    # The current state ("-4", by the editor) is the message itself, not history.
    assert client.get_message(message["id"])["message"]["text"] == "-4"

    client.delete_message(message["id"])
    newest = client.query_message_history({"message_id": message["id"]}, limit=1)["message_history"][0]
    assert newest["text"] == "-4" and newest["message_updated_by_id"] == editor and newest["is_deleted"] is False
    by_editor = client.query_message_history({"message_id": message["id"], "message_updated_by_id": editor})["message_history"]
    assert [e["text"] for e in by_editor] == ["-4"]
    later = client.query_message_history({"message_id": message["id"], "message_updated_at": {"$gt": entries[1]["message_updated_at"]}})
    assert sorted(e["text"] for e in later["message_history"]) == ["-2", "-3", "-4"]


def test_message_history_refuses_what_it_cannot_answer(client, server):
    author = new_id("hist")
    client.upsert_user({"id": author})
    for bad in [dict(filter={}), dict(filter={"text": "x"}), dict(filter={"message_id": "x"}, next="not-a-cursor"),
                dict(filter={"message_id": "x"}, sort=[{"field": "text", "direction": 1}]),
                dict(filter={"message_id": "x"}, frobnicate=True)]:
        answer = raw(server, "POST", "messages/history", bad)
        assert answer.status_code == 400 and answer.json()["code"] == 4, (bad, answer.text)
    refused = as_user(server, author, "POST", "messages/history", {"filter": {"message_id": "x"}})
    assert refused.status_code == 403 and refused.json()["code"] == 17, "server-side only, as in Stream"

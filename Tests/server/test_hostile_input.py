"""The hostile corpus the fuzzers start from (Tests/Fuzz/corpus/text), sent through the API in
every field a person controls: each is stored and read back exactly, or refused in Stream's
error shape; nothing crashes the server."""
import glob
import os
import uuid

import pytest
import requests
from stream_chat.base.exceptions import StreamAPIException

from conftest import ROOT

CORPUS = sorted(glob.glob(os.path.join(ROOT, "Tests", "Fuzz", "corpus", "text", "*")))


def hostile():
    for path in CORPUS:
        with open(path, "rb") as f:
            yield os.path.basename(path), f.read().decode("utf-8", errors="replace")


@pytest.mark.parametrize("name,text", list(hostile()), ids=[os.path.basename(p) for p in CORPUS])
def test_hostile_text_round_trips_in_every_field(server, client, name, text):
    user, channel_id = f"h-{uuid.uuid4().hex[:8]}", f"h-{uuid.uuid4().hex[:8]}"
    client.upsert_user({"id": user, "name": text, "bio": text})
    stored = client.query_users({"id": user})["users"][0]
    assert (stored["name"], stored["bio"]) == (text, text)
    channel = client.channel("messaging", channel_id, {"name": text, "members": [user]})
    assert channel.create(user)["channel"]["name"] == text
    custom = text
    if "\x00" in text:
        # A message's text is a text column, which ends at a NUL: refused, not cut short.
        with pytest.raises(StreamAPIException) as raised:
            channel.send_message({"text": text}, user)
        assert raised.value.status_code == 400 and "NUL" in str(raised.value), str(raised.value)
        text = text.replace("\x00", "")
    sent = channel.send_message({"text": text, "custom_field": custom}, user)["message"]
    again = client.get_message(sent["id"])["message"]
    assert (again["text"], again["custom_field"]) == (text, custom), "custom fields keep even a NUL"
    # As a search term, it finds that message and nothing else (SQL metacharacters included);
    # search matches words, so a text without a letter or digit finds nothing.
    other = channel.send_message({"text": "plain words"}, user)["message"]
    found = client.search({"cid": f"messaging:{channel_id}"}, text)["results"]
    expected = [sent["id"]] if any(c.isalnum() for c in text) else []
    assert [r["message"]["id"] for r in found] == expected, found


@pytest.mark.parametrize("name,text", list(hostile()), ids=[os.path.basename(p) for p in CORPUS])
def test_hostile_text_as_an_id_is_refused_in_streams_shape(server, client, name, text):
    with pytest.raises(StreamAPIException) as raised:
        client.upsert_user({"id": text})
    assert raised.value.status_code == 400 and raised.value.error_code == 4
    assert server.process.poll() is None


def test_a_distinct_channel_of_ten_thousand_members(server, client):
    ids = [f"crowd-{uuid.uuid4().hex[:6]}-{n}" for n in range(10_000)]
    for start in range(0, len(ids), 100):
        client.upsert_users([{"id": user} for user in ids[start:start + 100]])
    response = requests.post(f"{server.url}/channels/messaging/query", params={"api_key": server.key},
                             headers={"Authorization": client.auth_token, "stream-auth-type": "jwt"},
                             json={"data": {"members": ids, "created_by_id": ids[0]}, "state": True}, timeout=300)
    assert response.status_code == 201, response.text[:500]
    channel = response.json()["channel"]
    assert channel["id"].startswith("!members-") and channel["member_count"] == 10_000
    # The same members in another order are the same channel.
    again = requests.post(f"{server.url}/channels/messaging/query", params={"api_key": server.key},
                          headers={"Authorization": client.auth_token, "stream-auth-type": "jwt"},
                          json={"data": {"members": ids[::-1], "created_by_id": ids[0]}, "state": False}, timeout=300)
    assert again.json()["channel"]["id"] == channel["id"]

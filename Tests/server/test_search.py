"""Search through the official SDK: words, not substrings, and paging with `next`, `offset` and `sort`."""
import json
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def searched(client):
    """A channel of its own, filtered by cid, and a send that marks each text with a unique word."""
    user = new_id("s")
    client.upsert_user({"id": user})
    channel = client.channel("messaging", new_id("search"), {"members": [user]})
    channel.create(user)
    marker = "m" + uuid.uuid4().hex[:8]
    sent = [channel.send_message({"text": f"{marker} {text}"}, user)["message"] for text in
            ["Supercalifragilisticexpialidocious!", "the SUPER bowl", "super-star", "superb 42x"]]
    return {"cid": f"messaging:{channel.id}"}, marker, sent


def texts(response):
    return [r["message"]["text"].split(" ", 1)[1] for r in response["results"]]


def test_search_matches_whole_words_case_insensitively(client, searched):
    where, marker, _ = searched
    assert texts(client.search(where, f"{marker} cious")) == []
    assert texts(client.search(where, f"{marker} supercalifragilisticexpialidocious")) == ["Supercalifragilisticexpialidocious!"]
    assert sorted(texts(client.search(where, f"{marker} super"))) == ["super-star", "the SUPER bowl"]
    assert texts(client.search(where, f"{marker} 42")) == []
    assert texts(client.search(where, f"{marker} 42x")) == ["superb 42x"]
    # Every word must match, not any.
    assert texts(client.search(where, f"{marker} super bowl")) == ["the SUPER bowl"]


def test_results_carry_their_channel_as_channel_queries_show_it(client, searched):
    where, marker, _ = searched
    result = client.search(where, f"{marker} superb")["results"][0]["message"]
    channel = result["channel"]
    assert channel["cid"] == where["cid"] and channel["member_count"] == 1
    assert channel["created_by"]["id"] == result["user"]["id"]
    assert channel["last_message_at"] == client.query_channels(where)["channels"][0]["channel"]["last_message_at"]


def test_autocomplete_matches_the_start_of_words(client, searched):
    where, marker, _ = searched
    found = client.search(where, {"text": {"$autocomplete": f"{marker} superb"}})
    assert texts(found) == ["superb 42x"]
    assert texts(client.search(where, {"text": {"$autocomplete": f"{marker} perb"}})) == []
    assert texts(client.search(where, {"text": {"$q": f"{marker} superb"}})) == ["superb 42x"]


def test_search_pages_with_next_until_there_is_no_more(client, searched):
    where, marker, sent = searched
    first = client.search(where, marker, limit=3)
    assert len(first["results"]) == 3 and first["next"]
    rest = client.search(where, marker, limit=3, next=first["next"])
    assert len(rest["results"]) == 1 and not rest.get("next")
    seen = [r["message"]["id"] for r in first["results"] + rest["results"]]
    assert seen == [m["id"] for m in reversed(sent)]
    assert not client.search(where, marker, limit=4).get("next")


def test_search_sorts_by_created_at_or_id_with_the_cursor(client, searched):
    where, marker, sent = searched
    oldest = client.search(where, marker, sort=[{"field": "created_at", "direction": 1}], limit=2)
    assert [r["message"]["id"] for r in oldest["results"]] == [m["id"] for m in sent[:2]]
    after = client.search(where, marker, sort=[{"field": "created_at", "direction": 1}], limit=2, next=oldest["next"])
    assert [r["message"]["id"] for r in after["results"]] == [m["id"] for m in sent[2:]]
    by_id = client.search(where, marker, sort=[{"field": "id", "direction": -1}])
    assert [r["message"]["id"] for r in by_id["results"]] == sorted((m["id"] for m in sent), reverse=True)


def test_search_refuses_offset_with_next_or_sort_and_unknown_sorts(server, client, searched):
    where, marker, _ = searched
    first = client.search(where, marker, limit=1)
    # The SDK itself refuses these combinations, so they go to the server as raw requests.
    for payload in ({"offset": 1, "next": first["next"]}, {"offset": 1, "sort": [{"field": "created_at", "direction": 1}]}):
        with pytest.raises(StreamAPIException) as raised:
            client.get("search", params={"payload": json.dumps({"filter_conditions": where, "query": marker, **payload})})
        assert raised.value.status_code == 400 and raised.value.error_code == 4
    for options in ({"sort": [{"field": "relevance", "direction": -1}]}, {"next": "not-a-cursor"}):
        with pytest.raises(StreamAPIException) as raised:
            client.search(where, marker, **options)
        assert raised.value.status_code == 400 and raised.value.error_code == 4
    assert len(client.search(where, marker, offset=2)["results"]) == 2

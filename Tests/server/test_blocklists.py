"""Block lists through the SDK: `create_blocklist` … `delete_blocklist` with Stream's limits,
and a channel type's `blocklist` / `blocklist_behavior` on sends: a user's matching message is
blocked (an `error` message back, nothing stored), flagged by automod, or shadowed; a server's
send only with `force_moderation`; whole words, case folded, split at spaces and hyphens; a
user's edit is refused or flagged. The other kinds: regex patterns, domains and e-mail
addresses, listed to block or to allow."""
import pytest

from conftest import start_server
from sdk_support import new_id, refused, user_request as as_user


def test_block_lists_are_made_read_changed_and_deleted_within_streams_limits(server, client):
    name = new_id("cakes")
    made = client.create_blocklist(name, ["fudge", "cream", "sugar"])["blocklist"]
    assert (made["name"], made["type"], made["words"]) == (name, "word", ["fudge", "cream", "sugar"]) and made["created_at"]
    assert name in [b["name"] for b in client.list_blocklists()["blocklists"]]
    assert client.get_blocklist(name)["blocklist"]["words"] == ["fudge", "cream", "sugar"]
    updated = client.update_blocklist(name, ["dodge", "heck"])["blocklist"]
    assert updated["words"] == ["dodge", "heck"] and updated["updated_at"] >= made["updated_at"]
    assert client.get_blocklist(name)["blocklist"]["words"] == ["dodge", "heck"]

    refused(lambda: client.create_blocklist(name, ["x"]), text=f"blocklist {name} already exists")
    refused(lambda: client.create_blocklist(new_id("up"), ["Fudge"]), text="must be in lowercase")
    refused(lambda: client.create_blocklist(new_id("long"), ["x" * 41]), text="at most 40 characters")
    refused(lambda: client.create_blocklist(new_id("many"), [f"w{n}" for n in range(10_001)]), text="at most 10000 words")
    refused(lambda: client.create_blocklist(new_id("kind"), ["x"], type="phrase"), text="blocklist type phrase is not one of")
    refused(lambda: client.update_blocklist(name, "heck"), text="words is required")
    refused(lambda: client.get_blocklist(new_id("none")), 404, 16)
    stranger = new_id("user")
    client.upsert_user({"id": stranger})
    assert as_user(server, stranger, "GET", "blocklists").status_code == 403
    assert as_user(server, stranger, "POST", "blocklists", {"name": new_id("mine"), "words": ["x"]}).status_code == 403

    client.delete_blocklist(name)
    refused(lambda: client.get_blocklist(name), 404, 16)
    refused(lambda: client.delete_blocklist(name), 404, 16)


def test_an_app_has_at_most_fifteen_block_lists(store):
    for server in start_server(store=store):
        client = server.client()
        for n in range(15):
            client.create_blocklist(f"list-{n}", ["word"])
        refused(lambda: client.create_blocklist("list-15", ["word"]), text="at most 15 block lists")


@pytest.fixture
def moderated(client):
    """A channel type checking sends against a block list, a channel of it, two members."""
    words, kind = new_id("words"), new_id("bl").replace("-", "_")
    client.create_blocklist(words, ["cream", "fudge"])
    client.create_channel_type({"name": kind, "blocklist": words, "blocklist_behavior": "block"})
    writer, reader = new_id("writer"), new_id("reader")
    client.upsert_users([{"id": writer}, {"id": reader}])
    channel = client.channel(kind, new_id("room"), {"members": [writer, reader]})
    channel.create(writer)
    return channel, kind, words, writer, reader


def sent_by(server, user, channel, text):
    answer = as_user(server, user, "POST", f"channels/{channel.channel_type}/{channel.id}/message", {"message": {"text": text}})
    assert answer.status_code == 201, answer.text
    return answer.json()["message"]


def texts(server, user, channel):
    state = as_user(server, user, "POST", f"channels/{channel.channel_type}/{channel.id}/query", {"state": True}).json()
    return [m["text"] for m in state["messages"]]


def test_block_answers_an_error_message_and_keeps_nothing(server, client, moderated):
    channel, kind, words, writer, reader = moderated
    assert client.get_channel_type(kind)["blocklist"] == words and client.get_channel_type(kind)["blocklist_behavior"] == "block"
    for text in ["She jabbed the spoon in the ice Cream and sighed", "Cream is the best", "cookie-cream", "fudge!"]:
        blocked = sent_by(server, writer, channel, text)
        assert (blocked["type"], blocked["text"]) == ("error", "Message was blocked by moderation policies"), text
    for text in ["Is creamcheese a word?", "I did not enjoy watching Scream"]:
        assert sent_by(server, writer, channel, text)["type"] == "regular", text
    assert texts(server, reader, channel) == ["Is creamcheese a word?", "I did not enjoy watching Scream"]

    # A server's send skips the list, as Stream skips moderation server-side, unless forced.
    assert channel.send_message({"text": "cream from the server"}, writer)["message"]["type"] == "regular"
    forced = channel.send_message({"text": "forced cream"}, writer, force_moderation=True)["message"]
    assert forced["type"] == "error"
    assert "forced cream" not in texts(server, reader, channel)


def test_flag_sends_and_flags_and_shadow_block_shows_the_sender_alone(server, client, moderated):
    channel, kind, _, writer, reader = moderated
    client.update_channel_type(kind, blocklist_behavior="flag")
    flagged = sent_by(server, writer, channel, "more fudge please")
    assert flagged["type"] == "regular" and "more fudge please" in texts(server, reader, channel)
    flags = client.query_message_flags({"channel_cid": channel.cid})["flags"]
    assert [(f["message"]["id"], f["created_by_automod"], "user" in f) for f in flags] == [(flagged["id"], True, False)]
    assert "fudge" in flags[0]["reason"]

    client.update_channel_type(kind, blocklist_behavior="shadow_block")
    shadowed = sent_by(server, writer, channel, "cream again")
    assert shadowed["type"] == "regular"
    assert "cream again" in texts(server, writer, channel) and "cream again" not in texts(server, reader, channel)


def test_a_type_names_only_a_list_that_exists_and_a_list_in_use_stays(client, moderated):
    _, kind, words, _, _ = moderated
    refused(lambda: client.update_channel_type(kind, blocklist=new_id("none")), text="doesn't exist")
    refused(lambda: client.update_channel_type(kind, blocklist_behavior="bounce"), text="blocklist_behavior must be one of")
    refused(lambda: client.delete_blocklist(words), text=f"used by channel type {kind}")
    client.update_channel_type(kind, blocklist="")
    assert "blocklist" not in client.get_channel_type(kind)
    client.delete_blocklist(words)


def test_an_edit_meets_the_list_too(server, client, moderated):
    channel, kind, _, writer, reader = moderated
    message = sent_by(server, writer, channel, "plain text")
    edit = as_user(server, writer, "POST", f"messages/{message['id']}", {"message": {"text": "now with cream"}})
    assert (edit.status_code, edit.json()["code"]) == (400, 4) and "blocked by moderation policies" in edit.json()["message"]
    partial = as_user(server, writer, "PUT", f"messages/{message['id']}", {"set": {"text": "fudge"}})
    assert partial.status_code == 400
    assert client.get_message(message["id"])["message"]["text"] == "plain text", "left as it was"
    client.update_channel_type(kind, blocklist_behavior="flag")
    assert as_user(server, writer, "POST", f"messages/{message['id']}", {"message": {"text": "now with cream"}}).status_code == 200
    assert client.get_message(message["id"])["message"]["text"] == "now with cream"
    assert [f["message"]["id"] for f in client.query_message_flags({"channel_cid": channel.cid})["flags"]] == [message["id"]]


def moderated_by(client, list_type, entries):
    """A channel type blocking sends by a list of `list_type`, a channel of it, a member writing."""
    name, kind, writer = new_id(list_type.replace("_", "-")), new_id("bl").replace("-", "_"), new_id("writer")
    made = client.create_blocklist(name, entries, type=list_type)["blocklist"]
    assert (made["type"], made["words"]) == (list_type, entries)
    client.create_channel_type({"name": kind, "blocklist": name, "blocklist_behavior": "block"})
    client.upsert_user({"id": writer})
    channel = client.channel(kind, new_id("room"), {"members": [writer]})
    channel.create(writer)
    return channel, name, writer


@pytest.mark.parametrize("list_type, entries, stopped, passed", [
    ("regex", [r"\b\d{3}[-.]?\d{3}[-.]?\d{4}\b", "(?i)BUY NOW"],
     ["call me at 555-123-4567", "please buy now"], ["room 101 at 5pm", "buying nothing"]),
    ("domain", ["spam-site.com"],
     ["see https://spam-site.com/deal", "visit www.Spam-Site.com today", "go to mail.spam-site.com now", "(spam-site.com)."],
     ["not-spam-site.com is fine", "https://example.com/spam-site.com", "write to me@spam-site.com"]),
    ("domain_allowlist", ["myapp.com"],
     ["look at https://evil.example/x", "try www.other.org"],
     ["docs at https://myapp.com/help", "https://api.myapp.com/v1", "notes.txt is attached", "no links at all"]),
    ("email", ["spam@bad.com"], ["write to Spam@Bad.com!", "<mailto:spam@bad.com>"], ["write to ok@bad.com", "bad.com"]),
    ("email_allowlist", ["support@myapp.com"], ["mail me: me@home.org"], ["ask support@myapp.com", "no address here"]),
])
def test_each_kind_of_list_stops_what_it_names(server, client, list_type, entries, stopped, passed):
    channel, _, writer = moderated_by(client, list_type, entries)
    for text in stopped:
        assert sent_by(server, writer, channel, text)["type"] == "error", text
    for text in passed:
        assert sent_by(server, writer, channel, text)["type"] == "regular", text
    assert texts(server, writer, channel) == passed


def test_a_list_of_patterns_keeps_only_valid_ones(client):
    refused(lambda: client.create_blocklist(new_id("re"), ["ok", "(unclosed"], type="regex"),
            text="(unclosed is not a valid regular expression")
    name = new_id("re")
    client.create_blocklist(name, [r"[A-Z]{5,}"], type="regex")
    refused(lambda: client.update_blocklist(name, ["[z-a]"]), text="is not a valid regular expression")
    assert client.get_blocklist(name)["blocklist"]["words"] == [r"[A-Z]{5,}"], "patterns keep their case; a refused update changes nothing"
    refused(lambda: client.create_blocklist(new_id("dom"), ["two words.com"], type="domain"), text="single domains")


def test_a_changed_list_checks_the_next_send_with_its_new_entries(server, client):
    channel, name, writer = moderated_by(client, "regex", ["cre+am"])
    assert sent_by(server, writer, channel, "creeeam")["type"] == "error"
    client.update_blocklist(name, ["fudge"])
    assert sent_by(server, writer, channel, "creeeam")["type"] == "regular"
    assert sent_by(server, writer, channel, "fudge")["type"] == "error"
    client.update_channel_type(channel.channel_type, blocklist="")
    client.delete_blocklist(name)
    client.create_blocklist(name, ["cream"])
    client.update_channel_type(channel.channel_type, blocklist=name)
    assert sent_by(server, writer, channel, "fudge")["type"] == "regular", "a list made again under the name is read anew"
    assert sent_by(server, writer, channel, "cream")["type"] == "error"

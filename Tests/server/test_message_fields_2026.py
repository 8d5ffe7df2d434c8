"""Stream's March 2026 message fields through the API: `mentioned_here`, `mentioned_channel`,
`mentioned_roles` are taken on send and shown on every answer; an `@here` / `@channel` message
counts as a mention for every other member; edits keep `restricted_visibility` unless they
name it; attachment custom fields come back whole."""
import pytest

from sdk_support import new_id, refused, user_request


@pytest.fixture
def trio(client):
    a, b, c = new_id("a"), new_id("b"), new_id("c")
    client.upsert_users([{"id": u} for u in (a, b, c)])
    channel = client.channel("messaging", new_id("f26"), {"members": [a, b, c]})
    channel.create(a)
    for user in (a, b, c):
        channel.mark_read(user)
    return channel, a, b, c


def mentions(client, channel, user):
    mine = [c for c in client.unread_counts(user)["channels"] if c["channel_id"] == f"messaging:{channel.id}"]
    return (mine[0]["unread_count"], mine[0]["unread_mention_count"]) if mine else (0, 0)


def test_the_fields_are_taken_on_send_and_shown_on_every_answer(server, client, trio):
    channel, a, b, _ = trio
    sent = channel.send_message(
        {"text": "@here standup", "mentioned_here": True, "mentioned_roles": ["admin", "channel_moderator"],
         "attachments": [{"type": "file", "asset_url": "https://example.com/a.pdf", "pages": 3, "meta": {"lang": "en"}}]},
        a)["message"]
    assert (sent["mentioned_here"], sent["mentioned_channel"], sent["mentioned_roles"]) == (True, False, ["admin", "channel_moderator"])
    fetched = client.get_message(sent["id"])["message"]
    assert (fetched["mentioned_here"], fetched["mentioned_channel"]) == (True, False)
    assert fetched["attachments"][0]["pages"] == 3 and fetched["attachments"][0]["meta"] == {"lang": "en"}
    state = user_request(server, b, "POST", f"channels/messaging/{channel.id}/query", {"state": True}).json()
    shown = next(m for m in state["messages"] if m["id"] == sent["id"])
    assert shown["mentioned_here"] is True and shown["mentioned_roles"] == ["admin", "channel_moderator"]
    plain = channel.send_message({"text": "no call"}, a)["message"]
    assert (plain["mentioned_here"], plain["mentioned_channel"], plain["restricted_visibility"]) == (False, False, [])
    assert "mentioned_roles" not in plain


def test_wrong_types_are_refused_with_the_field_named(trio):
    channel, a, _, _ = trio
    refused(lambda: channel.send_message({"text": "x", "mentioned_here": "yes"}, a), text="message.mentioned_here of type bool")
    refused(lambda: channel.send_message({"text": "x", "mentioned_roles": [1]}, a), text="message.mentioned_roles of type []string")
    refused(lambda: channel.send_message({"text": "x", "attachments": [{"type": 3}]}, a), text="attachment.type of type string")
    refused(lambda: channel.send_message({"text": "x", "mentioned_roles": [f"r{i}" for i in range(11)]}, a),
            text="mentioned_roles can have at most 10 roles")
    assert channel.send_message({"text": "x", "mentioned_roles": [f"r{i}" for i in range(10)]}, a)["message"]["mentioned_roles"][9] == "r9"


def test_here_and_channel_count_as_mentions_for_every_other_member(client, trio):
    channel, a, b, c = trio
    channel.send_message({"text": "plain"}, a)
    assert mentions(client, channel, b) == (1, 0)
    channel.send_message({"text": "@here look", "mentioned_here": True}, a)
    channel.send_message({"text": "@channel look", "mentioned_channel": True}, a)
    assert mentions(client, channel, b) == (3, 2)
    assert mentions(client, channel, c) == (3, 2)
    assert mentions(client, channel, a) == (0, 0), "the sender is not called on by their own message"
    # The text alone calls on no one: Stream's server reads the flags, which the sender's composer sets.
    channel.send_message({"text": "@here without the flag"}, a)
    assert mentions(client, channel, b) == (4, 2)
    # A restricted @channel message calls only on those who may see it.
    channel.send_message({"text": "@channel psst", "mentioned_channel": True, "restricted_visibility": [c]}, a)
    assert mentions(client, channel, b) == (4, 2)
    assert mentions(client, channel, c) == (5, 3)


def test_edits_keep_who_may_see_a_message_unless_they_name_it(server, client, trio):
    channel, a, b, c = trio
    secret = channel.send_message({"text": "for c", "restricted_visibility": [c], "mentioned_channel": True}, a)["message"]

    def seen_by(user):
        return user_request(server, user, "GET", f"messages/{secret['id']}").status_code == 200

    client.update_message_partial(secret["id"], {"set": {"text": "for c, pinned", "pinned": True}}, a)
    assert (seen_by(b), seen_by(c)) == (False, True)
    client.update_message({"id": secret["id"], "text": "for c, edited", "user": {"id": a}})
    assert (seen_by(b), seen_by(c)) == (False, True)
    kept = client.get_message(secret["id"])["message"]
    assert kept["restricted_visibility"] == [c] and kept["mentioned_channel"] is True
    client.update_message({"id": secret["id"], "text": "for b now", "restricted_visibility": [b], "user": {"id": a}})
    assert (seen_by(b), seen_by(c)) == (True, False)
    opened = client.update_message_partial(secret["id"], {"unset": ["restricted_visibility"]}, a)["message"]
    assert opened["restricted_visibility"] == [] and seen_by(c)

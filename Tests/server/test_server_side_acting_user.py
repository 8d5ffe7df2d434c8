"""A server token acting for a user (`user_id`) passes every grant, as Stream's server-side auth
does: a channel's creator who is not among its members (Stream makes no one a member unless
named) still keeps drafts and reminders and deletes for itself there. A user token stays bound
by its grants."""
from sdk_support import new_id, refused, user_request


def creator_only_channel(client):
    """A channel created by a user who is not one of its members (it has none), as Stream's SDK
    tests make theirs; its type has reminders on."""
    kind = new_id("acting").replace("-", "_")
    client.create_channel_type({"name": kind, "user_message_reminders": True})
    creator = new_id("creator")
    client.upsert_user({"id": creator})
    channel = client.channel(kind, new_id("bare"))
    channel.create(creator)
    assert channel.query()["members"] == [], "the creator is not made a member"
    return channel, creator


def test_drafts_reminders_and_delete_for_me_of_a_user_outside_the_channel(client, server):
    channel, creator = creator_only_channel(client)
    message = channel.send_message({"text": "note this"}, creator)["message"]

    draft = channel.create_draft({"text": "later"}, creator)["draft"]
    assert draft["channel_cid"] == channel.cid and draft["message"]["text"] == "later"
    assert channel.get_draft(creator)["draft"]["message"]["text"] == "later"
    assert [d["channel_cid"] for d in client.query_drafts(creator)["drafts"]] == [channel.cid]

    reminder = client.create_reminder(message["id"], creator)["reminder"]
    assert reminder["message_id"] == message["id"] and reminder["user_id"] == creator
    assert [r["message_id"] for r in client.query_reminders(creator)["reminders"]] == [message["id"]]

    hidden = client.delete_message(message["id"], delete_for_me=True, deleted_by=creator)["message"]
    assert hidden["deleted_for_me"] is True
    channel.add_members([creator])
    assert user_request(server, creator, "GET", f"messages/{message['id']}").status_code == 404, "hidden from that user"

    outsider = new_id("outsider")
    client.upsert_user({"id": outsider})
    answer = user_request(server, outsider, "POST", f"channels/{channel.channel_type}/{channel.id}/draft", {"message": {"text": "x"}})
    assert (answer.status_code, answer.json()["code"]) == (403, 17), "a user token still needs the channel's grant"
    refused(lambda: client.create_reminder("no-such-message", creator), 404, 16)


def test_mark_read_and_delivered_for_a_user_outside_the_channel(client, server):
    channel, creator = creator_only_channel(client)
    message = channel.send_message({"text": "seen"}, creator)["message"]

    event = channel.mark_read(creator)["event"]
    assert event["type"] == "message.read" and event["user"]["id"] == creator and event["cid"] == channel.cid
    delivered = {"latest_delivered_messages": [{"cid": channel.cid, "id": message["id"]}], "user_id": creator}
    assert client.mark_delivered(delivered).status_code() == 201
    assert [r["user"]["id"] for r in channel.query()["read"]] == [], "only members keep a read position"

    outsider = new_id("outsider")
    client.upsert_user({"id": outsider})
    answer = user_request(server, outsider, "POST", f"channels/{channel.channel_type}/{channel.id}/read", {})
    assert (answer.status_code, answer.json()["code"]) == (403, 17), "a user token still reads only its channels"

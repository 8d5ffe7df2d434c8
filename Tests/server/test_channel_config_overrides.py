"""Channel-level settings (`config_overrides`): a server-side channel update changes some of
its type's settings for that channel alone, as Stream's "Channel-level settings" do; the
channel's `config` shows the result and it binds as the type's settings do."""
from sdk_support import new_id, refused, user_request


def test_overrides_change_one_channel_and_bind_like_its_types_settings(client, server):
    kind = new_id("over").replace("-", "_")
    client.create_channel_type({"name": kind})
    owner, reader = new_id("owner"), new_id("reader")
    client.upsert_users([{"id": owner}, {"id": reader}])
    ours = client.channel(kind, new_id("ours"), {"members": [owner, reader]})
    ours.create(owner)
    theirs = client.channel(kind, new_id("theirs"), {"members": [owner]})
    theirs.create(owner)

    overrides = {"user_message_reminders": True, "reactions": False, "max_message_length": 10}
    config = ours.update_partial({"config_overrides": overrides})["channel"]["config"]
    assert (config["user_message_reminders"], config["reactions"], config["max_message_length"]) == (True, False, 10)
    assert ours.query()["channel"]["config"]["reactions"] is False, "the channel state shows it too"
    other = theirs.query()["channel"]["config"]
    assert (other["user_message_reminders"], other["reactions"]) == (False, True), "other channels keep their type's"

    message = ours.send_message({"text": "short"}, owner)["message"]
    assert client.create_reminder(message["id"], reader)["reminder"]["message_id"] == message["id"]
    refused(lambda: ours.send_reaction(message["id"], {"type": "like"}, owner), 400, 19)
    refused(lambda: ours.send_message({"text": "far too long here"}, owner), 400, 20)
    theirs.send_message({"text": "far too long here"}, owner)

    ours.update_partial(to_unset=["config_overrides"])
    assert ours.query()["channel"]["config"]["reactions"] is True, "unset: the type's settings again"

    refused(lambda: ours.update_partial({"config_overrides": {"read_events": False}}), 400, 4, "read_events")
    refused(lambda: ours.update_partial({"config_overrides": {"reactions": "no"}}), 400, 4, "reactions must be a boolean")
    refused(lambda: ours.update_partial({"config_overrides": {"blocklist": "no-such-list"}}), 400, 4, "no-such-list")
    answer = user_request(server, owner, "PATCH", f"channels/{kind}/{ours.id}", {"set": {"config_overrides": {"replies": False}}})
    assert (answer.status_code, answer.json()["code"]) == (403, 17), "only server-side, as in Stream"
    ours.update_partial({"config_overrides": {"replies": False}})
    answer = user_request(server, owner, "PATCH", f"channels/{kind}/{ours.id}", {"unset": ["config_overrides"]})
    assert (answer.status_code, answer.json()["code"]) == (403, 17), "dropping them is changing them"
    assert ours.query()["channel"]["config"]["replies"] is False

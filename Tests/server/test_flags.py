"""Flags through the SDK: flag and unflag messages and users, query message flags as Stream's
own SDK tests do, flag reports and their review; who may do each, the events, and refusals."""
import json

import pytest
import websocket

from sdk_support import new_id, refused, user_request as as_user
from test_websocket import connect, next_event


@pytest.fixture
def room(client):
    author, flagger, moderator, outsider = (new_id(p) for p in ("auth", "flg", "mod", "out"))
    client.upsert_users([{"id": author}, {"id": flagger}, {"id": moderator}, {"id": outsider}])
    channel = client.channel("messaging", new_id("flags"), {"members": [author, flagger, moderator]})
    channel.create(author)
    channel.add_moderators([moderator])
    message = channel.send_message({"text": "flag me"}, author)["message"]
    return channel, message, author, flagger, moderator, outsider


def test_flag_and_unflag_a_message(client, room):
    _, message, _, flagger, _, _ = room
    answer = client.flag_message(message["id"], user_id=flagger, reason="spam", custom={"severity": 3})
    flag = answer["flag"]
    assert answer["review_queue_item_id"]
    assert flag["user"]["id"] == flagger and flag["target_message_id"] == message["id"]
    assert flag["reason"] == "spam" and flag["custom"] == {"severity": 3} and flag["created_by_automod"] is False
    assert flag["target_message"]["text"] == "flag me" and flag["created_at"]
    refused(lambda: client.flag_message(message["id"], user_id=flagger), text="flagged by")
    unflagged = client.unflag_message(message["id"], user_id=flagger)
    assert unflagged["flag"]["target_message_id"] == message["id"] and unflagged["flag"]["reason"] == "spam"
    refused(lambda: client.unflag_message(message["id"], user_id=flagger), 404, 16)
    client.flag_message(message["id"], user_id=flagger)  # flagging again after an unflag is a new flag
    refused(lambda: client.flag_message("no-such-message", user_id=flagger), 404, 16)
    refused(lambda: client.flag_message(message["id"], user_id=flagger, details={"x": 1}), text="details is not supported")


def test_query_message_flags_as_streams_sdk_tests_do(client, room):
    channel, message, author, flagger, moderator, _ = room
    client.flag_message(message["id"], user_id=flagger, reason="rude")
    by_channel = client.query_message_flags({"channel_cid": channel.cid})["flags"]
    assert len(by_channel) == 1 and by_channel[0]["message"]["id"] == message["id"] and by_channel[0]["user"]["id"] == flagger
    by_author = client.query_message_flags({"user_id": {"$in": [author]}})["flags"]
    assert [f["message"]["id"] for f in by_author] == [message["id"]]
    assert client.query_message_flags({"user_id": flagger})["flags"] == []
    client.flag_message(message["id"], user_id=moderator)
    assert len(client.query_message_flags({"channel_cid": channel.cid}, limit=1)["flags"]) == 1
    assert len(client.query_message_flags({"channel_cid": channel.cid}, offset=1)["flags"]) == 1
    client.delete_message(message["id"])
    assert client.query_message_flags({"channel_cid": channel.cid})["flags"] == []
    assert len(client.query_message_flags({"channel_cid": channel.cid}, show_deleted_messages=True)["flags"]) == 2
    refused(lambda: client.query_message_flags({"team": "x"}), text="filtering flags by team")
    refused(lambda: client.query_message_flags({}, sort=[{"field": "created_at"}]), text="sort is not supported")
    refused(lambda: client.query_message_flags({}, limit=301), text="limit must be")


def test_flag_a_user(server, client, room):
    _, _, author, flagger, _, _ = room
    ws, _ = connect(server, flagger)
    try:
        answer = client.flag_user(author, user_id=flagger, reason="impersonation")
        assert answer["flag"]["target_user"]["id"] == author and answer["flag"]["reason"] == "impersonation"
        event = next_event(ws, "user.flagged")
        assert event["target_user"]["id"] == author and event["total_flags"] == 1
    finally:
        ws.close()
    client.unflag_user(author, user_id=flagger)
    refused(lambda: client.flag_user(flagger, user_id=flagger), text="cannot flag themselves")
    refused(lambda: client.flag_user("nobody-" + author, user_id=flagger), 404, 16)
    refused(lambda: client.flag_user(author, user_id=flagger, target_message_id="m"), text="either")


def test_who_may_flag_and_read_flags(server, client, room):
    channel, message, author, flagger, moderator, outsider = room
    mine = as_user(server, flagger, "POST", "moderation/flag", {"target_message_id": message["id"]})
    assert mine.status_code == 201
    posing = as_user(server, flagger, "POST", "moderation/flag", {"target_message_id": message["id"], "user_id": author})
    assert posing.status_code == 403
    unseen = as_user(server, outsider, "POST", "moderation/flag", {"target_message_id": message["id"]})
    assert unseen.status_code == 403, "a message one may not read may not be flagged"
    reading = as_user(server, flagger, "GET", "moderation/flags/message", params={"payload": '{"filter_conditions": {}}'})
    assert reading.status_code == 403 and reading.json()["code"] == 17
    client.upsert_user({"id": outsider, "role": "moderator"})
    as_moderator = as_user(server, outsider, "GET", "moderation/flags/message",
                           params={"payload": '{"filter_conditions": {"channel_cid": "%s"}}' % channel.cid})
    assert as_moderator.status_code == 200 and len(as_moderator.json()["flags"]) == 1


def test_message_flagged_reaches_the_channels_moderators_only(server, client, room):
    channel, message, author, flagger, moderator, _ = room
    sockets = {}
    for user in (author, moderator):
        ws, hello = connect(server, user)
        sockets[user] = ws
        client.post(f"channels/messaging/{channel.id}/query", data={"watch": True, "user_id": user},
                    params={"connection_id": hello["connection_id"]})
    try:
        client.flag_message(message["id"], user_id=flagger, reason="spam")
        event = next_event(sockets[moderator], "message.flagged")
        assert event["message"]["id"] == message["id"] and event["user"]["id"] == flagger and event["total_flags"] == 1
        assert event["cid"] == channel.cid and event["reason"] == "spam"
        seen = []
        sockets[author].settimeout(1)
        try:
            while True:
                seen.append(json.loads(sockets[author].recv())["type"])
        except websocket.WebSocketTimeoutException:
            pass
        assert "message.flagged" not in seen, "the author is not told who flagged them"
    finally:
        for ws in sockets.values():
            ws.close()


def test_flag_reports_and_their_review(client, room):
    channel, message, author, flagger, moderator, _ = room
    client.flag_message(message["id"], user_id=flagger, reason="spam")
    client.flag_message(message["id"], user_id=moderator)
    reports = client._query_flag_reports(message_id=message["id"])["flag_reports"]
    assert len(reports) == 1 and reports[0]["message"]["id"] == message["id"] and reports[0]["flags_count"] == 2
    report = client._review_flag_report(reports[0]["id"], "reviewed", moderator, custom="reason_a", note="ok")["flag_report"]
    assert report["id"] == reports[0]["id"] and report["message"]["id"] == message["id"]
    assert report["review_result"] == "reviewed" and report["review_details"] == {"custom": "reason_a", "note": "ok"}
    assert report["reviewed_by"]["id"] == moderator and report["reviewed_at"]
    flags = client.query_message_flags({"message_id": message["id"]})["flags"]
    assert {f["review_result"] for f in flags} == {"reviewed"}
    refused(lambda: client._review_flag_report("no-such-report", "reviewed", moderator), 404, 16)
    refused(lambda: client._review_flag_report(reports[0]["id"], "", moderator), text="review_result")
    assert client._query_flag_reports(message_id="nothing-flagged")["flag_reports"] == []

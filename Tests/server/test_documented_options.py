"""Per route, the request options Stream documents (its OpenAPI request schemas, as the
reference lists them), each sent through the SDK (or as the SDK's own request would carry it)
and checked: it has its effect, or it is refused in Stream's error shape (400, code 4, naming
the option). None is accepted and ignored. Options that need nothing here (`skip_push`:
nothing is pushed; `skip_enrich_url`: nothing is enriched) are accepted, and the call's own
effect is checked. Routes tested at length elsewhere keep only their option rows here."""
import json
import types
import uuid

import pytest
from stream_chat.base.exceptions import StreamAPIException

from test_websocket import connect, next_event, rest

REFUSED = "refused"


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def w(client, server):
    """Three users (named so that owner < member < third by name), two channels they share,
    three messages and a thread in the first."""
    owner, member, third = new_id("opt-a"), new_id("opt-b"), new_id("opt-c")
    client.upsert_users([{"id": owner, "name": "A " + owner}, {"id": member, "name": "B " + member},
                         {"id": third, "name": "C " + third}])
    channel = client.channel("messaging", new_id("first"), {"members": [owner, member, third]})
    channel.create(owner)
    other = client.channel("messaging", new_id("second"), {"members": [owner, member]})
    other.create(owner)
    sent = [channel.send_message({"text": f"message {n}"}, owner)["message"] for n in range(3)]
    channel.send_message({"text": "a reply", "parent_id": sent[0]["id"]}, member)
    channel.send_message({"text": "another reply", "parent_id": sent[0]["id"]}, third)
    sockets = []
    yield types.SimpleNamespace(client=client, server=server, owner=owner, member=member, third=third, channel=channel,
                                other=other, sent=sent, sockets=sockets)
    for ws in sockets:
        ws.close()


def socket(w, user):
    ws, hello = connect(w.server, user)
    w.sockets.append(ws)
    return ws, hello["connection_id"]


def cids(answer):
    return [c["channel"]["cid"] for c in answer["channels"]]


def created_hidden_for_creator(w):
    """A new channel of the owner and the member, which the owner creates hidden for itself."""
    channel = w.client.channel("messaging", new_id("hidden"), {"members": [w.owner, w.member]})
    channel.create(w.owner, hide_for_creator=True)
    return channel.cid


def listed_for(w, cid, user):
    return cids(w.client.query_channels({"cid": cid}, user_id=user)) == [cid]


def first_state(w, answer):
    return next(c for c in answer["channels"] if c["channel"]["cid"] == w.channel.cid)


def watching(w, path, body, option, joining):
    """A query (`path`, `body`) with `watch` or `presence` for the owner's socket; whether the
    event it subscribes to arrives: a member's message, or `joining` connecting."""
    ws, connection = socket(w, w.owner)
    rest(w.server, w.owner, "POST", path, {**body, option: True}, params={"connection_id": connection})
    # On PostgreSQL events travel through the log: the fixture's own messages, or the owner's
    # coming online, may still arrive after subscribing, so read on to the one this call causes.
    if option == "watch":
        w.channel.send_message({"text": "to watchers"}, w.member)
        return arrives(ws, "message.new", lambda event: event["message"]["text"] == "to watchers")
    socket(w, joining)
    return arrives(ws, "user.presence.changed", lambda event: event["user"]["id"] == joining)


def arrives(ws, event_type, wanted, tries=20):
    """Whether an event of `event_type` that `wanted` accepts arrives among the next `tries` of that type."""
    return any(wanted(next_event(ws, event_type)) for _ in range(tries))


def query_channels_watching(w, option):
    return watching(w, "channels", {"filter_conditions": {"cid": w.channel.cid}}, option, w.third)


def channel_query_watching(w, option):
    return watching(w, f"channels/messaging/{w.channel.id}/query", {}, option, w.member)


def query_users_presence(w):
    ws, connection = socket(w, w.owner)
    rest(w.server, w.owner, "GET", "users",
         params={"payload": json.dumps({"filter_conditions": {"id": w.third}, "presence": True, "connection_id": connection})})
    socket(w, w.third)
    return next_event(ws, "user.presence.changed")["user"]["id"] == w.third


def send(w, **options):
    return w.channel.send_message({"text": "optioned https://example.com"}, w.owner, **options)


def banned(w):
    return w.client.query_banned_users({"filter_conditions": {"user_id": w.member}})["bans"]


def ban(w, **options):
    w.client.ban_user(w.member, user_id=w.owner, **options)
    return banned(w)


def reaction(w, **options):
    return w.client.post(f"messages/{w.sent[0]['id']}/reaction", data={"reaction": {"type": "like", "user_id": w.member}, **options})


ROWS = [
    # query_channels (POST /channels)
    ("QueryChannels", "limit", lambda w: w.client.query_channels({"members": {"$in": [w.owner]}}, limit=1),
     lambda w, a: len(a["channels"]) == 1),
    ("QueryChannels", "offset", lambda w: w.client.query_channels({"members": {"$in": [w.owner]}}, [{"field": "created_at", "direction": 1}], offset=1),
     lambda w, a: cids(a) == [w.other.cid]),
    ("QueryChannels", "sort", lambda w: w.client.query_channels({"members": {"$in": [w.owner]}}, [{"field": "created_at", "direction": 1}]),
     lambda w, a: cids(a) == [w.channel.cid, w.other.cid]),
    ("QueryChannels", "message_limit", lambda w: w.client.query_channels({"cid": w.channel.cid}, message_limit=1),
     lambda w, a: [m["text"] for m in first_state(w, a)["messages"]] == ["message 2"]),
    ("QueryChannels", "member_limit", lambda w: w.client.query_channels({"cid": w.channel.cid}, member_limit=1),
     lambda w, a: [m["user_id"] for m in first_state(w, a)["members"]] == [w.owner] and first_state(w, a)["channel"]["member_count"] == 3),
    ("QueryChannels", "user_id", lambda w: (w.other.hide(w.owner), w.client.query_channels({"members": {"$in": [w.owner]}}, user_id=w.owner))[1],
     lambda w, a: cids(a) == [w.channel.cid]),
    ("QueryChannels", "state", lambda w: w.client.query_channels({"cid": w.channel.cid}, state=True),
     lambda w, a: len(first_state(w, a)["members"]) == 3),
    ("QueryChannels", "watch", lambda w: query_channels_watching(w, "watch"), lambda w, a: a),
    ("QueryChannels", "presence", lambda w: query_channels_watching(w, "presence"), lambda w, a: a),
    # channel.query / create (POST /channels/{type}/{id}/query)
    ("GetOrCreateChannel", "messages", lambda w: w.channel.query(messages={"limit": 1}),
     lambda w, a: [m["text"] for m in a["messages"]] == ["message 2"]),
    ("GetOrCreateChannel", "members", lambda w: w.channel.query(members={"limit": 1, "offset": 1}),
     lambda w, a: [m["user_id"] for m in a["members"]] == [w.member]),
    ("GetOrCreateChannel", "watch", lambda w: channel_query_watching(w, "watch"), lambda w, a: a),
    ("GetOrCreateChannel", "presence", lambda w: channel_query_watching(w, "presence"), lambda w, a: a),
    ("GetOrCreateChannel", "watchers", lambda w: w.channel.query(watchers={"limit": 5}), REFUSED),
    ("GetOrCreateChannel", "hide_for_creator", created_hidden_for_creator,
     lambda w, cid: not listed_for(w, cid, w.owner) and listed_for(w, cid, w.member)),
    ("GetOrCreateChannel", "thread_unread_counts", lambda w: w.channel.query(thread_unread_counts=True), REFUSED),
    # send_message (POST /channels/{type}/{id}/message)
    ("SendMessage", "pending", lambda w: send(w, pending=True),
     lambda w, a: a["pending_message_metadata"] == {} and w.client.commit_message(a["message"]["id"])["message"]["id"] == a["message"]["id"]),
    ("SendMessage", "pending_message_metadata", lambda w: send(w, pending=True, pending_message_metadata={"k": "v"}),
     lambda w, a: a["pending_message_metadata"] == {"k": "v"}),
    ("SendMessage", "keep_channel_hidden", lambda w: send(w, keep_channel_hidden=True), REFUSED),
    # force_moderation puts a server's send through the type's block list (test_blocklists); messaging has none.
    ("SendMessage", "force_moderation", lambda w: send(w, force_moderation=True),
     lambda w, a: w.client.get_message(a["message"]["id"])["message"]["type"] == "regular"),
    ("SendMessage", "skip_push", lambda w: send(w, skip_push=True), lambda w, a: w.client.get_message(a["message"]["id"])["message"]["text"] == "optioned https://example.com"),
    ("SendMessage", "skip_enrich_url", lambda w: send(w, skip_enrich_url=True), lambda w, a: a["message"]["attachments"] == []),
    # update_message (POST /messages/{id}) and update_message_partial (PUT /messages/{id})
    ("UpdateMessage", "skip_enrich_url", lambda w: w.client.post(f"messages/{w.sent[1]['id']}", data={"message": {"text": "edited", "user_id": w.owner}, "skip_enrich_url": True}),
     lambda w, a: w.client.get_message(w.sent[1]["id"])["message"]["text"] == "edited"),
    ("UpdateMessagePartial", "skip_enrich_url", lambda w: w.client.update_message_partial(w.sent[1]["id"], {"set": {"text": "partly"}}, w.owner, skip_enrich_url=True),
     lambda w, a: w.client.get_message(w.sent[1]["id"])["message"]["text"] == "partly"),
    # send_reaction (POST /messages/{id}/reaction)
    ("SendReaction", "enforce_unique", lambda w: reaction(w, enforce_unique=True), REFUSED),
    ("SendReaction", "skip_push", lambda w: reaction(w, skip_push=True), lambda w, a: a["message"]["reaction_counts"] == {"like": 1}),
    # delete_message (DELETE /messages/{id})
    ("DeleteMessage", "hard", lambda w: w.client.delete_message(w.sent[2]["id"], hard=True),
     lambda w, a: a["message"]["type"] == "deleted" and w.sent[2]["id"] not in [m["id"] for m in w.channel.query()["messages"]]),
    ("DeleteMessage", "delete_for_me", lambda w: w.client.delete_message(w.sent[2]["id"], delete_for_me=True, deleted_by=w.member),
     lambda w, a: w.client.get_message(w.sent[2]["id"])["message"]["type"] == "regular"),
    # mark_read (POST /channels/{type}/{id}/read), hide (POST /channels/{type}/{id}/hide)
    ("MarkRead", "message_id", lambda w: w.channel.mark_read(w.member, message_id=w.sent[0]["id"]),
     lambda w, a: a["event"]["last_read_message_id"] == w.sent[0]["id"]),
    ("MarkRead", "thread_id", lambda w: w.channel.mark_read(w.owner, thread_id=w.sent[0]["id"]),
     lambda w, a: w.client.unread_counts(w.owner)["total_unread_threads_count"] == 0),
    ("HideChannel", "clear_history", lambda w: w.client.post(f"channels/messaging/{w.channel.id}/hide", data={"user_id": w.owner, "clear_history": True}), REFUSED),
    # moderation: ban (POST /moderation/ban), mute user and channel
    ("BanUser", "timeout", lambda w: ban(w, timeout=60), lambda w, a: a[0]["expires"] is not None),
    ("BanUser", "reason", lambda w: ban(w, reason="spam"), lambda w, a: a[0]["reason"] == "spam"),
    ("BanUser", "shadow", lambda w: (ban(w, shadow=True), w.channel.send_message({"text": "shadowed?"}, w.member)["message"])[1],
     lambda w, a: w.client.get_message(a["id"])["message"]["shadowed"] is True),
    ("BanUser", "ip_ban", lambda w: ban(w, ip_ban=True), REFUSED),
    ("BanUser", "delete_messages", lambda w: ban(w, delete_messages="soft"), REFUSED),
    ("MuteUser", "timeout", lambda w: w.client.mute_user(w.member, w.owner, timeout=10), lambda w, a: a["mute"]["expires"] is not None),
    ("MuteChannel", "expiration", lambda w: w.channel.mute(w.owner, expiration=60000), lambda w, a: a["channel_mute"]["expires"] is not None),
    # query_users (GET /users)
    ("QueryUsers", "limit", lambda w: w.client.query_users({"id": {"$in": [w.owner, w.member, w.third]}}, limit=2), lambda w, a: len(a["users"]) == 2),
    ("QueryUsers", "offset", lambda w: w.client.query_users({"id": {"$in": [w.owner, w.member, w.third]}}, [{"field": "id", "direction": 1}], offset=2),
     lambda w, a: [u["id"] for u in a["users"]] == [w.third]),
    ("QueryUsers", "sort", lambda w: w.client.query_users({"id": {"$in": [w.owner, w.member]}}, [{"field": "name", "direction": -1}]),
     lambda w, a: [u["id"] for u in a["users"]] == [w.member, w.owner]),
    ("QueryUsers", "include_deactivated_users", lambda w: (w.client.deactivate_user(w.third), w.client.query_users({"id": w.third}, include_deactivated_users=True))[1],
     lambda w, a: [u["id"] for u in a["users"]] == [w.third] and w.client.query_users({"id": w.third})["users"] == []),
    ("QueryUsers", "presence", query_users_presence, lambda w, a: a),
    # query_threads (POST /threads)
    ("QueryThreads", "limit", lambda w: w.client.query_threads({}, user_id=w.owner, limit=1), lambda w, a: len(a["threads"]) == 1),
    ("QueryThreads", "reply_limit", lambda w: w.client.query_threads({}, user_id=w.owner, reply_limit=1),
     lambda w, a: [r["text"] for r in a["threads"][0]["latest_replies"]] == ["another reply"]),
    ("QueryThreads", "participant_limit", lambda w: w.client.query_threads({}, user_id=w.owner, participant_limit=1),
     lambda w, a: len(a["threads"][0]["thread_participants"]) == 1 and a["threads"][0]["participant_count"] == 3),
    ("QueryThreads", "member_limit", lambda w: w.client.query_threads({}, user_id=w.owner, member_limit=2),
     lambda w, a: len(a["threads"][0]["channel"]["members"]) == 2),
    # query_members (GET /members)
    ("QueryMembers", "limit", lambda w: w.channel.query_members({}, [{"field": "user_id", "direction": 1}], limit=1), lambda w, a: len(a) == 1),
    ("QueryMembers", "offset", lambda w: w.channel.query_members({}, [{"field": "user_id", "direction": 1}], offset=2),
     lambda w, a: [m["user_id"] for m in a] == [w.third]),
    ("QueryMembers", "sort", lambda w: w.channel.query_members({}, [{"field": "user_id", "direction": -1}]),
     lambda w, a: [m["user_id"] for m in a] == [w.third, w.member, w.owner]),
    ("QueryMembers", "user_id_gt", lambda w: w.channel.query_members({}, [{"field": "user_id", "direction": 1}], user_id_gt=w.member),
     lambda w, a: [m["user_id"] for m in a] == [w.third]),
    ("QueryMembers", "created_at_before", lambda w: w.channel.query_members({}, created_at_before="2000-01-01T00:00:00Z"),
     lambda w, a: a == []),
    # search (GET /search)
    ("Search", "limit", lambda w: w.client.search({"cid": w.channel.cid}, "message", limit=2), lambda w, a: len(a["results"]) == 2 and a["next"]),
    ("Search", "offset", lambda w: w.client.search({"cid": w.channel.cid}, "message", limit=2, offset=2), lambda w, a: len(a["results"]) == 1),
    ("Search", "sort", lambda w: w.client.search({"cid": w.channel.cid}, "message", [{"field": "created_at", "direction": 1}]),
     lambda w, a: [r["message"]["text"] for r in a["results"]] == ["message 0", "message 1", "message 2"]),
    # truncate (POST /channels/{type}/{id}/truncate)
    ("TruncateChannel", "message", lambda w: w.channel.truncate(message={"text": "truncated", "user_id": w.owner}),
     lambda w, a: [m["text"] for m in w.channel.query()["messages"]] == ["truncated"]),
    ("TruncateChannel", "skip_push", lambda w: w.channel.truncate(skip_push=True), lambda w, a: w.channel.query()["messages"] == []),
    # batch deactivate / reactivate (POST /users/deactivate, /users/reactivate)
    ("DeactivateUsers", "mark_messages_deleted", lambda w: w.client.deactivate_users([w.owner], mark_messages_deleted=True),
     lambda w, a: w.client.get_message(w.sent[0]["id"])["message"]["type"] == "deleted"),
    ("DeactivateUsers", "mark_channels_deleted", lambda w: w.client.deactivate_users([w.owner], mark_channels_deleted=True), REFUSED),
    ("ReactivateUsers", "restore_channels", lambda w: (w.client.deactivate_users([w.owner]), w.client.post("users/reactivate", data={"user_ids": [w.owner], "restore_channels": True}))[1], REFUSED),
    # update channel (POST /channels/{type}/{id})
    ("UpdateChannel", "hide_history", lambda w: w.channel.add_members([w.third], hide_history=True), REFUSED),
]


@pytest.mark.parametrize("route, option, call, check", ROWS, ids=[f"{r}.{o}" for r, o, _, _ in ROWS])
def test_each_documented_option_has_its_effect_or_is_refused(w, route, option, call, check):
    if check is REFUSED:
        with pytest.raises(StreamAPIException) as raised:
            call(w)
        assert (raised.value.status_code, raised.value.error_code) == (400, 4), raised.value.error_message
        assert option in raised.value.error_message, raised.value.error_message
    else:
        assert check(w, call(w)), f"{route} {option}: no effect"

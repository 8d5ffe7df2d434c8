"""Who may call what: every route refuses bad credentials, each role gets Stream's default
grants per channel type, `restricted_visibility` holds on every read path and event, and no
log line carries a secret or a token."""
import glob
import json
import os
import re
import subprocess
import time
import urllib.parse
import uuid

import pytest
import requests
import websocket

from conftest import ROOT, start_server
from test_auth_and_errors import assert_stream_error, b64, call
from test_channels_messages import as_user
from test_websocket import connect, next_event, rest


def routes():
    """Every route the server registers, read from its sources so a new one cannot be missed."""
    found = set()
    for path in glob.glob(os.path.join(ROOT, "Sources", "ChatServer", "**", "*.swift"), recursive=True):
        with open(path, encoding="utf-8") as source:
            found |= set(re.findall(r'router\.(get|post|put|patch|delete|ws)\("([^"]+)"', source.read()))
    return sorted(found)


def concrete(path):
    return re.sub(r":(\w+)", lambda m: {"type": "messaging", "id": "x", "name": "messaging"}.get(m.group(1), "x"), path)


def test_the_route_list_is_read_from_the_sources():
    listed = routes()
    assert ("post", "channels/:type/:id/message") in listed and ("get", "search") in listed
    assert len(listed) > 40, listed


# A pre-signed upload URL is its own credential (one use, random token in the path), as is an
# uploaded file's URL (an unguessable id, as on Stream's CDN; tested in test_files), and the
# WebSocket authenticates in its query string (tested in test_websocket).
AUTHENTICATED = [r for r in routes() if not r[1].startswith(("uploads/", "files/")) and r[0] != "ws" and r[1] != "connect"]


@pytest.mark.parametrize("method,path", AUTHENTICATED, ids=[f"{m} {p}" for m, p in AUTHENTICATED])
def test_every_route_refuses_bad_credentials(server, method, path):
    url = concrete(path)
    client = server.client()
    now = int(time.time())
    cases = {
        "no token": (dict(token=""), 401, 5),
        "wrong api key": (dict(api_key="not-the-key"), 401, 2),
        "bad signature": (dict(token=client.create_token("alice")[:-4] + "AAAA"), 401, 43),
        "alg none": (dict(token=f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64({'server': True})}."), 401, 5),
        "expired": (dict(token=client.create_token("alice", exp=now - 60)), 401, 40),
        "not yet valid": (dict(token=client.create_token("alice", iat=now + 3600)), 401, 42),
    }
    for name, (credentials, status, code) in cases.items():
        response = call(server, method.upper(), url, body={}, **credentials)
        assert response.status_code == status and response.json()["code"] == code, f"{name}: {response.status_code} {response.text}"


def test_a_presigned_upload_with_a_made_up_token_is_refused_and_stores_nothing(server):
    response = requests.put(f"{server.url}/uploads/not-a-real-token/import.json", data=b"{}", timeout=10)
    assert response.status_code in (403, 404), response.text
    assert {"code", "message", "StatusCode"} <= set(response.json())


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def cast(client):
    """Users with each role: a member, a channel moderator, an outsider, an app admin and moderator, a guest."""
    people = {name: new_id(name) for name in ("owner", "member", "chanmod", "outsider", "admin", "appmod", "guest")}
    client.upsert_users([{"id": people["admin"], "role": "admin"}, {"id": people["appmod"], "role": "moderator"},
                         {"id": people["guest"], "role": "guest"}]
                        + [{"id": people[n]} for n in ("owner", "member", "chanmod", "outsider")])
    return people


def grants(server, client, people, channel_type):
    """What each role may do in a channel of `channel_type`: a dict role -> action -> allowed."""
    channel = client.channel(channel_type, new_id(channel_type), {"members": [people["owner"], people["member"], people["chanmod"]]})
    channel.create(people["owner"])
    channel.add_moderators([people["chanmod"]])
    path = f"channels/{channel_type}/{channel.id}"
    results = {}
    for role, user in people.items():
        if role == "owner":
            continue
        others = client.channel(channel_type, channel.id).send_message({"text": f"by the owner, for {role}"}, people["owner"])["message"]["id"]
        target = new_id("target")
        client.upsert_user({"id": target})
        client.channel(channel_type, channel.id).add_members([target])
        outcome = {
            "read": as_user(server, user, "POST", f"{path}/query", {"state": True}),
            "send": as_user(server, user, "POST", f"{path}/message", {"message": {"text": f"{role} speaks"}}),
            "edit others'": as_user(server, user, "POST", f"messages/{others}", {"message": {"text": f"edited by {role}"}}),
            "delete others'": as_user(server, user, "DELETE", f"messages/{others}", {}),
            "ban": as_user(server, user, "POST", f"{path}/message", {"message": {"text": f"/ban @{target} spam"}}),
            "update channel": as_user(server, user, "POST", path, {"data": {"color": role}}),
        }
        for action, response in outcome.items():
            assert response.status_code < 300 or response.json()["code"] in (17, 4), f"{role} {action}: {response.text}"
        results[role] = {action: response.status_code < 300 and "error" not in (response.json().get("message") or {}).get("type", "")
                         for action, response in outcome.items()}
        banned = client.query_banned_users({"filter_conditions": {"channel_cid": f"{channel_type}:{channel.id}", "user_id": target}})["bans"]
        results[role]["ban"] = bool(banned)
    return results


STAFF = {"read": True, "send": True, "edit others'": True, "delete others'": True, "ban": True, "update channel": True}
NOTHING = {"read": False, "send": False, "edit others'": False, "delete others'": False, "ban": False, "update channel": False}
MEMBER = {**NOTHING, "read": True, "send": True}


def test_messaging_grants_per_role(server, client, cast):
    assert grants(server, client, cast, "messaging") == {
        "member": MEMBER, "chanmod": STAFF, "outsider": NOTHING, "admin": STAFF, "appmod": STAFF, "guest": NOTHING,
    }


def test_team_grants_per_role_are_messagings(server, client, cast):
    assert grants(server, client, cast, "team") == {
        "member": MEMBER, "chanmod": STAFF, "outsider": NOTHING, "admin": STAFF, "appmod": STAFF, "guest": NOTHING,
    }


@pytest.mark.parametrize("channel_type", ["commerce", "gaming"])
def test_commerce_and_gaming_channels_follow_messagings_grants_once_they_exist(server, client, cast, channel_type):
    assert grants(server, client, cast, channel_type) == {
        "member": MEMBER, "chanmod": STAFF, "outsider": NOTHING, "admin": STAFF, "appmod": STAFF, "guest": NOTHING,
    }


def test_only_admins_create_gaming_channels(server, client, cast):
    for role, allowed in (("member", False), ("appmod", False), ("admin", True)):
        response = as_user(server, cast[role], "POST", f"channels/gaming/{new_id('game')}/query", {"data": {"members": [cast[role]]}})
        if allowed:
            assert response.status_code == 201, response.text
        else:
            assert_stream_error(response, 403, 17)
    # A messaging channel any user may create.
    assert as_user(server, cast["member"], "POST", f"channels/messaging/{new_id('chat')}/query", {"data": {"members": [cast["member"]]}}).status_code == 201


def test_livestream_grants_per_role(server, client, cast):
    # Anyone may read and write a livestream; guests only read.
    anyone = {**NOTHING, "read": True, "send": True}
    assert grants(server, client, cast, "livestream") == {
        "member": anyone, "chanmod": STAFF, "outsider": anyone, "admin": STAFF, "appmod": STAFF, "guest": {**NOTHING, "read": True},
    }


def test_each_denial_gives_its_rules_reason(server, client, cast):
    """The access rules live in one place on the server: each refusal keeps Stream's 403 / 17 and its own reason."""
    owner, member, outsider, guest = cast["owner"], cast["member"], cast["outsider"], cast["guest"]
    channel = client.channel("messaging", new_id("why"), {"members": [owner, member]})
    channel.create(owner)
    path = f"channels/messaging/{channel.id}"
    mid = channel.send_message({"text": "the owner's"}, owner)["message"]["id"]
    live = client.channel("livestream", new_id("live"))
    live.create(owner)
    frozen = client.channel("messaging", new_id("frozen"), {"members": [owner, member], "frozen": True})
    frozen.create(owner)
    banned = client.channel("messaging", new_id("banned"), {"members": [owner, member]})
    banned.create(owner)
    banned.ban_user(member, user_id=owner)
    hello = {"message": {"text": "hello"}}
    denials = [
        (as_user(server, outsider, "POST", f"{path}/message", hello),
         f'SendMessage failed with error: "user {outsider} is not a member of channel messaging:{channel.id}"'),
        (as_user(server, guest, "POST", f"channels/livestream/{live.id}/message", hello),
         f'SendMessage failed with error: "user {guest} with role guest may only read channel livestream:{live.id}"'),
        (as_user(server, member, "POST", f"channels/messaging/{frozen.id}/message", hello),
         f'SendMessage failed with error: "channel messaging:{frozen.id} is frozen"'),
        (as_user(server, member, "POST", f"channels/messaging/{banned.id}/message", hello),
         f'SendMessage failed with error: "user {member} is banned from channel messaging:{banned.id}"'),
        (as_user(server, member, "POST", f"{path}/message", {"message": {"text": "hello", "user_id": outsider}}),
         f'SendMessage failed with error: "user {member} cannot act as {outsider}"'),
        (as_user(server, member, "POST", path, {"data": {"color": "red"}}),
         f'UpdateChannel failed with error: "user {member} is not a moderator of channel messaging:{channel.id}"'),
        (as_user(server, member, "POST", f"messages/{mid}", {"message": {"text": "mine now"}}),
         f'UpdateMessage failed with error: "user {member} cannot edit a message of {owner}"'),
        (as_user(server, member, "DELETE", f"messages/{mid}", {}),
         f'DeleteMessage failed with error: "user {member} cannot delete a message of {owner}"'),
        (as_user(server, member, "POST", f"channels/gaming/{new_id('game')}/query", {"data": {"members": [member]}}),
         'GetOrCreateChannel failed with error: "only admins may create gaming channels"'),
        (as_user(server, member, "POST", "moderation/ban", {"target_user_id": outsider}),
         'BanUser failed with error: "banning needs a server token or a moderator\'s /ban command"'),
        (as_user(server, member, "POST", "channeltypes", {"name": "nope"}),
         'CreateChannelType failed with error: "changing channel types needs a server token"'),
        (as_user(server, member, "POST", "import_urls", {"filename": "x.json"}),
         'CreateImportURL failed with error: "imports need a server token"'),
        (as_user(server, member, "DELETE", f"users/{outsider}", {}),
         'DeleteUser failed with error: "users can only be deleted server-side"'),
        (as_user(server, member, "POST", "users", {"users": {outsider: {"id": outsider}}}),
         f'UpdateUsers failed with error: "user {member} may only update itself"'),
        (as_user(server, member, "POST", "users", {"users": {member: {"id": member, "role": "admin"}}}),
         'UpdateUsers failed with error: "role and teams can only be changed server-side"'),
    ]
    for response, reason in denials:
        assert_stream_error(response, 403, 17)
        assert response.json()["message"] == reason


@pytest.fixture
def secret_message(client):
    """In a channel of four, a message only alice (and its author, dan) may see, with a reply."""
    alice, bob, carol, dan = (new_id(n) for n in ("alice", "bob", "carol", "dan"))
    client.upsert_users([{"id": u} for u in (alice, bob, carol, dan)])
    channel = client.channel("messaging", new_id("rv"), {"members": [alice, bob, carol, dan]})
    channel.create(dan)
    for user in (alice, bob):
        channel.mark_read(user)
    marker = new_id("needle")
    hidden = channel.send_message({"text": f"for alice only {marker}", "restricted_visibility": [alice]}, dan)["message"]
    reply = channel.send_message({"text": f"public reply {marker}", "parent_id": hidden["id"]}, dan)["message"]
    return channel, alice, bob, dan, hidden, reply, marker


def test_restricted_visibility_holds_on_every_read_path(server, client, secret_message):
    channel, alice, bob, dan, hidden, reply, marker = secret_message
    path = f"channels/messaging/{channel.id}"
    for user, sees in ((alice, True), (dan, True), (bob, False)):
        state = as_user(server, user, "POST", f"{path}/query", {"state": True, "messages": {"limit": 50}}).json()
        assert (hidden["id"] in [m["id"] for m in state["messages"]]) is sees, user
        one = as_user(server, user, "GET", f"messages/{hidden['id']}", {})
        assert (one.status_code == 200) is sees, (user, one.text)
        replies = as_user(server, user, "GET", f"messages/{hidden['id']}/replies", {})
        assert (replies.status_code == 200 and reply["id"] in [m["id"] for m in replies.json()["messages"]]) is sees, (user, replies.text)
        found = as_user(server, user, "GET", "search?payload=" + urllib.parse.quote(json.dumps(
            {"filter_conditions": {"cid": f"messaging:{channel.id}"}, "query": marker})), {}).json()
        ids = [r["message"]["id"] for r in found["results"]]
        assert (hidden["id"] in ids) is sees, (user, found)
        react = as_user(server, user, "POST", f"messages/{hidden['id']}/reaction", {"reaction": {"type": "like"}})
        assert (react.status_code < 300) is sees, (user, react.text)
    counts = {user: as_user(server, user, "GET", "unread", {}).json()["total_unread_count"] for user in (alice, bob)}
    assert counts == {alice: 1, bob: 0}, counts
    # The server token sees everything.
    assert client.get_message(hidden["id"])["message"]["id"] == hidden["id"]


def test_restricted_messages_reach_only_their_audience_over_the_websocket(server, client):
    alice, bob, dan = (new_id(n) for n in ("alice", "bob", "dan"))
    client.upsert_users([{"id": u} for u in (alice, bob, dan)])
    channel = client.channel("messaging", new_id("rvws"), {"members": [alice, bob, dan]})
    channel.create(dan)
    sockets = {}
    for user in (alice, bob):
        ws, hello = connect(server, user)
        rest(server, user, "POST", f"channels/messaging/{channel.id}/query", {"watch": True}, params={"connection_id": hello["connection_id"]})
        sockets[user] = ws
    try:
        channel.send_message({"text": "for alice", "restricted_visibility": [alice]}, dan)
        channel.send_message({"text": "for everyone"}, dan)
        assert next_event(sockets[alice], "message.new")["message"]["text"] == "for alice"
        assert next_event(sockets[bob], "message.new")["message"]["text"] == "for everyone", "bob never hears of alice's message"
    finally:
        for ws in sockets.values():
            ws.close()


def test_no_secret_or_token_in_any_log_line():
    for server in start_server(capture_stderr=True):
        client = server.client()
        client.upsert_user({"id": "logged"})
        token = client.create_token("logged")
        as_user(server, "logged", "GET", "users?payload=" + urllib.parse.quote(json.dumps({"filter_conditions": {"id": "logged"}})), {})
        call(server, "GET", "app", token=token[:-3] + "xyz")
        call(server, "GET", "no/such/route", token=token)
        ws, _ = connect(server, "logged", token=token)
        ws.close()
        server.process.terminate()
        out, err = server.process.communicate(timeout=10)
        lines = (out + err).splitlines()
        assert lines, "the server logs something"
        for line in lines:
            assert token not in line and token.split(".")[2] not in line, line
        for line in lines:
            assert server.secret not in line, line

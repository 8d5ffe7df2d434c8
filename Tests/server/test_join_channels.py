"""Joining channels one is not in: `query_channels` with `joined: false` lists the team and
livestream channels a user may join (never another type's), and a user may add only
themselves to such a channel (Stream's join grant); the client's `/join` uses both."""
import uuid

from test_channels_messages import as_user


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def listed(server, user, conditions):
    answer = as_user(server, user, "POST", "channels", {"filter_conditions": conditions, "state": True, "limit": 30})
    assert answer.status_code == 200, answer.text
    return {c["channel"]["cid"]: c["channel"].get("member_count") for c in answer.json()["channels"]}


def test_a_user_lists_and_joins_team_and_livestream_channels_only(server, client):
    owner, joiner, other = new_id("owner"), new_id("joiner"), new_id("other")
    client.upsert_users([{"id": owner}, {"id": joiner}, {"id": other}])
    team, live, private = new_id("team"), new_id("live"), new_id("dm")
    client.channel("team", team, {"members": [owner, other]}).create(owner)
    client.channel("livestream", live, {"members": [owner]}).create(owner)
    client.channel("messaging", private, {"members": [owner]}).create(owner)
    cids = [f"team:{team}", f"livestream:{live}", f"messaging:{private}"]

    # Not joined: the joinable ones, with their member counts; a messaging channel never.
    assert listed(server, joiner, {"cid": {"$in": cids}, "joined": False}) == {f"team:{team}": 2, f"livestream:{live}": 1}
    assert listed(server, joiner, {"cid": {"$in": cids}, "type": "messaging", "joined": False}) == {}
    assert listed(server, joiner, {"cid": {"$in": cids}, "joined": True}) == {}
    assert listed(server, owner, {"cid": {"$in": cids}, "joined": False}) == {}, "the owner is in all of them"

    # Joining: adding oneself, and nobody else, to a joinable channel.
    answer = as_user(server, joiner, "POST", f"channels/team/{team}", {"add_members": [joiner]})
    assert answer.status_code == 201, answer.text
    assert joiner in [m["user_id"] for m in answer.json()["members"]]
    assert listed(server, joiner, {"cid": {"$in": cids}, "joined": False}) == {f"livestream:{live}": 1}
    assert listed(server, joiner, {"cid": {"$in": cids}, "joined": True}) == {f"team:{team}": 3}

    for path, body in [
        (f"channels/messaging/{private}", {"add_members": [joiner]}),  # not a joinable type
        (f"channels/livestream/{live}", {"add_members": [other]}),  # someone else
        (f"channels/livestream/{live}", {"add_members": [joiner], "data": {"name": "mine now"}}),  # more than joining
    ]:
        refused = as_user(server, joiner, "POST", path, body)
        assert refused.status_code == 403 and refused.json()["code"] == 17, f"{path} {body}: {refused.text}"
    assert [m["user_id"] for m in client.channel("messaging", private).query(members={"limit": 10})["members"]] == [owner]


def test_joined_needs_a_user_and_a_boolean(server):
    server_side = server.client()
    try:
        server_side.query_channels({"joined": False})
        raise AssertionError("a server call without a user has no membership to filter by")
    except Exception as error:  # the SDK raises StreamAPIException
        assert "joined needs a user" in str(error), error
    answer = as_user(server, new_id("u"), "POST", "channels", {"filter_conditions": {"joined": "no"}})
    assert answer.status_code == 400 and "joined takes true or false" in answer.text, answer.text

"""Auth and bad input: each gets Stream's error shape and status, and the server stays up."""
import base64
import json
import time

import pytest
import requests
from stream_chat import StreamChat
from stream_chat.base.exceptions import StreamAPIException

ERROR_KEYS = {"code", "message", "StatusCode", "duration", "more_info", "details"}


def call(server, method, path, token=None, api_key=None, body=None, raw=None, headers=None):
    all_headers = {"Authorization": token if token is not None else server.client().auth_token, "stream-auth-type": "jwt",
                   "Content-Type": "application/json"}
    all_headers.update(headers or {})
    data = raw if raw is not None else (json.dumps(body) if body is not None else None)
    return requests.request(method, f"{server.url}/{path}", params={"api_key": api_key or server.key}, headers=all_headers, data=data, timeout=10)


def assert_stream_error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert ERROR_KEYS <= set(body), body
    assert body["code"] == code, body
    assert body["StatusCode"] == status


def b64(data):
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_wrong_api_key(server):
    assert_stream_error(call(server, "GET", "app", api_key="not-the-key"), 401, 2)


def test_missing_and_malformed_tokens(server):
    assert_stream_error(call(server, "GET", "app", token=""), 401, 5)
    assert_stream_error(call(server, "GET", "app", token="not.a.jwt"), 401, 5)


def test_bad_signature(server):
    with pytest.raises(StreamAPIException) as raised:
        server.client(secret="y" * 40).get_app_settings()
    assert raised.value.status_code == 401
    assert raised.value.error_code == 43


def test_alg_none_is_refused(server):
    unsigned = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64({'server': True})}."
    assert_stream_error(call(server, "GET", "app", token=unsigned), 401, 5)


def test_expired_and_future_tokens(server):
    client = server.client()
    expired = client.create_token("alice", exp=int(time.time()) - 60)
    assert_stream_error(call(server, "GET", "app", token=expired), 401, 40)
    from_the_future = client.create_token("alice", iat=int(time.time()) + 3600)
    assert_stream_error(call(server, "GET", "app", token=from_the_future), 401, 42)


def test_a_token_used_before_is_still_refused_once_expired(server):
    # The server keeps tokens it has checked (VerifiedTokens); their times are checked each use.
    client = server.client()
    expires = int(time.time()) + 2
    token = client.create_token("alice", exp=expires)
    for _ in range(3):
        assert call(server, "GET", "app", token=token).status_code == 200
    time.sleep(max(0, expires - time.time()) + 0.2)
    assert_stream_error(call(server, "GET", "app", token=token), 401, 40)


def test_user_token_cannot_act_for_another_user(server):
    client = server.client()
    client.upsert_users([{"id": "mallory"}, {"id": "victim", "name": "Victim"}])
    token = client.create_token("mallory")
    response = call(server, "POST", "users", token=token, body={"users": {"victim": {"id": "victim", "name": "pwned"}}})
    assert_stream_error(response, 403, 17)
    assert client.query_users({"id": "victim"})["users"][0]["name"] == "Victim"
    # Its own user it may update, but not its role.
    assert call(server, "POST", "users", token=token, body={"users": {"mallory": {"id": "mallory", "name": "M"}}}).status_code < 300
    assert_stream_error(call(server, "POST", "users", token=token, body={"users": {"mallory": {"id": "mallory", "role": "admin"}}}), 403, 17)


def test_malformed_json_and_wrong_types(server):
    assert_stream_error(call(server, "POST", "users", raw='{"users": {"a": {"id": "a",}}}'), 400, 4)
    assert "invalid JSON body" in call(server, "POST", "users", raw="{nope").json()["message"]
    assert_stream_error(call(server, "POST", "users", body={"users": ["not", "a", "map"]}), 400, 4)
    assert_stream_error(call(server, "POST", "users", body={"users": {"a": {"id": 42}}}), 400, 4)
    assert_stream_error(call(server, "GET", "users?payload=%7Bbroken"), 400, 4)


def test_oversized_body(server):
    huge = json.dumps({"users": {"a": {"id": "a", "bio": "x" * (5 << 20)}}})
    assert_stream_error(call(server, "POST", "users", raw=huge), 413, 22)


def test_a_header_too_big_to_parse_closes_the_connection_at_once(server):
    import socket
    for size in (100_000, 1_000_000):
        connection = socket.create_connection((server.url.split("//")[1].split(":")[0], int(server.url.rsplit(":", 1)[1])), timeout=5)
        started = time.time()
        try:
            connection.sendall(b"GET /app HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * size + b"\r\n\r\n")
            assert connection.recv(100) == b"", "closed, not answered"
        except ConnectionResetError:
            pass
        finally:
            connection.close()
        assert time.time() - started < 3, "closed at once, not after the client gives up"
    assert server.client().get_app_settings()["app"]


def test_unknown_routes_get_stream_404(server):
    response = call(server, "GET", "no/such/route")
    assert_stream_error(response, 404, 16)
    assert "not supported by the local server" in response.json()["message"]
    with pytest.raises(StreamAPIException) as raised:
        server.client().get("predefined_filters")
    assert raised.value.status_code == 404 and raised.value.error_code == 16


def test_server_is_still_up_and_wrote_nothing_bad(server):
    client = server.client()
    assert set(client.get_app_settings()) == {"app", "duration"}
    assert client.query_users({"id": {"$in": ["a", "bad id!"]}})["users"] == []
    assert server.process.poll() is None

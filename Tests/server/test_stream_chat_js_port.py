"""stream-chat-js connects its WebSocket to its baseURL's port, except that it turns `:3030`
(the port `chatterm serve` listens on by default) into `:8800`, as Stream's own local servers
had it (`setBaseURL`). So a server on 3030 listens on 8800 too, with every route; any other port
can be given with --web-socket-port."""
import re
import socket
import subprocess

import pytest
import requests
from stream_chat import StreamChat

from conftest import BINARY, start_server
from test_websocket import connect


def also_port(server):
    """The second port the server announced after its URL."""
    line = server.process.stdout.readline()
    match = re.search(r"also http://127\.0\.0\.1:(\d+), where stream-chat-js connects its WebSocket", line)
    assert match, line
    return int(match.group(1))


def test_a_second_port_serves_the_websocket_and_every_route(store):
    for server in start_server("--web-socket-port", "0", store=store):
        port = also_port(server)
        assert port != int(server.url.rsplit(":", 1)[1])
        second = StreamChat(api_key=server.key, api_secret=server.secret, base_url=f"http://127.0.0.1:{port}")
        second.upsert_user({"id": "js-user"})
        assert server.client().query_users({"id": "js-user"})["users"][0]["id"] == "js-user", "one server, one store"
        ws, hello = connect(server, "js-user", url=f"http://127.0.0.1:{port}")
        ws.close()
        assert hello["type"] == "health.check" and hello["me"]["id"] == "js-user"


def free(port):
    with socket.socket() as probe:
        # As the server binds: a port left in TIME_WAIT by an earlier test is free to it.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def test_port_3030_brings_8800_as_stream_chat_js_expects(store):
    if not (free(3030) and free(8800)):
        pytest.skip("ports 3030 and 8800 are needed free")
    process = subprocess.Popen([BINARY, "serve", *store.arguments, "--port", "3030"], env=store.env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert "http://127.0.0.1:3030 api_key=" in process.stdout.readline()
        assert "also http://127.0.0.1:8800, where stream-chat-js" in process.stdout.readline()
        answer = requests.get("http://127.0.0.1:8800/app", params={"api_key": "wrong"}, timeout=10)
        assert answer.status_code == 401 and answer.json()["code"] == 2, "the same server answers there"
    finally:
        process.terminate()
        process.wait(timeout=10)

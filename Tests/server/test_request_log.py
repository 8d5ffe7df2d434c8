"""`serve --log-requests` tells a developer whether their app's WebSocket got in: a line when a
connection is refused (with Stream's code and words), opens, and closes."""
import json
import time
import urllib.parse

import websocket

from conftest import start_server
from test_websocket import connect


def test_websocket_connections_are_logged(store):
    for server in start_server("--log-requests", capture_stderr=True, store=store):
        ws, hello = connect(server, "logged-user")
        ws.close()
        query = urllib.parse.urlencode({"json": json.dumps({"user_id": "logged-user"}), "api_key": server.key,
                                        "authorization": "not-a-token", "stream-auth-type": "jwt"})
        refused = websocket.create_connection(f"{server.url.replace('http://', 'ws://')}/connect?{query}", timeout=10)
        assert json.loads(refused.recv())["type"] == "connection.error"
        refused.close()
        time.sleep(0.3)
        server.process.terminate()
        log = server.process.communicate(timeout=10)[1]
        connection = hello["connection_id"]
        assert f"WebSocket /connect user logged-user connection {connection}" in log, log
        assert f"WebSocket closed user logged-user connection {connection} after " in log, log
        assert "WebSocket /connect refused · code " in log, log

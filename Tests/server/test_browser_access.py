"""A web app in a browser (stream-chat-js) talks to the server from a page of another origin,
as it talks to Stream's API: the browser's CORS preflight is answered before authentication,
answers allow the page to read them, and its WebSocket connects. Checked with headless Chromium itself, whose fetch
refuses an answer the server does not allow, and with the preflight's headers read directly."""
import http.server
import queue
import shutil
import subprocess
import threading
import urllib.parse

import pytest
import requests

from sdk_support import new_id

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# What stream-chat-js sends with each call: its token, auth type and client name make the
# browser ask first.
PAGE = """<!doctype html><body><script>
const said = [];
const tell = text => { said.push(text); fetch("/said?" + encodeURIComponent(said.join(" "))); };
fetch("%(url)s/channels?api_key=%(key)s", {method: "POST", headers: {
    "Authorization": "%(token)s", "stream-auth-type": "jwt", "X-Stream-Client": "stream-chat-js-browser",
    "Content-Type": "application/json"},
  body: JSON.stringify({filter_conditions: {members: {$in: ["%(user)s"]}}, state: true})})
  .then(r => r.json().then(j => {
    said.push("answered " + r.status + " " + j.channels.map(c => c.channel.id).join(",") + " limit " +
      r.headers.get("x-ratelimit-limit"));
    // Then the events, as stream-chat-js connects: the token in the query string.
    const socket = new WebSocket("%(ws)s/connect?" + new URLSearchParams({json: JSON.stringify({user_id: "%(user)s",
      user_details: {id: "%(user)s"}}), api_key: "%(key)s", authorization: "%(token)s", "stream-auth-type": "jwt"}));
    socket.onmessage = m => { socket.close(); tell("event " + JSON.parse(m.data).type); };
    socket.onerror = () => tell("socket failed"); }))
  .catch(e => tell("refused " + e));
</script></body>"""


def test_the_preflight_is_answered_before_authentication(server):
    asked = "authorization,content-type,stream-auth-type,x-stream-client"
    answer = requests.options(f"{server.url}/channels", params={"api_key": server.key}, timeout=10,
                              headers={"Origin": "http://localhost:5173", "Access-Control-Request-Method": "POST",
                                       "Access-Control-Request-Headers": asked})
    assert answer.status_code == 204, answer.text
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    assert answer.headers["Access-Control-Allow-Headers"] == asked
    assert "POST" in answer.headers["Access-Control-Allow-Methods"].split(", ")
    refused = requests.get(f"{server.url}/app", params={"api_key": "wrong"}, headers={"Origin": "http://localhost:5173"}, timeout=10)
    assert refused.status_code == 401 and refused.headers["Access-Control-Allow-Origin"] == "*", \
        "a refusal is readable too: the page learns why"
    plain = requests.get(f"{server.url}/app", params={"api_key": server.key}, timeout=10)
    assert "Access-Control-Allow-Origin" not in plain.headers, "no Origin, no CORS headers"


@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium")
def test_a_page_of_another_origin_queries_channels_in_chromium(server, client, tmp_path):
    user = new_id("web")
    client.upsert_user({"id": user})
    channel = client.channel("messaging", new_id("web"), {"members": [user]})
    channel.create(user)
    (tmp_path / "app.html").write_text(PAGE % {"url": server.url, "ws": server.url.replace("http://", "ws://"), "key": server.key,
                                               "user": user, "token": client.create_token(user)})
    said = queue.Queue()

    class Pages(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(tmp_path), **kwargs)

        def do_GET(self):
            if self.path.startswith("/said?"):
                said.put(urllib.parse.unquote(self.path[len("/said?"):]))
                self.send_response(204)
                self.end_headers()
            else:
                super().do_GET()

        def log_message(self, *args):
            pass

    pages = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=pages.serve_forever, daemon=True).start()
    browser = subprocess.Popen([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + str(tmp_path / "profile"),
                                f"http://localhost:{pages.server_address[1]}/app.html"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        text = said.get(timeout=60)
    finally:
        browser.kill()
        browser.wait()
        pages.shutdown()
    assert text.startswith(f"answered 200 {channel.id} limit "), text
    assert "limit null" not in text, "the rate limit headers are readable"
    assert text.endswith(" event health.check"), "the page's WebSocket connects: " + text

"""A web app in a browser (stream-chat-js) talks to the server from a page of another origin,
as it talks to Stream's API: the browser's CORS preflight is answered before authentication,
and answers allow the page to read them. Checked with headless Chromium itself, whose fetch
refuses an answer the server does not allow, and with the preflight's headers read directly."""
import functools
import http.server
import shutil
import subprocess
import threading

import pytest
import requests

from sdk_support import new_id

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# What stream-chat-js sends with each call: its token, auth type and client name make the
# browser ask first.
PAGE = """<!doctype html><body>waiting<script>
fetch("%(url)s/channels?api_key=%(key)s", {method: "POST", headers: {
    "Authorization": "%(token)s", "stream-auth-type": "jwt", "X-Stream-Client": "stream-chat-js-browser",
    "Content-Type": "application/json"},
  body: JSON.stringify({filter_conditions: {members: {$in: ["%(user)s"]}}, state: true})})
  .then(r => r.json().then(j => { document.body.textContent = "answered " + r.status + " " +
    j.channels.map(c => c.channel.id).join(",") + " limit " + r.headers.get("x-ratelimit-limit"); }))
  .catch(e => { document.body.textContent = "refused " + e; });
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
    (tmp_path / "app.html").write_text(PAGE % {"url": server.url, "key": server.key, "user": user,
                                               "token": client.create_token(user)})
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    pages = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=pages.serve_forever, daemon=True).start()
    try:
        result = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000",
                                 "--dump-dom", f"http://localhost:{pages.server_address[1]}/app.html"],
                                capture_output=True, text=True, timeout=120)
    finally:
        pages.shutdown()
    assert f"answered 200 {channel.id} limit " in result.stdout, result.stdout[-2000:] + result.stderr[-2000:]
    assert "limit null" not in result.stdout, "the rate limit headers are readable"

"""The coverage table and what it promises: every operation of Stream's chat API the server
does not serve answers 404 / 16 naming the operation and why; `chatterm serve --routes` prints
the table that docs/server-coverage.md holds; `get_rate_limits` answers from the server's own
limiter."""
import os
import subprocess
import time

import pytest
from stream_chat.base.exceptions import StreamAPIException

from conftest import BINARY, ROOT, start_server


@pytest.mark.parametrize("method, path, operation, reason", [
    ("get", "og", "GetOG", "needs the internet"),
    ("get", "predefined_filters", "GetPredefinedFilters", "predefined filters are not implemented"),
    ("delete", "push_providers/apn/main", "DeletePushProvider", "no push notifications"),
    ("post", "campaigns/c1/start", "StartCampaign", "marketing product"),
])
def test_an_unserved_operation_answers_its_name_and_reason(client, method, path, operation, reason):
    with pytest.raises(StreamAPIException) as raised:
        getattr(client, method)(path, **({"data": {}} if method == "post" else {}))
    assert (raised.value.status_code, raised.value.error_code) == (404, 16)
    assert raised.value.error_message.startswith(f'{operation} failed with error: "') and reason in raised.value.error_message


def test_an_unknown_path_is_not_mistaken_for_an_operation(client):
    with pytest.raises(StreamAPIException) as raised:
        client.get("nowhere/at/all")
    assert (raised.value.status_code, raised.value.error_code) == (404, 16)
    assert "this route is not supported by the local server" in raised.value.error_message


def test_serve_routes_prints_the_documented_table():
    printed = subprocess.run([BINARY, "serve", "--routes"], capture_output=True, text=True, timeout=60, check=True).stdout
    with open(os.path.join(ROOT, "docs", "server-coverage.md"), encoding="utf-8") as document:
        assert printed in document.read()
    rows = [line for line in printed.splitlines() if line.startswith("| `/")]
    served = [row for row in rows if row.endswith("| served |")]
    assert printed.rstrip().endswith(f"{len(served)} of {len(rows)} operations served.")
    for page in ("README.md", os.path.join("docs", "server.md")):
        with open(os.path.join(ROOT, page), encoding="utf-8") as document:
            assert f"{len(served)} of {len(rows)}" in document.read(), f"{page} quotes another count of served operations"
    assert "| `/channels/{type}/{id}/file` | POST | UploadChannelFile | served |" in rows


def test_rate_limits_come_from_the_servers_limiter(store):
    for server in start_server("--rate-limit", "40", store=store):
        client = server.client()
        everything = client.get_rate_limits()
        assert {"server_side", "android", "ios", "web"} <= set(everything)
        first = everything["server_side"]["SendMessage"]
        assert first["limit"] == 40 and first["remaining"] == 39 and first["reset"] > time.time()
        assert everything["web"]["SendMessage"] == {"limit": 40, "remaining": 40, "reset": everything["web"]["SendMessage"]["reset"]}
        only = client.get_rate_limits(server_side=True, endpoints=["GetRateLimits", "SendMessage"])
        assert set(only) - {"duration"} == {"server_side"}
        assert set(only["server_side"]) == {"GetRateLimits", "SendMessage"}
        if only["server_side"]["SendMessage"]["reset"] == first["reset"]:  # the same one-minute window
            assert only["server_side"]["SendMessage"]["remaining"] == 38
        ios = client.get_rate_limits(ios=True, endpoints=["QueryChannels"])
        assert set(ios) - {"duration"} == {"ios"} and list(ios["ios"]) == ["QueryChannels"]
        with pytest.raises(StreamAPIException) as raised:
            client.get_rate_limits(endpoints=["NoSuchOperation"])
        assert raised.value.status_code == 400 and "NoSuchOperation" in raised.value.error_message

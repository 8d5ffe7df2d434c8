"""Files and images on a channel (`send_file`, `send_image`, `delete_file`, `delete_image`):
stored beside the store under names the server makes, served back by URL with the checked
type, `nosniff`, and as a download unless the bytes are an image; hostile names, wrong types,
oversize and broken multipart bodies are refused in Stream's error shape; `PATCH /app` sets the
upload limits the server applies."""
import os
import re
import uuid

import pytest
import requests
from stream_chat.base.exceptions import StreamAPIException

from conftest import start_server
from sdk_support import new_id, refused, user_request

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + b"\0" * 32
HTML = b"<!doctype html><script>document.title='owned'</script>"


def write(tmp_path, name, data):
    path = tmp_path / uuid.uuid4().hex
    path.write_bytes(data)
    return str(path)


@pytest.fixture
def room(client):
    owner, member, outsider = new_id("own"), new_id("mem"), new_id("out")
    client.upsert_users([{"id": owner}, {"id": member}, {"id": outsider}])
    channel = client.channel("messaging", new_id("files"), {"members": [owner, member]})
    channel.create(owner)
    return channel, owner, member, outsider


def upload_as(server, user_id, channel, kind, name, data, content_type=None):
    """A multipart upload with a user token, as a client-side SDK sends it."""
    token = server.client().create_token(user_id)
    return requests.post(f"{server.url}/channels/{channel.channel_type}/{channel.id}/{kind}", params={"api_key": server.key},
                         headers={"Authorization": token, "stream-auth-type": "jwt"},
                         files={"file": (name, data, content_type)}, timeout=10)


def raw_post(server, channel, kind, body, content_type):
    return requests.post(f"{server.url}/channels/{channel.channel_type}/{channel.id}/{kind}", params={"api_key": server.key},
                         headers={"Authorization": server.client().auth_token, "stream-auth-type": "jwt", "Content-Type": content_type},
                         data=body, timeout=10)


def test_a_file_is_served_back_as_a_download_with_its_type(room, tmp_path):
    channel, owner, _, _ = room
    answer = channel.send_file(write(tmp_path, "p", HTML), "page.html", {"id": owner}, content_type="text/html")
    url = answer["file"]
    assert url.startswith("http://127.0.0.1:") and url.endswith("/page.html") and "thumb_url" not in answer
    fetched = requests.get(url, timeout=10)  # no token: the URL is the permission, as on Stream's CDN
    assert fetched.status_code == 200 and fetched.content == HTML
    assert fetched.headers["Content-Type"] == "text/html"
    assert fetched.headers["X-Content-Type-Options"] == "nosniff"
    assert fetched.headers["Content-Disposition"] == 'attachment; filename="page.html"'
    assert "sandbox" in fetched.headers["Content-Security-Policy"]


def test_an_image_is_checked_by_its_bytes_and_served_inline(client, room, tmp_path):
    channel, owner, member, _ = room
    answer = channel.send_image(write(tmp_path, "i", PNG), "photo.png", {"id": owner}, content_type="image/png")
    assert answer["thumb_url"] == answer["file"]
    fetched = requests.get(answer["file"], timeout=10)
    assert fetched.content == PNG and fetched.headers["Content-Type"] == "image/png"
    assert fetched.headers["Content-Disposition"] == 'inline; filename="photo.png"'
    assert fetched.headers["X-Content-Type-Options"] == "nosniff"
    # A message's attachment points at it, and reads back so.
    sent = channel.send_message({"text": "look", "attachments": [{"type": "image", "image_url": answer["file"]}]}, owner)
    got = client.get_message(sent["message"]["id"])["message"]
    assert got["attachments"][0]["image_url"] == answer["file"]
    # Claimed image types that the bytes do not bear out are refused; so is SVG (it can carry script).
    for name, data in [("fake.png", HTML), ("vector.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'),
                       ("empty.png", b"")]:
        refused(lambda: channel.send_image(write(tmp_path, "x", data), name, {"id": member}, content_type="image/png"),
                text="not an image")


def test_a_file_with_an_image_type_but_other_bytes_is_a_download(room, tmp_path):
    channel, owner, _, _ = room
    url = channel.send_file(write(tmp_path, "p", HTML), "page.png", {"id": owner}, content_type="image/png")["file"]
    fetched = requests.get(url, timeout=10)
    assert fetched.headers["Content-Disposition"].startswith("attachment;")
    garbled = channel.send_file(write(tmp_path, "g", b"data"), "x.bin", {"id": owner}, content_type="text/<html>; x")["file"]
    assert requests.get(garbled, timeout=10).headers["Content-Type"] == "application/octet-stream"


def files_on_disk(home):
    return [os.path.join(folder, name) for folder, _, names in os.walk(home) for name in names]


@pytest.mark.parametrize("name", ["../../evil.html", "/etc/evil.html", "..\\..\\evil.html", "..", "evil.html\0.png",
                                  'a"; filename="evil.html', "ê/../évil.html"])
def test_hostile_file_names_never_reach_the_disk(server, room, tmp_path, name):
    channel, owner, _, _ = room
    before = set(files_on_disk(server.store.home))
    url = channel.send_file(write(tmp_path, "h", b"hello"), name, {"id": owner}, content_type="text/plain")["file"]
    added = set(files_on_disk(server.store.home)) - before
    assert not [path for path in added if "evil" in path], added
    uploads = [path for path in added if os.path.dirname(path).endswith(".files")]
    assert len(uploads) == 2, added  # the content and its record
    for path in uploads:
        assert re.fullmatch(r"[0-9a-f]{32}(\.json)?", os.path.basename(path)), path
    segment = url.rsplit("/", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9._-]+", segment) and segment not in ("", ".", "..")
    fetched = requests.get(url, timeout=10)
    assert fetched.content == b"hello"
    assert re.fullmatch(r'attachment; filename="[A-Za-z0-9._-]+"', fetched.headers["Content-Disposition"])


def test_delete_takes_the_uploader_or_a_moderator(server, client, room, tmp_path):
    channel, owner, member, _ = room
    url = channel.send_file(write(tmp_path, "d", b"bye"), "bye.txt", {"id": member}, content_type="text/plain")["file"]
    other = client.channel("messaging", new_id("other"), {"members": [owner]})
    other.create(owner)
    refused(lambda: other.delete_file(url), 404, 16, "no file")
    token = client.create_token(owner)
    as_owner = requests.delete(f"{server.url}/channels/messaging/{channel.id}/file", params={"api_key": server.key, "url": url},
                               headers={"Authorization": token, "stream-auth-type": "jwt"}, timeout=10)
    assert as_owner.status_code == 403 and as_owner.json()["code"] == 17  # the owner made the channel, not the file
    assert requests.get(url, timeout=10).status_code == 200
    for made_up in (f"{server.url}/files/{'0' * 32}/bye.txt", f"{server.url}/files/..%2f..%2fchat.sqlite/x",
                    f"{server.url}/files/{url.split('/')[-2].upper()}/bye.txt"):
        missing = requests.get(made_up, timeout=10)
        assert missing.status_code == 404 and missing.json()["code"] == 16, made_up
    channel.delete_file(url)  # a server token may
    gone = requests.get(url, timeout=10)
    assert gone.status_code == 404 and gone.json()["code"] == 16
    refused(lambda: channel.delete_file(url), 404, 16)
    refused(lambda: channel.delete_image(f"{server.url}/files/../../chat.sqlite/x"), 404, 16)


def test_uploads_need_the_write_grant_and_the_uploads_feature(server, client, room, tmp_path):
    channel, _, member, outsider = room
    denied = upload_as(server, outsider, channel, "file", "a.txt", b"a", "text/plain")
    assert denied.status_code == 403 and denied.json()["code"] == 17
    allowed = upload_as(server, member, channel, "file", "a.txt", b"a", "text/plain")
    assert allowed.status_code == 201 and requests.get(allowed.json()["file"], timeout=10).content == b"a"
    impersonating = requests.post(f"{server.url}/channels/messaging/{channel.id}/file", params={"api_key": server.key},
                                  headers={"Authorization": client.create_token(member), "stream-auth-type": "jwt"},
                                  files={"file": ("a.txt", b"a", "text/plain")}, data={"user": '{"id": "%s"}' % outsider}, timeout=10)
    assert impersonating.status_code == 403
    kind = new_id("noup")
    client.create_channel_type({"name": kind, "uploads": False})
    closed = client.channel(kind, new_id("c"), {"members": [member]})
    closed.create(member)
    refused(lambda: closed.send_file(write(tmp_path, "n", b"n"), "n.txt", {"id": member}), 400, 19, "uploads is disabled")


def test_broken_multipart_bodies_are_refused(server, room):
    channel, owner, _, _ = room
    boundary = "XyZ"
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="user"\r\n\r\n{{"id": "{owner}"}}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nabc').encode()
    cases = [
        (head, f"multipart/form-data; boundary={boundary}", "cut short"),
        (head + f"\r\n--{boundary}--\r\n".encode(), "multipart/form-data", "boundary"),
        (b'{"file": "x"}', "application/json", "multipart/form-data"),
        (f"--{boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--{boundary}--".encode(),
         f"multipart/form-data; boundary={boundary}", "no name"),
        (f"--{boundary}\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\n{{}}\r\n--{boundary}--".encode(),
         f"multipart/form-data; boundary={boundary}", "file is a required field"),
        (f"--{boundary}\r\nContent-Disposition: form-data; name=\"upload_sizes\"\r\n\r\n[]\r\n--{boundary}--".encode(),
         f"multipart/form-data; boundary={boundary}", "upload_sizes is not supported"),
    ]
    for body, content_type, text in cases:
        answer = raw_post(server, channel, "file", body, content_type)
        assert (answer.status_code, answer.json()["code"]) == (400, 4), (content_type, answer.text)
        assert text in answer.json()["message"], answer.text
    whole = raw_post(server, channel, "file", head + f"\r\n--{boundary}--\r\n".encode(), f'multipart/form-data; boundary="{boundary}"')
    assert whole.status_code == 201 and requests.get(whole.json()["file"], timeout=10).content == b"abc"


def test_app_upload_settings_limit_size_and_extensions(store, tmp_path):
    for server in start_server(store=store):
        client = server.client()
        assert client.get_app_settings()["app"]["file_upload_config"]["size_limit"] == 20 << 20
        client.update_app_settings(file_upload_config={"size_limit": 1000, "blocked_file_extensions": [".exe"]},
                                   image_upload_config={"allowed_mime_types": ["image/gif"]})
        app = client.get_app_settings()["app"]
        assert app["file_upload_config"] == {"size_limit": 1000, "blocked_file_extensions": [".exe"]}
        assert app["image_upload_config"]["allowed_mime_types"] == ["image/gif"]
        client.upsert_user({"id": "u"})
        channel = client.channel("messaging", "up", {"members": ["u"]})
        channel.create("u")
        channel.send_file(write(tmp_path, "ok", b"x" * 1000), "ok.txt", {"id": "u"})
        refused(lambda: channel.send_file(write(tmp_path, "big", b"x" * 1001), "big.txt", {"id": "u"}), text="over the limit of 1000")
        with pytest.raises(StreamAPIException) as huge:
            channel.send_file(write(tmp_path, "huge", b"x" * (200 << 10)), "huge.txt", {"id": "u"})
        assert (huge.value.status_code, huge.value.error_code) == (413, 22)
        refused(lambda: channel.send_file(write(tmp_path, "exe", b"MZ"), "setup.EXE", {"id": "u"}), text="extension .exe is blocked")
        refused(lambda: channel.send_image(write(tmp_path, "png", PNG), "a.png", {"id": "u"}), text="image/png is not allowed")
        refused(lambda: client.update_app_settings(webhook_url="http://example.com"), text="webhook_url is not supported")
        refused(lambda: client.update_app_settings(file_upload_config={"size_limit": 5, "max_dimensions": 3}),
                text="file_upload_config.max_dimensions is not supported")
        refused(lambda: client.update_app_settings(file_upload_config={"size_limit": "big"}), text="size_limit must be")
        # A refused change changes nothing.
        assert client.get_app_settings()["app"]["file_upload_config"]["size_limit"] == 1000
        as_user = requests.patch(f"{server.url}/app", params={"api_key": server.key}, json={"file_upload_config": {}},
                                 headers={"Authorization": client.create_token("u"), "stream-auth-type": "jwt"}, timeout=10)
        assert as_user.status_code == 403 and as_user.json()["code"] == 17
        # The settings are in the store: a server started again applies them.
    for server in start_server(store=store):
        assert server.client().get_app_settings()["app"]["file_upload_config"]["size_limit"] == 1000


def test_app_uploads_belong_to_no_channel(server, client, room, tmp_path):
    channel, owner, member, outsider = room
    token = client.create_token(outsider)
    answer = requests.post(f"{server.url}/uploads/image", params={"api_key": server.key},
                           headers={"Authorization": token, "stream-auth-type": "jwt"},
                           files={"file": ("avatar.png", PNG, "image/png")}, timeout=10)
    assert answer.status_code == 201, answer.text
    url = answer.json()["file"]
    assert answer.json()["thumb_url"] == url
    fetched = requests.get(url, timeout=10)
    assert fetched.content == PNG and fetched.headers["Content-Disposition"] == 'inline; filename="avatar.png"'
    refused(lambda: channel.delete_image(url), 404, 16, "in channel")
    in_channel = channel.send_file(write(tmp_path, "c", b"c"), "c.txt", {"id": owner})["file"]
    refused(lambda: client.delete("uploads/file", {"url": in_channel}), 404, 16, "among the app's uploads")
    not_mine = user_request(server, member, "DELETE", "uploads/image", params={"url": url})
    assert not_mine.status_code == 403 and not_mine.json()["code"] == 17
    mine = user_request(server, outsider, "DELETE", "uploads/image", params={"url": url})
    assert mine.status_code == 200, mine.text
    assert requests.get(url, timeout=10).status_code == 404
    not_an_image = user_request(server, outsider, "POST", "uploads/image")
    assert not_an_image.status_code == 400 and "multipart/form-data" in not_an_image.json()["message"]

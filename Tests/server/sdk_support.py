"""Small helpers the SDK tests of files, flags, user status and commands share."""
import uuid

import pytest
import requests
from stream_chat.base.exceptions import StreamAPIException


def new_id(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def refused(call, status=400, code=4, text=""):
    """`call` fails in Stream's error shape with `status` / `code` and `text` in its message."""
    with pytest.raises(StreamAPIException) as raised:
        call()
    assert (raised.value.status_code, raised.value.error_code) == (status, code), raised.value.error_message
    assert text in raised.value.error_message, raised.value.error_message
    return raised.value.error_message


def user_request(server, user_id, method, path, body=None, params=None):
    """A request with `user_id`'s token, as a client-side SDK sends it (a JSON body)."""
    return requests.request(method, f"{server.url}/{path}", params={"api_key": server.key, **(params or {})},
                            headers={"Authorization": server.client().create_token(user_id), "stream-auth-type": "jwt"},
                            json=body, timeout=10)

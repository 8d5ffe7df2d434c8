"""The same routes through the SDK's async client (aiohttp: its own multipart encoding, its own
request shapes): an upload read back, blocks, devices and a flag."""
import asyncio

import requests
from stream_chat import StreamChatAsync

from sdk_support import new_id

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\0" * 16


def run(server, work):
    async def main():
        async with StreamChatAsync(api_key=server.key, api_secret=server.secret, base_url=server.url) as client:
            return await work(client)
    return asyncio.run(main())


def test_async_upload_block_device_and_flag(server, tmp_path):
    owner, other = new_id("aown"), new_id("aoth")
    picture = tmp_path / "picture.png"
    picture.write_bytes(PNG)

    async def work(client):
        await client.upsert_users([{"id": owner}, {"id": other}])
        channel = client.channel("messaging", new_id("async"), {"members": [owner, other]})
        await channel.create(owner)
        image = await channel.send_image(str(picture), "picture.png", {"id": owner}, content_type="image/png")
        # The async client can upload from a URL: here, the local server's own copy.
        copy = await channel.send_file(image["file"], "copy.png", {"id": other}, content_type="image/png")
        await client.block_user(other, owner)
        blocks = (await client.get_blocked_users(owner))["blocks"]
        await client.add_device("async-" + owner, "huawei", owner)
        devices = (await client.get_devices(owner))["devices"]
        message = (await channel.send_message({"text": "flag me"}, other))["message"]
        flag = (await client.flag_message(message["id"], user_id=owner))["flag"]
        await channel.delete_image(image["file"])
        return image, copy, blocks, devices, flag, message

    image, copy, blocks, devices, flag, message = run(server, work)
    assert requests.get(image["file"], timeout=10).status_code == 404, "deleted"
    fetched = requests.get(copy["file"], timeout=10)
    assert fetched.content == PNG and fetched.headers["Content-Type"] == "image/png"
    assert [b["blocked_user_id"] for b in blocks] == [other]
    assert [(d["id"], d["push_provider"]) for d in devices] == [("async-" + owner, "huawei")]
    assert flag["target_message_id"] == message["id"] and flag["user"]["id"] == owner

#!/usr/bin/env python3
"""Builds the ZIP fixtures from the folders beside this script (run it after changing them):
slack-export.zip and mattermost-export.zip (deflated, as Slack and mmctl ship them), and the
hostile archives the reader must refuse."""
import os, struct, zipfile, zlib

here = os.path.dirname(os.path.abspath(__file__))


def zip_folder(folder, out, prefix=""):
    with zipfile.ZipFile(os.path.join(here, out), "w", zipfile.ZIP_DEFLATED) as z:
        for root, _, files in sorted(os.walk(os.path.join(here, folder))):
            for name in sorted(files):
                path = os.path.join(root, name)
                arcname = prefix + os.path.relpath(path, os.path.join(here, folder))
                info = zipfile.ZipInfo(arcname, date_time=(2024, 3, 7, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(path, "rb") as f:
                    z.writestr(info, f.read())


def slack_with(extra, out, compress=zipfile.ZIP_DEFLATED):
    """The Slack fixture plus entries (name → bytes) a hostile archive adds."""
    zip_folder("slack-export", out)
    with zipfile.ZipFile(os.path.join(here, out), "a", compress) as z:
        for name, data in extra.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 7, 0, 0, 0))
            info.compress_type = compress
            z.writestr(info, data)


def lying_size(out, real=4 << 20, stated=1000):
    """One day file that inflates to `real` bytes while its headers state `stated`."""
    zip_folder("slack-export", out)
    data = b"[" + b" " * (real - 2) + b"]"
    packed = zlib.compress(data, 9)[2:-4]
    name = b"general/2024-03-07.json"
    crc = zlib.crc32(data)
    with open(os.path.join(here, out), "rb") as f:
        body = f.read()
    end = body.rfind(b"PK\x05\x06")
    count, size, offset = struct.unpack("<HII", body[end + 10 : end + 20])
    directory = body[offset : offset + size]
    local_at = offset
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(packed), stated, len(name), 0) + name + packed
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(packed), stated, len(name), 0, 0, 0, 0, 0, local_at) + name
    directory += central
    new_offset = local_at + len(local)
    tail = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count + 1, count + 1, len(directory), new_offset, 0)
    with open(os.path.join(here, out), "wb") as f:
        f.write(body[:offset] + local + directory + tail)


os.makedirs(os.path.join(here, "hostile"), exist_ok=True)
zip_folder("slack-export", "slack-export.zip")
zip_folder("mattermost-export", "mattermost-export.zip")
slack_with({"../escape.json": b"[]"}, "hostile/dot-dot.zip")
slack_with({"/etc/passwd.json": b"[]"}, "hostile/absolute.zip")
# 64 MiB of one byte: about 64 KiB deflated, far past 20 times the archive.
slack_with({"general/2024-03-08.json": b"[" + b" " * ((64 << 20) - 2) + b"]"}, "hostile/bomb.zip")
lying_size("hostile/lying-size.zip")

#!/usr/bin/env python3
"""Build demo-data/chatkit-export/: Harbor's chat as Pusher Chatkit held it before the move.

Northwind Labs' app Harbor (see README.md) ran its in-app chat on Pusher Chatkit until
spring 2020. This is that instance's data export, in the shape Pusher gave migration
partners on 2020-03-26 (users, rooms and messages; the ".ndjson" users and rooms files are
pretty-printed JSON arrays, as in Pusher's sample), plus the cursors, memberships, roles and
role assignments read from Chatkit's REST API (one object a line, the API's field names).

The users and rooms are in workspace/chatkit.toml; Northwind's staff among them take
their names and profiles from workspace/people.toml, like the Stream import does. This
script adds what makes a migration hard: multipart messages with every part type (text,
non-text inline, https and http links, signed attachment links, an attachment with no
name), an edited and a deleted message, messages in a deleted room, a sender and a room
creator that were never exported, cursors before, on and past messages.

    python3 demo-data/build_chatkit_export.py

rewrites the files byte for byte (fixed seed, standard library only).
"""

import json
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from builder.workspace import load, read  # noqa: E402

SEED = 2020
OUT = HERE / "chatkit-export"


def ts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def text(content):
    return {"part_type": "inline", "payload": {"type": "text/plain", "content": content}}


def chatkit_users(ws, ck):
    """chatkit.toml's users; a user without a name is a workspace person."""
    created = datetime(2019, 9, 2, 9, 0)
    users = []
    for i, spec in enumerate(ck["user"]):
        uid = spec["id"]
        t = created + timedelta(days=i, minutes=7 * i)
        u = {"id": uid, "name": spec["name"] if "name" in spec else ws.name[uid]}
        if spec.get("avatar"):
            u["avatar_url"] = f"{ck['chatkit']['cdn']}/avatars/{uid.split('@')[0].replace('.', '-')}.png"
        custom = {k: ws.profile(uid)[k] for k in spec.get("profile", [])}
        custom.update(spec.get("custom_data", {}))
        if custom:
            u["custom_data"] = custom
        u["created_at"] = ts(t)
        u["updated_at"] = ts(t + timedelta(days=30 if i % 3 == 0 else 0))
        if "deleted_at" in spec:
            u["deleted_at"] = spec["deleted_at"]
        users.append(u)
    return users


def chatkit_rooms(ws, ck):
    groups = dict(ws.groups, **ck["groups"])
    rooms = []
    for i, spec in enumerate(ck["room"]):
        t = datetime(2019, 10, 1, 10, 0) + timedelta(days=i)
        r = {"id": spec["id"], "created_by_id": spec["created_by"], "name": spec["name"]}
        if "members" in spec:
            r["member_ids"] = ws.expand(spec["members"], groups)
        if "push_notification_title_override" in spec:
            r["push_notification_title_override"] = spec["push_notification_title_override"]
        r["private"] = spec["private"]
        if spec.get("custom_data"):
            r["custom_data"] = spec["custom_data"]
        r["created_at"] = ts(t)
        r["updated_at"] = ts(t)
        if "deleted_at" in spec:
            r["deleted_at"] = spec["deleted_at"]
        rooms.append(r)
    return rooms


def main():
    ws = load()
    ck = read("chatkit.toml", ws.folder)
    files = ck["chatkit"]["files"]
    groups = dict(ws.groups, **ck["groups"])
    rng = random.Random(SEED)
    OUT.mkdir(exist_ok=True)

    users = chatkit_users(ws, ck)
    rooms = chatkit_rooms(ws, ck)
    specs = {r["id"]: r for r in ck["room"]}
    deleted_rooms = {r["id"] for r in rooms if "deleted_at" in r}
    members = {rid: ws.expand(s.get("members") or s["memberships"], groups) for rid, s in specs.items()}

    # Messages: one instance-wide id sequence (Chatkit's), rooms interleaved in time.
    messages = []
    next_id = 10_001
    t = datetime(2020, 1, 6, 9, 0)
    end = datetime(2020, 3, 27, 18, 0)
    plan = [rid for rid, s in specs.items() for _ in range(s["messages"])]
    rng.shuffle(plan)
    step = (end - t) / len(plan)
    for k, rid in enumerate(plan):
        when = t + step * k + timedelta(seconds=rng.randrange(0, 50))
        if rid in deleted_rooms:
            when = datetime(2019, 11, 5, 10, 0) + timedelta(hours=k)
        people = [m for m in members[rid] if m != "support-bot" or rid == "harbor-support"]
        sender = rng.choice(people)
        parts = [text(rng.choice(ck["lines"][specs[rid]["lines"]]))]
        roll = rng.random()
        folder = f"{files}/{rid.replace(' ', '%20').replace('/', '%2F')}/files"
        sig = f"?X-Amz-Expires=604800&X-Amz-Signature={rng.getrandbits(64):016x}"
        if roll < 0.08:
            name = f"match-{k}.jpg"
            parts.append({"part_type": "attachment", "payload": {"type": "image/jpeg", "name": name, "size": rng.randrange(80_000, 900_000),
                                                                 "download_url": f"{folder}/{name}{sig}", "custom_data": {"width": 1600, "height": 1200}}})
        elif roll < 0.11:
            name = f"highlights-{k}.mp4"
            parts.append({"part_type": "attachment", "payload": {"type": "video/mp4", "name": name, "size": rng.randrange(2_000_000, 5_000_000),
                                                                 "download_url": f"{folder}/{name}{sig}"}})
        elif roll < 0.13:
            parts.append({"part_type": "attachment", "payload": {"type": "audio/mp4", "name": f"voice-note-{k}.m4a", "size": 48_213,
                                                                 "download_url": f"{folder}/voice-note-{k}.m4a{sig}"}})
        elif roll < 0.16:
            parts.append({"part_type": "attachment", "payload": {"type": "application/pdf", "name": f"fixtures-{k}.pdf", "size": 120_331,
                                                                 "download_url": f"{folder}/fixtures-{k}.pdf{sig}"}})
        elif roll < 0.20:
            parts.append({"part_type": "url", "payload": {"type": "image/png", "url": f"{ck['chatkit']['cdn']}/screens/screen-{k}.png"}})
        elif roll < 0.22:
            parts.append({"part_type": "url", "payload": {"type": "text/html", "url": f"http://league-{k % 3}.example.org/table"}})
        messages.append({"id": next_id, "sender_id": sender, "room_id": rid, "created_at": ts(when), "updated_at": ts(when), "parts": parts})
        next_id += rng.choice([1, 1, 1, 2, 3])

    def add(rid, sender, when, parts, **extra):
        nonlocal next_id
        m = {"id": next_id, "sender_id": sender, "room_id": rid, "created_at": ts(when), "updated_at": ts(when), "parts": parts}
        m.update(extra)
        messages.append(m)
        next_id += 1
        return m

    # The special ones, after the rest: the pitfalls a migration has to handle.
    late = datetime(2020, 3, 30, 9, 0)
    add("engineering", "priya", late, [text("Migration dry run results:"), {"part_type": "inline", "payload": {"type": "application/json", "content": json.dumps({"users": 30, "rooms": 11, "messages": 361})}},
                                        text("All ids mapped, see the report.")])
    add("harbor-support", "leo.martins@harborclubs.example", late + timedelta(minutes=5), [text("Here is the consent form"),  # no name
        {"part_type": "attachment", "payload": {"type": "application/pdf", "size": 88_102, "download_url": f"{files}/harbor-support/files/3f9a1c{'?X-Amz-Expires=604800'}"}}])
    m = add("general", "tomas", late + timedelta(minutes=20), [text("Cutover is on April 22, not 23")])
    m["updated_at"] = ts(late + timedelta(minutes=24))  # edited
    m["parts"] = [text("Cutover is on April 21, not 23 (edited)")]
    add("riverside-fc", "carlos", late + timedelta(minutes=30), [], deleted_at=ts(late + timedelta(minutes=31)))
    add("maya_x_tomas", "tomas", late + timedelta(hours=1), [text("Can you check the unread counts after import?"), text("Especially for the clubs")])
    add("riverside-fc", "quinn", late + timedelta(hours=2), [text("Coach, is training on tomorrow? 🤔")])
    add("riverside-fc", "lost-player", late + timedelta(hours=2, minutes=5), [text("yes, 6pm")])  # never exported
    messages.sort(key=lambda m: (m["created_at"], m["id"]))

    # Cursors: per member and room, somewhere in the room's history (Chatkit positions are message ids).
    cursors = []
    for rid, spec in specs.items():
        ids = [m["id"] for m in messages if m["room_id"] == rid]
        if not ids or rid in deleted_rooms:
            continue
        for user in members[rid]:
            if user == "support-bot":
                continue
            roll = rng.random()
            if user == ws.demo_user:
                behind = spec.get("demo_user_behind", 0)
                position = ids[-1 - behind] if behind else ids[-1] + 500  # past the newest message
            elif roll < 0.15:
                continue  # never opened the room: no cursor
            elif roll < 0.25:
                position = ids[0] - 1  # before the first message
            else:
                position = rng.choice(ids[len(ids) // 2:])
            cursors.append({"room_id": rid, "user_id": user, "cursor_type": 0, "position": position,
                            "updated_at": ts(datetime(2020, 3, 31, 8, 0) + timedelta(minutes=len(cursors)))})
    cursors.append({"room_id": "riverside-fc", "user_id": "carlos", "cursor_type": 0,  # on the deleted message
                    "position": next(m["id"] for m in messages if m.get("deleted_at")), "updated_at": "2020-03-31T09:00:00Z"})
    cursors = [c for i, c in enumerate(cursors) if not any(d["room_id"] == c["room_id"] and d["user_id"] == c["user_id"] for d in cursors[i + 1:])]

    roles = [{"name": r["name"], "scope": r["scope"], "permissions": r["permissions"]} for r in ck["role"]]
    admins = ck["roles"]["admins"]
    user_roles = [{"user_id": u, "role_name": "admin", "scope": "global"} for u in admins]
    user_roles += [{"user_id": u["id"], "role_name": "default", "scope": "global"} for u in users if u["id"] not in admins]
    user_roles += [{"user_id": r["user_id"], "role_name": r["role_name"], "scope": "room", "room_id": r["room_id"]} for r in ck["roles"]["room"]]
    memberships = [{"room_id": rid, "user_ids": members[rid]} for rid, s in specs.items() if "memberships" in s]

    def array(name, items):
        (OUT / name).write_text(json.dumps(items, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def lines(name, items):
        (OUT / name).write_text("".join(json.dumps(i, ensure_ascii=False, separators=(",", ":")) + "\n" for i in items), encoding="utf-8")

    array("users.ndjson", users)
    array("rooms.ndjson", rooms)
    lines("messages.ndjson", messages)
    lines("cursors.ndjson", cursors)
    lines("memberships.ndjson", memberships)
    lines("roles.ndjson", roles)
    lines("user_roles.ndjson", user_roles)
    print(f"users {len(users)}, rooms {len(rooms)}, messages {len(messages)}, cursors {len(cursors)}, "
          f"memberships {len(memberships)}, roles {len(roles)}, user roles {len(user_roles)}")


if __name__ == "__main__":
    main()

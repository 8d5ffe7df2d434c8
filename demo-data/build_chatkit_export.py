#!/usr/bin/env python3
"""Build demo-data/chatkit-export/: Harbor's chat as Pusher Chatkit held it before the move.

Northwind Labs' app Harbor (see README.md) ran its in-app chat on Pusher Chatkit until
spring 2020. This is that instance's data export, in the shape Pusher gave migration
partners on 2020-03-26 (users, rooms and messages; the ".ndjson" users and rooms files are
pretty-printed JSON arrays, as in Pusher's sample), plus the cursors, memberships, roles and
role assignments read from Chatkit's REST API (one object a line, the API's field names).

It holds what makes a migration hard: an email-style user id and ids with ':' and spaces,
multipart messages with every part type (text, non-text inline, https and http links,
signed attachment links, an attachment with no name), an edited and a deleted message, a
deleted room, a user and a room creator that were never exported, custom data with keys
Stream reserves, cursors before, on and past messages, and global and room roles.

    python3 demo-data/build_chatkit_export.py

rewrites the files byte for byte (fixed seed, standard library only).
"""

import json
import random
from datetime import datetime, timedelta
from pathlib import Path

SEED = 2020
OUT = Path(__file__).resolve().parent / "chatkit-export"
FILES = "https://us1.pusherplatform.io/services/chatkit_files/v1/7a1e2c3d/rooms"
CDN = "https://cdn.harborclubs.example"

# id, name, custom_data (title, timezone, …)
USERS = [
    ("maya", "Maya Okafor", {"title": "Product Manager", "timezone": "Europe/Lisbon"}),
    ("tomas", "Tomás Herrera", {"title": "Head of Engineering", "timezone": "Europe/Madrid"}),
    ("priya", "Priya Raman", {"title": "Backend Engineer"}),
    ("jonas", "Jonas Lindqvist", {"title": "iOS Engineer"}),
    ("kenji", "Kenji Watanabe", {"title": "Android Engineer", "timezone": "Asia/Tokyo"}),
    ("lena", "Lena Vogel", {"title": "Site Reliability Engineer", "role": "sre"}),
    ("ahmed", "Ahmed Karim", {"title": "Frontend Engineer"}),
    ("sofia", "Sofia Marchetti", {"title": "QA Engineer"}),
    ("grace", "Grace Holloway", {"title": "CEO"}),
    ("support-bot", "Harbor Support", {"bot": True}),
    ("leo.martins@harborclubs.example", "Leo Martins", {"club": "Riverside FC", "position": "coach"}),
    ("coach:riverside", "Riverside FC coaches", {"club": "Riverside FC"}),
    ("ana sousa", "Ana Sousa", {"club": "Riverside FC", "position": "parent"}),
    ("bea", "Beatriz Costa", {"club": "Riverside FC", "position": "parent"}),
    ("carlos", "Carlos Mendes", {"club": "Riverside FC", "position": "parent"}),
    ("dina", "Dina Haddad", {"club": "Lakeside Juniors", "position": "coach"}),
    ("eli", "Eli Brown", {"club": "Lakeside Juniors", "position": "parent"}),
    ("fatima", "Fatima Zahra", {"club": "Lakeside Juniors", "position": "parent"}),
    ("gus", "Gus Petersen", {"club": "Lakeside Juniors", "position": "referee"}),
    ("hana", "Hana Kim", {"club": "Lakeside Juniors", "position": "parent"}),
    ("ivan", "Ivan Petrov", {"club": "Northside United", "position": "coach"}),
    ("jade", "Jade Wu", {"club": "Northside United", "position": "parent"}),
    ("kofi", "Kofi Mensah", {"club": "Northside United", "position": "parent"}),
    ("lucia", "Lucía Fernández", {"club": "Northside United", "position": "parent"}),
    ("mo", "Mo Salah-Ibrahim", {"club": "Northside United", "position": "player"}),
    ("nina", "Nina Kowalski", {"club": "Riverside FC", "position": "treasurer"}),
    ("omar", "Omar Haddad", {"club": "Lakeside Juniors", "position": "player"}),
    ("pia", "Pia Schmidt", {"club": "Northside United", "position": "secretary"}),
    ("quinn", "Quinn O'Brien", {"club": "Riverside FC", "position": "player"}),
    ("old-admin", "Former admin", {"note": "left in 2019"}),
]
DELETED_USERS = {"old-admin"}
STAFF = ["maya", "tomas", "priya", "jonas", "kenji", "lena", "ahmed", "sofia", "grace"]
RIVERSIDE = ["leo.martins@harborclubs.example", "coach:riverside", "ana sousa", "bea", "carlos", "nina", "quinn"]
LAKESIDE = ["dina", "eli", "fatima", "gus", "hana", "omar"]
NORTHSIDE = ["ivan", "jade", "kofi", "lucia", "mo", "pia"]

# id, name, private, creator, members (member_ids, or None to come from memberships), custom_data
ROOMS = [
    ("general", "Harbor team", False, "grace", STAFF, {"topic": "Everything Harbor"}),
    ("engineering", "Engineering", False, "tomas", STAFF[1:8], {"highlight_color": "blue"}),
    ("harbor-support", "Harbor Support", False, "maya", None, {"members": "clubs and staff", "sla_hours": 24}),
    ("riverside-fc", "Riverside FC ⚽", False, "leo.martins@harborclubs.example", RIVERSIDE + ["maya"], {"club_id": 1041}),
    ("lakeside-juniors", "Lakeside Juniors", False, "dina", LAKESIDE + ["maya", "support-bot"], {"club_id": 1077}),
    ("northside-united", "Northside United", False, "ivan", None, {"club_id": 1102}),
    ("riverside/coaches", "Riverside coaches", True, "leo.martins@harborclubs.example", ["leo.martins@harborclubs.example", "coach:riverside", "maya"], {}),
    ("maya_x_tomas", "Maya & Tomás", True, "maya", ["maya", "tomas"], {}),
    ("maya_x_leo", "Maya & Leo", True, "leo.martins@harborclubs.example", ["maya", "leo.martins@harborclubs.example"], {}),
    ("launch-crew", "Launch crew", True, "lost-founder", ["maya", "tomas", "grace", "lena"], {"push": "on"}),
    ("beta-feedback 2019", "Beta feedback (2019)", False, "old-admin", ["old-admin", "maya"], {}),
]
DELETED_ROOMS = {"beta-feedback 2019"}
MEMBERSHIPS = {
    "harbor-support": ["maya", "support-bot", "sofia", "leo.martins@harborclubs.example", "dina", "ivan", "pia", "nina"],
    "northside-united": NORTHSIDE + ["maya", "support-bot"],
}

LINES = {
    "general": ["Morning all ☀️", "Standup moved to 10:15", "Who has the projector cable?", "Pushed the fixture-sync fix to staging",
                "Pusher just announced Chatkit is shutting down on April 23 😬", "Shortlist for the replacement is in the doc",
                "We picked Stream for chat, migration plan next week", "Export requested from Pusher support",
                "Release notes for 3.2 are drafted", "Coffee ☕ anyone?"],
    "engineering": ["The Chatkit export came back: users, rooms, messages", "Message ids repeat across rooms in their sample, careful",
                    "Room ids with spaces, lovely", "Cursors are not in the export, pulling them from the API",
                    "Attachment links expire after 7 days, we need to re-host", "CI is green again", "Who owns the iOS push cert?",
                    "Android build is flaky on the emulator", "Migrated staging, unread counts look right", "PR for the id mapping is up"],
    "harbor-support": ["Hi, the fixtures page shows last week's games", "Thanks, we are looking at it", "Can parents see the team sheet?",
                       "Only coaches can edit it, parents can read", "The app logged me out after the update",
                       "Please update to 3.1.2, that fixes it", "Is the chat going away?", "No, it moves to a new provider in April, history stays"],
    "club": ["Training moved to 6pm because of the rain", "Who can drive to the away game on Saturday?", "I can take 3 kids 🚗",
             "Kit collection is on Thursday", "Great result today, well done everyone 👏", "Match photos are up",
             "Reminder: subs are due this month", "Can someone bring the first-aid kit?", "Pitch 2 is closed, we use pitch 4",
             "The league table is updated"],
    "dm": ["Got a minute?", "Sure", "Can you review the migration plan?", "Looks good, two comments inline", "Thanks!",
           "Call at 3?", "👍", "Sent you the export numbers"],
}


def ts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def text(content):
    return {"part_type": "inline", "payload": {"type": "text/plain", "content": content}}


def main():
    rng = random.Random(SEED)
    OUT.mkdir(exist_ok=True)
    created = datetime(2019, 9, 2, 9, 0)

    users = []
    for i, (uid, name, custom) in enumerate(USERS):
        t = created + timedelta(days=i, minutes=7 * i)
        u = {"id": uid, "name": name}
        if uid in ("maya", "tomas", "leo.martins@harborclubs.example", "dina"):
            u["avatar_url"] = f"{CDN}/avatars/{uid.split('@')[0].replace('.', '-')}.png"
        if custom:
            u["custom_data"] = custom
        u["created_at"] = ts(t)
        u["updated_at"] = ts(t + timedelta(days=30 if i % 3 == 0 else 0))
        if uid in DELETED_USERS:
            u["deleted_at"] = ts(datetime(2019, 12, 20, 17, 0))
        users.append(u)

    rooms = []
    for i, (rid, name, private, creator, members, custom) in enumerate(ROOMS):
        t = datetime(2019, 10, 1, 10, 0) + timedelta(days=i)
        r = {"id": rid, "created_by_id": creator, "name": name}
        if members is not None:
            r["member_ids"] = members
        if rid == "general":
            r["push_notification_title_override"] = "Harbor"
        r["private"] = private
        if custom:
            r["custom_data"] = custom
        r["created_at"] = ts(t)
        r["updated_at"] = ts(t)
        if rid in DELETED_ROOMS:
            r["deleted_at"] = ts(datetime(2019, 12, 31, 12, 0))
        rooms.append(r)

    def members_of(rid):
        room = next(r for r in ROOMS if r[0] == rid)
        return room[4] if room[4] is not None else MEMBERSHIPS[rid]

    # Messages: one instance-wide id sequence (Chatkit's), rooms interleaved in time.
    messages = []
    next_id = 10_001
    t = datetime(2020, 1, 6, 9, 0)
    end = datetime(2020, 3, 27, 18, 0)
    per_room = {"general": 70, "engineering": 80, "harbor-support": 40, "riverside-fc": 45, "lakeside-juniors": 35,
                "northside-united": 30, "riverside/coaches": 12, "maya_x_tomas": 20, "maya_x_leo": 10, "launch-crew": 15,
                "beta-feedback 2019": 4}
    plan = [rid for rid, n in per_room.items() for _ in range(n)]
    rng.shuffle(plan)
    step = (end - t) / len(plan)
    for k, rid in enumerate(plan):
        when = t + step * k + timedelta(seconds=rng.randrange(0, 50))
        if rid == "beta-feedback 2019":
            when = datetime(2019, 11, 5, 10, 0) + timedelta(hours=k)
        people = [m for m in members_of(rid) if m != "support-bot" or rid == "harbor-support"]
        sender = rng.choice(people)
        pool = LINES.get(rid) or (LINES["club"] if rid.endswith(("fc", "juniors", "united", "coaches")) else LINES["dm"] if "_x_" in rid else LINES["general"])
        parts = [text(rng.choice(pool))]
        roll = rng.random()
        folder = f"{FILES}/{rid.replace(' ', '%20').replace('/', '%2F')}/files"
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
            parts.append({"part_type": "url", "payload": {"type": "image/png", "url": f"{CDN}/screens/screen-{k}.png"}})
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

    # The special ones, after the rest.
    late = datetime(2020, 3, 30, 9, 0)
    add("engineering", "priya", late, [text("Migration dry run results:"), {"part_type": "inline", "payload": {"type": "application/json", "content": json.dumps({"users": 30, "rooms": 11, "messages": 361})}},
                                        text("All ids mapped, see the report.")])
    add("harbor-support", "leo.martins@harborclubs.example", late + timedelta(minutes=5), [text("Here is the consent form"),
        {"part_type": "attachment", "payload": {"type": "application/pdf", "size": 88_102, "download_url": f"{FILES}/harbor-support/files/3f9a1c{'?X-Amz-Expires=604800'}"}}])
    m = add("general", "tomas", late + timedelta(minutes=20), [text("Cutover is on April 22, not 23")])
    m["updated_at"] = ts(late + timedelta(minutes=24))
    m["parts"] = [text("Cutover is on April 21, not 23 (edited)")]
    add("riverside-fc", "carlos", late + timedelta(minutes=30), [], deleted_at=ts(late + timedelta(minutes=31)))
    add("maya_x_tomas", "tomas", late + timedelta(hours=1), [text("Can you check the unread counts after import?"), text("Especially for the clubs")])
    add("riverside-fc", "quinn", late + timedelta(hours=2), [text("Coach, is training on tomorrow? 🤔")])
    add("riverside-fc", "lost-player", late + timedelta(hours=2, minutes=5), [text("yes, 6pm")])
    messages.sort(key=lambda m: (m["created_at"], m["id"]))

    # Cursors: per member and room, somewhere in the room's history (Chatkit positions are message ids).
    cursors = []
    for rid, *_ in ROOMS:
        ids = [m["id"] for m in messages if m["room_id"] == rid]
        if not ids or rid in DELETED_ROOMS:
            continue
        for user in members_of(rid):
            if user == "support-bot":
                continue
            roll = rng.random()
            if user == "maya":
                behind = {"engineering": 6, "harbor-support": 3, "riverside-fc": 4, "maya_x_tomas": 1}.get(rid, 0)
                position = ids[-1 - behind] if behind else ids[-1] + 500  # past the newest message
            elif roll < 0.15:
                continue  # never opened the room: no cursor
            elif roll < 0.25:
                position = ids[0] - 1  # before the first message
            else:
                position = rng.choice(ids[len(ids) // 2:])
            cursors.append({"room_id": rid, "user_id": user, "cursor_type": 0, "position": position,
                            "updated_at": ts(datetime(2020, 3, 31, 8, 0) + timedelta(minutes=len(cursors)))})
    cursors.append({"room_id": "riverside-fc", "user_id": "carlos", "cursor_type": 0,
                    "position": next(m["id"] for m in messages if m.get("deleted_at")), "updated_at": "2020-03-31T09:00:00Z"})
    cursors = [c for i, c in enumerate(cursors) if not any(d["room_id"] == c["room_id"] and d["user_id"] == c["user_id"] for d in cursors[i + 1:])]

    roles = [
        {"name": "admin", "scope": "global", "permissions": ["room:create", "room:delete", "room:update", "room:join", "room:leave", "room:members:add",
                                                             "room:members:remove", "room:get", "room:messages:get", "message:create", "file:create", "file:get",
                                                             "cursors:read:get", "cursors:read:set", "user:get", "user:rooms:get", "presence:subscribe"]},
        {"name": "default", "scope": "global", "permissions": ["room:create", "room:join", "room:leave", "room:get", "room:messages:get", "message:create",
                                                               "file:create", "file:get", "cursors:read:get", "cursors:read:set", "user:get", "user:rooms:get"]},
        {"name": "club_coach", "scope": "room", "permissions": ["room:members:add", "room:members:remove", "room:update", "message:create"]},
        {"name": "club_member", "scope": "room", "permissions": ["message:create", "room:messages:get"]},
    ]
    user_roles = [{"user_id": u, "role_name": "admin", "scope": "global"} for u in ("maya", "tomas", "grace")]
    user_roles += [{"user_id": u, "role_name": "default", "scope": "global"} for u, *_ in USERS if u not in ("maya", "tomas", "grace")]
    user_roles += [{"user_id": "leo.martins@harborclubs.example", "role_name": "club_coach", "scope": "room", "room_id": "riverside-fc"},
                   {"user_id": "dina", "role_name": "club_coach", "scope": "room", "room_id": "lakeside-juniors"},
                   {"user_id": "ivan", "role_name": "club_coach", "scope": "room", "room_id": "northside-united"},
                   {"user_id": "ana sousa", "role_name": "club_member", "scope": "room", "room_id": "riverside-fc"}]
    memberships = [{"room_id": rid, "user_ids": ids} for rid, ids in MEMBERSHIPS.items()]

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

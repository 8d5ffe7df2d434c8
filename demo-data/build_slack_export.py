#!/usr/bin/env python3
"""Build demo-data/slack-export/: Northwind Labs' workspace as a Slack export would hold it.

The same story as demo.jsonl (build_demo.py builds both from workspace/*.toml with the
modules in builder/), in the shape of Slack's standard export: users.json, channels.json,
dms.json and mpims.json at the top, and a folder per conversation with one JSON array of
messages per day (YYYY-MM-DD.json, UTC). It is the input of `chatterm convert --from slack`
and of `chatterm demo --from slack`.

What Slack's export cannot say is left out as Slack leaves it out: read state (no last_read),
quoted replies, link previews and giphies (Slack keeps them as unfurls), devices and bans,
deleted messages (a deleted thread parent stays as a `tombstone`). Mentions become `<@id>`,
`&`, `<` and `>` are escaped, reactions are grouped by emoji, pins become `pinned_to`,
files keep their https URLs as `url_private`.

    python3 demo-data/build_slack_export.py

rewrites the folder byte for byte (standard library only).
"""

import json
import shutil
import sys
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_demo import build  # noqa: E402
from builder.workspace import load  # noqa: E402

OUT = HERE / "slack-export"
MIME = {"image": "image/jpeg", "video": "video/mp4", "audio": "audio/mpeg", "file": "application/pdf"}


def epoch(text):
    """An RFC 3339 time as Slack's ts, seconds and 6 digits."""
    t = datetime.strptime(text.rstrip("Z").split(".")[0], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
    fraction = (text.rstrip("Z").split(".") + ["0"])[1]
    return "%d.%s" % (t.timestamp(), (fraction + "000000")[:6])


def escaped(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def dump(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        if isinstance(value, list) and value and path.parent != OUT:
            # Day files: one message a line, so the built-in copy stays readable.
            f.write("[\n" + ",\n".join(json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in value) + "\n]\n")
        else:
            json.dump(value, f, ensure_ascii=False, indent=1)
            f.write("\n")


def main():
    items = build(load())
    by_type = defaultdict(list)
    for kind, data in items:
        by_type[kind].append(data)
    names = {u["id"]: u["name"] for u in by_type["user"]}

    users = []
    for u in by_type["user"]:
        s = {"id": u["id"], "name": u["id"], "real_name": u["name"], "deleted": "deactivated_at" in u, "is_admin": u.get("role") == "admin",
             "tz": u.get("timezone"), "profile": {"real_name": u["name"], "display_name": u["name"], "title": u.get("title", ""),
                                                  "image_512": u["image"]}}
        if "deactivated_at" in u:
            s["updated"] = int(float(epoch(u["deactivated_at"])))
        users.append(s)

    channels, dms, mpims, folders = [], [], [], {}
    members = defaultdict(list)
    for m in by_type["member"]:
        members[m.get("channel_id") or tuple(m["channel_member_ids"])].append(m["user_id"])
    for c in by_type["channel"]:
        created = int(float(epoch(c["created_at"])))
        if "id" in c:
            s = {"id": c["id"], "name": c["id"], "created": created, "creator": c["created_by"], "is_archived": bool(c.get("frozen")),
                 "members": members[c["id"]], "topic": {"value": c.get("topic", ""), "creator": c["created_by"], "last_set": created},
                 "purpose": {"value": c.get("description", ""), "creator": c["created_by"], "last_set": created}}
            channels.append(s)
            folders[c["id"]] = (c["id"], c["id"])
        else:
            ids = sorted(c["member_ids"])
            if len(ids) == 2:
                sid = "D" + "".join(i[:3].upper() for i in ids)
                dms.append({"id": sid, "created": created, "members": ids})
                folders[tuple(c["member_ids"])] = (sid, sid)
            else:
                sid = "G" + "".join(i[:2].upper() for i in ids)
                name = "mpdm-" + "--".join(ids) + "-1"
                mpims.append({"id": sid, "name": name, "created": created, "creator": c["created_by"], "members": ids})
                folders[tuple(c["member_ids"])] = (sid, name)

    reactions = defaultdict(dict)
    for r in by_type["reaction"]:
        reactions[r["message_id"]].setdefault(r["type"], []).append(r["user_id"])
    messages = {m["id"]: m for m in by_type["message"]}
    has_replies = {m["parent_id"] for m in by_type["message"] if "parent_id" in m}
    days = defaultdict(list)
    for m in by_type["message"]:
        key = m.get("channel_id") or tuple(m["channel_member_ids"])
        sid, folder = folders[key]
        ts = epoch(m["created_at"])
        if m["type"] == "deleted":
            if m["id"] not in has_replies:
                continue  # Slack's export leaves deleted messages out
            s = {"type": "message", "subtype": "tombstone", "user": "USLACKBOT", "hidden": True, "text": "This message was deleted.", "ts": ts, "thread_ts": ts}
        else:
            text = m.get("text", "")
            for uid in m.get("mentioned_users_ids", []):
                text = text.replace("@" + names.get(uid, uid), "\0" + uid + "\1")
            text = escaped(text).replace("\0", "<@").replace("\1", ">")
            s = {"type": "message", "user": m["user"], "text": text, "ts": ts}
            if m["type"] == "system":
                s["subtype"] = "channel_join" if "joined" in text else "channel_topic"
            if "parent_id" in m:
                s["thread_ts"] = epoch(messages[m["parent_id"]]["created_at"])
                if m.get("show_in_channel"):
                    s["subtype"] = "thread_broadcast"
            elif m["id"] in has_replies:
                s["thread_ts"] = ts
            files = [a for a in m.get("attachments", []) if a.get("type") in MIME and (a.get("image_url") or a.get("asset_url"))]
            if files:
                s["files"] = [{"id": "F%s%d" % (m["id"][-6:].upper(), i), "name": a.get("title", "file"), "title": a.get("title", "file"),
                               "mimetype": MIME[a["type"]], "size": a.get("file_size", 0), "url_private": a.get("image_url") or a["asset_url"]}
                              for i, a in enumerate(files)]
            if m.get("pinned_at"):
                s["pinned_to"] = [sid]
            if m["id"] in reactions:
                s["reactions"] = [{"name": name, "users": who, "count": len(who)} for name, who in reactions[m["id"]].items()]
        days[(folder, datetime.fromtimestamp(float(ts), timezone.utc).strftime("%Y-%m-%d"))].append(s)

    if OUT.exists():
        shutil.rmtree(OUT)
    dump(OUT / "users.json", users)
    dump(OUT / "channels.json", channels)
    dump(OUT / "dms.json", dms)
    dump(OUT / "mpims.json", mpims)
    for (folder, day), msgs in sorted(days.items()):
        dump(OUT / folder / (day + ".json"), sorted(msgs, key=lambda s: s["ts"]))
    print("slack-export/: %d users, %d channels, %d DMs, %d group DMs, %d messages in %d day files"
          % (len(users), len(channels), len(dms), len(mpims), sum(len(v) for v in days.values()), len(days)))


if __name__ == "__main__":
    sys.exit(main())

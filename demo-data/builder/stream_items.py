"""The Stream Chat import items: users, devices, future channel bans, channels,
members (with last_read), messages, reactions, polls and poll votes, in the order
Stream wants."""

import json
from datetime import timedelta

from . import polls
from .attachments import ALNUM
from .conversation import ms, ts
from .workspace import parse_time


def reaction_kinds(m):
    t = m["text"]
    if any(s in t for s in ("🎉", "🚀", "✅", "done", "live", "GG", "won", "KILL", "welcome", "Welcome", "🥂", "🏆")):
        return ["tada", "love", "fire", "rocket", "+1", "like", "love"]
    if any(s in t for s in ("😂", "🤣", "🙃", "lol", "😅", "🙈", "goat")):
        return ["haha", "haha", "haha", "love", "+1"]
    if any(s in t for s in ("😬", "💀", "🔥 PagerDuty", "⚠️", "broke", "miss you", "Last day", "😭", "🥲", "wrong")):
        return ["sad", "wow", "eyes", "pray"]
    if m["atts"] and m["atts"][0].get("type") in ("image", "video", "giphy"):
        return ["love", "wow", "fire", "haha", "like"]
    if t.rstrip().endswith("?"):
        return ["eyes", "+1", "like"]
    return ["like", "+1", "love", "haha", "100", "pray", "like"]


def reactions(story, messages):
    r, end, out = story.rng, story.ws.end, []
    for m in messages:
        ch = m["ch"]
        if m["type"] in ("system", "deleted"):
            continue
        p = 0.9 if m["pin"] else 0.55 if m["atts"] else 0.1 if ch.type == "livestream" else 0.2
        if any(s in m["text"] for s in ("🎉", "🚀", "✅")):
            p = max(p, 0.6)
        if r.random() > p:
            continue
        kinds = reaction_kinds(m)
        n = 1 + int(r.expovariate(0.6)) + (3 if m["pin"] else 0)
        seen = set()
        for _ in range(n):
            when = ms(m["created"] + timedelta(seconds=3 + r.expovariate(1 / 1800)))
            if when > min(end, ch.until):
                break
            crowd = [u for u in ch.crowd(when) if u != m["user"]]
            if not crowd:
                break
            who, kind = r.choice(crowd), r.choice(kinds)
            if (who, kind) in seen:
                continue
            seen.add((who, kind))
            out.append(dict(msg=m, type=kind, user=who, created=when))
    return out


def last_read(story, ch, uid, m):
    """Where a member stopped reading. The demo user is behind in her
    `unread` channels; others are somewhere in the last messages, or (no
    last_read) have read everything."""
    r, ws = story.rng, story.ws
    if m["invited"] and not m["accepted"]:
        return None
    msgs = sorted((x for x in ch.msgs if x["created"] >= m["active"]), key=lambda x: x["created"])
    if uid == ws.demo_user:
        before = [x for x in msgs if x["created"] < ws.away]
        if ch.spec.get("unread"):
            return min(before[-1]["created"] + timedelta(seconds=r.uniform(5, 900)), ws.away - timedelta(minutes=1))
        if r.random() < 0.3 or not before:
            return None   # no last_read = everything read
        return before[-1]["created"] + timedelta(seconds=r.uniform(5, 3600))
    alive = [x for x in msgs if uid not in ws.deactivated or x["created"] < ws.deactivated[uid]]
    if r.random() < 0.3 or not alive:
        return None
    return alive[-min(len(alive), r.randint(1, 25))]["created"] + timedelta(seconds=r.uniform(1, 120))


def device_token(rng, kind):
    """A made-up push token of the provider's shape."""
    r = rng
    if kind == "apn":
        return "%064x" % r.getrandbits(256)
    if kind == "firebase":
        return "".join(r.choice(ALNUM) for _ in range(11)) + ":APA91b" + "".join(r.choice(ALNUM + "_-") for _ in range(134))
    if kind == "huawei":
        return "".join(r.choice(ALNUM) for _ in range(130))
    return "".join(r.choice(ALNUM) for _ in range(44))  # xiaomi regId


def items(story, seed):
    """All import items as (type, data) pairs."""
    ws = story.ws
    messages = story.messages()
    reacts = reactions(story, messages)
    reacts.sort(key=lambda x: (x["created"], x["msg"]["id"]))

    poll_of = polls.anchors(messages)
    out = []
    for u in ws.people:
        uid = u["id"]
        d = dict(id=uid, name=u["name"], image="%s/avatars/%s.jpg" % (ws.cdn, uid.replace("_", "-")), role=u["role"],
                 created_at=ts(parse_time(u["joined"])))
        for k, v in ws.profile(uid).items():
            d[k] = ts(parse_time(v)) if k == "deactivated_at" else v
        out.append(("user", d))
    for dev in ws.devices:
        kind = dev["push_provider_type"]
        out.append(("device", dict(id=device_token(story.rng, kind), user_id=dev["user"], push_provider_type=kind,
                                   push_provider_name=dev["push_provider_name"], created_at=ts(parse_time(dev["created_at"])))))
    for ban in ws.future_bans:
        out.append(("future_channel_ban", dict(created_by=ban["created_by"], target_id=ban["target_id"],
                                               created_at=ts(parse_time(ban["created_at"])), reason=ban["reason"])))
    for ch in story.channels:
        s = ch.spec
        d = dict(type=ch.type)
        if ch.id:
            d["id"] = ch.id
        else:
            d["member_ids"] = ch.member_ids
        d.update(created_by=s["created_by"], created_at=ts(ch.created))
        for k in ("name", "description", "topic"):
            if k in s:
                d[k] = s[k]
        if ch.id:
            d["image"] = "%s/channels/%s.png" % (ws.cdn, ch.id)
        if s.get("frozen"):
            d["frozen"] = True
        if s.get("banned_users"):
            d["banned_users"] = s["banned_users"]
        out.append(("channel", d))
    for ch in story.channels:
        for uid, m in ch.members.items():
            d = dict(ch.where(), user_id=uid, channel_role=m["role"], created_at=ts(m["created"]))
            if m["invited"]:
                d["invited"] = True
                if m["accepted"]:
                    d["invite_accepted_at"] = ts(m["accepted"])
            lr = last_read(story, ch, uid, m)
            if lr:
                d["last_read"] = ts(ms(lr))
            out.append(("member", d))
    for m in messages:
        d = dict(id=m["id"], **m["ch"].where(), user=m["user"], type=m["type"], text=m["text"],
                 created_at=ts(m["created"]))
        if m["parent"]:
            d["parent_id"] = m["parent"]["id"]
            if m["show"]:
                d["show_in_channel"] = True
        if m["quote"]:
            d["quoted_message_id"] = m["quote"]["id"]
        if m["id"] in poll_of:
            d["poll_id"] = poll_of[m["id"]]
        if m["mentions"]:
            d["mentioned_users_ids"] = m["mentions"]
        if m["atts"]:
            d["attachments"] = m["atts"]
        if m["pin"]:
            at, by, exp = m["pin"]
            d.update(pinned=True, pinned_at=ts(at), pinned_by_id=by, pin_expires=ts(exp))
        if m["deleted_at"]:
            d["deleted_at"] = ts(m["deleted_at"])
        out.append(("message", d))
    for x in reacts:
        out.append(("reaction", dict(message_id=x["msg"]["id"], type=x["type"], user_id=x["user"],
                                     created_at=ts(x["created"]))))
    out.extend(polls.items(story, messages, seed))
    return out


def dump(item):
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


def write_jsonl(path, lines):
    """One line per item; an item that is a str is written as is (broken.jsonl)."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for item in lines:
            f.write((item if isinstance(item, str) else dump(item)) + "\n")

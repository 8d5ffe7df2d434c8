"""Telling the story: conversations become timed messages in channels.

A Story holds the channels, the one random generator (its call order is part
of the output: change the order of anything here and every later message
moves) and the messages placed so far. render() turns a conversation of the
mini-language into messages at a moment; commit() keeps them. The dated events
are placed first, then the scenes (scenes.py), then fill() adds random
sessions until each channel reaches its target.
"""

import random
import re
from datetime import datetime, timedelta

from .attachments import attachment
from .channel import Channel
from .conversation import ATT_RE, LETTERS, TOKEN_RE, duration, ms, parse_snippet, phase_of, slot_value
from .workspace import parse_time


class Story:
    def __init__(self, ws, seed):
        self.ws = ws
        self.rng = random.Random(seed)
        self.channels = [Channel(ws, s) for s in ws.channels]
        self.by_key = {c.key: c for c in self.channels}
        self.seq = 0
        self.chatter_uses = {}
        self.snippet_uses = set()
        self.demo_decks = {}
        self.standup_memory = {}

    # --- sessions --------------------------------------------------------------
    def render(self, ch, start, snippet, gap=50.0, strict=False, letters=None, exclude=()):
        """Turn a snippet into messages starting at `start`. Returns the list
        (not yet committed) or None if the snippet doesn't fit this moment."""
        r, ws = self.rng, self.ws
        if not snippet:
            return None
        lines = parse_snippet(snippet)
        wanted = sorted({l["who"] for l in lines if l["who"] in LETTERS} |
                        {k for l in lines for _, k in TOKEN_RE.findall(l["text"]) if k in LETTERS})
        explicit = {l["who"] for l in lines if l["who"] not in LETTERS}
        letters = dict(letters or {})
        pool = [u for u in ch.crowd(start) if u not in explicit and u not in letters.values() and u not in exclude]
        r.shuffle(pool)
        for k in wanted:
            if k not in letters:
                if not pool:
                    if strict:
                        raise ValueError("not enough people in %s for %r" % (ch.key, snippet))
                    return None
                letters[k] = pool.pop()
        memo, out = {}, []
        t = ms(start + timedelta(seconds=r.uniform(0, 50)))
        parent = None
        for i, l in enumerate(lines):
            if i:
                t += timedelta(seconds=(12 + min(r.expovariate(1 / 200), 3600)) if l["reply"]
                               else (4 + min(r.expovariate(1 / gap), 900)))
            if "wait" in l["flags"]:
                t += duration(l["flags"]["wait"]) * r.uniform(0.9, 1.15)
            t = ms(t)
            who = letters.get(l["who"], l["who"])
            if not ch.can_speak(who, t) and not (who in ws.bots and who in ch.members):
                if strict:
                    raise ValueError("%s can't speak in %s at %s: %r" % (who, ch.key, t, l["text"]))
                return None
            mentions = []

            def fill(text):
                def sub(m):
                    at, key = m.groups()
                    uid = letters.get(key) or (key if key in ws.users else None)
                    if uid:
                        if at:
                            mentions.append(uid)
                            return "@" + ws.name[uid]
                        return ws.first[uid]
                    if key not in memo:
                        memo[key] = fill(slot_value(ws, key, r, t))
                    return at + memo[key]
                return TOKEN_RE.sub(sub, text)

            atts = []

            def att(m):
                kind, arg = m.groups()
                atts.extend(attachment(ws, r, kind, arg, t, fill))
                return " " + atts[-1]["title_link"] if kind == "link" else ""

            text = fill(ATT_RE.sub(att, l["text"])).strip()
            self.seq += 1
            msg = dict(seq=self.seq, ch=ch, user=who, created=t, text=text, type="regular", parent=None,
                       show=False, quote=None, mentions=list(dict.fromkeys(mentions)), atts=atts, pin=None,
                       deleted_at=None)
            if "sys" in l["flags"]:
                msg["type"] = "system"
            elif l["reply"]:
                msg.update(type="reply", parent=parent, show="also" in l["flags"])
            if l["quote"]:
                if l["reply"] or parent is not None:
                    msg["quote"] = out[-1] if l["reply"] else parent
                else:
                    older = ch.older_top_level(start - timedelta(minutes=10))[-40:]
                    msg["quote"] = r.choice(older) if older else None
            if "pin" in l["flags"]:
                mods = [u for u, m in ch.members.items() if m["role"] == "channel_moderator" and ch.can_speak(u, t)]
                by = who if who not in ws.bots and (not mods or r.random() < 0.4) else (r.choice(mods) if mods else who)
                at = ms(t + timedelta(seconds=r.uniform(20, 1800)))
                span = l["flags"]["pin"]
                msg["pin"] = (at, by, ws.pin_expires if span is True else ms(at + duration(span)))
            if "del" in l["flags"]:
                msg.update(type="deleted", deleted_at=ms(t + timedelta(seconds=r.uniform(15, 90))))
            if not l["reply"] and msg["type"] == "regular":
                parent = msg
            out.append(msg)
        if out[0]["created"] <= ch.created or out[-1]["created"] > min(ch.until, ws.end):
            if strict:
                raise ValueError("event outside %s's lifetime: %r" % (ch.key, snippet))
            return None
        return out

    def commit(self, ch, msgs):
        ch.msgs.extend(msgs)
        ch.busy.append((msgs[0]["created"] - timedelta(minutes=3), msgs[-1]["created"] + timedelta(minutes=3)))

    def try_session(self, ch, start, snippet, **kw):
        msgs = self.render(ch, start, snippet, **kw)
        if msgs and ch.free(msgs[0]["created"] - timedelta(minutes=3), msgs[-1]["created"] + timedelta(minutes=3)):
            self.commit(ch, msgs)
            return msgs
        return None

    def pick_chatter(self, lines, k, when=None):
        """k distinct lines, favouring the least used ones so repeats stay rare.
        A "mon|" or "fri|" prefix limits a line to that weekday."""
        r = self.rng
        today = when.strftime("%a").lower() if when else None
        lines = [l for l in lines if "|" not in l[:4] or l[:3] == today]
        picked = []
        for _ in range(k):
            pool = [l for l in lines if l not in picked and (len(l) <= 16 or "{" in l or self.chatter_uses.get(l, 0) < 3)]
            if not pool:
                break
            cands = r.sample(pool, min(4, len(pool)))
            best = min(cands, key=lambda l: self.chatter_uses.get(l, 0))
            self.chatter_uses[best] = self.chatter_uses.get(best, 0) + 1
            picked.append(best)
        return [l.split("|", 1)[1] if "|" in l[:4] else l for l in picked]

    def chatter_snippet(self, key, n, people=3, when=None):
        """A burst of chatter.toml's lines: openers, each answered by other
        people, now and then in a thread."""
        r, chatter = self.rng, self.ws.chatter
        letters = LETTERS[:max(2, people)]
        rows, left, prev, i = [], n, None, 0
        while left > 0:
            picked = self.pick_chatter(chatter[key]["open"], 1, when)
            if not picked:
                break
            opener, answers = (picked[0].split(" => ") + [""])[:2]
            # own slot values per opener, so two openers don't share a {mig_item}
            i += 1
            opener = re.sub(r"\{([a-z_]+\d*)\}", lambda m: m.group(0) if m.group(1) in self.ws.users else
                            "{%s_%d}" % (m.group(1), i), opener)
            if re.match(r"^[a-z_]+: ", opener):   # explicit speaker (the bot)
                a, line = opener.split(": ", 1)
            else:
                a = r.choice([x for x in letters if x != prev])
                line = opener
            prev, left = a, left - 1
            others = [x for x in letters if x != a]
            rows.append("%s: %s" % (a, line.replace("{B}", "{%s}" % r.choice(others))))
            k = 0 if "Deployed" in opener else min(left, r.choice([0, 1, 1] if people == 2 else [0, 1, 1, 2, 2, 3]))
            replies = ([r.choice(answers.split(" | "))] if answers and left else []) + \
                self.pick_chatter(chatter[key]["re"], max(0, k - (1 if answers and left else 0)))
            indent = "  " if r.random() < 0.3 else ""
            for resp in replies:
                rows.append("%s%s: %s" % (indent, r.choice(others), resp.replace("{B}", "{%s}" % a)))
                left -= 1
        return "\n".join(rows) or None

    def random_start(self, ch, lo=None, hi=None):
        r, ws = self.rng, self.ws
        lo = max(lo or ws.start, ch.created + timedelta(hours=1))
        hi = min(hi or ws.end, ch.until) - timedelta(hours=2)
        if ws.demo_user in ch.members and not ch.spec.get("unread"):
            hi = min(hi, ws.away - timedelta(hours=2))
        h0, h1 = ch.spec.get("hours", (8, 18))
        for _ in range(200):
            day = lo.date() + timedelta(days=r.randrange((hi.date() - lo.date()).days + 1))
            if day.weekday() >= 5 and r.random() > ch.spec.get("weekend", 0.05):
                continue
            t = datetime(day.year, day.month, day.day) + timedelta(hours=r.triangular(h0, h1))
            if lo <= t <= hi:
                return ms(t)
        raise RuntimeError("no time slot for " + ch.key)

    # --- the story -------------------------------------------------------------
    def place_joins(self):
        """A system message for each member who arrived after the channel began."""
        for ch in self.channels:
            for uid, m in ch.members.items():
                if m["active"] and m["active"] > max(ch.created, self.ws.start):
                    self.seq += 1
                    ch.msgs.append(dict(seq=self.seq, ch=ch, user=uid, created=ms(m["active"] + timedelta(seconds=1)),
                                        text="%s joined the channel." % self.ws.name[uid], type="system", parent=None,
                                        show=False, quote=None, mentions=[], atts=[], pin=None, deleted_at=None))

    def place_events(self):
        """events.toml, at their dates (strict: an event that doesn't fit is an error)."""
        for key, when, snippet in sorted(self.ws.events, key=lambda e: parse_time(e[1])):
            ch = self.by_key[key]
            msgs = self.render(ch, parse_time(when), snippet, strict=True)
            self.commit(ch, msgs)

    def fill(self):
        """Random sessions (a snippet, or a burst of chatter) until each
        channel with an activity target has that many messages."""
        r = self.rng
        for ch in self.channels:
            target = ch.spec.get("target")
            if not target:
                continue
            pools = self.ws.snippets.get(ch.key, {})
            tries = 0
            while len(ch.msgs) < target and tries < 20000:
                tries += 1
                start = self.random_start(ch)
                cands = [s for s in pools.get(phase_of(self.ws, start), []) + pools.get("any", []) if s not in self.snippet_uses]
                if cands and r.random() < 0.55:
                    snip = r.choice(cands)
                    if self.try_session(ch, start, snip):
                        self.snippet_uses.add(snip)
                    continue
                n = r.choice([1, 2, 2, 3, 3, 4, 5, 6, 8]) if not ch.member_ids else r.choice([1, 2, 2, 3, 4])
                people = min(4, len([u for u in ch.members if u not in self.ws.bots]))
                self.try_session(ch, start, self.chatter_snippet(ch.key, n, people, start), exclude=ch.spec.get("quiet", ()))
            if len(ch.msgs) < target:
                raise RuntimeError("could not fill %s (%d/%d)" % (ch.key, len(ch.msgs), target))

    def random_deletions(self):
        """People delete things: typos, wrong channel. Only plain leaves, so no
        thread, quote or pin ever points at a deleted message."""
        r = self.rng
        referenced = {id(m["parent"]) for c in self.channels for m in c.msgs if m["parent"]}
        referenced |= {id(m["quote"]) for c in self.channels for m in c.msgs if m["quote"]}
        for ch in self.channels:
            for m in ch.msgs:
                if (m["type"] == "regular" and not m["pin"] and id(m) not in referenced and m["user"] not in self.ws.bots
                        and not m["atts"] and r.random() < 0.008):
                    m.update(type="deleted", deleted_at=ms(m["created"] + timedelta(seconds=r.uniform(10, 900))))

    def messages(self):
        """All messages in time order, with their final ids (msg-000001…)."""
        messages = sorted((m for c in self.channels for m in c.msgs), key=lambda m: (m["created"], m["seq"]))
        for i, m in enumerate(messages, 1):
            m["id"] = "msg-%06d" % i
        return messages

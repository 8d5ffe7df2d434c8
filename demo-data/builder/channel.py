"""A channel while the story is told: its members and who may speak when."""

from .workspace import parse_time


class Channel:
    def __init__(self, ws, spec):
        self.ws = ws
        self.spec = spec
        self.key = spec["key"]
        self.type = spec["type"]
        self.id = spec.get("id")
        self.member_ids = None if self.id else sorted(spec["members"])
        self.created = parse_time(spec["created_at"])
        self.until = parse_time(spec["until"]) if "until" in spec else ws.end
        self.posters = set(spec.get("posters", []))
        self.banned = set(spec.get("banned_users", []))
        self.msgs, self.busy = [], []
        self.members = {}
        joins, invites, mods = spec.get("join", {}), spec.get("invited", {}), set(spec.get("mods", []))
        for uid in spec["members"]:
            m = dict(role="channel_moderator" if uid in mods else "channel_member", invited=False,
                     accepted=None, created=self.created)
            if uid in joins:
                m["created"] = parse_time(joins[uid])
            if uid in invites:
                inv, acc = invites[uid]
                m.update(created=parse_time(inv), invited=True, accepted=parse_time(acc) if acc else None)
            if ws.created[uid] > m["created"]:
                raise ValueError("%s joins %s before the user exists" % (uid, self.key))
            m["active"] = m["accepted"] if m["invited"] else m["created"]
            self.members[uid] = m

    def where(self):
        """The channel reference used by members and messages."""
        if self.id:
            return {"channel_type": self.type, "channel_id": self.id}
        return {"channel_type": self.type, "channel_member_ids": self.member_ids}

    def can_speak(self, uid, t):
        ws = self.ws
        if uid not in ws.users or ws.created[uid] > t or (uid in ws.deactivated and t >= ws.deactivated[uid]):
            return False
        if uid == ws.demo_user and t >= ws.away:
            return False
        m = self.members.get(uid)
        if m:
            return m["active"] is not None and m["active"] <= t
        return self.type == "livestream"

    def crowd(self, t):
        """Who may be picked at random to talk (or react) at time t."""
        pool = list(self.members) + sorted(self.posters - set(self.members))
        return [u for u in pool if u not in self.ws.bots and u not in self.banned and self.can_speak(u, t)]

    def free(self, start, end):
        return all(end < a or start > b for a, b in self.busy)

    def older_top_level(self, before):
        return [m for m in self.msgs if m["parent"] is None and m["type"] == "regular" and m["created"] < before
                and len(m["text"]) > 25]

"""Load the demo workspace from demo-data/workspace/*.toml.

The files describe Northwind Labs once; every builder reads them through this
module, so the Stream import file, the Chatkit export (and any later export)
come from one source:

  workspace.toml  the company and the story's frame (dates, demo user, phases)
  people.toml     users and groups
  channels.toml   channels and their members
  stream.toml     what only Stream has: push devices, future channel bans
  events.toml     the dated conversations of the story
  snippets.toml   reusable conversations, by channel and phase
  chatter.toml    filler lines, by channel
  scenes.toml     standups, Friday demos, raid nights, the launch livestream
  slots.toml      values for {slots} and [link:...] previews
  chatkit.toml    the Chatkit instance (build_chatkit_export.py only)

Fields keep their file names, so a new builder can use the plain data
(`Workspace.people`, `Workspace.channels`…) without knowing the Stream one.
"""

import textwrap
import tomllib
from datetime import datetime
from pathlib import Path

DIR = Path(__file__).resolve().parent.parent / "workspace"

# user fields that are not profile fields (profile fields are written on the user)
USER_CORE = ("id", "name", "role", "joined", "bot")


def parse_time(s):
    for fmt in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(s, fmt)
        except ValueError:
            pass
    raise ValueError(s)


def read(name, folder=DIR):
    with open(folder / name, "rb") as f:
        return tomllib.load(f)


def conversation(text):
    """A conversation as the mini-language parser wants it: no common indent,
    no blank first or last line."""
    return textwrap.dedent(text).strip("\n")


class Workspace:
    def __init__(self, folder=DIR):
        self.folder = folder
        frame = read("workspace.toml", folder)
        w = frame["workspace"]
        self.title = w["name"]
        self.cdn = w["cdn"]
        self.start, self.end = parse_time(w["start"]), parse_time(w["end"])
        self.demo_user, self.away = w["demo_user"], parse_time(w["demo_user_away"])
        self.pin_expires = parse_time(w["pin_expires"])
        self.phases = [(p["name"], parse_time(p["since"])) for p in frame["phase"]]

        people = read("people.toml", folder)
        self.groups = people["groups"]
        self.people = people["user"]
        self.users = {u["id"]: u for u in self.people}
        if len(self.users) != len(self.people):
            raise ValueError("people.toml: duplicate user id")
        self.name = {u["id"]: u["name"] for u in self.people}
        self.first = {u["id"]: u["name"].split()[0] for u in self.people}
        self.created = {u["id"]: parse_time(u["joined"]) for u in self.people}
        self.deactivated = {u["id"]: parse_time(u["deactivated_at"]) for u in self.people if "deactivated_at" in u}
        self.bots = {u["id"] for u in self.people if u.get("bot")}
        self.viewers = self.groups["viewers"]
        for group, ids in self.groups.items():
            self.check_users(ids, "group " + group)

        stream = read("stream.toml", folder)
        self.devices = stream.get("device", [])
        self.future_bans = stream.get("future_channel_ban", [])

        self.channels = [self.channel_spec(c) for c in read("channels.toml", folder)["channel"]]
        self.channel_keys = {c["key"] for c in self.channels}

        self.events = [(e["channel"], e["at"], conversation(e["text"])) for e in read("events.toml", folder)["event"]]
        self.snippets = {ch: {phase: [conversation(s["text"]) for s in lst] for phase, lst in phases.items()}
                         for ch, phases in read("snippets.toml", folder).items()}
        self.chatter = read("chatter.toml", folder)
        for key in [e[0] for e in self.events] + list(self.snippets) + list(self.chatter):
            if key not in self.channel_keys:
                raise ValueError("no channel %r in channels.toml" % key)
        for spec in self.channels:
            if spec.get("target") and spec["key"] not in self.chatter:
                raise ValueError("channel %s has an activity target but no [%s] in chatter.toml" % (spec["key"], spec["key"]))
        for ch, phases in self.snippets.items():
            for phase in phases:
                if phase != "any" and phase not in dict(self.phases):
                    raise ValueError("snippets.toml: unknown phase %r for %s" % (phase, ch))

        slots = read("slots.toml", folder)
        self.tasks, self.changes, self.lists = slots["tasks"], slots["changes"], slots["lists"]
        self.links = {k: (v["url"], v["title"], v["text"], v.get("image")) for k, v in slots["links"].items()}

        self.scenes = read("scenes.toml", folder)

    # --- helpers ----------------------------------------------------------------
    def check_users(self, ids, where):
        missing = [u for u in ids if u not in self.users]
        if missing:
            raise ValueError("%s: unknown users %s" % (where, ", ".join(missing)))

    def expand(self, ids, groups=None):
        """A member list with "group:<name>" entries replaced by the group."""
        groups = self.groups if groups is None else groups
        out = []
        for u in ids:
            out.extend(groups[u[6:]] if u.startswith("group:") else [u])
        return out

    def profile(self, uid):
        """A user's profile fields (title, timezone, …) in file order."""
        return {k: v for k, v in self.users[uid].items() if k not in USER_CORE}

    def channel_spec(self, c):
        """channels.toml's [[channel]] as the Stream builder uses it: the
        activity fields flattened, groups expanded, invitations as pairs."""
        spec = {}
        for k, v in c.items():
            if k == "activity":
                spec.update(v)
            elif k in ("members", "posters"):
                spec[k] = self.expand(v)
            elif k == "moderators":
                spec["mods"] = v
            elif k == "joined":
                spec["join"] = v
            elif k == "invited":
                spec["invited"] = {u: (d[0], d[1] if len(d) > 1 else None) for u, d in v.items()}
            else:
                spec[k] = v
        where = "channel " + spec["key"]
        self.check_users(spec["members"] + spec.get("posters", []) + spec.get("mods", []) + [spec["created_by"]], where)
        for k in ("join", "invited", "quiet"):
            extra = [u for u in spec.get(k, ()) if u not in spec["members"]]
            if extra:
                raise ValueError("%s: %s lists non-members %s" % (where, k, ", ".join(extra)))
        return spec


def load(folder=DIR):
    return Workspace(folder)

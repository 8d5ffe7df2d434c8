"""The conversation mini-language, and the values of its {slots}.

Conversations (events.toml, snippets.toml, scenes.toml) and the generators'
bursts are written like this:

    A: text              a message; A..F are stand-ins for channel members
                         picked at random, lower-case words are user ids
      B: text            indented = thread reply to the last top-level line
    A: >> text           quoted reply (to the previous top-level line, or to
                         an older message in the channel if there is none)
    @{B} / {B}           mention ("@Full Name" + mentioned_users_ids) / first name
    {pr} {ver} {task}... slots (slot_value below, lists in slots.toml; the
                         same value within a session)
    [image:x.jpg] [images:3:x] [video:x.mp4] [audio:x.m4a] [file:x.pdf]
    [giphy:query] [link:key]      attachments (link keys are in slots.toml)
    trailing !pin !pin:7d !del !sys !also !wait:2h   message flags

!pin pins the message (until workspace.toml's pin_expires, or for the given
duration), !del deletes it, !sys makes it a system message, !also shows a
thread reply in the channel too, !wait:2h lets time pass before it.
"""

import re
import textwrap
from datetime import timedelta

LINE_RE = re.compile(r"^(\s*)([A-Za-z0-9_]+): ?(.*)$")
FLAG_RE = re.compile(r"\s+!(pin|del|sys|also|wait)(?::(\S+))?$")
ATT_RE = re.compile(r"\s*\[(image|images|video|audio|file|giphy|link):([^\]]+)\]")
TOKEN_RE = re.compile(r"(@?)\{([A-Za-z_][A-Za-z0-9_]*)\}")
LETTERS = "ABCDEF"


def ts(d):
    """Stream's timestamp: milliseconds and a Z."""
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def ms(d):
    return d.replace(microsecond=d.microsecond // 1000 * 1000)


def duration(s):
    return timedelta(**{{"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[s[-1]]: float(s[:-1])})


def parse_snippet(snippet):
    """The lines of a conversation: who, text, reply?, quote?, flags."""
    out = []
    for raw in textwrap.dedent(snippet).strip("\n").splitlines():
        if not raw.strip():
            continue
        m = LINE_RE.match(raw)
        if not m:
            raise ValueError("bad line: %r" % raw)
        text, flags = m.group(3), {}
        while True:
            f = FLAG_RE.search(text)
            if not f:
                break
            flags[f.group(1)] = f.group(2) or True
            text = text[:f.start()]
        quote = text.startswith(">> ")
        if quote:
            text = text[3:]
        out.append(dict(reply=bool(m.group(1)), who=m.group(2), text=text, flags=flags, quote=quote))
    if out and out[0]["reply"]:
        raise ValueError("snippet starts with a reply: %r" % snippet)
    return out


def phase_of(ws, when):
    name = ws.phases[0][0]
    for n, since in ws.phases:
        if when >= since:
            name = n
    return name


def slot_value(ws, key, rng, when):
    """The value of {key} at `when`. Numbers grow with the story's days; words
    come from slots.toml ({task} and {change} by phase, any other list as is).
    A trailing _N or digit (`{pr_2}`) asks for a second, independent value."""
    base = re.sub(r"[_0-9]+$", "", key)
    days = (when - ws.start).days
    ph = phase_of(ws, when)
    if base == "pr":
        return str(1200 + days * 9 + rng.randint(0, 40))
    if base == "issue":
        return str(3100 + days * 3 + rng.randint(0, 40))
    if base == "ticket":
        return str(48210 + days * 37 + rng.randint(0, 36))
    if base == "ver":
        return {"pre": "1.14.%d" % rng.randint(0, 6), "eval": "1.15.%d" % rng.randint(0, 4),
                "migrate": rng.choice(["1.16.%d" % rng.randint(0, 3), "1.17.0"]),
                "launch": "2.0.0-rc.%d" % rng.randint(1, 5),
                "post": rng.choice(["2.0.%d" % rng.randint(1, 4), "2.1.0-beta.%d" % rng.randint(1, 3)])}[ph]
    if base == "sha":
        return "%07x" % rng.getrandbits(28)
    if base == "n":
        return str(rng.randint(2, 9))
    if base == "k":
        return str(rng.randint(12, 480))
    if base == "pct":
        return str(rng.randint(40, 97))
    if base == "csat":
        return str(rng.randint(91, 99))
    if base == "task":
        return rng.choice(ws.tasks[ph])
    if base == "change":
        return rng.choice(ws.changes[ph])
    if base in ws.lists:
        return rng.choice(ws.lists[base])
    raise KeyError("unknown slot {%s}" % key)

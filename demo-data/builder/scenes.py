"""Recurring scenes with their own shape (scenes.toml): the daily standups, the
Friday demo stream, raid nights and the launch livestream."""

import re
from datetime import datetime, timedelta

from .conversation import LETTERS, ms, phase_of
from .workspace import parse_time


def clock(day, hhmm):
    h, m = hhmm.split(":")
    return day + timedelta(hours=int(h), minutes=int(m))


def standups(story):
    """Weekday mornings in the standup channel; yesterday's "today" is
    usually today's "yesterday"."""
    ws, r = story.ws, story.rng
    sc = ws.scenes["standup"]
    ch, styles = story.by_key[sc["channel"]], sc["styles"]
    day = ws.start.date()
    while day <= ws.end.date():
        if day.weekday() < 5 and r.random() < 0.8:
            start = datetime(day.year, day.month, day.day, 8) + timedelta(minutes=r.uniform(15, 75))
            people = [u for u in styles if ch.can_speak(u, start)]
            tasks = ws.tasks[phase_of(ws, start)]
            rows = []
            for i, uid in enumerate(r.sample(people, r.randint(2, min(5, len(people))))):
                before = story.standup_memory.get(uid)
                t1 = before if before in tasks and r.random() < 0.7 else r.choice(tasks)
                t2 = t1 if r.random() < 0.25 and before != t1 else r.choice([t for t in tasks if t != t1])
                if t2 == t1:
                    t2 = "still " + t1
                story.standup_memory[uid] = t2.replace("still ", "")
                rows.append("%s: %s" % (uid, styles[uid].format(t1=t1, t2=t2, b="{blocker%d}" % i)
                                        .replace("\n", "\\n")))
                if r.random() < 0.12:
                    other = r.choice([u for u in people if u != uid])
                    rows.append("  %s: %s" % (other, r.choice(sc["replies"])))
            msgs = story.render(ch, start, "\n".join(rows), gap=90)
            if msgs and ch.free(msgs[0]["created"], msgs[-1]["created"]):
                for m in msgs:
                    m["text"] = m["text"].replace("\\n", "\n")
                story.commit(ch, msgs)
        day += timedelta(days=1)


def friday_demos(story):
    """Most Fridays: the host announces two topics of the phase, viewers chat."""
    ws, r = story.ws, story.rng
    sc = ws.scenes["friday_demos"]
    ch, topics = story.by_key[sc["channel"]], sc["topics"]
    skip = {parse_time(d) for d in sc["skip"]}
    day = parse_time(sc["first"])
    while day <= ws.end:
        if r.random() < 0.9 and day not in skip:
            start = day + timedelta(hours=14, minutes=r.uniform(50, 57))
            deck = story.demo_decks.setdefault(phase_of(ws, start), [])
            if len(deck) < 2:
                deck[:] = r.sample(topics[phase_of(ws, start)], len(topics[phase_of(ws, start)]))
            today = [deck.pop(), deck.pop()]
            host = r.choice(sc["hosts"])
            rows = ["%s: 🎬 Friday demos in 5 minutes! Today: %s and %s" % (host, today[0], today[1])]
            crowd = ch.crowd(start)
            viewers = [u for u in crowd if u in ws.viewers] or crowd
            for line in story.pick_chatter(sc["chatter"], r.randint(5, 14)):
                rows.append("%s: %s" % (r.choice(viewers if r.random() < 0.6 else crowd), line))
            if r.random() < 0.5:
                rows.append("%s: thanks for watching, see you next Friday 👋" % host)
            story.try_session(ch, start, "\n".join(rows), gap=35)
        day += timedelta(days=7)


def raid_nights(story):
    """Most Thursdays: warm-up, one to three pulls, the wrap-up."""
    r = story.rng
    sc = story.ws.scenes["raid_night"]
    ch = story.by_key[sc["channel"]]
    day, until = parse_time(sc["first"]), parse_time(sc["until"])
    while day < until:
        if r.random() < 0.85:
            rows, used = [], set()

            def say(lines, k):
                for line in r.sample([l for l in lines if l not in used], k):
                    used.add(line)
                    rows.append("%s: %s" % (r.choice(LETTERS[:5]), line))

            say(sc["warmup"], r.randint(2, 4))
            for _ in range(r.randint(1, 3)):
                say(sc["pull"], 1)
                say(sc["fight"], r.randint(1, 4))
            say(sc["wrapup"], r.randint(2, 4))
            story.try_session(ch, day + timedelta(hours=18, minutes=r.uniform(45, 65)),
                              "\n".join(re.sub(r"\{B\}", lambda _: "{%s}" % r.choice(LETTERS[:5]), x) for x in rows), gap=45)
        day += timedelta(days=7)


def launch_stream(story):
    """The launch livestream: its script, a busy chat around it, then hype
    before and replay comments after."""
    ws, r = story.ws, story.rng
    sc = ws.scenes["launch"]
    ch = story.by_key[sc["channel"]]
    day = parse_time(sc["day"])
    for line in sc["script"]:
        story.commit(ch, story.render(ch, clock(day, line["at"]), line["text"], strict=True))
    t, chat_end = clock(day, sc["chat"][0]), clock(day, sc["chat"][1])
    live_from, live_to = clock(day, sc["live"][0]), clock(day, sc["live"][1])
    while t < chat_end:
        live = live_from <= t <= live_to
        t = ms(t + timedelta(seconds=r.expovariate(1 / (16 if live else 40)) + 1))
        crowd = ch.crowd(t)
        viewers = [u for u in crowd if u in ws.viewers]
        staff = [u for u in crowd if u not in ws.viewers]
        roll = r.random()
        if live and roll < 0.1:
            who, line = r.choice(sc["answered_by"]), r.choice(sc["staff_replies"])
            msgs = story.render(ch, t, "%s: %s" % (who, line), letters={"B": r.choice(viewers)})
        elif roll < 0.22:
            msgs = story.render(ch, t, "%s: %s" % (r.choice(staff), story.pick_chatter(sc["staff_cheers"], 1)[0]))
        else:
            msgs = story.render(ch, t, "%s: %s" % (r.choice(viewers), story.pick_chatter(sc["viewer_chatter"], 1)[0]))
        if msgs:
            msgs[0]["created"] = t
            ch.msgs.extend(msgs)
    for window in sc["around"]:
        lo, hi = parse_time(window["from"]), parse_time(window["to"])
        for _ in range(window["messages"]):
            t = ms(lo + (hi - lo) * r.random())
            who = r.choice(ch.crowd(t))
            msgs = story.render(ch, t, "%s: %s" % (who, r.choice(sc["around_lines"])))
            if msgs:
                story.commit(ch, msgs)

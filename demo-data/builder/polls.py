"""The demo's polls: two, each on a message the story already has, with votes by
the people of its channel. They draw from a generator of their own, so adding
them moved nothing else in the file.

Stream has published no import schema for polls; the items follow its Poll API
(see chatterm's README)."""

import random
from datetime import timedelta

from .conversation import ms, ts

POLLS = [
    dict(
        id="poll-chat-backend",
        anchor="My vote: Stream.",
        name="Which chat backend do we move to?",
        description="Chatkit shuts down on April 23rd. Pick one; we decide Friday.",
        options=[("stream", "Stream"), ("sendbird", "Sendbird"), ("twilio", "Twilio Conversations")],
        settings=dict(enforce_unique_vote=True, is_closed=True),
        votes=["stream", "stream", "stream", "sendbird", "stream", "twilio"],
        answers=[],
    ),
    dict(
        id="poll-podcasts",
        anchor="anyone have a good podcast for the commute?",
        last=True,
        name="Podcasts for the commute",
        options=[("darknet", "Darknet Diaries"), ("invisible", "99% Invisible"), ("syntax", "Syntax"),
                 ("radiolab", "Radiolab")],
        settings=dict(max_votes_allowed=2, allow_answers=True),
        votes=["invisible", "syntax", "invisible", "darknet", "radiolab", "invisible", "syntax"],
        answers=["Hardcore History, if the commute is long", "Reply All (the old episodes)"],
    ),
]


def anchor_of(spec, messages):
    found = [m for m in messages if m["parent"] is None and m["type"] == "regular" and spec["anchor"] in m["text"]]
    return found[-1] if spec.get("last") else found[0]


def anchors(messages):
    """Message id → poll id."""
    return {anchor_of(spec, messages)["id"]: spec["id"] for spec in POLLS}


def items(story, messages, seed):
    """The poll items, then the poll_vote items (Stream's order). The demo user
    has not voted on the open poll, so she can."""
    rng = random.Random(seed)
    polls, votes = [], []
    for spec in POLLS:
        m = anchor_of(spec, messages)
        ch, created = m["ch"], m["created"]
        d = dict(id=spec["id"], name=spec["name"])
        if "description" in spec:
            d["description"] = spec["description"]
        d.update(created_by_id=m["user"], options=[dict(id=i, text=t) for i, t in spec["options"]], **spec["settings"])
        d["created_at"] = ts(created)
        polls.append(("poll", d))
        crowd = [u for u in ch.crowd(created) if u != story.ws.demo_user or spec["settings"].get("is_closed")]
        rng.shuffle(crowd)
        voters = [m["user"]] + [u for u in crowd if u != m["user"]]
        when = created
        choices, n = {}, 0
        for i, option in enumerate(spec["votes"]):
            # Under max_votes_allowed 2 the first voters pick two options each.
            user = voters[i // 2 if "max_votes_allowed" in spec["settings"] else i]
            if option in choices.get(user, ()):
                continue
            choices.setdefault(user, set()).add(option)
            when = ms(when + timedelta(seconds=rng.uniform(30, 1800)))
            n += 1
            votes.append(("poll_vote", dict(id="%s-vote-%d" % (spec["id"], n), poll_id=spec["id"],
                                            option_id=option, user_id=user, created_at=ts(when))))
        for i, text in enumerate(spec["answers"]):
            when = ms(when + timedelta(seconds=rng.uniform(60, 3600)))
            votes.append(("poll_vote", dict(id="%s-answer-%d" % (spec["id"], i + 1), poll_id=spec["id"],
                                            is_answer=True, answer_text=text, user_id=voters[-1 - i],
                                            created_at=ts(when))))
    return polls + votes

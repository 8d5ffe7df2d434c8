#!/usr/bin/env python3
"""Build chatterm's demo data.

Writes two files next to this script:

  demo.jsonl    a Stream Chat import file for Northwind Labs, a fictional
                20-person company whose app ("Harbor", for grassroots sports
                clubs) moved its chat off Pusher Chatkit in spring 2020.
  broken.jsonl  a short import file in which each line after the valid head
                breaks exactly one rule, to show off the validator.

The workspace (people, channels, conversations…) is in workspace/*.toml; the
code that turns it into Stream items is in builder/ (conversation.py describes
the conversation mini-language). Everything comes from those files and one
fixed seed, so

    python3 demo-data/build_demo.py

rewrites both files byte for byte. Standard library only, no network.
"""

import sys
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from builder import scenes, stream_items  # noqa: E402
from builder.broken import broken_lines  # noqa: E402
from builder.sessions import Story  # noqa: E402
from builder.workspace import load  # noqa: E402

SEED = 2020


def build(ws):
    """The import items, in order. The steps' order is the random generator's
    call order: keep it, or every message after a change moves."""
    story = Story(ws, SEED)
    story.place_joins()
    story.place_events()
    scenes.standups(story)
    scenes.friday_demos(story)
    scenes.raid_nights(story)
    scenes.launch_stream(story)
    story.fill()
    story.random_deletions()
    return stream_items.items(story, SEED)


def main():
    items = build(load())
    stream_items.write_jsonl(HERE / "demo.jsonl", ({"type": kind, "data": data} for kind, data in items))
    stream_items.write_jsonl(HERE / "broken.jsonl", (item for _, item in broken_lines()))

    counts = {}
    for kind, _ in items:
        counts[kind] = counts.get(kind, 0) + 1
    print("demo.jsonl: %d items" % len(items))
    for kind, n in counts.items():
        print("  %-20s %6d" % (kind, n))
    print("broken.jsonl: deliberate errors")
    for i, (why, _) in enumerate(broken_lines(), 1):
        if why:
            print("  line %2d: %s" % (i, why))


if __name__ == "__main__":
    sys.exit(main())

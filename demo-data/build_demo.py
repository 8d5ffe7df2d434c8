#!/usr/bin/env python3
"""Build chatterm's demo data.

Writes two files next to this script:

  demo.jsonl    a Stream Chat import file for Northwind Labs, a fictional
                20-person company whose app ("Harbor", for grassroots sports
                clubs) moved its chat off Pusher Chatkit in spring 2020.
  broken.jsonl  a short import file in which each line after the valid head
                breaks exactly one rule, to show off the validator.

Everything comes from the tables below and one fixed seed, so

    python3 demo-data/build_demo.py

rewrites both files byte for byte. Standard library only, no network.

Conversation mini-language (used by SNIPPETS, EVENTS and the generators):

    A: text              a message; A..F are stand-ins for channel members
                         picked at random, lower-case words are user ids
      B: text            indented = thread reply to the last top-level line
    A: >> text           quoted reply (to the previous top-level line, or to
                         an older message in the channel if there is none)
    @{B} / {B}           mention ("@Full Name" + mentioned_users_ids) / first name
    {pr} {ver} {task}... slots filled from SLOTS (same value within a session)
    [image:x.jpg] [images:3:x] [video:x.mp4] [audio:x.m4a] [file:x.pdf]
    [giphy:query] [link:key]      attachments (link keys live in LINKS)
    trailing !pin !pin:7d !del !sys !also !wait:2h   message flags
"""

import json
import random
import re
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

SEED = 2020
HERE = Path(__file__).resolve().parent
START = datetime(2020, 1, 6)
END = datetime(2020, 6, 30, 23, 0)
CDN = "https://cdn.northwindlabs.example"

# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------

# id, name, role, joined Northwind (user created_at), custom fields
PEOPLE = [
    ("maya", "Maya Okafor", "admin", "2018-03-12", dict(title="Product Manager", timezone="Europe/Lisbon")),
    ("grace", "Grace Holloway", "admin", "2017-05-02", dict(title="CEO & co-founder", timezone="Europe/London", invisible=True)),
    ("tomas", "Tomás Herrera", "admin", "2017-05-02", dict(title="Head of Engineering", timezone="Europe/Madrid")),
    ("priya", "Priya Raman", "user", "2018-09-03", dict(title="Backend Engineer", timezone="Europe/Berlin")),
    ("jonas", "Jonas Lindqvist", "user", "2018-06-18", dict(title="iOS Engineer", timezone="Europe/Stockholm")),
    ("kenji", "Kenji Watanabe", "user", "2018-11-05", dict(title="Android Engineer", timezone="Asia/Tokyo")),
    ("lena", "Lena Vogel", "moderator", "2018-02-01", dict(title="Site Reliability Engineer", timezone="Europe/Berlin")),
    ("ahmed", "Ahmed Karim", "user", "2019-04-15", dict(title="Frontend Engineer", timezone="Africa/Cairo")),
    ("sofia", "Sofia Marchetti", "user", "2020-01-29", dict(title="QA Engineer", timezone="Europe/Rome")),
    ("ines", "Inês Duarte", "user", "2019-01-07", dict(title="Product Designer", timezone="Europe/Lisbon")),
    ("noah", "Noah Bennett", "user", "2018-08-20", dict(title="Design Lead", timezone="America/New_York")),
    ("yuki", "Yuki Tanaka", "user", "2020-01-15", dict(title="Illustrator (contract)", timezone="Asia/Tokyo")),
    ("rosa", "Rosa Jiménez", "moderator", "2018-05-14", dict(title="Support Lead", timezone="America/Mexico_City")),
    ("dan", "Daniel Kowalski", "user", "2019-03-04", dict(title="Support Engineer", timezone="Europe/Warsaw")),
    ("amara", "Amara Nwosu", "moderator", "2019-02-11", dict(title="Community Manager", timezone="Africa/Lagos")),
    ("chloe", "Chloé Martin", "user", "2018-10-01", dict(title="Marketing Lead", timezone="Europe/Paris")),
    ("li_wei", "Li Wei", "user", "2019-09-16", dict(title="Growth, Greater China", timezone="Asia/Shanghai")),
    # Left the company at the end of March; his history has to survive the import.
    ("marcus", "Marcus Reid", "user", "2018-07-09", dict(title="Support Engineer", timezone="America/Chicago",
                                                         deactivated_at="2020-03-31T17:00:00")),
    ("deploybot", "Deploy Bot", "user", "2018-02-01", dict(title="Bot · deploys & alerts", timezone="Etc/UTC")),
    # Gamers, customers, livestream viewers (not staff, so no title).
    ("kai_gg", "Kai Mercer", "user", "2019-10-02", dict(timezone="America/Los_Angeles", guild_rank="officer")),
    ("frostbyte", "Elif Demir", "user", "2019-10-05", dict(timezone="Europe/Istanbul", guild_rank="member")),
    ("cust_hannah", "Hannah Schmidt", "user", "2019-08-21", dict(club="Riverside FC", timezone="Europe/Berlin")),
    ("cust_omar", "Omar Haddad", "user", "2019-11-30", dict(club="Al-Nour Basketball", timezone="Asia/Amman")),
    ("cust_beatriz", "Beatriz Costa", "user", "2020-02-02", dict(club="Porto Juniors RC", timezone="Europe/Lisbon")),
    ("cust_fred", "Fred Lawson", "user", "2020-01-22", dict(club="Leeds Community Netball", timezone="Europe/London")),
    ("viewer_jay", "Jay Patel", "user", "2019-12-01", dict(timezone="Asia/Kolkata")),
    ("stargazer42", "Mira Kowalczyk", "user", "2019-07-30", dict(timezone="Europe/Warsaw")),
    ("night_owl", "Owen Brooks", "user", "2019-11-11", dict(timezone="Australia/Sydney")),
    ("sam_k", "Sam Kim", "user", "2020-01-03", dict(timezone="Asia/Seoul")),
    ("ana_codes", "Ana Ribeiro", "user", "2019-05-19", dict(timezone="America/Sao_Paulo")),
    ("bytebard", "Theo Laurent", "user", "2019-09-09", dict(timezone="Europe/Brussels")),
    ("crypto_deals_99", "Crypto Deals", "user", "2020-05-19", dict()),
]

BOTS = {"deploybot"}
STAFF = ["maya", "grace", "tomas", "priya", "jonas", "kenji", "lena", "ahmed", "sofia", "ines",
         "noah", "yuki", "rosa", "dan", "amara", "chloe", "li_wei", "marcus"]
VIEWERS = ["viewer_jay", "stargazer42", "night_owl", "sam_k", "ana_codes", "bytebard",
           "kai_gg", "frostbyte", "cust_hannah", "cust_fred", "cust_beatriz", "cust_omar"]

# (user, push_provider_type, push_provider_name, registered)
DEVICES = [
    ("maya", "apn", "harbor-apns", "2019-10-02"), ("maya", "firebase", "harbor-fcm", "2020-04-09"),
    ("grace", "apn", "harbor-apns", "2019-09-24"), ("tomas", "apn", "harbor-apns", "2019-12-20"),
    ("priya", "firebase", "harbor-fcm", "2019-06-11"), ("jonas", "apn", "harbor-apns", "2019-09-20"),
    ("kenji", "firebase", "harbor-fcm", "2019-03-02"), ("kenji", "huawei", "harbor-hms", "2020-04-14"),
    ("kenji", "xiaomi", "harbor-mipush", "2020-01-21"), ("lena", "firebase", "harbor-fcm", "2019-11-28"),
    ("li_wei", "huawei", "harbor-hms", "2020-04-15"), ("li_wei", "xiaomi", "harbor-mipush", "2020-01-21"),
    ("rosa", "apn", "harbor-apns", "2019-07-01"), ("dan", "firebase", "harbor-fcm", "2019-03-05"),
    ("amara", "firebase", "harbor-fcm", "2019-02-12"), ("cust_hannah", "apn", "harbor-apns", "2019-08-21"),
    ("kai_gg", "firebase", "harbor-fcm", "2019-10-02"), ("sofia", "firebase", "harbor-fcm", "2020-02-03"),
]

FUTURE_BANS = [
    ("amara", "crypto_deals_99", "2020-05-19T17:27:40", "Crypto spam links during the Harbor 2.0 launch stream"),
]

# ---------------------------------------------------------------------------
# Channels
# ---------------------------------------------------------------------------
# key: how the tables below refer to a channel ("dm:a+b" for distinct ones).
# join: members who arrived after the channel was created (a system message is
# posted); invited/accepted: invitations, accepted=None means still pending.
# target: total messages wanted; random sessions are added until it is met.
# hours/weekend: when people talk there (UTC). unread: maya is behind here.

ALL_STAFF = STAFF
CHANNELS = [
    dict(key="general", type="messaging", id="general", name="General", created_by="grace",
         created_at="2019-09-02T08:00:00", description="Company-wide announcements. Low noise, please 🙏",
         members=STAFF, mods=["grace", "tomas", "maya"], target=380, hours=(7, 17), weekend=0.02,
         join={"sofia": "2020-02-03T09:02:11", "yuki": "2020-01-20T08:31:40"}, unread=True),
    dict(key="random", type="messaging", id="random", name="Random 🦜", created_by="amara",
         created_at="2019-09-02T08:05:00", description="Pets, food, music, memes. Everything off-topic.",
         members=STAFF, mods=["amara"], target=260, hours=(7, 20), weekend=0.12,
         join={"sofia": "2020-02-03T09:40:02", "yuki": "2020-01-21T03:12:09"}),
    dict(key="engineering", type="team", id="engineering", name="Engineering", created_by="tomas",
         created_at="2019-09-02T08:10:00", description="Harbor engineering: iOS, Android, web, API, infra.",
         topic="Deploys go out Mon–Thu. No Friday deploys. Ever.",
         members=["tomas", "priya", "jonas", "kenji", "lena", "ahmed", "sofia", "maya", "deploybot"],
         mods=["tomas", "lena"], target=1080, hours=(7, 18), weekend=0.03,
         join={"sofia": "2020-02-03T09:05:30"}, unread=True),
    dict(key="design", type="team", id="design", name="Design", created_by="noah",
         created_at="2019-09-03T13:00:00", description="Crits, mocks, the design system. Rough work welcome.",
         members=["noah", "ines", "yuki", "maya", "ahmed", "jonas", "chloe"], mods=["noah"], target=240,
         hours=(9, 19), weekend=0.02, invited={"yuki": ("2020-01-17T10:02:00", "2020-01-20T08:30:12")},
         unread=True),
    dict(key="support", type="team", id="support", name="Support", created_by="rosa",
         created_at="2019-09-02T09:00:00", description="Customer tickets, escalations, macros.",
         members=["rosa", "dan", "marcus", "amara", "maya", "priya", "lena"], mods=["rosa"], target=280,
         hours=(8, 20), weekend=0.08, unread=True),
    dict(key="incidents", type="team", id="incidents", name="Incidents 🚨", created_by="lena",
         created_at="2019-09-02T09:30:00", description="Pages, deploys and postmortems. Runbooks are pinned.",
         members=["lena", "tomas", "priya", "deploybot", "dan", "rosa", "maya", "ahmed", "kenji", "jonas"],
         mods=["lena"], target=170, hours=(5, 22), weekend=0.15),
    dict(key="chatkit-migration", type="messaging", id="chatkit-migration", name="Chatkit → Stream migration",
         created_by="tomas", created_at="2020-02-24T10:04:12",
         description="Moving Harbor chat from Pusher Chatkit to Stream before the April 23 shutdown.",
         members=["tomas", "maya", "priya", "jonas", "kenji", "lena", "ahmed", "sofia", "rosa", "grace"],
         mods=["tomas", "maya"], target=360, hours=(7, 19), weekend=0.06, unread=True),
    dict(key="chatkit-legacy", type="messaging", id="chatkit-legacy", name="Chatkit alerts (legacy)",
         created_by="lena", created_at="2019-06-10T12:00:00",
         description="Webhook and quota alerts from the old Chatkit instance. Read-only since the shutdown.",
         members=["lena", "tomas", "priya", "maya", "deploybot", "marcus", "kenji"], mods=["lena"],
         frozen=True, until="2020-04-24T09:00:00", target=90, hours=(0, 24), weekend=0.3),
    dict(key="china-market", type="messaging", id="china-market", name="中国市场 · China beta", created_by="li_wei",
         created_at="2020-01-10T02:30:00", description="Harbor beta with clubs in Shenzhen and Shanghai. 中文 / English.",
         members=["li_wei", "chloe", "kenji", "grace", "maya"], mods=["li_wei"], target=110, hours=(1, 11),
         weekend=0.05, invited={"maya": ("2020-03-02T07:55:00", "2020-03-02T09:41:27")}, unread=True),
    dict(key="launch-2020", type="livestream", id="launch-2020", name="Harbor 2.0 — Launch Live", created_by="chloe",
         created_at="2020-05-11T14:00:00", description="Live chat for the Harbor 2.0 launch, May 19, 17:00 UTC.",
         members=["chloe", "amara", "grace", "maya", "tomas", "noah"], mods=["chloe", "amara"],
         posters=VIEWERS + ["priya", "jonas", "kenji", "ines", "rosa", "dan", "lena", "li_wei", "sofia"],
         banned_users=["crypto_deals_99"], target=None),
    dict(key="friday-demos", type="livestream", id="friday-demos", name="Friday Demo Stream 🎬", created_by="tomas",
         created_at="2020-01-08T11:00:00", description="Every Friday 15:00 UTC: what we shipped this week, live.",
         members=["tomas", "maya", "noah", "priya", "jonas", "amara", "ines", "kenji"], mods=["tomas", "amara"],
         posters=["viewer_jay", "ana_codes", "bytebard", "sam_k", "stargazer42", "lena", "ahmed", "rosa", "chloe"],
         target=None),
    dict(key="raid-night", type="gaming", id="raid-night", name="Northwind Raiders ⚔️", created_by="kenji",
         created_at="2019-10-01T18:00:00", description="Emberfall guild. Raids Thursday 19:00 UTC, farm on Sundays.",
         members=["kenji", "jonas", "lena", "ahmed", "dan", "yuki", "maya", "kai_gg", "frostbyte", "grace"],
         mods=["kenji", "kai_gg"], target=260, hours=(17, 22), weekend=0.35,
         invited={"kai_gg": ("2019-10-02T18:00:00", "2019-10-02T18:20:00"),
                  "frostbyte": ("2019-10-05T19:00:00", "2019-10-06T10:12:00"),
                  "yuki": ("2020-02-06T20:00:00", "2020-02-07T09:15:44"),
                  "grace": ("2020-03-05T21:00:00", None)}, unread=True),
    dict(key="lfg", type="gaming", id="lfg", name="LFG — looking for group", created_by="kenji",
         created_at="2019-11-15T19:00:00", description="Find people for dungeons and pick-up raids.",
         members=["kenji", "kai_gg", "frostbyte", "jonas", "lena", "bytebard", "night_owl"], mods=["kenji"],
         target=70, hours=(16, 23), weekend=0.45),
    dict(key="order-10452", type="commerce", id="order-10452", name="Order #10452 · Riverside FC U12 kits",
         created_by="cust_hannah", created_at="2020-03-09T08:12:00", description="18 youth jerseys, custom names",
         members=["cust_hannah", "rosa", "dan"], mods=["rosa"], target=None),
    dict(key="order-10488", type="commerce", id="order-10488", name="Order #10488 · Al-Nour Basketball",
         created_by="cust_omar", created_at="2020-03-12T15:40:00", description="12 reversible training bibs",
         members=["cust_omar", "marcus", "dan", "rosa"], mods=["rosa"], target=None),
    dict(key="order-10533", type="commerce", id="order-10533", name="Order #10533 · Porto Juniors RC",
         created_by="cust_beatriz", created_at="2020-05-25T10:02:00", description="Rugby kit bundle × 25",
         members=["cust_beatriz", "dan", "amara"], mods=["amara"], target=None),
    dict(key="presales", type="commerce", id="presales", name="Harbor Pro & club kits — pre-sales",
         created_by="chloe", created_at="2020-02-10T09:00:00", description="Questions before you buy. We answer within a day.",
         members=["chloe", "rosa", "dan", "cust_fred", "cust_beatriz"], mods=["rosa", "chloe"], target=None,
         join={"cust_fred": "2020-02-11T18:20:00", "cust_beatriz": "2020-05-20T11:02:00"}),
    # Distinct channels: identified by their members, no id.
    dict(key="dm:maya+tomas", type="messaging", members=["maya", "tomas"], created_by="tomas",
         created_at="2018-03-12T10:00:00", target=110, hours=(8, 19), weekend=0.05, unread=True),
    dict(key="dm:ines+maya", type="messaging", members=["ines", "maya"], created_by="ines",
         created_at="2019-01-07T11:00:00", target=60, hours=(8, 18), weekend=0.02),
    dict(key="dm:maya+priya", type="messaging", members=["maya", "priya"], created_by="maya",
         created_at="2018-09-03T12:00:00", target=50, hours=(8, 18), weekend=0.02),
    dict(key="dm:maya+rosa", type="messaging", members=["maya", "rosa"], created_by="rosa",
         created_at="2018-05-14T15:00:00", target=36, hours=(13, 21), weekend=0.02),
    dict(key="dm:jonas+kenji", type="messaging", members=["jonas", "kenji"], created_by="kenji",
         created_at="2018-11-05T09:00:00", target=55, hours=(7, 20), weekend=0.15),
    dict(key="dm:grace+maya", type="messaging", members=["grace", "maya"], created_by="grace",
         created_at="2018-03-12T09:00:00", target=26, hours=(8, 18), weekend=0.02),
    dict(key="dm:ines+maya+noah", type="messaging", members=["ines", "maya", "noah"], created_by="noah",
         created_at="2020-04-20T14:10:00", target=34, hours=(12, 19), weekend=0.0),
    dict(key="dm:li_wei+maya", type="messaging", members=["li_wei", "maya"], created_by="li_wei",
         created_at="2020-03-02T09:50:00", target=22, hours=(6, 11), weekend=0.0),
]

# ---------------------------------------------------------------------------
# Slot values and attachments
# ---------------------------------------------------------------------------

PHASES = [  # the story: business as usual, Chatkit EOL, the migration, launch, after
    ("pre", datetime(2020, 1, 1)), ("eval", datetime(2020, 2, 24)), ("migrate", datetime(2020, 3, 20)),
    ("launch", datetime(2020, 4, 24)), ("post", datetime(2020, 5, 21)),
]

TASKS = {
    "pre": ["the roster CSV import for clubs with 200+ players", "attendance widget on Android",
            "dark mode polish on the schedule screen", "Postgres 12 upgrade dry run", "payment webhook retries",
            "flaky UI tests on the iOS simulator", "the calendar sync bug (#{issue})", "push notification grouping",
            "Stripe SCA / 3-D Secure flow", "club admin permissions refactor", "cleaning up the Chatkit token hack",
            "Android cold start", "virtualized tables in the web dashboard", "load test for the schedule API",
            "the iPad layout for match reports", "Kotlin 1.3.70 bump", "the season rollover script",
            "accessibility labels on iOS", "invoice PDFs for Harbor Pro", "rate limiting on the public API"],
    "eval": ["the Stream iOS spike", "reading the Stream import docs", "Sendbird vs Stream pricing for 65k MAU",
             "the Chatkit export script (rooms + memberships)", "mapping Chatkit roles to channel roles",
             "Android offline spike on Stream", "the migration RFC", "counting attachments in the Chatkit export",
             "Twilio Conversations spike", "the vendor scorecard", "the Chatkit cursor export",
             "a dual-write prototype in the API", "GDPR questions for the vendors"],
    "migrate": ["the import file generator (threads + reactions)", "deduping users with email-style ids",
                "rewriting http:// attachment URLs to https", "dual-write from the API to Chatkit + Stream",
                "the Stream token endpoint", "swapping ChatkitCore for StreamChat on iOS",
                "the channel list on Stream for Android", "backfilling last_read from Chatkit cursors",
                "webhook handler for Stream events", "validator run #{n} on the full export",
                "push config on Stream (firebase + apn + huawei + xiaomi)", "the rollout flag for chat_v2",
                "Huawei HMS push on Android", "the web client on Stream", "the support FAQ for clubs"],
    "launch": ["threads UI polish", "the reaction picker on Android", "the launch checklist",
               "load test before launch", "App Store screenshots for 2.0", "release notes for 2.0",
               "the typing indicator on web", "read receipts in group channels", "the onboarding illustrations",
               "the 2.0 release candidate", "the launch stream overlay", "crash triage on the RC"],
    "post": ["the unread badge off-by-one", "a crash in the thread view on iOS 12", "moderation tools for club admins",
             "search across channels", "summer roadmap prep", "removing the Chatkit dual-write code",
             "GDPR export for chat", "offline mode spike", "the 2.0.{n} hotfix", "pinned messages UI",
             "muting channels per club", "message search indexing"],
}
BLOCKERS = ["none", "none", "none 🙌", "nothing", "waiting on review for #{pr}", "staging is flaky again",
            "need design sign-off from @{noah}", "need a decision from @{maya} on the scope",
            "waiting on App Store review", "none, but I'm out Friday afternoon", "waiting for a reply from Stream support",
            "Xcode 😤", "none — PTO tomorrow!"]
CHANGES = ["lazy-load the payment SDK", "fix double push for thread replies", "retry Chatkit 429s with backoff",
           "paginate the roster endpoint", "cache club logos on the CDN", "move feature flags server-side",
           "drop iOS 11 support", "add zh-CN strings", "new empty states for channels", "Kotlin coroutines in sync",
           "memoize the schedule query", "stream message list diffing", "import: map cursors to last_read",
           "import: distinct channels for 1:1 rooms", "import: https-only attachment URLs",
           "reaction picker component", "thread reply composer", "unread counter fix", "dark mode tokens",
           "pinned messages banner", "HMS push provider", "Mi Push provider", "Stream token endpoint",
           "typing indicators", "read receipts", "upgrade to Swift 5.2", "search API client"]

SLOT_LISTS = {
    "city": ["Lisbon", "Lagos", "São Paulo", "Seoul", "Pune", "Melbourne", "Warsaw", "Brussels", "Leeds",
             "Austin", "Kraków", "Nairobi", "Porto", "Osaka", "Toronto", "Cork", "Bogotá"],
    "show": ["The Mandalorian", "Dark", "The Witcher", "Schitt's Creek", "Tiger King", "Money Heist",
             "Normal People", "Ozark", "Babylon Berlin"],
    "food": ["pastéis de nata", "jollof rice", "ramen", "pierogi", "tacos al pastor", "shakshuka", "bibimbap"],
    "boss": ["the Hollow King", "Grimtide Leviathan", "Vex the Unmaker", "the Ashen Twins", "Mother of Cinders"],
    "item": ["Cinderblade", "Cloak of Quiet Tides", "Ember Sigil", "Frostwoven Boots", "Lantern of the Deep",
             "Ashen Greathelm", "Tidecaller's Staff"],
    "topic": ["property-based testing in Swift", "Postgres EXPLAIN for humans", "designing for colour blindness",
              "how push notifications actually work", "writing good bug reports", "accessibility on Android",
              "Stream's import format", "feature flags without tears"],
    "month": ["January", "February", "March", "April", "May", "June"],
}

LINKS = {  # key: (url, title, text, image or None)
    "allhands_q1": ("https://docs.northwindlabs.example/all-hands/2020-q1", "Q1 2020 all-hands — agenda",
                    "Roadmap, hiring, the numbers, and an AMA with Grace.", None),
    "h2_planning": ("https://docs.northwindlabs.example/planning/2020-h2", "H2 2020 planning",
                    "Goals, bets and open questions for July–December.", None),
    "stream_import": ("https://getstream.io/chat/docs/import/", "Importing data — Stream Chat",
                      "Prepare a JSONL import file (users, channels, members, messages, reactions) and upload it with the CLI.",
                      "og/stream-docs.png"),
    "stream_push": ("https://getstream.io/chat/docs/push_introduction/", "Push notifications — Stream Chat",
                    "Firebase, APN, Huawei and Xiaomi push providers.", "og/stream-docs.png"),
    "chatkit_eol": ("https://pusher.com/chatkit", "Chatkit is being retired",
                    "Chatkit will be shut down on April 23, 2020.", "og/pusher.png"),
    "openapi": ("https://swagger.io/specification/", "OpenAPI Specification", "The OpenAPI Specification defines a standard interface to HTTP APIs.", None),
    "figma_schedule": ("https://www.figma.com/file/Hn7rb2Y0Xk/Harbor-Schedule-Redesign", "Harbor — Schedule redesign",
                       "Figma file · 14 frames · edited by Inês Duarte", "og/figma-schedule.png"),
    "runbook_chatkit": ("https://docs.northwindlabs.example/runbooks/chatkit-alerts", "Runbook: Chatkit alerts",
                        "What each alert means and who to call.", None),
    "vpn_guide": ("https://docs.northwindlabs.example/it/vpn", "VPN setup (2020 certificate)", "Step-by-step for macOS, Windows and Linux.", None),
    "help_encryption": ("https://help.harbor.example/articles/chat-security", "Is Harbor chat secure? — Harbor Help Center",
                        "Messages are encrypted in transit and at rest.", None),
    "pr": ("https://github.com/northwind-labs/harbor/pull/{pr}", "{change} · Pull Request #{pr} · northwind-labs/harbor",
           "1 commit · +{k} −{k2} · CI passing", "og/github.png"),
    "harbor_2": ("https://harbor.example/2-0", "Harbor 2.0 — your club, in one place",
                 "Threads, reactions, read receipts and a brand-new schedule.", "og/harbor-2.png"),
    "launch_live": ("https://live.harbor.example/launch", "Harbor 2.0 Launch Live — May 19, 17:00 UTC",
                    "Join Grace, Tomás and the team for the launch.", "og/launch.png"),
    "emberfall_patch": ("https://emberfall.example/patch-notes/4-2", "Emberfall 4.2 patch notes",
                        "Grimtide Leviathan tuning, new legendary cloaks, loot changes.", "og/emberfall.png"),
    "status_stream": ("https://status.getstream.io/", "Stream Status", "All systems operational", None),
    "kits_catalog": ("https://shop.harbor.example/catalog/2020", "Harbor Club Kits — 2020 catalog",
                     "Jerseys, bibs and training wear with your crest. From 10 pieces.", "og/kits.png"),
}

MIME = {"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif", "mp4": "video/mp4", "mov": "video/quicktime",
        "m4a": "audio/mp4", "mp3": "audio/mpeg", "ogg": "audio/ogg", "pdf": "application/pdf",
        "csv": "text/csv", "txt": "text/plain", "md": "text/markdown", "zip": "application/zip",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "key": "application/vnd.apple.keynote", "json": "application/json"}

# ---------------------------------------------------------------------------
# The story: dated conversations (UTC). These are placed first; random sessions
# are fitted around them. The last ones (June 29/30) are what maya has not read.
# ---------------------------------------------------------------------------

EVENTS = [
    # --- January: business as usual ---------------------------------------
    ("general", "2020-01-06 08:55", """
        grace: Happy new year everyone 🎉 Welcome back! The Q1 all-hands is on Thursday at 15:00 UTC — agenda here: [link:allhands_q1] !pin:10d
          tomas: 🙌
          maya: Looking forward to it. I'll present the Harbor roadmap for H1 — send me your questions before Wednesday.
          amara: I'll bring the community numbers, December was our best month ever 📈
    """),
    ("engineering", "2020-01-06 08:40", """
        tomas: Morning all! Q1 engineering goals: [file:eng-goals-q1-2020.pdf] TL;DR: Postgres 12, Android cold start under 1.5s, roster import v2, and finally killing the Chatkit token hack. !pin
          priya: The token hack has survived three "finally"s 😅
          tomas: fourth time's the charm
    """),
    ("friday-demos", "2020-01-10 14:55", """
        tomas: 🎬 First Friday Demo Stream of 2020 starts in 5 minutes! This stream is public — clubs and friends welcome. !pin
        viewer_jay: hi from Pune 👋
        tomas: Up first: @{priya} with roster import v2. 200-player CSVs in under a second 🚀
        ana_codes: is the CSV import coming to the web dashboard too?
          priya: yes! web first actually, mobile next month
    """),
    ("china-market", "2020-01-13 02:40", """
        li_wei: 大家好！This channel is for the Harbor China beta 🇨🇳 — youth football clubs in Shenzhen and Shanghai. 中英文都可以, Chinese or English both fine. !pin
        kenji: 你好！I'll handle the Android side. No Google Play there, so we ship via Huawei AppGallery and Xiaomi GetApps.
        li_wei: 太好了 👍 I'll send the club list tomorrow.
        chloe: Bonjour 👋 I can help with the landing page copy — who does the zh-CN translation?
          li_wei: 我来翻译 (I'll translate), and a volunteer coach from 深圳 will proofread.
    """),
    ("design", "2020-01-20 08:35", """
        noah: Welcome @{yuki}! Yuki is doing the illustrations for the 2.0 onboarding 🎨 Yuki, the brand kit is pinned.
        yuki: Thank you! Excited to draw lots of tiny footballs ⚽️🏀🏉
        ines: Welcome!! Here's where we are with onboarding so far [images:3:onboarding-wip]
          yuki: Love the colour palette. I'll do a first sketch pass this week.
        noah: Brand kit: [file:northwind-brand-kit-2020.zip] !pin
    """),
    ("china-market", "2020-01-21 03:10", """
        li_wei: 小米推送 (Mi Push) 测试成功 ✅ First test push arrived on a Redmi Note 8 [image:mipush-test.png]
        kenji: 🎉 latency?
        li_wei: 大约两秒 — about 2 seconds
        kenji: better than FCM in Europe 😂
    """),
    ("support", "2020-01-22 10:15", """
        rosa: Reminder: new macros for the season rollover questions are live. Please use them instead of copy-pasting from the doc 🙏 !pin
        dan: the one for "where did my old teams go" is 👌
        marcus: added a Spanish version too
    """),
    ("chatkit-legacy", "2020-01-07 09:00", """
        lena: This channel gets Chatkit webhook + quota alerts from Deploy Bot. Runbook: [link:runbook_chatkit] !pin
        priya: 👍 muting it on weekends though
    """),
    # --- February: Sofia joins, then Chatkit's end-of-life ---------------------
    ("general", "2020-02-03 09:10", """
        tomas: Please welcome @{sofia}, who joins us as QA Engineer from Milan 🇮🇹 She'll be embedded with the mobile team.
          sofia: Grazie mille! Happy to be here 👋 I promise to only break things on purpose.
          jonas: welcome! I have a drawer of flaky UI tests with your name on it 😅
          rosa: Welcome Sofia! 💐
          grace: Welcome aboard!
    """),
    ("engineering", "2020-02-03 09:12", """
        tomas: @{sofia} welcome to the engineering channel 🎉 Your laptop has Xcode and Android Studio pre-installed, test devices are in the Berlin cupboard.
        sofia: Thanks! Is there a test plan doc I should start from?
          jonas: [file:harbor-test-plan-2019.docx] it's… aspirational
          sofia: I'll make it real 💪
    """),
    ("dm:maya+tomas", "2020-02-24 09:35", """
        tomas: Did you see the email from Pusher?? 😱
        maya: just now. Chatkit shuts down on April 23?! That's 8 weeks.
        tomas: coffee call in 5?
        maya: 👍 joining
    """),
    ("general", "2020-02-24 10:20", """
        tomas: Heads-up: Pusher announced that Chatkit will be retired on April 23 [link:chatkit_eol] Harbor's team chat runs on Chatkit, so this affects every club using the app. @{maya} and I set up #chatkit-migration — details there. No panic, we have ~8 weeks. !pin
          grace: Thanks Tomás. This is priority #1 for Q1 now.
          rosa: Should support say anything to customers yet?
          maya: Not yet — let's have a plan first. I'll draft a customer FAQ by Friday.
          chloe: 😬 good thing we hadn't printed the 2.0 brochures yet
    """),
    ("chatkit-migration", "2020-02-24 10:05", """
        tomas: Kicking this off. Facts: Chatkit EOL is April 23. We have ~1.3M messages in ~41k rooms and ~64k users. Options: Stream, Sendbird, Twilio Conversations, or build our own on Phoenix channels. Requirements in this thread 👇 !pin
          maya: Must-haves from product: threads (clubs keep asking), reactions, read state, push on iOS/Android incl. Huawei, moderation for club admins, and a full history import — coaches will riot if old messages vanish.
          priya: Backend: a bulk import path, webhooks and server-side tokens. I don't want to replay 1.3M messages through a REST API.
          kenji: Android: offline support and a sane SDK. Also Xiaomi push for the China beta.
          lena: Ops: EU data residency and an SLA. And please, no more self-hosting a websocket cluster 🙃 !also
          grace: And a price that works at 65k MAU, please 🙏
    """),
    ("engineering", "2020-02-24 10:12", """
        tomas: You've seen #general. Everything non-urgent pauses for a sprint while we pick a Chatkit replacement. Questions → @{maya} or me.
        ahmed: does this affect the web dashboard release?
          tomas: ship it as planned, just no new chat features
        jonas: RIP Chatkit 🪦 we had a good run
    """),
    ("chatkit-migration", "2020-02-25 11:30", """
        maya: Scoring sheet for the bake-off: [file:chat-vendor-scorecard.xlsx] Weights are in row 2, argue with me in the thread 😄 !pin
          priya: Import tooling weighted 15%? Should be 25 given our history size.
          maya: fair, bumped to 20
          lena: added rows for EU region + incident history
    """),
    ("chatkit-migration", "2020-02-27 16:02", """
        jonas: iOS spike with Stream's SDK: channel list + message list running in about 2 hours. Offline cache worked out of the box 👀 [video:stream-ios-spike.mp4]
          tomas: 2 hours including coffee?
          jonas: including two coffees ☕☕
        kenji: Android spike tomorrow, same app
    """),
    ("support", "2020-02-28 15:45", """
        maya: Draft customer FAQ for the chat migration: [file:chat-migration-faq-draft.docx] @{rosa} @{dan} please tear it apart 🙏
          rosa: Looks good. Add "Will I lose my messages?" as question #1 — that's what everyone will ask.
          dan: and "do I need to update the app?" (yes, 2.0)
          maya: both added ✅
    """),
    # --- March: bake-off, decision, the DST bug, Marcus leaves -------------
    ("chatkit-migration", "2020-03-03 10:40", """
        priya: Stream has an import format: one JSON object per line — users, devices, channels, members, messages, reactions, in that order. Chatkit rooms → channels, 1:1 rooms → distinct channels (member_ids, no id). [link:stream_import]
          tomas: and Chatkit read cursors?
          priya: cursors → member last_read 🙌 so unread counts survive
          maya: this is the part I care about most. Coaches live by their unread badges.
    """),
    ("china-market", "2020-03-02 09:45", """
        li_wei: 欢迎 @{maya}! 👋 Welcome to the China beta channel.
        maya: 谢谢! (that's about all my Chinese 😅) Happy to be here — I want to make sure the migration doesn't break Mi Push.
        li_wei: 没问题 — kenji already tested Stream's xiaomi provider 👍
    """),
    ("engineering", "2020-03-09 08:20", """
        priya: US clubs: practice times show one hour late since Sunday. Daylight saving. We store "local" time without a zone 🤦
          tomas: how many clubs?
          priya: ~1,900 in the US and Canada
          jonas: iOS reads the API value as-is, so fixing the API fixes both apps
          priya: fix in #{pr}, backfill script running now
          priya: deployed, times are correct again ✅ !also
        lena: 📝 postmortem please, Europe switches on March 29
    """),
    ("chatkit-migration", "2020-03-10 14:20", """
        kenji: Sendbird spike done. Works fine, but the pricing at our MAU is ~2× Stream. Twilio Conversations has no threads yet. My vote: Stream.
        jonas: +1 Stream
        priya: +1, the import tooling alone saves us weeks
        lena: +1 if the EU region is confirmed in writing
          maya: confirmed in the proposal, page 4 [file:stream-proposal-northwind.pdf]
    """),
    ("incidents", "2020-03-14 11:02", """
        deploybot: 🔥 PagerDuty: chat-send-error-rate > 5% for 5 min (Chatkit upstream) — assigned to Lena Vogel
          lena: ack. Chatkit status page says degraded. Nothing we can do but wait.
          lena: recovered after 47 min. Postmortem: [file:2020-03-14-chatkit-outage.md]
          tomas: another reason to move 🙃
    """),
    ("chatkit-migration", "2020-03-20 09:00", """
        tomas: Tomás Herrera renamed the channel to “Chatkit → Stream migration”. !sys
        tomas: It's official 🎉 We're going with Stream. Plan: [file:migration-plan-v1.pdf] Chat feature freeze until cutover. Hard deadline April 23. !pin
          grace: 👏👏 great work on the bake-off everyone
          priya: let's gooo 🚀
          rosa: Support is ready when you are
    """),
    ("general", "2020-03-20 16:00", """
        maya: Decision: Harbor chat moves to Stream. RFC with the reasoning: [file:harbor-chat-migration-rfc.pdf] Thanks to everyone who joined the bake-off 🙏 !pin
          grace: 🎉
          chloe: Can marketing start talking about threads + reactions for 2.0?
          maya: yes, but no dates yet please 😇
    """),
    ("chatkit-migration", "2020-03-24 17:45", """
        priya: First full export from Chatkit finished: 1,284,221 messages, 40,917 rooms, 64,380 users. Took 9 hours because of rate limits 🐢 [file:chatkit-export-summary.csv]
          lena: 🐢 indeed. Next export incremental?
          priya: yes, only rooms with activity since the last run
    """),
    ("chatkit-migration", "2020-03-26 15:10", """
        priya: Validator run #1 on the import file: 3,412 errors 😬 Biggest buckets: 2,980 attachment URLs on http://, 311 user ids with spaces or "!" from the 2017 email-based ids, 121 replies whose parent was deleted in Chatkit.
          lena: http → https rewrite is safe, the CDN serves both
          maya: what do we do with the broken user ids?
          priya: slugify, and keep the old id in a custom field `chatkit_id` so support can still search by it
          tomas: 👍 ship it
          priya: and the orphan replies: import the parents as deleted messages, so the threads stay together
    """),
    ("support", "2020-03-27 16:30", """
        marcus: Last day on Tuesday, folks. It's been a ride 💙 Handover doc for my open tickets: [file:marcus-handover.docx]
          rosa: We'll miss you Marcus! Farewell call Tuesday 16:00 UTC 🥲
          dan: I'll take the Al-Nour order, already in the channel
          amara: 💙💙💙
          maya: Thank you for everything, Marcus. The macros alone will outlive us all.
    """),
    ("engineering", "2020-03-30 07:50", """
        jonas: and now it's Europe's turn 🙃 the iOS schedule widget shows practices one hour off since yesterday
          priya: the widget has its own cache with the old offsets. clearing it on app start in {ver}
          sofia: reproduced on iOS 13.3 + 13.4, verified the fix on TestFlight ✅
    """),
    ("chatkit-migration", "2020-03-31 18:20", """
        priya: Validator run #4: 0 errors ✅ [image:validator-green.png]
          maya: 🎉🎉🎉
          tomas: frame it
          lena: staging import took 38 min for the full data set
    """),
    # --- April: rollout and cutover ------------------------------------------
    ("chatkit-migration", "2020-04-02 12:00", """
        ahmed: Web client is reading from Stream on staging behind the `chat_v2` flag. Threads work, reactions work, typing indicators work 👩‍💻
        maya: can I get an account?
          ahmed: invited you, log in with Google
    """),
    ("chatkit-migration", "2020-04-06 09:15", """
        maya: Rollout plan: 5% of clubs Apr 8 → 25% Apr 14 → 100% Apr 21 → hard cutover Apr 23 at the latest. Support has the FAQ. @{rosa} please shout if ticket volume spikes. !pin
          rosa: 👍 we'll post daily numbers in #support
          lena: I'll be on call for each step
    """),
    ("chatkit-migration", "2020-04-08 13:30", """
        lena: 5% rollout live. Dual-write lag p95 = 180 ms. No errors so far [image:grafana-dual-write.png]
          tomas: 👌
    """),
    ("chatkit-migration", "2020-04-14 13:05", """
        maya: 25% is live 🚀
        kenji: and Huawei push works via HMS 🎉 First test push on a P40: [image:huawei-push.png]
          li_wei: 太好了！The Shenzhen clubs mostly use Huawei phones, this is big
    """),
    ("support", "2020-04-15 17:00", """
        rosa: Day 2 of the 25% rollout: 23 chat tickets (normal is ~15). Top issue: "my unread badge is wrong" — @{priya} is that expected?
          priya: a few clubs had Chatkit cursors from 2018 that never moved. They see everything since then as unread. We can reset those.
          rosa: please do 🙏 I'll update the macro
    """),
    ("chatkit-migration", "2020-04-21 10:00", """
        maya: 100% of clubs on Stream 🎉 Chatkit stays read-only for rollback until Thursday.
          priya: dual-write mismatches over the last 24h: 0
          grace: 👏👏👏
    """),
    ("chatkit-migration", "2020-04-23 14:05", """
        tomas: Cutover complete. Chatkit writes disabled, webhooks removed, tokens revoked. Harbor chat is 100% Stream 🚀
          priya: [giphy:celebration]
          lena: no pages, no errors. best cutover ever
          jonas: 🥹
          maya: thank you all. seriously.
    """),
    ("general", "2020-04-23 18:30", """
        tomas: Chatkit cutover done ✅ All clubs have been on Stream since 14:05 UTC. 1.3M messages, 41k channels, nothing lost. Thank you all — especially @{priya} and @{lena} for the importer and the on-call marathon 🚀
          grace: Incredible work. Drinks on me at the summer offsite 🥂
          rosa: Support inbox is quiet 🤫
          chloe: [giphy:fireworks]
    """),
    ("dm:maya+tomas", "2020-04-23 20:10", """
        maya: we did it 🥂
        tomas: we did. go to sleep 😄
        maya: you first
    """),
    ("chatkit-legacy", "2020-04-24 08:55", """
        lena: Chatkit was shut down yesterday. Freezing this channel so the history stays around, read-only. Thanks for all the alerts, Deploy Bot 🫡
        lena: Lena Vogel froze the channel. !sys
    """),
    ("design", "2020-04-16 12:20", """
        yuki: Onboarding illustrations v2 [images:4:onboarding-illustration]
          ines: the coach with the whistle 😍
          noah: These are great. Can we try the basketball one with the warmer orange?
          yuki: sure, tomorrow!
    """),
    ("dm:ines+maya+noah", "2020-04-20 14:12", """
        noah: Starting a small group for the launch visuals so we don't spam #design
        ines: 👍
        maya: perfect. Launch is May 19 — I need the stream overlay and 6 App Store screenshots by May 12
          noah: doable
    """),
    # --- May: launch -----------------------------------------------------------
    ("design", "2020-05-05 15:10", """
        noah: Launch stream overlay + slides: [file:harbor-2-launch-slides.key] [image:stream-overlay.png]
          maya: looks amazing. Can the lower third fit "Tomás Herrera · Head of Engineering"?
          noah: fixed, it was clipping the á
    """),
    ("general", "2020-05-12 11:00", """
        chloe: 📣 Harbor 2.0 launches live on May 19 at 17:00 UTC! Join the stream and the live chat: [link:launch_live] Please share with your clubs 🙏 !pin:8d
          amara: I'll moderate the chat with Chloé
          grace: 🚀
    """),
    ("launch-2020", "2020-05-12 11:05", """
        chloe: Welcome to the Harbor 2.0 launch chat! 🎉 The stream starts May 19 at 17:00 UTC. Be kind, stay on topic, and ask us anything. !pin
        amara: Moderators: Chloé and me. Spam gets removed, spammers get banned 🛡️
    """),
    ("engineering", "2020-05-15 16:45", """
        tomas: Code freeze for 2.0 starts now ❄️ Only P0/P1 fixes until the launch on Tuesday. !pin:5d
          kenji: Android RC is on the internal track
          jonas: iOS RC in TestFlight
          sofia: regression pass done on 14 devices, 2 P3 bugs, nothing blocking ✅
    """),
    ("general", "2020-05-19 19:00", """
        grace: What a launch. 2,400 live viewers, 600 new clubs signed up during the stream, and the App Store feature goes live tomorrow. Proud of this team ❤️ [image:launch-team-call.png]
          maya: 🥹❤️
          tomas: The chat held up perfectly under load, for the record 😎
          amara: the chat was SO wholesome (except for one crypto guy)
    """),
    ("incidents", "2020-05-19 17:12", """
        deploybot: ⚠️ API traffic 6× baseline (launch) — autoscaling to 24 pods
          lena: expected, watching
          lena: p95 steady at 140ms. We're fine 😎
    """),
    ("order-10533", "2020-05-25 10:03", """
        cust_beatriz: Olá! I was charged twice for order #10533 (the rugby bundle). Bank screenshot attached. [image:double-charge.png]
        amara: Hi Beatriz, I'm so sorry about that! I'm looping in Daniel from our billing team.
        dan: Hi Beatriz — confirmed, the payment provider retried after a timeout and both went through. I've refunded the duplicate: €64.90, it should show in 5–10 business days. [file:refund-10533.pdf]
        cust_beatriz: That was fast, obrigada! 🙏
        cust_beatriz: Refund arrived already 👍 !wait:1d
        dan: Great! And the kits ship Thursday 📦
        cust_beatriz: Kits arrived, the boys are thrilled [image:porto-juniors-kits.jpg] !wait:6d
        amara: They look fantastic! 🏉 Tag us on Instagram if you post it 😄
        cust_beatriz: Will do!
    """),
    # --- June ---------------------------------------------------------------------
    ("engineering", "2020-06-02 09:30", """
        priya: Removed the Chatkit dual-write code: −4,812 lines 🧹 [link:pr]
          tomas: most beautiful diff I've seen all year
          lena: I'll delete the Chatkit secrets from Vault 🔥
    """),
    ("general", "2020-06-12 16:00", """
        amara: Virtual offsite photos! 📸 Thank you all for the costumes 😂 [images:8:offsite-2020]
          ines: the pirate hats 🏴‍☠️
          grace: best offsite yet, and we never left our kitchens
          kenji: who won the quiz in the end?
            amara: design, by 1 point. Noah will never let us forget it
    """),
    ("engineering", "2020-06-17 13:10", """
        priya: Retro notes from the migration: [file:chatkit-migration-retro.md] Top 3 learnings: validate early, import deleted messages too, and read cursors matter more than anyone thinks.
          maya: +1000 to the last one
    """),
    # --- June 29–30: what maya hasn't read yet ----------------------------------
    ("chatkit-migration", "2020-06-29 10:20", """
        priya: @{maya} the post-migration report is ready for your review: [file:chatkit-migration-report.pdf] TL;DR: nothing lost, 14 support tickets total, 99.98% push delivery.
          tomas: let's share it with Stream's team too, they asked for feedback
          lena: nice. can we archive this channel after?
    """),
    ("design", "2020-06-29 15:40", """
        ines: @{maya} reaction picker v2 — 6 defaults or 8? Vote with reactions 👇 [image:reaction-picker-v2.png]
        noah: 6. Fewer choices, faster taps.
        chloe: 8! people want 🔥
    """),
    ("china-market", "2020-06-29 03:15", """
        li_wei: @{maya} 上海的三个俱乐部想试用 Harbor Pro — three clubs in Shanghai want to try Harbor Pro. Can we extend the beta to the end of July? 🙏
        kenji: Android side is ready, HMS + Mi Push both stable
        li_wei: 谢谢 Kenji！
    """),
    ("raid-night", "2020-06-29 19:40", """
        kenji: Thursday raid moved to Wednesday this week (holiday for the US folks). Same time, 19:00 UTC ⚔️
        kai_gg: 👍 I'll bring flasks
        frostbyte: can't wait for another Leviathan wipe 💀
    """),
    ("general", "2020-06-30 09:30", """
        grace: H2 planning doc is up: [link:h2_planning] @{maya} can you own the chat roadmap section? Comments from everyone welcome by Friday 🙏
          tomas: I'll add the eng capacity numbers
          chloe: marketing section incoming
    """),
    ("engineering", "2020-06-30 10:15", """
        tomas: @{maya} sprint 27 planning: can you confirm whether search-in-channels or offline mode goes first? Estimates are in the doc.
        jonas: dark mode threads on iOS, feedback welcome @{maya} @{ahmed} [image:thread-ui-dark.png]
          ahmed: the reply count pill is low contrast in dark
          jonas: good catch, fixing
    """),
    ("support", "2020-06-30 14:00", """
        rosa: Q2 support report draft: [file:support-q2-2020.pdf] Chat tickets down 62% since the migration 📉 Full review at Thursday's sync.
        dan: 🎉 the unread badge bug fix made a huge difference
    """),
    ("dm:maya+tomas", "2020-06-30 16:20", """
        tomas: can we move our 1:1 to tomorrow? I've got the hiring loop today
        tomas: also @{maya} I put you down as a speaker for Stream's migration webinar in July, hope that's ok 😇
    """),
]

# Customer chats are short, so they are told in full rather than generated.
EVENTS += [
    ("order-10452", "2020-03-09 08:12", """
        cust_hannah: Hi! I ordered 18 jerseys for our U12 team (order #10452) on the 2nd. Tracking hasn't updated in 5 days — any news? Our first match is on the 21st 😬
        rosa: Hi Hannah! Thanks for reaching out, let me check with the warehouse.
        rosa: Found it — the parcel was held at customs in Leipzig. I've asked the courier to expedite, you should have it by Thursday. !wait:40m
        cust_hannah: Thank you!! Also, one of the kids' names is misspelled on the back — it says "Jonhson" instead of "Johnson" [image:jersey-misprint.jpg]
        dan: Oh no, sorry about that! We'll reprint that jersey and ship it express, no charge. Can you confirm the size? Youth M?
        cust_hannah: Yes, youth M. You're the best 🙌
        dan: Reprint is in the queue, tracking will follow by email.
        cust_hannah: Arrived! The kids love them 😍 [image:riverside-u12-team.jpg] !wait:3d
          rosa: That photo made our day 💙 Good luck on the 21st!
        cust_hannah: We won 3–1 🎉⚽️ !wait:9d
        rosa: CHAMPIONS 🏆
        cust_hannah: Haha not yet, but thank you. Also: is there a discount for the autumn order? We'll need 12 more.
        rosa: >> For repeat orders over 10 pieces it's 10% off — I'll put a note on your account 😊
        cust_hannah: Perfect, danke!
    """),
    ("order-10488", "2020-03-12 15:40", """
        cust_omar: Hello, order #10488 arrived today but we got size L instead of M for half of the bibs.
        marcus: Hi Omar, sorry for the mix-up! Could you send a photo of the labels?
        cust_omar: [images:2:bib-labels]
        marcus: Thanks — that's our mistake. Here's a prepaid return label for the 6 L bibs: [file:return-label-10488.pdf] The M ones ship today.
        cust_omar: Great, thank you Marcus
        cust_omar: Dropped the return at the post office 📦 !wait:1d
          marcus: 👍 I'll let you know when it arrives
        marcus: Replacement bibs are on the way, tracking: DHL 7782 4419 03. !wait:2d
        cust_omar: Received, all correct now. Thanks for the quick help! 🏀 !wait:4d
        dan: Hi Omar, Daniel here — Marcus has moved on, I'm your contact now. Just checking the return arrived on our side too ✅ !wait:8d
        cust_omar: Thanks Daniel, all good here.
    """),
    ("presales", "2020-02-11 18:25", """
        cust_fred: Hi there! We're a community netball club in Leeds, ~40 players. Do you do discounts on kits for 40+ pieces?
        rosa: Hi Fred! Yes — 15% off from 40 pieces, and crest printing is free above 25. Catalogue: [link:kits_catalog]
        cust_fred: Brilliant. And Harbor Pro — is it per team or per club?
          chloe: Per club! One subscription covers all teams, coaches and parents. There's a 30-day free trial too.
        cust_fred: Sold. Setting up the trial now 😊
        cust_fred: Quick question — can parents see the coaches' chat? !wait:2d
          rosa: Only if you add them to that channel. Coaches' channels are private by default.
        cust_fred: Perfect, that's what we need.
        cust_fred: Ordered 42 training tops, order #10391 🎉 !wait:5d
        chloe: Thank you Fred! Welcome to Harbor 💙
    """),
    ("presales", "2020-05-20 11:05", """
        cust_beatriz: Olá! Saw the launch stream yesterday 😍 We're a junior rugby club in Porto. Can you print our crest on rugby jerseys? Here it is: [image:porto-juniors-crest.png]
        dan: Hi Beatriz! Yes we can. Here's a mockup based on your crest: [image:crest-mockup.png]
        cust_beatriz: Wow, that was fast. Can the crest be a bit bigger?
          dan: Sure, 20% bigger: [image:crest-mockup-v2.png]
          cust_beatriz: Perfect 👌
        cust_beatriz: What's the delivery time to Portugal?
        rosa: 5–7 business days after proof approval 🇵🇹
        cust_beatriz: Great, ordering 25 now!
    """),
    ("presales", "2020-03-16 12:40", """
        cust_fred: Hi again! Heard Chatkit is shutting down — will our club chat history survive? We have 2 years of match chat in there 😅
        chloe: Hi Fred! Yes, all of it moves over, including photos and read status. We're migrating to Stream before April 23, you won't need to do anything except update the app.
        cust_fred: Phew. Thanks!
    """),
    ("dm:ines+maya", "2020-03-23 11:00", """
        ines: Got 10 min? Want to show you the threads mock before it goes to #design
        maya: sure, now?
        ines: [image:threads-mock-private.png] be honest
        maya: love the reply counter. The "also send to channel" checkbox is a bit hidden though
        ines: agreed, I'll move it next to send
    """),
    ("dm:li_wei+maya", "2020-03-02 09:52", """
        li_wei: Hi Maya! 你好 👋 Thanks for joining the channel. Quick intro to the beta: 37 clubs, ~2,100 users, 80% on Huawei or Xiaomi phones.
        maya: Hi Li Wei! That's super helpful. So push on HMS and Mi Push is a must for the migration.
        li_wei: 对，必须的 (yes, a must). Otherwise coaches will miss practice changes.
        maya: noted — I'll make it a launch blocker.
    """),
    ("dm:grace+maya", "2020-03-19 17:30", """
        grace: Read the RFC. Clear and honest about the risks. Let's go with Stream.
        maya: Thank you! I'll announce it tomorrow morning.
        grace: Can you prep two slides for the board on Monday? Cost, timeline, risk.
        maya: will do [file:board-chat-migration.key] !wait:3d
        grace: perfect 👌
    """),
    ("dm:maya+rosa", "2020-04-16 19:05", """
        rosa: Hey, unread badge complaints are at 31 today 😬
        maya: ugh. Priya is resetting the stale cursors tonight. Can you hold the macro until tomorrow?
        rosa: sure. Also a coach said the new threads are "the best thing since the whistle" 😂
        maya: putting that on a slide
    """),
    ("dm:maya+priya", "2020-03-26 15:30", """
        priya: 3,412 validator errors 🙃 I'll have most of them fixed by Monday
        maya: how confident are you about the April 23 date, honestly?
        priya: 80%. The rest depends on the rate limits for the final export.
        maya: OK. Anything I can unblock?
        priya: ask Pusher if they can raise our export rate limit for a week
        maya: emailing them now
        maya: they said yes, 5× for 10 days 🎉 !wait:3h
        priya: you're a legend
    """),
    ("dm:jonas+kenji", "2020-04-23 14:20", """
        kenji: Android build with Chatkit removed: −3.1 MB 🎉
        jonas: iOS: −2.3 MB. you win
        kenji: finally I win something. now raid tonight?
        jonas: obviously ⚔️
    """),
]

# ---------------------------------------------------------------------------
# Reusable conversations, drawn at random times in their phase ("any" = always).
# Each is used at most once; after that CHATTER fills the channel up.
# ---------------------------------------------------------------------------

SNIPPETS = {
    "engineering": {
        "any": [
            """A: anyone else seeing the iOS CI job flake today?
                 B: yep, simulator boot times out ~1 in 5 runs
                 C: bumped the boot timeout in #{pr}, should help
                 A: thanks! 🙏""",
            """A: who broke staging? 😅 /schedules returns 500
                 B: me, sorry — a migration ran before the deploy. fixing
                 B: fixed, it was a missing index !also""",
            """A: Postgres 12 dry-run results: [file:pg12-dry-run.txt] 14 min downtime, mostly VACUUM. Sunday 06:00 UTC?
                 B: works for me
                 C: I'll be on call 👍""",
            """A: TIL Swift's Character treats 👩‍💻 as ONE character, but it's 3 scalars (woman + ZWJ + laptop). Our message length counter was counting scalars 🙃
               B: classic. terminals have the same fun with wide characters
               C: and 👨‍👩‍👧‍👦 is seven scalars. I checked. I regret checking.""",
            """A: RFC: move the API docs to OpenAPI 3 [link:openapi]
                 B: +1, the hand-written docs are always out of date
                 C: can we generate the Swift client from it too?
                 A: that's the plan""",
            """A: Friday deploy? 🙈
               B: no.
               C: no.
               A: ok ok, Monday""",
            """A: who owns the roster CSV importer? A club uploaded a file with a BOM and semicolons as separators
                 B: me. Excel strikes again 📊
                 B: fixed in #{pr}""",
            """A: perf: [image:flamegraph.png] 40% of the schedule API time is JSON encoding 🤯
                 B: switch the hot path to a pre-encoded cache?
                 A: trying that now
                 A: p95 from 310 ms to 120 ms 🚀 !also""",
            """A: anyone else's Xcode indexing forever after the update?
                 B: delete DerivedData, restart, sacrifice a goat
                 A: worked (the first two steps) 😂""",
            """A: on-call handover: quiet week, 2 pages (both upstream). Runbook updated. @{B} you're up 🫡
               B: 🫡""",
            """A: lunch & learn recording: "{topic}" [video:lunch-and-learn.mp4]
                 B: great talk, the bit about edge cases was 🔥""",
            """A: Android ANR rate is up to 0.8% on Samsung A-series
                 B: the image decoder on the main thread again?
                 A: yep
                 C: I'll take it""",
            """A: new ADR: [file:adr-0012-feature-flags.md] we're standardizing on server-side flags. Comments by Thursday please""",
            """A: main now requires 1 review + green CI. sorry not sorry 🙃
               B: 👏""",
            """A: someone left a print("here") in the production iOS logs 🙈
                 B: it was me in 2018. leave it, it's load-bearing""",
            """A: heads-up: bumping Kotlin in #{pr}, rebase after it lands
               B: 👍""",
            """A: who's reviewing #{pr}? it's been open 3 days 🥲
               B: on it now, sorry!""",
            """A: Question about 3-D Secure: do we retry failed challenges?
                 B: no, the user has to redo it. @{C} can you confirm?
                 C: confirmed, and we show the "try again" sheet""",
            """A: is anyone using the old `v1/clubs` endpoint still? Logs say only one club's custom integration
                 B: that's the Leeds netball club's spreadsheet script 😄 I'll email them""",
            """A: >> did this ever get fixed?
                 B: yes, shipped in {ver}""",
            """A: dependency update day 🧹 [file:outdated-deps.txt]
                 B: I'll take the Android half
                 C: iOS half""",
        ],
        "pre": [
            """A: We have ~{k} users on Huawei phones without Google Play services → no FCM push at all
                 B: HMS Push Kit then?
                 C: let's put it on the Q2 list""",
            """A: Chatkit 429s again when clubs bulk-import rosters — every new player joins 6 rooms at once
                 B: batch the room joins?
                 A: Chatkit doesn't have a batch endpoint 🙃
                 C: queue + backoff it is""",
            """A: Android cold start on a Moto G7: 1.9s (was 2.6s) 🚀
                 B: 🔥 what did it?
                 A: lazy-loading the payment SDK and one less DI graph""",
            """A: iOS 13.4 beta breaks our date picker on iPad. Filed a radar. Workaround in #{pr}""",
        ],
        "eval": [
            """A: Vendor question: how does each of them handle message history import?
                 B: Stream: JSONL import file + validator. Sendbird: migration API. Twilio: message by message.
                 A: 👀 that's a big difference for 1.3M messages""",
            """A: spike branch with the Stream iOS SDK is up, don't merge 🙏 [link:pr]""",
            """A: Chatkit export script: rooms + members done, messages paginating at ~{k}/s""",
        ],
        "migrate": [
            """A: iOS: ChatkitCore is gone from the app target 🎉 −2.3 MB binary size""",
            """A: Android: channel list on Stream is live in internal builds. Please dogfood and report in this thread 🧵
                 B: unread badge doesn't clear after reading a thread
                 C: pull-to-refresh flickers on the channel list
                 A: both fixed in #{pr}""",
            """A: token endpoint `/v2/chat/token` is deployed: JWT signed server-side, 24h expiry
                 B: and the clients refresh on 401?
                 A: yes, tested with a 1-minute expiry on staging""",
            """A: push: firebase for Android, apn for iOS, huawei for HMS phones, xiaomi for the China beta. All four configured on Stream [link:stream_push]""",
            """A: reminder: channel ids must match ^[a-zA-Z0-9_-]+$ and be ≤ 64 chars. Chatkit room ids with dots get rewritten: room.123 → room_123""",
            """A: dual-write mismatch report: {k} messages missing on the Stream side
                 B: all from one club's bot posting 50 messages a second 🙄
                 A: rate-limiting that bot, it's not a human""",
        ],
        "launch": [
            """A: 2.0 release candidate {ver} is in TestFlight and on the internal track 🚀
                 B: installing""",
            """A: load test: 10k concurrent clients, p99 send latency 310 ms ✅ [image:loadtest-grafana.png]
                 B: 😍""",
            """A: App Store review rejected 2.0 because the demo account had no chat history 🙃 re-submitted with the demo club
                 B: lol, we literally built an importer for that""",
            """A: typing indicators: should we show them in channels with 50+ members?
                 B: no, it's noise. 1:1 and small groups only
                 A: 👍 capped at 20 members""",
        ],
        "post": [
            """A: bug: unread badge off by one when the last message is a thread reply with "also send to channel"
                 B: we count it twice, once in the thread and once in the channel
                 A: fix in #{pr}""",
            """A: crash in the thread view on iOS 12 (0.3% of sessions) — fix in #{pr}
                 B: iOS 12 is 4% of users, worth it""",
            """A: search across channels: Stream's search API covers it, we only need UI
                 B: @{maya} is it in scope for sprint 27?""",
            """A: delivered-vs-read metric for push is live on the dashboard [image:push-metrics.png]""",
        ],
    },
    "general": {
        "any": [
            """A: Lunch & learn on Thursday: {B} is talking about {topic}. Bring questions! 🍜
                 B: slides will be in the drive afterwards""",
            """A: reminder: expense reports for {month} are due Friday 🧾""",
            """A: who's in Lisbon next week? I'll be at the co-working space Tue–Thu ☕
                 B: me! lunch on Wednesday?""",
            """A: PSA: the VPN certificate rotates tonight, re-import the profile tomorrow morning: [link:vpn_guide]""",
            """A: Happy birthday @{B}! 🎂🎉
                 C: 🎉🎉
                 D: happy birthday!! 🥳
                 B: thank you all! 🥳""",
            """A: Our App Store rating just hit 4.7 ⭐️ — thank you support team for answering every review 💙""",
            """A: Customer love: a coach told us attendance tracking saves her 2 hours a week 💙""",
            """A: friendly reminder to set your status when you're out so support knows who to ping 🙏""",
            """A: new month, new metrics: {k} weekly active clubs 📈 [image:metrics-dashboard.png]
                 B: 🚀""",
            """A: anyone have a spare USB-C to Lightning cable in the Berlin office?
                 B: top drawer, desk by the window""",
            """A: Welcome to our new trial customers this week from {city}, {city2} and {city3} 🌍""",
        ],
        "launch": [
            """A: Press kit for 2.0 is ready: [file:harbor-2-press-kit.zip]""",
        ],
        "post": [
            """A: App Store feature screenshot for the wall 🖼️ [image:app-store-feature.png]
                 B: framing it""",
        ],
    },
    "random": {
        "any": [
            """A: sourdough update 🍞 [image:sourdough.jpg]
                 B: that crumb!!
                 C: recipe please
                 A: [file:sourdough-recipe.pdf]""",
            """A: dog tax 🐕 [image:dog-tax.jpg]
               B: 😍😍
               C: what's their name?
               A: Pixel""",
            """A: anyone else's cat attack the keyboard during standup? [image:cat-keyboard.jpg]
               B: mine sat on the trackpad and declined a calendar invite from Grace 🙈""",
            """A: hot take: tabs > spaces
               B: 🔥
               C: this is a hostile work environment
               D: [giphy:popcorn]""",
            """A: watching {show}. No spoilers please!!
               B: you're not ready for episode 5
               A: I SAID NO SPOILERS""",
            """A: what's everyone reading? I just finished Recursion by Blake Crouch 📚
               B: loved it! try Exhalation by Ted Chiang next
               C: I'm on The Three-Body Problem, my brain hurts""",
            """A: 👩‍💻 pair programming with my daughter today. she fixed my CSS
               B: hire her""",
            """A: Saturday 5k run, anyone? 🏃‍♀️
               B: in!
               C: I'll cheer from the café""",
            """A: voice memo from the park because I'm too lazy to type 😅 [audio:voice-memo-park.m4a]
               B: the birds in the background 🐦""",
            """A: made {food} for the first time [image:homemade-food.jpg]
               B: invite us next time 😋""",
            """A: my desk setup after 3 months of remote work [image:desk-setup.jpg]
               B: the plant is doing a lot of work there
               C: cable management 10/10""",
            """A: time-lapse of the thunderstorm over {city} last night ⛈️ [video:storm-timelapse.mp4]
               B: wow
               C: 🤯""",
            """A: board game night on Friday? I'll bring Codenames 🎲
               B: I'm in
               C: Wingspan or I riot""",
        ],
    },
    "design": {
        "any": [
            """A: crit at 15:00 — bring what you've got, however rough ✏️""",
            """A: Figma file for the schedule redesign: [link:figma_schedule]
                 B: love the week view 😍
                 C: can we check contrast on the orange? [image:contrast-check.png]
                 A: AA on white, fails on grey. adjusting""",
            """A: icon set update [image:icons-v3.png]
                 B: the whistle icon 🥹""",
            """A: user interview with a coach from Riverside FC (German, with subtitles) [video:interview-riverside.mp4]
                 B: "I don't want another app, I want fewer WhatsApp groups" — that's our tagline right there""",
            """A: dark mode tokens are in the design system now 🌙 [file:design-tokens-2020.json]""",
            """A: hot take: we have 14 shades of grey. we need 6.
               B: we need 5
               C: we need 🖤""",
            """A: empty state for channels needs copy — ideas?
                 B: "Quiet in here… say hi to your team 👋"
                 C: 👍 that one""",
            """A: should reactions be tinted in dark mode? [image:reactions-dark.png]
                 B: no tint, the emoji carry enough colour""",
            """A: usability test results for the new onboarding: 7/8 finished without help 🎉 [file:onboarding-usability-report.pdf]""",
        ],
        "migrate": [
            """A: first pass of the threads UI for mobile: [images:3:threads-ui]
                 B: the reply count chip is nice. How does it look with 99+?
                 A: [image:threads-99plus.png]
                 C: 👌""",
            """A: reaction picker explorations [images:2:reaction-picker]
                 B: the second one, but with a bigger hit target""",
        ],
    },
    "support": {
        "any": [
            """A: ticket #{ticket}: coach can't log in after changing email
                 B: known issue, the old email is cached on the device. Macro "Re-login after email change"
                 A: 👍 solved""",
            """A: escalating #{ticket} to engineering — a parent was charged twice for the season fee
                 B: on it @{A}
                 B: refunded, and found the cause (double tap on slow network). fix next release""",
            """A: 📞 a club asked if chat is end-to-end encrypted. What's our line?
                 B: encrypted in transit (TLS) and at rest, not E2E. Help article: [link:help_encryption]""",
            """A: daily numbers: {n}{n2} tickets, CSAT {csat}% 💪""",
            """A: weird one: #{ticket} — the schedule shows "undefined vs undefined" for a match
                 B: the opponent was deleted. I'll ask engineering for a nicer fallback""",
            """A: we got a lovely review today: "Support replied in 4 minutes on a Sunday" 💙
                 B: 🥹""",
            """A: can someone cover my queue 14:00–15:00? dentist 🦷
                 B: got you""",
            """A: new macro for "how do I export attendance" — feedback welcome [file:macro-export-attendance.txt]""",
        ],
        "migrate": [
            """A: first "where are my old messages" ticket from the 5% group
                 B: the history import for that club finished after their first login. Force-refresh fixes it
                 A: adding that to the macro""",
            """A: FAQ page for the chat migration is live. Ticket volume normal so far 🤞""",
        ],
        "post": [
            """A: chat tickets this week: {n}. Lowest since we started tracking 📉
                 B: 🎉""",
        ],
    },
    "incidents": {
        "any": [
            """deploybot: 🔥 PagerDuty: api-5xx-rate > 2% for 5 min — assigned to @{A}
                 A: ack, looking
                 A: bad deploy of the payments worker, rolled back. Resolved ✅""",
            """deploybot: ⚠️ Disk usage on db-replica-2 at 85%
                 A: old WAL files, cleaning up
                 A: 62% now ✅""",
            """deploybot: ⚠️ p95 latency on /schedules above 800 ms for 10 min
                 A: season rollover traffic. Scaling up
                 B: back under 200 ✅""",
            """deploybot: 🔥 PagerDuty: push delivery failures > 10% on APNs — assigned to @{A}
                 A: the APNs certificate expires in 3 days and someone rotated it early with the wrong one 🙃 fixing
                 A: resolved. Calendar reminder for next year added 📅""",
        ],
    },
    "chatkit-migration": {
        "eval": [
            """A: Chatkit room names can be 60+ chars with emoji. Does Stream care?
                 B: the name is just channel data. The channel *id* must be ^[a-zA-Z0-9_-]+$ and ≤ 64 chars though""",
            """A: how do Chatkit roles map?
                 B: room admins → channel_moderator, everyone else → channel_member. Global admins stay admin.""",
            """A: GDPR question list for the vendors: [file:vendor-gdpr-questions.docx] @{B} can you add the DPA bits?
                 B: added ✅""",
            """A: what happens to messages people deleted in Chatkit?
                 B: import them as type "deleted" with deleted_at. Otherwise threads lose their parents.""",
        ],
        "migrate": [
            """A: reminder: import order is users → devices → future channel bans → channels → members → messages → reactions 📋""",
            """A: export batch {n}/12 done ({k}k messages)""",
            """A: Chatkit multipart messages: text parts → text, url/attachment parts → attachments with https URLs
                 B: and the inline images from 2017?
                 A: rehosted on our CDN first, then referenced""",
            """A: staging import took {n}{n2} min for the full data set ⏱️""",
            """A: Support FAQ for clubs v2: [file:chat-migration-faq-v2.docx] @{B} can you review?
                 B: 👍 two small comments""",
            """A: we keep Chatkit read-only until April 23, so rollback stays possible
                 B: 👍""",
            """A: how are we importing the "👍" quick replies from Chatkit custom message data?
                 B: as reactions (type "like"). they were reactions in all but name""",
            """A: validator run #{n}: {k} errors left, all in the reactions section (duplicates)
                 B: dedupe on (message_id, type, user_id) and it's clean""",
        ],
        "launch": [
            """A: Stream dashboard screenshot for the launch deck [image:stream-dashboard.png]""",
            """A: should we keep this channel around after the cutover?
                 B: for a month, for questions. then archive""",
        ],
    },
    "china-market": {
        "any": [
            """A: 深圳的俱乐部反馈: they love the attendance feature 👍
                 B: 太好了！""",
            """A: 这个 bug 在小米手机上能复现 (reproducible on Xiaomi): notifications arrive but don't open the right channel
                 kenji: checking the Mi Push payload, probably the deep-link key
                 kenji: fixed in {ver} ✅""",
            """A: 翻译进度 92% (translation 92% done). Remaining strings are payment-related, waiting for legal.""",
            """A: 华为应用市场审核通过了 🎉 AppGallery review passed!
                 B: 🎉🎉""",
            """A: beta numbers this week: {k} active users, 推送到达率 (push delivery) 98%""",
        ],
    },
    "raid-night": {
        "any": [
            """A: Guild rules reminder: be nice, show up on time, loot council decides ties 🛡️""",
            """A: Raid this week: Thu 19:00 UTC {boss}, Sunday 18:00 UTC farm. React if you're in 👇
                 B: in
                 C: in, might be 10 min late""",
            """A: patch notes are out! [link:emberfall_patch]
                 B: they nerfed my cloak 😭
                 C: they buffed the Leviathan 💀""",
            """A: FIRST KILL on {boss}!!! 🎉🎉🎉 [image:first-kill.jpg]
                 B: GG GG GG
                 C: I screamed
                 D: worth every wipe""",
            """A: dps meter from last night [image:dps-meter.png]
                 B: who is "Unknown Entity" at the top
                 A: that's @{C}'s pet 😂""",
            """A: can someone craft me a {item}? I have the mats
                 B: I can tonight""",
        ],
    },
    "lfg": {
        "any": [
            """A: LFG {boss} normal, need 2 dps
                 B: I'm in
                 C: me too
                 A: inv sent ✉️""",
            """A: LF1M healer for a quick dungeon
                 B: healer here, give me 5""",
        ],
    },
    "dm:maya+tomas": {
        "any": [
            """tomas: got 5 min before standup?
               maya: yep, call?
               tomas: calling""",
            """maya: can we move our 1:1 to Thursday? board prep 📊
               tomas: sure""",
            """tomas: honest feedback on my sprint review slides? [file:sprint-review.key]
               maya: slide 4 is doing too much. otherwise great""",
            """maya: hiring: I liked the backend candidate from this morning
               tomas: same. strong on Postgres, a bit quiet. let's do the take-home
               maya: 👍""",
            """tomas: heads-up, I'm out tomorrow afternoon (kid's school thing)
               maya: enjoy! 🎒""",
            """maya: do we have capacity for the Huawei push work this quarter?
               tomas: if kenji drops the cold start work, yes
               maya: let's talk Monday""",
            """tomas: [giphy:coffee]
               maya: same""",
        ],
        "migrate": [
            """maya: how are you feeling about the timeline?
               tomas: nervous but fine. the importer is solid
               maya: same. biggest risk is push on HMS
               tomas: kenji says it's working on staging""",
        ],
        "post": [
            """maya: can I take Friday off? 🏖️
               tomas: you've earned about 40 Fridays off. yes""",
        ],
    },
    "dm:ines+maya": {
        "any": [
            """ines: coffee? ☕
               maya: 10 min!""",
            """maya: can you join the customer call at 16:00? They want to talk about the schedule view
               ines: sure, send the invite""",
            """ines: user test tomorrow, can you be the note-taker?
               maya: yes! what time?
               ines: 10:30, Lisbon time""",
            """maya: [image:whiteboard-sketch.jpg] idea for the coach dashboard, sorry for the handwriting
               ines: I can read it! love the attendance ring""",
        ],
    },
    "dm:maya+priya": {
        "any": [
            """maya: quick one: how expensive is "unread counts per thread"?
               priya: cheap on Stream, painful on Chatkit
               maya: so after the migration 😄""",
            """priya: FYI I'm taking Wednesday off for the Diwali dinner prep at my aunt's — no wait, wrong month, it's my cousin's wedding 😅
               maya: enjoy!! 💃""",
            """maya: is the import dry run still on for tonight?
               priya: yes, 22:00 UTC. I'll post the numbers in the morning""",
        ],
    },
    "dm:maya+rosa": {
        "any": [
            """rosa: can I borrow you for 10 min? A club owner wants to talk to "someone from product" 😅
               maya: sure, add me to the call""",
            """maya: what are the top 3 ticket themes this month?
               rosa: logins, schedules, payments. [file:ticket-themes.csv]
               maya: thanks! 🙏""",
        ],
    },
    "dm:jonas+kenji": {
        "any": [
            """kenji: how are you handling the keyboard inset in the composer on iOS?
               jonas: keyboardLayoutGuide would be nice, if only it existed 🙃 we use the notification + animation curve
               kenji: ok, same on Android with WindowInsets""",
            """jonas: raid tonight?
               kenji: yes, bring potions ⚗️""",
            """kenji: parity check: does iOS show the reply count on deleted parents?
               jonas: yes, "message deleted · 3 replies"
               kenji: ok, copying that""",
            """jonas: [giphy:cat typing]
               kenji: that's you during code freeze""",
        ],
    },
    "dm:grace+maya": {
        "any": [
            """grace: great demo on Friday 👏
               maya: thank you! the team did the hard part""",
            """grace: could you send me the monthly product update before Thursday?
               maya: [file:product-update.pdf] here you go""",
        ],
    },
    "dm:ines+maya+noah": {
        "any": [
            """noah: screenshots v2 [images:6:app-store-screenshot]
               maya: #3 and #5 are the strongest
               ines: agree, let's lead with #3""",
            """ines: overlay colours for the stream: [image:overlay-colours.png]
               noah: the dark one
               maya: dark one 👍""",
        ],
    },
    "dm:li_wei+maya": {
        "any": [
            """li_wei: 早上好 Maya! The Shenzhen clubs asked if voice messages are coming 🎙️
               maya: good morning! On the list for H2, not before
               li_wei: 好的, I'll tell them""",
        ],
    },
}

# Single lines for filler sessions; speakers are picked at random, B is someone else.
CHATTER = {
    "engineering": [
        "PR #{pr} is up: {change} — could use a review 🙏", "merged #{pr} ({change}) 🚀",
        "{change} is on staging, please poke at it", "CI is green again ✅", "deploying the API to production 🚢",
        "rebasing, then merging", ">> +1", ">> nice!", "looking", "👀", "on it", "@{B} can you take a look at #{pr}?",
        "going to lunch, back in 45 🍜", "back", "anyone up for pairing on {task}?", "tests pass locally 🤷",
        "the build takes 14 minutes again 😩", "LGTM 👍", "left some comments on #{pr}",
        "filed #{issue} for the flaky test", "release notes for {ver} are in the doc",
        "TestFlight build {ver} is up", "Android {ver} rolled out to 20%", "crash-free sessions at 99.{n}% 🎯",
        "who's on call this week?", "I'll be offline 14:00–15:00 for a dentist appointment 🦷",
        "heads-up: staging DB reset at 16:00 UTC", "rubber duck moment: never mind, found it 🦆",
        "pushed a fix, waiting for CI", "thanks for the quick review!", "@{B} ping me when you're free",
        "🎉", "🙏", "ha!", "yep", "good catch", "will do", "agreed",
    ],
    "general": [
        "good morning everyone ☀️", "welcome to the team 🎉", "thanks all 🙏", "🎉🎉", "👏",
        "team lunch on Thursday, the place with the good dumplings 🥟", "office hours with Grace at 16:00, bring anything",
        "shipping update: the new hoodies arrived 🧥 [image:hoodies.jpg]", "reminder: all-hands tomorrow at 15:00 UTC",
        "the recording of today's all-hands is in the drive 🎥", "PSA: fire alarm test in the Berlin office at 11:00 🔔",
        "happy Friday! 🍻", "thanks for the kind words everyone 💙",
    ],
    "random": [
        "good morning ☀️", "[giphy:monday]", "coffee count today: 4 ☕☕☕☕", "TIL octopuses have three hearts 🐙",
        "anyone have a good podcast for the commute?", "the Berlin office plant survived another week 🌱",
        "{city} is 22° today and I'm inside debugging 😭", "🎵 focus playlist: lo-fi beats again", "lol", "😂😂",
        "[giphy:friday]", "who ate my yoghurt from the fridge 🥲", "sunset from my balcony [image:sunset.jpg]",
        "new keyboard day ⌨️ [image:new-keyboard.jpg]", "rain again 🌧️", ">> this 👆", "same", "🤣",
        "anyone watching the football tonight? ⚽️", "I made a playlist for the team [link:harbor_2]",
    ],
    "design": [
        "updated the Figma, see the 'v3' page", "crit notes are in the doc ✍️", "love this 😍", "👍", "agree",
        "can we try it with more whitespace?", "new exploration [image:exploration.png]", "@{B} thoughts?",
        "the 8pt grid is our friend", "exported assets to the shared drive 📁", ">> yes!!",
    ],
    "support": [
        "queue is clear 🎉", "ticket #{ticket} solved ✅", "escalated #{ticket} to engineering", "taking lunch, back at 13:30",
        "@{B} can you take #{ticket}? it's a billing one", "CSAT today {csat}% 💪", "new macro added", "👍", "thanks!",
        "another happy coach 💙", "the help center search is broken again 🙃", "back online",
    ],
    "incidents": [
        "deploybot: ✅ Deployed harbor-api {ver} to production ({sha})", "deploybot: ✅ Deployed harbor-web {ver} to production ({sha})",
        "deploybot: ⚠️ Error rate on /payments above 1% for 5 min", "deploybot: ✅ Resolved: error rate back to normal",
        "deploybot: ⚠️ Queue depth for push-worker above 10k", "deploybot: ✅ Resolved: push-worker queue drained",
        "deploybot: ✅ Deployed harbor-worker {ver} to production ({sha})", "ack", "looking 👀", "resolved ✅",
        "false alarm, threshold too low. adjusting", "postmortem doc: [file:postmortem-template.md]",
    ],
    "chatkit-migration": [
        "👍", "🚀", "nice!", "@{B} can you take a look?", "validator run #{n} done, numbers in the sheet",
        "import dry run #{n} started ⏱️", "good question, adding it to the FAQ", "agreed", "on it",
        "[giphy:fingers crossed]", "checklist updated ✅", ">> +1",
    ],
    "chatkit-legacy": [
        "deploybot: ⚠️ Chatkit API returned 429 Too Many Requests for /rooms/{k}/messages ({n} times in 5 min)",
        "deploybot: ⚠️ Chatkit webhook delivery timed out (room {k}) — retrying",
        "deploybot: ✅ Chatkit webhook delivery recovered",
        "deploybot: ℹ️ Chatkit monthly active users: {k}k ({pct}% of plan)",
        "deploybot: 🔥 Chatkit websocket reconnect storm: {k} reconnects/min",
        "probably a club bulk-importing rosters again", "ack", "known, it's the Riverside tournament 🙃", "👀",
    ],
    "china-market": [
        "早上好 ☀️", "收到 👍", "好的，没问题", "明天见！", "辛苦了 🙏", "谢谢！", "推送延迟大概 {n} 秒 (push delay ~{n}s)",
        "测试版下载量 (beta downloads): {k}", "👍", "same on Huawei", "新版本已上传 (new build uploaded) {ver}",
        "@{B} 你看一下这个? (can you take a look?)",
    ],
    "raid-night": [
        "pull in 10 ⏱️", "wipe 💀 who stood in the fire", "@{B} you have aggro!!", "loot: {item} → @{B} 🎉", "gg everyone ⚔️",
        "brb snack", "ready check ✅", "voice is up", "lol @{B} fell off the bridge again", "who's tanking tonight?",
        "I'll tank", "res pls 🙏", "that was our cleanest run yet", "[giphy:victory]", "[image:raid-screenshot.jpg]",
        "my internet is a 🥔 tonight", "one more try?", "last pull, I have work tomorrow", "GG", "💀💀💀",
        "need a healer for Thursday, @{B} can you?", "flasks on me", "nice interrupt!", "LET'S GOOO",
    ],
    "lfg": [
        "LFG dungeon, need 1 tank", "anyone for a quick run?", "I'm in", "inv pls", "full, sorry!", "gg thanks all",
        "LF2M {boss} normal", "healer LFG", "brb 5 min",
    ],
    "dm:maya+tomas": ["👍", "thanks!", "call?", "ok", "on my way", "😂", "good point", "let's discuss at the 1:1",
                      "can you review my doc before 3?", "sure"],
    "dm:ines+maya": ["☕?", "yes!", "👍", "sent you the link", "thanks 🙏", "😂", "love it"],
    "dm:maya+priya": ["👍", "thanks!", "done", "sounds good", "on it", "🙏"],
    "dm:maya+rosa": ["thanks!", "👍", "on it", "🙏"],
    "dm:jonas+kenji": ["lol", "👍", "same", "gg", "on it", "😂", "parity achieved 🤝"],
    "dm:grace+maya": ["thank you!", "👍", "👌"],
    "dm:ines+maya+noah": ["👍", "love it", "sent", "agree"],
    "dm:li_wei+maya": ["谢谢！", "👍", "好的"],
}

# Launch stream chat: what viewers say while watching. {city} keeps it varied.
LIVE_CHATTER = [
    "hello from {city}! 👋", "hi everyone 👋", "🔥🔥🔥", "🎉", "👏👏👏", "let's gooo 🚀", "audio is a bit low",
    "audio is fine now 👍", "will threads work on the web app too?", "is there a dark mode?", "when does Android get it?",
    "the new schedule view 😍", "this is exactly what our club needed", "can parents react to messages?",
    "will our old messages still be there?", "first time watching, hi!", "greetings from our U10 coaches 🏉",
    "how much is Harbor Pro?", "does it work offline?", "that reaction animation 🤩", "congrats team! 🎉",
    "my club is going to love this", "is there a discount for small clubs?", "loving the illustrations",
    "can I pin messages as a coach?", "🙌", "❤️", "👍", "wow", "😂", "the demo gods are with you today",
    "你好 from Shenzhen 👋", "saludos desde Bogotá 🇨🇴", "olá de Porto 🇵🇹", "hallo aus Leipzig",
    "amazing work 💙", "can't wait to update", "will there be a replay?", "🏆", "🥳", "👩‍💻👨‍💻",
]
LIVE_STAFF_REPLIES = [
    "@{B} yes! threads work on web, iOS and Android", "@{B} dark mode is in 2.0 🌙", "@{B} Android rolls out today too 🤖",
    "@{B} yes, all your history is still there 💙", "@{B} Harbor Pro is free for clubs under 30 members",
    "@{B} replay will be on YouTube tonight", "@{B} offline reading yes, offline sending next version",
    "@{B} yes, coaches can pin messages 📌", "thanks for watching everyone 💙", "@{B} welcome! 👋",
]
DEMO_TOPICS = {
    "pre": ["roster import v2", "dark mode on the schedule", "the new attendance widget", "Stripe 3-D Secure",
            "Android cold start improvements", "match report PDFs", "the season rollover tool"],
    "eval": ["the Stream iOS spike", "the vendor scorecard", "a Chatkit export dry run", "the Android Stream spike"],
    "migrate": ["threads on iOS", "the web client on Stream", "Huawei push", "the import validator", "reactions on Android"],
    "launch": ["the 2.0 onboarding", "read receipts", "the reaction picker", "the launch stream setup"],
    "post": ["pinned messages", "channel search", "moderation tools for club admins", "the offline mode spike"],
}

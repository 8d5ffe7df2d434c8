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
    ("li_wei", "Li Wei", "user", "2019-08-26", dict(title="Growth, Greater China", timezone="Asia/Shanghai")),
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

CHANNELS = [
    dict(key="general", type="messaging", id="general", name="General", created_by="grace",
         created_at="2019-09-02T08:00:00", description="Company-wide announcements. Low noise, please 🙏",
         members=STAFF, mods=["grace", "tomas", "maya"], target=220, hours=(7, 17), weekend=0.02,
         join={"sofia": "2020-02-03T09:02:11", "yuki": "2020-01-20T08:31:40"}, unread=True),
    dict(key="random", type="messaging", id="random", name="Random 🦜", created_by="amara",
         created_at="2019-09-02T08:05:00", description="Pets, food, music, memes. Everything off-topic.",
         members=STAFF, mods=["amara"], target=200, hours=(7, 20), weekend=0.12,
         join={"sofia": "2020-02-03T09:40:02", "yuki": "2020-01-21T03:12:09"}),
    dict(key="engineering", type="team", id="engineering", name="Engineering", created_by="tomas",
         created_at="2019-09-02T08:10:00", description="Harbor engineering: iOS, Android, web, API, infra.",
         topic="Deploys go out Mon–Thu. No Friday deploys. Ever.",
         members=["tomas", "priya", "jonas", "kenji", "lena", "ahmed", "sofia", "maya", "deploybot"],
         mods=["tomas", "lena"], quiet=["maya"], target=1080, hours=(7, 18), weekend=0.03,
         join={"sofia": "2020-02-03T09:05:30"}, unread=True),
    dict(key="design", type="team", id="design", name="Design", created_by="noah",
         created_at="2019-09-03T13:00:00", description="Crits, mocks, the design system. Rough work welcome.",
         members=["noah", "ines", "yuki", "maya", "ahmed", "jonas", "chloe"], mods=["noah"], quiet=["maya"], target=170,
         hours=(9, 19), weekend=0.02, invited={"yuki": ("2020-01-17T10:02:00", "2020-01-20T08:30:12")},
         unread=True),
    dict(key="support", type="team", id="support", name="Support", created_by="rosa",
         created_at="2019-09-02T09:00:00", description="Customer tickets, escalations, macros.",
         members=["rosa", "dan", "marcus", "amara", "maya", "priya", "lena"], mods=["rosa"], quiet=["maya", "priya", "lena"],
         target=210,
         hours=(8, 20), weekend=0.08, unread=True),
    dict(key="incidents", type="team", id="incidents", name="Incidents 🚨", created_by="lena",
         created_at="2019-09-02T09:30:00", description="Pages, deploys and postmortems. Runbooks are pinned.",
         members=["lena", "tomas", "priya", "deploybot", "dan", "rosa", "maya", "ahmed", "kenji", "jonas"],
         mods=["lena"], quiet=["maya"], target=170, hours=(5, 22), weekend=0.15),
    dict(key="chatkit-migration", type="messaging", id="chatkit-migration", name="Chatkit → Stream migration",
         created_by="tomas", created_at="2020-02-24T10:04:12",
         description="Moving Harbor chat from Pusher Chatkit to Stream before the April 23 shutdown.",
         members=["tomas", "maya", "priya", "jonas", "kenji", "lena", "ahmed", "sofia", "rosa", "grace", "li_wei"],
         mods=["tomas", "maya"], quiet=["grace", "li_wei"], target=260, hours=(7, 19), weekend=0.06, unread=True),
    dict(key="chatkit-legacy", type="messaging", id="chatkit-legacy", name="Chatkit alerts (legacy)",
         created_by="lena", created_at="2019-06-10T12:00:00",
         description="Webhook and quota alerts from the old Chatkit instance. Read-only since the shutdown.",
         members=["lena", "tomas", "priya", "maya", "deploybot", "marcus", "kenji"], mods=["lena"],
         frozen=True, until="2020-04-24T09:00:00", target=90, hours=(0, 24), weekend=0.3),
    dict(key="china-market", type="messaging", id="china-market", name="中国市场 · China beta", created_by="li_wei",
         created_at="2020-01-10T02:30:00", description="Harbor beta with clubs in Shenzhen and Shanghai. 中文 / English.",
         members=["li_wei", "chloe", "kenji", "grace", "maya"], mods=["li_wei"], quiet=["grace"], target=110, hours=(1, 11),
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
    "pre": ["the roster CSV import for clubs with 200+ players", "the Postgres 12 upgrade", "attendance widget on Android",
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
               "the typing indicator on web", "read receipts in group channels", "the new onboarding screens",
               "the 2.0 release candidate", "autoscaling for launch day", "crash triage on the RC", "pinned messages"],
    "post": ["the unread badge off-by-one", "a crash in the thread view on iOS 12", "moderation tools for club admins",
             "search across channels", "summer roadmap prep", "removing the Chatkit dual-write code",
             "GDPR export for chat", "offline mode spike", "the 2.0.{n} hotfix", "pinned messages UI",
             "muting channels per club", "message search indexing"],
}
BLOCKERS = ["none", "none", "none 🙌", "nothing", "waiting on review for #{pr}", "staging is flaky again",
            "need design sign-off from @{noah}", "need a decision from @{maya} on the scope",
            "waiting on App Store review", "none, but I'm out Friday afternoon", "waiting for a reply from Stream support",
            "Xcode 😤", "none — PTO tomorrow!"]
CHANGES = {  # what PRs are about, by phase
    "pre": ["lazy-load the payment SDK", "retry Chatkit 429s with backoff", "paginate the roster endpoint",
            "cache club logos on the CDN", "move feature flags server-side", "drop iOS 11 support", "memoize the schedule query",
            "Kotlin coroutines in sync", "season rollover script", "3-D Secure retry sheet", "roster CSV: handle BOM + semicolons",
            "match report PDFs", "attendance widget"],
    "eval": ["Stream spike: channel list", "Chatkit export: rooms + memberships", "Chatkit export: read cursors",
             "dual-write prototype", "add zh-CN strings", "paginate the roster endpoint", "store practice times with a zone"],
    "migrate": ["import: map cursors to last_read", "import: distinct channels for 1:1 rooms", "import: https-only attachment URLs",
                "import: slugify legacy user ids", "Stream token endpoint", "HMS push provider", "Mi Push provider",
                "dual-write: retry queue", "chat_v2 rollout flag", "iOS: remove ChatkitCore", "Android: Stream channel list",
                "web: Stream message list"],
    "launch": ["reaction picker component", "thread reply composer", "typing indicators", "read receipts", "dark mode tokens",
               "pinned messages banner", "upgrade to Swift 5.2", "new onboarding screens", "launch feature flags"],
    "post": ["unread counter fix", "search API client", "remove the Chatkit dual-write", "thread view crash on iOS 12",
             "mute channels per club", "moderation: flag a message", "offline mode spike", "pinned messages UI"],
}

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
    "meeting": ["the all-hands", "product review", "the design crit", "sprint review", "the Friday demos",
                "the support sync", "the roadmap AMA", "the security training"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "hour": ["09", "10", "11", "13", "14", "15", "16"],
    "kudos": ["covering for me last week", "the amazing cake 🎂", "a great lunch & learn", "staying late to help a customer",
              "the best bug report I've ever read", "organising the virtual quiz", "the playlist that got us through the sprint",
              "answering all my questions this week", "the super clear handover doc", "fixing the printer (again) 🖨️",
              "the calmest meeting notes in history"],
    "office": ["Berlin", "Lisbon", "the co-working space in Lagos", "the Warsaw hub"],
    "office_news": ["new standing desks arrived 🪑", "the coffee machine is fixed ☕", "the wifi password changed, it's on the fridge",
                    "someone left a birthday cake in the kitchen 🎂", "cleaning day on Friday, clear your desks 🧹",
                    "the plants have been watered 🌱", "the door code changed, check your email"],
    "issue_kind": ["parent can't see the match schedule", "coach locked out after a password reset",
                   "double charge on the season fee", "CSV import fails on a semicolon file",
                   "push notifications stopped on a Huawei phone", "club wants to merge two teams",
                   "attendance export is empty", "app crashes when opening a photo", "practice times in the wrong timezone",
                   "can't remove an old coach from the team", "invoice shows the wrong VAT number",
                   "chat shows the wrong unread count", "a player appears twice in the roster", "login link expired"],
    "action": ["solved with the macro ✅", "escalated to engineering", "waiting for the customer", "refund issued 💸",
               "known bug, linked to #{issue}", "fixed by reinstalling the app", "solved on a call 📞",
               "needs a product decision, @{maya} FYI"],
    "screen": ["the match report", "the payments screen", "club settings", "parent onboarding", "the coach dashboard",
               "the empty states", "notification settings", "the tablet layout", "the reaction picker", "the thread view",
               "the roster table", "the season overview", "the invite flow", "the attendance ring"],
    "mig_item": ["users export", "devices export", "channel mapping", "member roles", "read cursors", "attachment rehosting",
                 "thread parents", "reaction dedupe", "push certificates", "token endpoint", "webhooks", "the support FAQ",
                 "the rollback plan", "the load test", "iOS SDK swap", "Android SDK swap", "web client", "Huawei push",
                 "Xiaomi push", "monitoring dashboards", "the data retention review", "the DPA with Stream"],
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
        tomas: Morning all! Q1 engineering goals are attached. TL;DR: Postgres 12, Android cold start under 1.5s, roster import v2, and finally killing the Chatkit token hack. [file:eng-goals-q1-2020.pdf] !pin
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
        maya: Scoring sheet for the bake-off 👇 Weights are in row 2, argue with me in the thread 😄 [file:chat-vendor-scorecard.xlsx] !pin
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
        maya: Draft customer FAQ for the chat migration — @{rosa} @{dan} please tear it apart 🙏 [file:chat-migration-faq-draft.docx]
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
        tomas: It's official 🎉 We're going with Stream. Plan attached. Chat feature freeze until cutover, hard deadline April 23. [file:migration-plan-v1.pdf] !pin
          grace: 👏👏 great work on the bake-off everyone
          priya: let's gooo 🚀
          rosa: Support is ready when you are
    """),
    ("general", "2020-03-20 16:00", """
        maya: Decision: Harbor chat moves to Stream. The RFC with the reasoning is attached. Thanks to everyone who joined the bake-off 🙏 [file:harbor-chat-migration-rfc.pdf] !pin
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
    ("chatkit-legacy", "2020-04-24 08:45", """
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
        priya: Retro notes from the migration are up. Top 3 learnings: validate early, import deleted messages too, and read cursors matter more than anyone thinks. [file:chatkit-migration-retro.md]
          maya: +1000 to the last one
    """),
    # --- June 29–30: what maya hasn't read yet ----------------------------------
    ("chatkit-migration", "2020-06-29 10:20", """
        priya: @{maya} the post-migration report is ready for your review. TL;DR: nothing lost, 14 support tickets total, 99.98% push delivery. [file:chatkit-migration-report.pdf]
          tomas: let's share it with Stream's team too, they asked for feedback
          lena: nice. can we archive this channel after?
    """),
    ("design", "2020-06-29 15:40", """
        ines: @{maya} reaction picker v2 — 6 defaults or 8? Vote with reactions 👇 [image:reaction-picker-v2.png]
        noah: 6. Fewer choices, faster taps.
        chloe: 8! people want 🔥
    """),
    ("china-market", "2020-06-29 07:15", """
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
        rosa: Q2 support report draft: chat tickets are down 62% since the migration 📉 Full review at Thursday's sync. [file:support-q2-2020.pdf]
        dan: 🎉 the unread badge bug fix made a huge difference
    """),
    ("dm:maya+tomas", "2020-06-30 16:20", """
        tomas: can we move our 1:1 to tomorrow? I've got the hiring loop today
        tomas: also @{maya} I put you down as a speaker for Stream's migration webinar in July, hope that's ok 😇
    """),
]

# Customer chats are short, so they are told in full rather than generated.
EVENTS += [
    ("order-10452", "2020-03-09 08:13", """
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
    ("order-10488", "2020-03-12 15:41", """
        cust_omar: Hello, order #10488 arrived today but we got size L instead of M for half of the bibs.
        marcus: Hi Omar, sorry for the mix-up! Could you send a photo of the labels?
        cust_omar: [images:2:bib-labels]
        marcus: Thanks — that's our mistake. The M ones ship today, and here's a prepaid return label for the 6 L bibs. [file:return-label-10488.pdf]
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
            """
               A: anyone else seeing the iOS CI job flake today?
                 B: yep, simulator boot times out ~1 in 5 runs
                 C: bumped the boot timeout in #{pr}, should help
                 A: thanks! 🙏""",
            """
               A: who broke staging? 😅 /schedules returns 500
                 B: me, sorry — a migration ran before the deploy. fixing
                 B: fixed, it was a missing index !also""",
            """
               A: TIL Swift's Character treats 👩‍💻 as ONE character, but it's 3 scalars (woman + ZWJ + laptop). Our message length counter was counting scalars 🙃
               B: classic. terminals have the same fun with wide characters
               C: and 👨‍👩‍👧‍👦 is seven scalars. I checked. I regret checking.""",
            """
               A: RFC: move the API docs to OpenAPI 3 [link:openapi]
                 B: +1, the hand-written docs are always out of date
                 C: can we generate the Swift client from it too?
                 A: that's the plan""",
            """
               A: Friday deploy? 🙈
               B: no.
               C: no.
               A: ok ok, Monday""",
            """
               A: who owns the roster CSV importer? A club uploaded a file with a BOM and semicolons as separators
                 B: me. Excel strikes again 📊
                 B: fixed in #{pr}""",
            """
               A: perf: [image:flamegraph.png] 40% of the schedule API time is JSON encoding 🤯
                 B: switch the hot path to a pre-encoded cache?
                 A: trying that now
                 A: p95 from 310 ms to 120 ms 🚀 !also""",
            """
               A: anyone else's Xcode indexing forever after the update?
                 B: delete DerivedData, restart, sacrifice a goat
                 A: worked (the first two steps) 😂""",
            """
               A: on-call handover: quiet week, 2 pages (both upstream). Runbook updated. @{B} you're up 🫡
               B: 🫡""",
            """
               A: lunch & learn recording: "{topic}" [video:lunch-and-learn.mp4]
                 B: great talk, the bit about edge cases was 🔥""",
            """
               A: Android ANR rate is up to 0.8% on Samsung A-series
                 B: the image decoder on the main thread again?
                 A: yep
                 C: I'll take it""",
            """
               A: new ADR: we're standardizing on server-side flags. Comments by Thursday please [file:adr-0012-feature-flags.md]""",
            """
               A: main now requires 1 review + green CI. sorry not sorry 🙃
               B: 👏""",
            """
               A: someone left a print("here") in the production iOS logs 🙈
                 B: it was me in 2018. leave it, it's load-bearing""",
            """
               A: heads-up: bumping Kotlin in #{pr}, rebase after it lands
               B: 👍""",
            """
               A: who's reviewing #{pr}? it's been open 3 days 🥲
               B: on it now, sorry!""",
            """
               A: Question about 3-D Secure: do we retry failed challenges?
                 B: no, the user has to redo it. @{C} can you confirm?
                 C: confirmed, and we show the "try again" sheet""",
            """
               A: is anyone using the old `v1/clubs` endpoint still? Logs say only one club's custom integration
                 B: that's the Leeds netball club's spreadsheet script 😄 I'll email them""",
            """
               A: >> did this ever get fixed?
                 B: yes, shipped in {ver}""",
            """
               A: dependency update day 🧹 [file:outdated-deps.txt]
                 B: I'll take the Android half
                 C: iOS half""",
        ],
        "pre": [
            """
               A: Postgres 12 dry-run results: [file:pg12-dry-run.txt] 14 min downtime, mostly VACUUM. Sunday 06:00 UTC?
                 B: works for me
                 C: I'll be on call 👍""",
            """
               A: We have ~{k} users on Huawei phones without Google Play services → no FCM push at all
                 B: HMS Push Kit then?
                 C: let's put it on the Q2 list""",
            """
               A: Chatkit 429s again when clubs bulk-import rosters — every new player joins 6 rooms at once
                 B: batch the room joins?
                 A: Chatkit doesn't have a batch endpoint 🙃
                 C: queue + backoff it is""",
            """
               A: Android cold start on a Moto G7: 1.9s (was 2.6s) 🚀
                 B: 🔥 what did it?
                 A: lazy-loading the payment SDK and one less DI graph""",
            """
               A: iOS 13.4 beta breaks our date picker on iPad. Filed a radar. Workaround in #{pr}""",
        ],
        "eval": [
            """
               A: Vendor question: how does each of them handle message history import?
                 B: Stream: JSONL import file + validator. Sendbird: migration API. Twilio: message by message.
                 A: 👀 that's a big difference for 1.3M messages""",
            """
               A: spike branch with the Stream iOS SDK is up, don't merge 🙏 [link:pr]""",
            """
               A: Chatkit export script: rooms + members done, messages paginating at ~{k}/s""",
        ],
        "migrate": [
            """
               A: iOS: ChatkitCore is gone from the app target 🎉 −2.3 MB binary size""",
            """
               A: Android: channel list on Stream is live in internal builds. Please dogfood and report in this thread 🧵
                 B: unread badge doesn't clear after reading a thread
                 C: pull-to-refresh flickers on the channel list
                 A: both fixed in #{pr}""",
            """
               A: token endpoint `/v2/chat/token` is deployed: JWT signed server-side, 24h expiry
                 B: and the clients refresh on 401?
                 A: yes, tested with a 1-minute expiry on staging""",
            """
               A: push: firebase for Android, apn for iOS, huawei for HMS phones, xiaomi for the China beta. All four configured on Stream [link:stream_push]""",
            """
               A: reminder: channel ids must match ^[a-zA-Z0-9_-]+$ and be ≤ 64 chars. Chatkit room ids with dots get rewritten: room.123 → room_123""",
            """
               A: dual-write mismatch report: {k} messages missing on the Stream side
                 B: all from one club's bot posting 50 messages a second 🙄
                 A: rate-limiting that bot, it's not a human""",
        ],
        "launch": [
            """
               A: 2.0 release candidate {ver} is in TestFlight and on the internal track 🚀
                 B: installing""",
            """
               A: load test: 10k concurrent clients, p99 send latency 310 ms ✅ [image:loadtest-grafana.png]
                 B: 😍""",
            """
               A: App Store review rejected 2.0 because the demo account had no chat history 🙃 re-submitted with the demo club
                 B: lol, we literally built an importer for that""",
            """
               A: typing indicators: should we show them in channels with 50+ members?
                 B: no, it's noise. 1:1 and small groups only
                 A: 👍 capped at 20 members""",
        ],
        "post": [
            """
               A: bug: unread badge off by one when the last message is a thread reply with "also send to channel"
                 B: we count it twice, once in the thread and once in the channel
                 A: fix in #{pr}""",
            """
               A: crash in the thread view on iOS 12 (0.3% of sessions) — fix in #{pr}
                 B: iOS 12 is 4% of users, worth it""",
            """
               A: search across channels: Stream's search API covers it, we only need UI
                 B: @{maya} is it in scope for sprint 27?""",
            """
               A: delivered-vs-read metric for push is live on the dashboard [image:push-metrics.png]""",
        ],
    },
    "general": {
        "any": [
            """
               A: Lunch & learn on Thursday: {B} is talking about {topic}. Bring questions! 🍜
                 B: slides will be in the drive afterwards""",
            """
               A: reminder: expense reports for {month} are due Friday 🧾""",
            """
               A: who's in Lisbon next week? I'll be at the co-working space Tue–Thu ☕
                 B: me! lunch on Wednesday?""",
            """
               A: PSA: the VPN certificate rotates tonight, re-import the profile tomorrow morning: [link:vpn_guide]""",
            """
               A: Happy birthday @{B}! 🎂🎉
                 C: 🎉🎉
                 D: happy birthday!! 🥳
                 B: thank you all! 🥳""",
            """
               A: Our App Store rating just hit 4.7 ⭐️ — thank you support team for answering every review 💙""",
            """
               A: Customer love: a coach told us attendance tracking saves her 2 hours a week 💙""",
            """
               A: friendly reminder to set your status when you're out so support knows who to ping 🙏""",
            """
               A: new month, new metrics: {k} weekly active clubs 📈 [image:metrics-dashboard.png]
                 B: 🚀""",
            """
               A: anyone have a spare USB-C to Lightning cable in the Berlin office?
                 B: top drawer, desk by the window""",
            """
               A: Welcome to our new trial customers this week from {city}, {city2} and {city3} 🌍""",
        ],
        "launch": [
            """
               A: Press kit for 2.0 is ready: [file:harbor-2-press-kit.zip]""",
        ],
        "post": [
            """
               A: App Store feature screenshot for the wall 🖼️ [image:app-store-feature.png]
                 B: framing it""",
        ],
    },
    "random": {
        "any": [
            """
               A: sourdough update 🍞 [image:sourdough.jpg]
                 B: that crumb!!
                 C: recipe please
                 A: [file:sourdough-recipe.pdf]""",
            """
               A: dog tax 🐕 [image:dog-tax.jpg]
               B: 😍😍
               C: what's their name?
               A: Pixel""",
            """
               A: anyone else's cat attack the keyboard during standup? [image:cat-keyboard.jpg]
               B: mine sat on the trackpad and declined a calendar invite from Grace 🙈""",
            """
               A: hot take: tabs > spaces
               B: 🔥
               C: this is a hostile work environment
               D: [giphy:popcorn]""",
            """
               A: watching {show}. No spoilers please!!
               B: you're not ready for episode 5
               A: I SAID NO SPOILERS""",
            """
               A: what's everyone reading? I just finished Recursion by Blake Crouch 📚
               B: loved it! try Exhalation by Ted Chiang next
               C: I'm on The Three-Body Problem, my brain hurts""",
            """
               A: 👩‍💻 pair programming with my daughter today. she fixed my CSS
               B: hire her""",
            """
               A: Saturday 5k run, anyone? 🏃‍♀️
               B: in!
               C: I'll cheer from the café""",
            """
               A: voice memo from the park because I'm too lazy to type 😅 [audio:voice-memo-park.m4a]
               B: the birds in the background 🐦""",
            """
               A: made {food} for the first time [image:homemade-food.jpg]
               B: invite us next time 😋""",
            """
               A: my desk setup after 3 months of remote work [image:desk-setup.jpg]
               B: the plant is doing a lot of work there
               C: cable management 10/10""",
            """
               A: time-lapse of the thunderstorm over {city} last night ⛈️ [video:storm-timelapse.mp4]
               B: wow
               C: 🤯""",
            """
               A: board game night on Friday? I'll bring Codenames 🎲
               B: I'm in
               C: Wingspan or I riot""",
        ],
    },
    "design": {
        "any": [
            """
               A: crit at 15:00 — bring what you've got, however rough ✏️""",
            """
               A: Figma file for the schedule redesign: [link:figma_schedule]
                 B: love the week view 😍
                 C: can we check contrast on the orange? [image:contrast-check.png]
                 A: AA on white, fails on grey. adjusting""",
            """
               A: icon set update [image:icons-v3.png]
                 B: the whistle icon 🥹""",
            """
               A: user interview with a coach from Riverside FC (German, with subtitles) [video:interview-riverside.mp4]
                 B: "I don't want another app, I want fewer WhatsApp groups" — that's our tagline right there""",
            """
               A: dark mode tokens are in the design system now 🌙 [file:design-tokens-2020.json]""",
            """
               A: hot take: we have 14 shades of grey. we need 6.
               B: we need 5
               C: we need 🖤""",
            """
               A: empty state for channels needs copy — ideas?
                 B: "Quiet in here… say hi to your team 👋"
                 C: 👍 that one""",
            """
               A: should reactions be tinted in dark mode? [image:reactions-dark.png]
                 B: no tint, the emoji carry enough colour""",
            """
               A: usability test results for the new onboarding: 7/8 finished without help 🎉 [file:onboarding-usability-report.pdf]""",
        ],
        "migrate": [
            """
               A: first pass of the threads UI for mobile: [images:3:threads-ui]
                 B: the reply count chip is nice. How does it look with 99+?
                 A: [image:threads-99plus.png]
                 C: 👌""",
            """
               A: reaction picker explorations [images:2:reaction-picker]
                 B: the second one, but with a bigger hit target""",
        ],
    },
    "support": {
        "any": [
            """
               A: ticket #{ticket}: coach can't log in after changing email
                 B: known issue, the old email is cached on the device. Macro "Re-login after email change"
                 A: 👍 solved""",
            """
               A: escalating #{ticket} to engineering — a parent was charged twice for the season fee
                 B: on it @{A}
                 B: refunded, and found the cause (double tap on slow network). fix next release""",
            """
               A: 📞 a club asked if chat is end-to-end encrypted. What's our line?
                 B: encrypted in transit (TLS) and at rest, not E2E. Help article: [link:help_encryption]""",
            """
               A: daily numbers: {n}{n2} tickets, CSAT {csat}% 💪""",
            """
               A: weird one: #{ticket} — the schedule shows "undefined vs undefined" for a match
                 B: the opponent was deleted. I'll ask engineering for a nicer fallback""",
            """
               A: we got a lovely review today: "Support replied in 4 minutes on a Sunday" 💙
                 B: 🥹""",
            """
               A: can someone cover my queue 14:00–15:00? dentist 🦷
                 B: got you""",
            """
               A: new macro for "how do I export attendance" — feedback welcome [file:macro-export-attendance.txt]""",
        ],
        "migrate": [
            """
               A: first "where are my old messages" ticket from the 5% group
                 B: the history import for that club finished after their first login. Force-refresh fixes it
                 A: adding that to the macro""",
            """
               A: FAQ page for the chat migration is live. Ticket volume normal so far 🤞""",
        ],
        "post": [
            """
               A: chat tickets this week: {n}. Lowest since we started tracking 📉
                 B: 🎉""",
        ],
    },
    "incidents": {
        "any": [
            """
               deploybot: 🔥 PagerDuty: api-5xx-rate > 2% for 5 min — assigned to @{A}
                 A: ack, looking
                 A: bad deploy of the payments worker, rolled back. Resolved ✅""",
            """
               deploybot: ⚠️ Disk usage on db-replica-2 at 85%
                 A: old WAL files, cleaning up
                 A: 62% now ✅""",
            """
               deploybot: ⚠️ p95 latency on /schedules above 800 ms for 10 min
                 A: season rollover traffic. Scaling up
                 B: back under 200 ✅""",
            """
               deploybot: 🔥 PagerDuty: push delivery failures > 10% on APNs — assigned to @{A}
                 A: the APNs certificate expires in 3 days and someone rotated it early with the wrong one 🙃 fixing
                 A: resolved. Calendar reminder for next year added 📅""",
        ],
    },
    "chatkit-migration": {
        "eval": [
            """
               A: Chatkit room names can be 60+ chars with emoji. Does Stream care?
                 B: the name is just channel data. The channel *id* must be ^[a-zA-Z0-9_-]+$ and ≤ 64 chars though""",
            """
               A: how do Chatkit roles map?
                 B: room admins → channel_moderator, everyone else → channel_member. Global admins stay admin.""",
            """
               A: GDPR question list for the vendors 👇 @{B} can you add the DPA bits? [file:vendor-gdpr-questions.docx]
                 B: added ✅""",
            """
               A: what happens to messages people deleted in Chatkit?
                 B: import them as type "deleted" with deleted_at. Otherwise threads lose their parents.""",
        ],
        "migrate": [
            """
               A: reminder: import order is users → devices → future channel bans → channels → members → messages → reactions 📋""",
            """
               A: export batch {n}/12 done ({k}k messages)""",
            """
               A: Chatkit multipart messages: text parts → text, url/attachment parts → attachments with https URLs
                 B: and the inline images from 2017?
                 A: rehosted on our CDN first, then referenced""",
            """
               A: staging import took {n}{n2} min for the full data set ⏱️""",
            """
               A: Support FAQ for clubs v2 — @{B} can you review? [file:chat-migration-faq-v2.docx]
                 B: 👍 two small comments""",
            """
               A: we keep Chatkit read-only until April 23, so rollback stays possible
                 B: 👍""",
            """
               A: how are we importing the "👍" quick replies from Chatkit custom message data?
                 B: as reactions (type "like"). they were reactions in all but name""",
            """
               A: validator run #{n}: {k} errors left, all in the reactions section (duplicates)
                 B: dedupe on (message_id, type, user_id) and it's clean""",
        ],
        "launch": [
            """
               A: Stream dashboard screenshot for the launch deck [image:stream-dashboard.png]""",
            """
               A: should we keep this channel around after the cutover?
                 B: for a month, for questions. then archive""",
        ],
    },
    "china-market": {
        "any": [
            """
               A: 深圳的俱乐部反馈: they love the attendance feature 👍
                 B: 太好了！""",
            """
               A: 这个 bug 在小米手机上能复现 (reproducible on Xiaomi): notifications arrive but don't open the right channel
                 kenji: checking the Mi Push payload, probably the deep-link key
                 kenji: fixed in {ver} ✅""",
            """
               A: 翻译进度 92% (translation 92% done). Remaining strings are payment-related, waiting for legal.""",
            """
               A: 华为应用市场审核通过了 🎉 AppGallery review passed!
                 B: 🎉🎉""",
            """
               A: beta numbers this week: {k} active users, 推送到达率 (push delivery) 98%""",
        ],
    },
    "raid-night": {
        "any": [
            """
               A: Guild rules reminder: be nice, show up on time, loot council decides ties 🛡️""",
            """
               A: Raid this week: Thu 19:00 UTC {boss}, Sunday 18:00 UTC farm. React if you're in 👇
                 B: in
                 C: in, might be 10 min late""",
            """
               A: patch notes are out! [link:emberfall_patch]
                 B: they nerfed my cloak 😭
                 C: they buffed the Leviathan 💀""",
            """
               A: FIRST KILL on {boss}!!! 🎉🎉🎉 [image:first-kill.jpg]
                 B: GG GG GG
                 C: I screamed
                 D: worth every wipe""",
            """
               A: dps meter from last night [image:dps-meter.png]
                 B: who is "Unknown Entity" at the top
                 A: that's @{C}'s pet 😂""",
            """
               A: can someone craft me a {item}? I have the mats
                 B: I can tonight""",
        ],
    },
    "lfg": {
        "any": [
            """
               A: LFG {boss} normal, need 2 dps
                 B: I'm in
                 C: me too
                 A: inv sent ✉️""",
            """
               A: LF1M healer for a quick dungeon
                 B: healer here, give me 5""",
        ],
    },
    "dm:maya+tomas": {
        "any": [
            """
               tomas: got 5 min before standup?
               maya: yep, call?
               tomas: calling""",
            """
               maya: can we move our 1:1 to Thursday? board prep 📊
               tomas: sure""",
            """
               tomas: honest feedback on my sprint review slides? [file:sprint-review.key]
               maya: slide 4 is doing too much. otherwise great""",
            """
               maya: hiring: I liked the backend candidate from this morning
               tomas: same. strong on Postgres, a bit quiet. let's do the take-home
               maya: 👍""",
            """
               tomas: heads-up, I'm out tomorrow afternoon (kid's school thing)
               maya: enjoy! 🎒""",
            """
               maya: do we have capacity for the Huawei push work this quarter?
               tomas: if kenji drops the cold start work, yes
               maya: let's talk Monday""",
            """
               tomas: [giphy:coffee]
               maya: same""",
        ],
        "migrate": [
            """
               maya: how are you feeling about the timeline?
               tomas: nervous but fine. the importer is solid
               maya: same. biggest risk is push on HMS
               tomas: kenji says it's working on staging""",
        ],
        "post": [
            """
               maya: can I take Friday off? 🏖️
               tomas: you've earned about 40 Fridays off. yes""",
        ],
    },
    "dm:ines+maya": {
        "any": [
            """
               ines: coffee? ☕
               maya: 10 min!""",
            """
               maya: can you join the customer call at 16:00? They want to talk about the schedule view
               ines: sure, send the invite""",
            """
               ines: user test tomorrow, can you be the note-taker?
               maya: yes! what time?
               ines: 10:30, Lisbon time""",
            """
               maya: [image:whiteboard-sketch.jpg] idea for the coach dashboard, sorry for the handwriting
               ines: I can read it! love the attendance ring""",
        ],
    },
    "dm:maya+priya": {
        "any": [
            """
               maya: quick one: how expensive is "unread counts per thread"?
               priya: cheap on Stream, painful on Chatkit
               maya: so after the migration 😄""",
            """
               priya: FYI I'm off on Wednesday, my cousin's wedding 💃
               maya: enjoy!! 🎉""",
            """
               maya: is the import dry run still on for tonight?
               priya: yes, 22:00 UTC. I'll post the numbers in the morning""",
        ],
    },
    "dm:maya+rosa": {
        "any": [
            """
               rosa: can I borrow you for 10 min? A club owner wants to talk to "someone from product" 😅
               maya: sure, add me to the call""",
            """
               maya: what are the top 3 ticket themes this month?
               rosa: logins, schedules, payments. [file:ticket-themes.csv]
               maya: thanks! 🙏""",
        ],
    },
    "dm:jonas+kenji": {
        "any": [
            """
               kenji: how are you handling the keyboard inset in the composer on iOS?
               jonas: keyboardLayoutGuide would be nice, if only it existed 🙃 we use the notification + animation curve
               kenji: ok, same on Android with WindowInsets""",
            """
               jonas: raid tonight?
               kenji: yes, bring potions ⚗️""",
            """
               kenji: parity check: does iOS show the reply count on deleted parents?
               jonas: yes, "message deleted · 3 replies"
               kenji: ok, copying that""",
            """
               jonas: [giphy:cat typing]
               kenji: that's you during code freeze""",
        ],
    },
    "dm:grace+maya": {
        "any": [
            """
               grace: great demo on Friday 👏
               maya: thank you! the team did the hard part""",
            """
               grace: could you send me the monthly product update before Thursday?
               maya: [file:product-update.pdf] here you go""",
        ],
    },
    "dm:ines+maya+noah": {
        "any": [
            """
               noah: screenshots v2 [images:6:app-store-screenshot]
               maya: #3 and #5 are the strongest
               ines: agree, let's lead with #3""",
            """
               ines: overlay colours for the stream: [image:overlay-colours.png]
               noah: the dark one
               maya: dark one 👍""",
        ],
    },
    "dm:li_wei+maya": {
        "any": [
            """
               li_wei: 早上好 Maya! The Shenzhen clubs asked if voice messages are coming 🎙️
               maya: good morning! On the list for H2, not before
               li_wei: 好的, I'll tell them""",
        ],
    },
}

# Filler bursts: one opener, then a few responses from other people (sometimes
# in a thread). Responses get {B} = the opener's author. "opener => a | b" gives
# the opener its own fitting first answer.
CHATTER = {
    "engineering": dict(
        open=["PR #{pr} is up: {change} — could use a review 🙏", "merged #{pr} ({change}) 🚀",
              "{change} is on staging, please poke at it", "CI is green again ✅", "deploying the API to production 🚢",
              "anyone up for pairing on {task}? => me! after standup | I can do 30 min at 3", "the build takes 14 minutes again 😩", "left some comments on #{pr}",
              "filed #{issue} for the flaky test", "release notes for {ver} are in the doc", "TestFlight build {ver} is up",
              "Android {ver} rolled out to 20%", "crash-free sessions at 99.{n}% 🎯", "who's on call this week? => me 🫡 | @{B} I think it's you 😬",
              "I'll be offline 14:00–15:00, dentist 🦷", "heads-up: staging DB reset at 16:00 UTC",
              "rubber duck moment: never mind, found it 🦆", "pushed a fix for #{issue}, waiting for CI",
              "tests pass locally 🤷", "going to lunch, back in 45 🍜", "@{B} can you take a look at #{pr}? => on it | after lunch, ok?",
              "is anyone else getting 502s from staging? => yep, Lena is on it | same here", "reverted #{pr}, it broke the Android build 🙈",
              "bumped the iOS deployment target to 12.0 in #{pr}", "added a dashboard for push delivery [image:grafana-push.png]",
              "new crash in {ver}: NullPointerException in the roster adapter, looking", "the docs for {change} are up"],
        re=["LGTM 👍", "👀", "on it", "looking", "thanks!", "🙏", "🎉", "🚀", "nice!", "good catch", "will do", "agreed",
            "ha!", "yep", ">> +1", ">> nice!", "thanks for the quick review!", "approved ✅", "same here",
            "@{B} I'll review after lunch", "works for me"],
    ),
    "general": dict(
        open=["good morning everyone ☀️", "📣 {meeting} moved to {day} {hour}:00 UTC", "reminder: {meeting} today at {hour}:00 UTC",
              "the recording of {meeting} is in the drive 🎥", "shout-out to @{B} for {kudos} 🙌", "{office}: {office_news}",
              "new clubs this week: {k} 🎉 the biggest one is from {city}", "team lunch on Thursday, the place with the good dumplings 🥟",
              "office hours with Grace at {hour}:00, bring anything", "the new hoodies arrived 🧥 [image:hoodies.jpg]",
              "PSA: fire alarm test in the Berlin office tomorrow at 11:00 🔔", "fri|happy Friday! 🍻",
              "I'm out {day} afternoon, @{B} is covering for me"],
        re=["🎉🎉", "👏", "🙌", "💙", "🎉", "nice!", "👍", "yay", "🔥", "☀️"],
    ),
    "random": dict(
        open=["good morning ☀️", "mon|[giphy:monday]", "coffee count today: 4 ☕☕☕☕", "TIL octopuses have three hearts 🐙",
              "anyone have a good podcast for the commute?", "the Berlin office plant survived another week 🌱",
              "{city} is 22° today and I'm inside debugging 😭", "🎵 focus playlist: lo-fi beats again", "fri|[giphy:friday]",
              "who ate my yoghurt from the fridge 🥲", "sunset from my balcony [image:sunset.jpg]",
              "new keyboard day ⌨️ [image:new-keyboard.jpg]", "rain again 🌧️", "anyone watching the football tonight? ⚽️",
              "made a focus playlist for the team, DM me for the link 🎧", "lunch: {food} 😋 [image:lunch.jpg]",
              "just finished {show}, I need to talk to someone about that ending", "my cat has claimed my chair again 🐈"],
        re=["lol", "😂😂", ">> this 👆", "same", "🤣", "😍", "me too", "haha", "ooh", "nice", "recommend!", "🙌", "🥲"],
    ),
    "design": dict(
        open=["{screen} v{n} is in Figma, feedback welcome", "@{B} can you look at {screen} before the crit? => on it | sure, after lunch",
              "moved {screen} to 'ready for dev' ✅", "new exploration for {screen} [image:exploration.png]",
              "user test notes on {screen}: [file:usability-notes.md]", "crit notes are in the doc ✍️",
              "exported assets to the shared drive 📁", "can we try {screen} with more whitespace?"],
        re=["love this 😍", "👍", "agree", "@{B} thoughts?", "the 8pt grid is our friend", ">> yes!!", "😍", "ooh", "on it",
            "nice", "can we try a darker variant?", "looks great"],
    ),
    "support": dict(
        open=["#{ticket}: {issue_kind} — {action}", "#{ticket}: {issue_kind} — {action}", "#{ticket}: {issue_kind} — {action}",
              "@{B} can you take #{ticket}? {issue_kind} => taking it | sure, give me 10 min",
              "anyone seen this before? #{ticket}: {issue_kind} => yes! it's in the known issues doc | not yet, escalate it?",
              "queue is clear 🎉", "taking lunch, back in an hour", "CSAT today {csat}% 💪",
              "another happy coach 💙", "the help center search is broken again 🙃"],
        re=["👍", "thanks!", "on it", "🙏", "nice", "🎉", "@{B} thanks!", "👀"],
    ),
    "incidents": dict(
        open=["deploybot: ✅ Deployed harbor-api {ver} to production ({sha})", "deploybot: ✅ Deployed harbor-web {ver} to production ({sha})",
              "deploybot: ⚠️ Error rate on /payments above 1% for 5 min", "deploybot: ⚠️ Queue depth for push-worker above 10k",
              "deploybot: ✅ Deployed harbor-worker {ver} to production ({sha})", "deploybot: ⚠️ Certificate for api.harbor.example expires in 14 days",
              "postmortem doc for last week: [file:postmortem.md]"],
        re=["ack", "looking 👀", "resolved ✅", "false alarm, threshold too low. adjusting", "on it", "👍", "🚀"],
    ),
    "chatkit-migration": dict(
        open=["checklist: {mig_item} ✅", "checklist: {mig_item} ✅", "{mig_item} is blocked on @{B} => unblocking it today | sorry! on it now",
              "who owns {mig_item}? => me | the import crew, I think | nobody yet, I'll take it",
              "@{B} can you take a look at {mig_item}? => sure, after lunch | looking now 👀",
              "{mig_item}: in progress, ETA {day}",
              "validator run #{n} done, numbers in the sheet", "import dry run #{n} started ⏱️"],
        re=["👍", "🚀", "nice!", "agreed", ">> +1", "[giphy:fingers crossed]", "thanks!", "🙏"],
    ),
    "chatkit-legacy": dict(
        open=["deploybot: ⚠️ Chatkit API returned 429 Too Many Requests for /rooms/{k}/messages ({n} times in 5 min)",
              "deploybot: ⚠️ Chatkit webhook delivery timed out (room {k}) — retrying",
              "deploybot: ✅ Chatkit webhook delivery recovered", "deploybot: ℹ️ Chatkit monthly active users: {k}k ({pct}% of plan)",
              "deploybot: 🔥 Chatkit websocket reconnect storm: {k} reconnects/min"],
        re=["probably a club bulk-importing rosters again", "ack", "known, it's the Riverside tournament 🙃", "👀"],
    ),
    "china-market": dict(
        open=["早上好 ☀️", "推送延迟大概 {n} 秒 (push delay ~{n}s)", "测试版下载量 (beta downloads): {k}",
              "新版本已上传 (new build uploaded) {ver}", "@{B} 你看一下这个? (can you take a look?)",
              "明天有三个俱乐部的培训 (training for 3 clubs tomorrow)", "AppGallery 评分 4.{n} ⭐️"],
        re=["收到 👍", "好的，没问题", "明天见！", "辛苦了 🙏", "谢谢！", "👍", "same on Huawei", "太好了！"],
    ),
    "raid-night": dict(   # between raids; the raids themselves come from RAID
        open=["need a healer for Thursday, @{B} can you?", "who's in for Thursday?", "patch day tomorrow, expect downtime",
              "crafted a {item} if anyone needs it", "guild bank is full again 🙃", "new recruit applying, @{B} can you do the trial run?",
              "anyone farming mats this weekend?", "@{B} you still owe me 200 gold 😤", "strat video for {boss}: [video:strat-guide.mp4]"],
        re=["me!", "in", "👍", "can't this week 😢", "count me in", "lol", "ty!", "on it"],
    ),
    "lfg": dict(
        open=["LFG dungeon, need 1 tank", "anyone for a quick run?", "LF2M {boss} normal", "healer LFG", "LF1M dps for {boss}"],
        re=["I'm in", "inv pls", "full, sorry!", "gg thanks all", "brb 5 min", "me!"],
    ),
    "dm:maya+tomas": dict(open=["call?", "can you review my doc before 3?", "let's discuss at the 1:1", "got a sec?",
                                "sent you the hiring scorecard", "mon|[giphy:monday]", "can we move {meeting} to {day}?",
                                "who's covering {task}?", "is #{pr} ({change}) going out this week?", "1:1 agenda is in the doc 📝"],
                          re=["👍", "thanks!", "ok", "on my way", "😂", "good point", "sure"]),
    "dm:ines+maya": dict(open=["☕?", "sent you the link", "got 5 min for a quick look?", "[image:sketch.jpg]",
                               "what do you think of {screen}? be honest", "can we push the crit of {screen} to {day}?",
                               "lunch {day}? 🥗"],
                         re=["yes!", "👍", "thanks 🙏", "😂", "love it"]),
    "dm:maya+priya": dict(open=["quick question about the importer", "done with the review", "FYI I'm out tomorrow",
                                "can you estimate {change} by Friday?", "is {task} still on track?",
                                "sent you the numbers for {month}", "what's the status of #{pr}?"],
                          re=["👍", "thanks!", "sounds good", "on it", "🙏"]),
    "dm:maya+rosa": dict(open=["got a minute?", "ticket numbers are in the sheet", "can you look at #{ticket}? VIP club",
                               "{issue_kind} again, 4th time this week", "thanks for covering the queue yesterday 💙"], re=["thanks!", "👍", "on it", "🙏"]),
    "dm:jonas+kenji": dict(open=["raid tonight?", "parity achieved 🤝", "did you see the new Kotlin release?",
                                 "[giphy:cat typing]", "how do you handle the empty state on Android?",
                                 "did you ship {change} on Android yet?", "loot council gave me the {item} 😎",
                                 "screenshot of {screen} on Android? want to match it"],
                           re=["lol", "👍", "same", "gg", "on it", "😂"]),
    "dm:grace+maya": dict(open=["great work today", "can we sync tomorrow?", "board prep for {month}: can you send the product slides?",
                              "a club from {city} emailed me directly, forwarding it to you"], re=["thank you!", "👍", "👌"]),
    "dm:ines+maya+noah": dict(open=["sent the new frames", "updated the overlay", "{screen} for the launch deck? [image:deck-frame.png]",
                                    "can we review the screenshots {day}?"], re=["👍", "love it", "agree"]),
    "dm:li_wei+maya": dict(open=["早上好！", "beta numbers are in the sheet", "a coach in {city} asked about Harbor Pro pricing",
                                 "测试版下载量 (beta downloads) this week: {k}"], re=["谢谢！", "👍", "好的"]),
}

# A raid night: warm-up, a few pulls, then the wrap-up.
RAID = dict(
    warmup=["voice is up 🎧", "ready check ✅", "who's tanking tonight? => I'll tank | not me, I tanked last week 😅", "flasks on me", "brb snack",
            "omw", "ready", "my internet is a 🥔 tonight", "5 min late, start without me", "buffs pls", "tonight: {boss} 🐉"],
    pull=["pull in 10 ⏱️", "pulling 🔔", "ok last try before the break", "again! pull in 5"],
    fight=["@{B} you have aggro!!", "res pls 🙏", "nice interrupt!", "💀💀💀", "wipe 💀 who stood in the fire",
           "lol @{B} fell off the bridge again", "heal pls", "adds on the left!", "phase 2 🔥", "so close!!",
           "that was 3% 😭", "my bad, wrong button", "@{B} taunt!", "healer oom", "big AoE incoming"],
    wrapup=["GG", "gg everyone ⚔️", "loot: {item} → @{B} 🎉", "that was our cleanest run yet", "[giphy:victory]",
            "[image:raid-screenshot.jpg]", "LET'S GOOO", "last pull, I have work tomorrow", "ty all!", "night all 👋",
            "same time next week?", "dps meter [image:dps-meter.png]"],
)

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
    "our coaches are watching from the clubhouse 📺", "the new icons are so cute", "does it support Apple Watch?",
    "can I export chat history?", "what about Huawei phones?", "how many members per channel?", "🔥", "🎉🎉",
    "mic check, Tomás is a bit quiet", "that transition 😎", "are threads available for parents too?",
    "hi from the {city} under-12s ⚽️", "greetings from {city}!", "love the orange", "👀", "so smooth",
    "is the web app free?", "that's a lot of new clubs 😮", "grace for president", "yay!", "🙌🙌",
]
LIVE_STAFF_CHEERS = ["so proud of this team 💙", "🎉", "🔥🔥", "🚀", "go Tomás! 🙌", "the demo gods are with us 🙏",
                     "👏👏👏", "hi everyone! I'm on the Android team, happy to answer questions 🤖", "😍", "we did it!!",
                     "the chat is moving so fast 😅", "hello from the support team 👋", "❤️", "🥹"]
LIVE_STAFF_REPLIES = [
    "@{B} yes! threads work on web, iOS and Android", "@{B} dark mode is in 2.0 🌙", "@{B} Android rolls out today too 🤖",
    "@{B} yes, all your history is still there 💙", "@{B} Harbor Pro is free for clubs under 30 members",
    "@{B} replay will be on YouTube tonight", "@{B} offline reading yes, offline sending next version",
    "@{B} yes, coaches can pin messages 📌", "@{B} welcome! 👋",
]
DEMO_TOPICS = {
    "pre": ["roster import v2", "dark mode on the schedule", "the new attendance widget", "Stripe 3-D Secure",
            "Android cold start improvements", "match report PDFs", "the season rollover tool"],
    "eval": ["the Stream iOS spike", "the vendor scorecard", "a Chatkit export dry run", "the Android Stream spike"],
    "migrate": ["threads on iOS", "the web client on Stream", "Huawei push", "the import validator", "reactions on Android"],
    "launch": ["the 2.0 onboarding", "read receipts", "the reaction picker", "the launch stream setup"],
    "post": ["pinned messages", "channel search", "moderation tools for club admins", "the offline mode spike"],
}

# Standup habits: people write them differently, which is half the charm.
STANDUP_STYLES = {
    "priya": "Yesterday: {t1}. Today: {t2}. Blockers: {b}.",
    "jonas": "✅ {t1}\n➡️ {t2}\n🚧 {b}",
    "kenji": "yesterday - {t1} / today - {t2} / blockers - {b}",
    "lena": "Done: {t1} · Next: {t2} · Blocked: {b}",
    "ahmed": "Y: {t1}\nT: {t2}\nB: {b}",
    "sofia": "QA ✔ {t1}\nNext up: {t2}\nBlockers: {b}",
}
STANDUP_REPLIES = ["happy to pair on that", "I can review it after lunch", "ping me if you get stuck", "👍",
                   "oh nice, I need that too", "that one's nasty, good luck 🫡"]
DEMO_CHATTER = ["nice demo!", "👏👏", "can we get the slides?", "does it work on tablets?", "🔥", "wow, that's fast",
                "is this in the next release?", "the animation 😍", "hello from {city} 👋", "great job team", "🎉",
                "can you zoom in a bit?", "audio is fine 👍", "will this come to Android too?", "👀", "love it",
                "is there a beta I can join?", "that was quick!", "bravo 👏", "🙌", "see you next week"]

# Maya is off on June 29–30 (the demo "resumes" with her coming back), so
# everything after this in her channels is unread, and she says nothing.
MAYA_AWAY = datetime(2020, 6, 29, 6, 0)
PIN_FOREVER = datetime(2030, 12, 31, 23, 59, 59)

# ===========================================================================
# Machinery
# ===========================================================================

def parse_time(s):
    for fmt in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(s, fmt)
        except ValueError:
            pass
    raise ValueError(s)


def ts(d):
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def ms(d):
    return d.replace(microsecond=d.microsecond // 1000 * 1000)


USERS = {p[0]: p for p in PEOPLE}
NAME = {p[0]: p[1] for p in PEOPLE}
FIRST = {p[0]: p[1].split()[0] for p in PEOPLE}
USER_CREATED = {p[0]: parse_time(p[3]) for p in PEOPLE}
DEACTIVATED = {p[0]: parse_time(p[4]["deactivated_at"]) for p in PEOPLE if "deactivated_at" in p[4]}


def phase_of(when):
    name = PHASES[0][0]
    for n, since in PHASES:
        if when >= since:
            name = n
    return name


def slot_value(key, rng, when):
    base = re.sub(r"[_0-9]+$", "", key)
    days = (when - START).days
    ph = phase_of(when)
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
        return rng.choice(TASKS[ph])
    if base == "change":
        return rng.choice(CHANGES[ph])
    if base == "blocker":
        return rng.choice(BLOCKERS)
    if base in SLOT_LISTS:
        return rng.choice(SLOT_LISTS[base])
    raise KeyError("unknown slot {%s}" % key)


LINE_RE = re.compile(r"^(\s*)([A-Za-z0-9_]+): ?(.*)$")
FLAG_RE = re.compile(r"\s+!(pin|del|sys|also|wait)(?::(\S+))?$")
ATT_RE = re.compile(r"\s*\[(image|images|video|audio|file|giphy|link):([^\]]+)\]")
TOKEN_RE = re.compile(r"(@?)\{([A-Za-z_][A-Za-z0-9_]*)\}")
LETTERS = "ABCDEF"


def duration(s):
    return timedelta(**{{"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[s[-1]]: float(s[:-1])})


def parse_snippet(snippet):
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


class Channel:
    def __init__(self, spec):
        self.spec = spec
        self.key = spec["key"]
        self.type = spec["type"]
        self.id = spec.get("id")
        self.member_ids = None if self.id else sorted(spec["members"])
        self.created = parse_time(spec["created_at"])
        self.until = parse_time(spec["until"]) if "until" in spec else END
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
            if USER_CREATED[uid] > m["created"]:
                raise ValueError("%s joins %s before the user exists" % (uid, self.key))
            m["active"] = m["accepted"] if m["invited"] else m["created"]
            self.members[uid] = m

    def where(self):
        """The channel reference used by members and messages."""
        if self.id:
            return {"channel_type": self.type, "channel_id": self.id}
        return {"channel_type": self.type, "channel_member_ids": self.member_ids}

    def can_speak(self, uid, t):
        if uid not in USERS or USER_CREATED[uid] > t or (uid in DEACTIVATED and t >= DEACTIVATED[uid]):
            return False
        if uid == "maya" and t >= MAYA_AWAY:
            return False
        m = self.members.get(uid)
        if m:
            return m["active"] is not None and m["active"] <= t
        return self.type == "livestream"

    def crowd(self, t):
        """Who may be picked at random to talk (or react) at time t."""
        pool = list(self.members) + sorted(self.posters - set(self.members))
        return [u for u in pool if u not in BOTS and u not in self.banned and self.can_speak(u, t)]

    def free(self, start, end):
        return all(end < a or start > b for a, b in self.busy)

    def older_top_level(self, before):
        return [m for m in self.msgs if m["parent"] is None and m["type"] == "regular" and m["created"] < before
                and len(m["text"]) > 25]


class Builder:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.channels = [Channel(s) for s in CHANNELS]
        self.by_key = {c.key: c for c in self.channels}
        self.seq = 0
        self.chatter_uses = {}
        self.snippet_uses = set()
        self.demo_decks = {}
        self.standup_memory = {}

    # --- attachments ---------------------------------------------------------
    def upload_url(self, when, name):
        return "%s/uploads/%s/%08x/%s" % (CDN, when.strftime("%Y/%m"), self.rng.getrandbits(32), name)

    def attachment(self, kind, arg, when, fill):
        r = self.rng
        ext = arg.rsplit(".", 1)[-1].lower()
        if kind == "image":
            url = self.upload_url(when, arg)
            w, h = r.choice([(1600, 1200), (1200, 1600), (1920, 1080), (1080, 1080), (2048, 1536)])
            return [{"type": "image", "fallback": arg, "image_url": url, "thumb_url": url + "?w=320",
                     "original_width": w, "original_height": h}]
        if kind == "images":
            count, stem = arg.split(":")
            return [a for i in range(int(count)) for a in self.attachment("image", "%s-%d.jpg" % (stem, i + 1), when, fill)]
        if kind == "video":
            url = self.upload_url(when, arg)
            return [{"type": "video", "title": arg, "asset_url": url, "thumb_url": url.rsplit(".", 1)[0] + "-poster.jpg",
                     "mime_type": MIME[ext], "file_size": r.randint(4, 180) * 1_048_576 + r.randint(0, 999_999)}]
        if kind in ("audio", "file"):
            return [{"type": kind, "title": arg, "asset_url": self.upload_url(when, arg), "mime_type": MIME[ext],
                     "file_size": r.randint(18_000, 9_500_000)}]
        if kind == "giphy":
            gid = "".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(18))
            return [{"type": "giphy", "title": arg, "title_link": "https://giphy.com/gifs/" + gid,
                     "image_url": "https://media.giphy.com/media/%s/giphy.gif" % gid,
                     "thumb_url": "https://media.giphy.com/media/%s/200w.gif" % gid}]
        if kind == "link":
            url, title, text, image = LINKS[arg]
            a = {"type": "article" if image else "link", "og_scrape_url": fill(url), "title_link": fill(url),
                 "title": fill(title), "text": fill(text)}
            if image:
                a["image_url"] = a["thumb_url"] = "%s/%s" % (CDN, image)
            return [a]
        raise ValueError(kind)

    # --- sessions --------------------------------------------------------------
    def render(self, ch, start, snippet, gap=50.0, strict=False, letters=None, exclude=()):
        """Turn a snippet into messages starting at `start`. Returns the list
        (not yet committed) or None if the snippet doesn't fit this moment."""
        r = self.rng
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
            if not ch.can_speak(who, t) and not (who in BOTS and who in ch.members):
                if strict:
                    raise ValueError("%s can't speak in %s at %s: %r" % (who, ch.key, t, l["text"]))
                return None
            mentions = []

            def fill(text):
                def sub(m):
                    at, key = m.groups()
                    uid = letters.get(key) or (key if key in USERS else None)
                    if uid:
                        if at:
                            mentions.append(uid)
                            return "@" + NAME[uid]
                        return FIRST[uid]
                    if key not in memo:
                        memo[key] = fill(slot_value(key, r, t))
                    return at + memo[key]
                return TOKEN_RE.sub(sub, text)

            atts = []

            def att(m):
                kind, arg = m.groups()
                atts.extend(self.attachment(kind, arg, t, fill))
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
                by = who if who not in BOTS and (not mods or r.random() < 0.4) else (r.choice(mods) if mods else who)
                at = ms(t + timedelta(seconds=r.uniform(20, 1800)))
                span = l["flags"]["pin"]
                msg["pin"] = (at, by, PIN_FOREVER if span is True else ms(at + duration(span)))
            if "del" in l["flags"]:
                msg.update(type="deleted", deleted_at=ms(t + timedelta(seconds=r.uniform(15, 90))))
            if not l["reply"] and msg["type"] == "regular":
                parent = msg
            out.append(msg)
        if out[0]["created"] <= ch.created or out[-1]["created"] > min(ch.until, END):
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
        """A burst of CHATTER: openers, each answered by other people, now and
        then in a thread."""
        r = self.rng
        letters = LETTERS[:max(2, people)]
        rows, left, prev, i = [], n, None, 0
        while left > 0:
            picked = self.pick_chatter(CHATTER[key]["open"], 1, when)
            if not picked:
                break
            opener, answers = (picked[0].split(" => ") + [""])[:2]
            # own slot values per opener, so two openers don't share a {mig_item}
            i += 1
            opener = re.sub(r"\{([a-z_]+\d*)\}", lambda m: m.group(0) if m.group(1) in USERS else
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
                self.pick_chatter(CHATTER[key]["re"], max(0, k - (1 if answers and left else 0)))
            indent = "  " if r.random() < 0.3 else ""
            for resp in replies:
                rows.append("%s%s: %s" % (indent, r.choice(others), resp.replace("{B}", "{%s}" % a)))
                left -= 1
        return "\n".join(rows) or None

    def random_start(self, ch, lo=None, hi=None):
        r = self.rng
        lo = max(lo or START, ch.created + timedelta(hours=1))
        hi = min(hi or END, ch.until) - timedelta(hours=2)
        if "maya" in ch.members and not ch.spec.get("unread"):
            hi = min(hi, MAYA_AWAY - timedelta(hours=2))
        h0, h1 = ch.spec.get("hours", (8, 18))
        for _ in range(200):
            day = lo.date() + timedelta(days=r.randrange((hi.date() - lo.date()).days + 1))
            if day.weekday() >= 5 and r.random() > ch.spec.get("weekend", 0.05):
                continue
            t = datetime(day.year, day.month, day.day) + timedelta(hours=r.triangular(h0, h1))
            if lo <= t <= hi:
                return ms(t)
        raise RuntimeError("no time slot for " + ch.key)

    # --- the story ---------------------------------------------------------------
    def place_joins(self):
        for ch in self.channels:
            for uid, m in ch.members.items():
                if m["active"] and m["active"] > max(ch.created, START):
                    self.seq += 1
                    ch.msgs.append(dict(seq=self.seq, ch=ch, user=uid, created=ms(m["active"] + timedelta(seconds=1)),
                                        text="%s joined the channel." % NAME[uid], type="system", parent=None,
                                        show=False, quote=None, mentions=[], atts=[], pin=None, deleted_at=None))

    def place_events(self):
        for key, when, snippet in sorted(EVENTS, key=lambda e: parse_time(e[1])):
            ch = self.by_key[key]
            msgs = self.render(ch, parse_time(when), snippet, strict=True)
            self.commit(ch, msgs)

    def standups(self):
        ch, r = self.by_key["engineering"], self.rng
        day = START.date()
        while day <= END.date():
            if day.weekday() < 5 and r.random() < 0.8:
                start = datetime(day.year, day.month, day.day, 8) + timedelta(minutes=r.uniform(15, 75))
                people = [u for u in STANDUP_STYLES if ch.can_speak(u, start)]
                tasks = TASKS[phase_of(start)]
                rows = []
                for i, uid in enumerate(r.sample(people, r.randint(2, min(5, len(people))))):
                    # yesterday's "today" is usually today's "yesterday"
                    before = self.standup_memory.get(uid)
                    t1 = before if before in tasks and r.random() < 0.7 else r.choice(tasks)
                    t2 = t1 if r.random() < 0.25 and before != t1 else r.choice([t for t in tasks if t != t1])
                    if t2 == t1:
                        t2 = "still " + t1
                    self.standup_memory[uid] = t2.replace("still ", "")
                    rows.append("%s: %s" % (uid, STANDUP_STYLES[uid].format(t1=t1, t2=t2, b="{blocker%d}" % i)
                                            .replace("\n", "\\n")))
                    if r.random() < 0.12:
                        other = r.choice([u for u in people if u != uid])
                        rows.append("  %s: %s" % (other, r.choice(STANDUP_REPLIES)))
                msgs = self.render(ch, start, "\n".join(rows), gap=90)
                if msgs and ch.free(msgs[0]["created"], msgs[-1]["created"]):
                    for m in msgs:
                        m["text"] = m["text"].replace("\\n", "\n")
                    self.commit(ch, msgs)
            day += timedelta(days=1)

    def friday_demos(self):
        ch, r = self.by_key["friday-demos"], self.rng
        day = datetime(2020, 1, 17)
        while day <= END:
            if r.random() < 0.9 and day != datetime(2020, 4, 10):   # Good Friday off
                start = day + timedelta(hours=14, minutes=r.uniform(50, 57))
                deck = self.demo_decks.setdefault(phase_of(start), [])
                if len(deck) < 2:
                    deck[:] = r.sample(DEMO_TOPICS[phase_of(start)], len(DEMO_TOPICS[phase_of(start)]))
                topics = [deck.pop(), deck.pop()]
                host = r.choice(["tomas", "amara"])
                rows = ["%s: 🎬 Friday demos in 5 minutes! Today: %s and %s" % (host, topics[0], topics[1])]
                crowd = ch.crowd(start)
                viewers = [u for u in crowd if u in VIEWERS] or crowd
                for line in self.pick_chatter(DEMO_CHATTER, r.randint(5, 14)):
                    rows.append("%s: %s" % (r.choice(viewers if r.random() < 0.6 else crowd), line))
                if r.random() < 0.5:
                    rows.append("%s: thanks for watching, see you next Friday 👋" % host)
                self.try_session(ch, start, "\n".join(rows), gap=35)
            day += timedelta(days=7)

    def raid_nights(self):
        ch, r = self.by_key["raid-night"], self.rng
        day = datetime(2020, 1, 9)   # a Thursday
        while day < datetime(2020, 6, 29):
            if r.random() < 0.85:
                rows, used = [], set()

                def say(lines, k):
                    for line in r.sample([l for l in lines if l not in used], k):
                        used.add(line)
                        rows.append("%s: %s" % (r.choice(LETTERS[:5]), line))

                say(RAID["warmup"], r.randint(2, 4))
                for _ in range(r.randint(1, 3)):
                    say(RAID["pull"], 1)
                    say(RAID["fight"], r.randint(1, 4))
                say(RAID["wrapup"], r.randint(2, 4))
                self.try_session(ch, day + timedelta(hours=18, minutes=r.uniform(45, 65)),
                                 "\n".join(re.sub(r"\{B\}", lambda _: "{%s}" % r.choice(LETTERS[:5]), x) for x in rows), gap=45)
            day += timedelta(days=7)

    def launch_stream(self):
        ch, r = self.by_key["launch-2020"], self.rng
        day = datetime(2020, 5, 19)
        script = [
            (16, 58, "chloe: We're live in 2 minutes! 🎬 Grab a coffee ☕"),
            (17, 0, "chloe: 🔴 LIVE: Harbor 2.0 launch — Grace is on stage! [link:launch_live] !pin:1d"),
            (17, 6, "amara: Drop your questions here, we'll answer them in the Q&A at the end 🙋"),
            (17, 15, "tomas: Live demo time: threads + reactions on iOS, Android and web at the same time 🤞"),
            (17, 22, "crypto_deals_99: 🚀🚀 FREE BTC GIVEAWAY for Harbor users, click crypto-deals.example/harbor 🚀🚀 !del"),
            (17, 23, "crypto_deals_99: 💰 100x guaranteed returns, DM me 💰 !del"),
            (17, 26, "amara: Removed some spam and banned the account. Please don't click random links 🙏"),
            (17, 31, "noah: Fun fact: every illustration in the new onboarding was drawn by Yuki 🎨"),
            (17, 35, "grace: Thank you all for being here ❤️ 600 new clubs signed up in the last 30 minutes!"),
            (17, 41, """
                        chloe: Q&A starting now! 🎤 Ask away
                        viewer_jay: will my club's old chat history still be there after updating?
                          tomas: Yes! Every message since 2017 was imported, including photos and who has read what 💙
                          viewer_jay: amazing, thank you
                        ana_codes: >> is there an API for the chat?
                          tomas: Not public yet, it's on the H2 roadmap"""),
            (18, 5, """
                       stargazer42: can coaches pin messages?
                         amara: yes, pins are in 2.0 📌 long-press a message → Pin
                         stargazer42: 😍 !also"""),
            (18, 20, "chloe: That's a wrap! Replay + blog post: [link:harbor_2] Thank you for watching 💙 !pin"),
        ]
        for h, m, snippet in script:
            self.commit(ch, self.render(ch, day + timedelta(hours=h, minutes=m), snippet, strict=True))
        t = day + timedelta(hours=16, minutes=45)
        while t < day + timedelta(hours=18, minutes=40):
            live = day + timedelta(hours=17) <= t <= day + timedelta(hours=18, minutes=25)
            t = ms(t + timedelta(seconds=r.expovariate(1 / (16 if live else 40)) + 1))
            crowd = ch.crowd(t)
            viewers = [u for u in crowd if u in VIEWERS]
            staff = [u for u in crowd if u not in VIEWERS]
            roll = r.random()
            if live and roll < 0.1:
                who, line = r.choice(["chloe", "amara", "tomas", "noah"]), r.choice(LIVE_STAFF_REPLIES)
                msgs = self.render(ch, t, "%s: %s" % (who, line), letters={"B": r.choice(viewers)})
            elif roll < 0.22:
                msgs = self.render(ch, t, "%s: %s" % (r.choice(staff), self.pick_chatter(LIVE_STAFF_CHEERS, 1)[0]))
            else:
                msgs = self.render(ch, t, "%s: %s" % (r.choice(viewers), self.pick_chatter(LIVE_CHATTER, 1)[0]))
            if msgs:
                msgs[0]["created"] = t
                ch.msgs.extend(msgs)
        # Hype before, replay comments after.
        for lo, hi, n in ((datetime(2020, 5, 12, 12), datetime(2020, 5, 19, 16), 14),
                          (datetime(2020, 5, 19, 19), datetime(2020, 5, 26), 12)):
            for _ in range(n):
                t = ms(lo + (hi - lo) * r.random())
                who = r.choice(ch.crowd(t))
                line = r.choice(["can't wait for Tuesday! 🎉", "set a reminder ⏰", "is the stream in English only?",
                                 "watching the replay now", "great launch 👏", "just updated the app, threads are 🔥",
                                 "my whole club is on 2.0 now", "will there be subtitles on the replay?",
                                 "loved the Q&A", "see you at the launch!"])
                msgs = self.render(ch, t, "%s: %s" % (who, line))
                if msgs:
                    self.commit(ch, msgs)

    def fill(self):
        r = self.rng
        for ch in self.channels:
            target = ch.spec.get("target")
            if not target:
                continue
            pools = SNIPPETS.get(ch.key, {})
            tries = 0
            while len(ch.msgs) < target and tries < 20000:
                tries += 1
                start = self.random_start(ch)
                cands = [s for s in pools.get(phase_of(start), []) + pools.get("any", []) if s not in self.snippet_uses]
                if cands and r.random() < 0.55:
                    snip = r.choice(cands)
                    if self.try_session(ch, start, snip):
                        self.snippet_uses.add(snip)
                    continue
                n = r.choice([1, 2, 2, 3, 3, 4, 5, 6, 8]) if not ch.member_ids else r.choice([1, 2, 2, 3, 4])
                people = min(4, len([u for u in ch.members if u not in BOTS]))
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
                if (m["type"] == "regular" and not m["pin"] and id(m) not in referenced and m["user"] not in BOTS
                        and not m["atts"] and r.random() < 0.008):
                    m.update(type="deleted", deleted_at=ms(m["created"] + timedelta(seconds=r.uniform(10, 900))))

    # --- reactions, read state -----------------------------------------------
    def reaction_kinds(self, m):
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

    def reactions(self, messages):
        r, out = self.rng, []
        for m in messages:
            ch = m["ch"]
            if m["type"] in ("system", "deleted"):
                continue
            p = 0.9 if m["pin"] else 0.55 if m["atts"] else 0.1 if ch.type == "livestream" else 0.2
            if any(s in m["text"] for s in ("🎉", "🚀", "✅")):
                p = max(p, 0.6)
            if r.random() > p:
                continue
            kinds = self.reaction_kinds(m)
            n = 1 + int(r.expovariate(0.6)) + (3 if m["pin"] else 0)
            seen = set()
            for _ in range(n):
                when = ms(m["created"] + timedelta(seconds=3 + r.expovariate(1 / 1800)))
                if when > min(END, ch.until):
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

    def last_read(self, ch, uid, m):
        r = self.rng
        if m["invited"] and not m["accepted"]:
            return None
        msgs = sorted((x for x in ch.msgs if x["created"] >= m["active"]), key=lambda x: x["created"])
        if uid == "maya":
            before = [x for x in msgs if x["created"] < MAYA_AWAY]
            if ch.spec.get("unread"):
                return min(before[-1]["created"] + timedelta(seconds=r.uniform(5, 900)), MAYA_AWAY - timedelta(minutes=1))
            if r.random() < 0.3 or not before:
                return None   # no last_read = everything read
            return before[-1]["created"] + timedelta(seconds=r.uniform(5, 3600))
        alive = [x for x in msgs if uid not in DEACTIVATED or x["created"] < DEACTIVATED[uid]]
        if r.random() < 0.3 or not alive:
            return None
        return alive[-min(len(alive), r.randint(1, 25))]["created"] + timedelta(seconds=r.uniform(1, 120))

    # --- output ---------------------------------------------------------------
    def build(self):
        self.place_joins()
        self.place_events()
        self.standups()
        self.friday_demos()
        self.raid_nights()
        self.launch_stream()
        self.fill()
        self.random_deletions()
        messages = sorted((m for c in self.channels for m in c.msgs), key=lambda m: (m["created"], m["seq"]))
        for i, m in enumerate(messages, 1):
            m["id"] = "msg-%06d" % i
        reactions = self.reactions(messages)
        reactions.sort(key=lambda x: (x["created"], x["msg"]["id"]))

        items = []
        for uid, name, role, created, extra in PEOPLE:
            d = dict(id=uid, name=name, image="%s/avatars/%s.jpg" % (CDN, uid.replace("_", "-")), role=role,
                     created_at=ts(parse_time(created)))
            for k, v in extra.items():
                d[k] = ts(parse_time(v)) if k == "deactivated_at" else v
            items.append(("user", d))
        for i, (uid, kind, provider, created) in enumerate(DEVICES):
            items.append(("device", dict(id=self.device_token(kind), user_id=uid, push_provider_type=kind,
                                         push_provider_name=provider, created_at=ts(parse_time(created)))))
        for by, target, when, reason in FUTURE_BANS:
            items.append(("future_channel_ban", dict(created_by=by, target_id=target,
                                                     created_at=ts(parse_time(when)), reason=reason)))
        for ch in self.channels:
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
                d["image"] = "%s/channels/%s.png" % (CDN, ch.id)
            if s.get("frozen"):
                d["frozen"] = True
            if s.get("banned_users"):
                d["banned_users"] = s["banned_users"]
            items.append(("channel", d))
        for ch in self.channels:
            for uid, m in ch.members.items():
                d = dict(ch.where(), user_id=uid, channel_role=m["role"], created_at=ts(m["created"]))
                if m["invited"]:
                    d["invited"] = True
                    if m["accepted"]:
                        d["invite_accepted_at"] = ts(m["accepted"])
                lr = self.last_read(ch, uid, m)
                if lr:
                    d["last_read"] = ts(ms(lr))
                items.append(("member", d))
        for m in messages:
            d = dict(id=m["id"], **m["ch"].where(), user=m["user"], type=m["type"], text=m["text"],
                     created_at=ts(m["created"]))
            if m["parent"]:
                d["parent_id"] = m["parent"]["id"]
                if m["show"]:
                    d["show_in_channel"] = True
            if m["quote"]:
                d["quoted_message_id"] = m["quote"]["id"]
            if m["mentions"]:
                d["mentioned_users_ids"] = m["mentions"]
            if m["atts"]:
                d["attachments"] = m["atts"]
            if m["pin"]:
                at, by, exp = m["pin"]
                d.update(pinned=True, pinned_at=ts(at), pinned_by_id=by, pin_expires=ts(exp))
            if m["deleted_at"]:
                d["deleted_at"] = ts(m["deleted_at"])
            items.append(("message", d))
        for x in reactions:
            items.append(("reaction", dict(message_id=x["msg"]["id"], type=x["type"], user_id=x["user"],
                                           created_at=ts(x["created"]))))
        return items

    def device_token(self, kind):
        r = self.rng
        alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        if kind == "apn":
            return "%064x" % r.getrandbits(256)
        if kind == "firebase":
            return "".join(r.choice(alnum) for _ in range(11)) + ":APA91b" + "".join(r.choice(alnum + "_-") for _ in range(134))
        if kind == "huawei":
            return "".join(r.choice(alnum) for _ in range(130))
        return "".join(r.choice(alnum) for _ in range(44))  # xiaomi regId


# ===========================================================================
# broken.jsonl: a valid head, then one broken rule per line. Each entry is
# (what is wrong, the item, or a raw string when the line isn't JSON at all).
# The order violation comes last so every other line is wrong only on its own.
# ===========================================================================

def broken_lines():
    T = "2020-03-01T10:00:00.000Z"
    ch = {"channel_type": "messaging", "channel_id": "general"}
    u = lambda d: {"type": "user", "data": d}
    c = lambda d: {"type": "channel", "data": d}
    m = lambda d: {"type": "message", "data": dict(ch, created_at="2020-03-01T11:00:00.000Z", **d)}
    return [
        (None, u({"id": "alice", "name": "Alice Example", "role": "admin", "created_at": T})),
        (None, u({"id": "bob", "name": "Bob Example", "created_at": T})),
        ("user id with a space and \"!\"", u({"id": "carol smith!", "name": "Carol Smith"})),
        ("duplicate user id \"alice\"", u({"id": "alice", "name": "Alice Again"})),
        ("malformed JSON (trailing comma)", '{"type":"user","data":{"id":"x",}}'),
        ("unknown item type \"foobar\"", {"type": "foobar", "data": {"id": "what-is-this"}}),
        ("device with push_provider_type \"blackberry\"",
         {"type": "device", "data": {"id": "bb10-0f3c9a7e", "user_id": "bob", "push_provider_type": "blackberry",
                                     "push_provider_name": "bbm"}}),
        (None, c({"id": "general", "type": "messaging", "created_by": "alice", "created_at": T, "name": "General"})),
        ("channel id longer than 64 characters",
         c({"id": "waytoolong" + "o" * 60 + "-channel-id", "type": "messaging", "created_by": "alice"})),
        ("channel with both id and member_ids",
         c({"id": "both", "type": "messaging", "member_ids": ["alice", "bob"], "created_by": "alice"})),
        ("channel with neither id nor member_ids", c({"type": "messaging", "created_by": "alice", "name": "Nobody"})),
        ("reserved field \"cid\" on a channel",
         c({"id": "random", "type": "messaging", "created_by": "alice", "cid": "messaging:random"})),
        (None, {"type": "member", "data": dict(ch, user_id="alice", channel_role="channel_moderator", created_at=T)}),
        ("invite_accepted_at without invited: true",
         {"type": "member", "data": dict(ch, user_id="bob", created_at=T, invite_accepted_at="2020-03-01T10:05:00.000Z")}),
        (None, m({"id": "msg-1", "user": "alice", "text": "Welcome to the validator demo 👋"})),
        ("message without a user", m({"id": "msg-2", "text": "who wrote this?"})),
        ("message from a user that doesn't exist (\"ghost\")", m({"id": "msg-3", "user": "ghost", "text": "boo 👻"})),
        ("reply without parent_id", m({"id": "msg-4", "user": "alice", "type": "reply", "text": "replying to… what?"})),
        ("deleted message without deleted_at", m({"id": "msg-5", "user": "alice", "type": "deleted", "text": "oops"})),
        ("attachment URL on http://",
         m({"id": "msg-6", "user": "alice", "text": "old upload",
            "attachments": [{"type": "image", "image_url": "http://cdn.example.com/2017/photo.jpg",
                             "thumb_url": "https://cdn.example.com/2017/photo-thumb.jpg"}]})),
        ("unparseable timestamp (\"yesterday\")",
         {"type": "message", "data": dict(ch, id="msg-7", user="alice", text="when?", created_at="yesterday")}),
        ("pinned_at without pinned_by_id and pin_expires",
         m({"id": "msg-8", "user": "alice", "text": "pin me, halfway", "pinned_at": "2020-03-01T11:05:00.000Z"})),
        ("reaction type longer than 30 characters",
         {"type": "reaction", "data": {"message_id": "msg-1", "user_id": "alice", "created_at": "2020-03-01T11:01:00.000Z",
                                       "type": "this_reaction_type_is_far_too_long_to_be_valid"}}),
        ("user after channels, members, messages and reactions (item order)",
         u({"id": "latecomer", "name": "Late Comer"})),
    ]


def dump(item):
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


def main():
    items = Builder().build()
    with open(HERE / "demo.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for kind, data in items:
            f.write(dump({"type": kind, "data": data}) + "\n")
    with open(HERE / "broken.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for _, item in broken_lines():
            f.write((item if isinstance(item, str) else dump(item)) + "\n")

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

"""broken.jsonl: a valid head, then one broken rule per line, to show off the
validator. Each entry is (what is wrong, the item, or a raw string when the
line isn't JSON at all). The order violation comes last so every other line is
wrong only on its own. demo-data/README.md lists the lines."""


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

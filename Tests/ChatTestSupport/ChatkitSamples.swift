import Foundation

/// Chatkit exports used across the test suites.
public enum ChatkitSamples {
    /// Pusher's provisional sample export of 2020-03-26 (sendbird-graveyard/migrating-from-pusher-chatkit,
    /// `example-chatkit-data-export/export/`), as published with Pusher's migration guide:
    /// ".ndjson" files that are pretty-printed JSON arrays, message id 43 in two rooms, a room
    /// (`bob_x_carol`) and a user (`carol`) that are named but not exported.
    public static let pusherSample: [String: String] = [
        "users.ndjson": """
        [
          {
            "id": "alice",
            "name": "Alice",
            "avatar_url": "https://example.com/alice.png",
            "custom_data": {
              "foo": "bar"
            },
            "created_at": "2020-03-25T10:52:07Z",
            "updated_at": "2020-03-26T15:59:50Z"
          },
          {
            "id": "bob",
            "name": "Bob",
            "created_at": "2020-03-25T10:52:15Z",
            "updated_at": "2020-03-25T10:52:15Z"
          }
        ]
        """,
        "rooms.ndjson": """
        [
          {
            "id": "alice_x_bob",
            "created_by_id": "alice",
            "name": "Alice & Bob",
            "member_ids": ["alice", "bob"],
            "push_notification_title_override": "Acme Inc. Mobile",
            "private": true,
            "custom_data": {"foo": "bar"},
            "last_message_at": "2020-03-25T11:52:59Z",
            "created_at": "2020-03-25T10:52:59Z",
            "updated_at": "2020-03-25T10:52:59Z"
          },
          {
            "id": "general",
            "created_by_id": "alice",
            "name": "General",
            "member_ids": ["alice", "bob", "carol"],
            "private": false,
            "last_message_at": "2020-03-25T11:52:59Z",
            "created_at": "2020-03-25T10:52:59Z",
            "updated_at": "2020-03-25T10:52:59Z"
          }
        ]
        """,
        "messages.ndjson": """
        [
          {
            "id": 42,
            "sender_id": "alice",
            "room_id": "alice_x_bob",
            "created_at": "2020-03-25T12:52:59Z",
            "updated_at": "2020-03-25T12:52:59Z",
            "parts": [
              {"part_type": "inline", "payload": {"type": "text/plain", "content": "Hello Bob!"}},
              {"part_type": "url", "payload": {"type": "image/png", "url": "https://example.com/hello_world.png"}},
              {"part_type": "attachment", "payload": {"type": "video/mp4", "name": "hello.mp4", "size": 42,
                "download_url": "https://example.com/hello.mp4", "custom_data": {"foo": "bar"}}}
            ]
          },
          {
            "id": 43,
            "sender_id": "bob",
            "room_id": "bob_x_carol",
            "created_at": "2020-03-25T12:52:59Z",
            "updated_at": "2020-03-25T12:52:59Z",
            "parts": [{"part_type": "inline", "payload": {"type": "text/plain", "content": "Hello Carol!"}}]
          },
          {
            "id": 43,
            "sender_id": "carol",
            "room_id": "general",
            "created_at": "2020-03-25T12:52:59Z",
            "updated_at": "2020-03-25T12:52:59Z",
            "parts": [{"part_type": "inline", "payload": {"type": "text/plain", "content": "Hello Everyone!"}}]
          }
        ]
        """,
    ]

    /// Writes `files` (name → text) into a new directory under `directory` and returns its path.
    public static func writeExport(_ files: [String: String], in directory: TemporaryDirectory, name: String = "export") -> String {
        let path = directory.file(name)
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (file, text) in files { try! text.write(toFile: path + "/" + file, atomically: true, encoding: .utf8) }
        return path
    }
}

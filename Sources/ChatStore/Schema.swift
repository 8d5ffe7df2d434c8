import Foundation
import GRDB

/// The store's schema as an ordered list of migrations (never edit a shipped one; add the next).
///
/// `bans.cid` is '' for an app-wide ban. `channel_types.config` holds the settings object
/// (`ChannelTypeConfig.settings`).
/// Conventions: times are `Timestamp.storageText` (fixed-width UTC, so SQL compares them as
/// text), lists and objects are JSON text, custom fields are one JSON object per row.
/// SQLite writes the steps as they are; PostgreSQL gets them through `postgresDDL`, plus its own steps.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for step in steps {
            migrator.registerMigration(step.name) { db in try db.execute(sql: step.sql) }
        }
        return migrator
    }

    static let steps: [Step] = [
        Step(
            name: "v1: import items and tasks",
            sql: """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY NOT NULL,
                    role TEXT NOT NULL DEFAULT 'user',
                    invisible INTEGER NOT NULL DEFAULT 0,
                    language TEXT,
                    teams TEXT,
                    teams_role TEXT,
                    blocked_user_ids TEXT,
                    channel_mutes TEXT,
                    user_mutes TEXT,
                    push_preferences TEXT,
                    privacy_settings TEXT,
                    created_at TEXT NOT NULL,
                    deactivated_at TEXT,
                    deleted_at TEXT,
                    custom TEXT NOT NULL DEFAULT '{}'
                );
                CREATE TABLE devices (
                    id TEXT PRIMARY KEY NOT NULL,
                    user_id TEXT NOT NULL,
                    push_provider TEXT NOT NULL,
                    push_provider_name TEXT,
                    created_at TEXT NOT NULL
                );
                CREATE INDEX devices_by_user ON devices(user_id);
                CREATE TABLE future_channel_bans (
                    created_by TEXT NOT NULL,
                    target_id TEXT NOT NULL,
                    reason TEXT,
                    shadow INTEGER NOT NULL DEFAULT 0,
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (created_by, target_id)
                );
                CREATE TABLE channels (
                    cid TEXT PRIMARY KEY NOT NULL,
                    type TEXT NOT NULL,
                    id TEXT NOT NULL,
                    member_ids TEXT,
                    created_by TEXT NOT NULL,
                    team TEXT,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    frozen INTEGER NOT NULL DEFAULT 0,
                    banned_users TEXT,
                    truncated_at TEXT,
                    created_at TEXT NOT NULL,
                    custom TEXT NOT NULL DEFAULT '{}'
                );
                CREATE TABLE members (
                    cid TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    channel_role TEXT NOT NULL DEFAULT 'channel_member',
                    invited INTEGER NOT NULL DEFAULT 0,
                    invite_accepted_at TEXT,
                    invite_rejected_at TEXT,
                    hide_channel INTEGER NOT NULL DEFAULT 0,
                    hide_messages_before TEXT,
                    last_read TEXT,
                    archived_at TEXT,
                    created_at TEXT NOT NULL,
                    custom TEXT NOT NULL DEFAULT '{}',
                    PRIMARY KEY (cid, user_id)
                ) WITHOUT ROWID;
                CREATE INDEX members_by_user ON members(user_id);
                CREATE TABLE messages (
                    id TEXT PRIMARY KEY NOT NULL,
                    cid TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    type TEXT NOT NULL DEFAULT 'regular',
                    text TEXT NOT NULL DEFAULT '',
                    html TEXT,
                    attachments TEXT,
                    parent_id TEXT,
                    show_in_channel INTEGER NOT NULL DEFAULT 0,
                    quoted_message_id TEXT,
                    mentioned_user_ids TEXT,
                    mentioned_roles TEXT,
                    mentioned_here INTEGER NOT NULL DEFAULT 0,
                    mentioned_channel INTEGER NOT NULL DEFAULT 0,
                    restricted_visibility TEXT,
                    pinned_at TEXT,
                    pinned_by_id TEXT,
                    pin_expires TEXT,
                    created_at TEXT NOT NULL,
                    deleted_at TEXT,
                    custom TEXT NOT NULL DEFAULT '{}'
                );
                CREATE INDEX messages_by_channel ON messages(cid, created_at);
                CREATE INDEX messages_by_parent ON messages(parent_id, created_at) WHERE parent_id IS NOT NULL;
                CREATE TABLE reactions (
                    message_id TEXT NOT NULL,
                    type TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    custom TEXT NOT NULL DEFAULT '{}',
                    PRIMARY KEY (message_id, type, user_id)
                ) WITHOUT ROWID;
                CREATE TABLE import_tasks (
                    id TEXT PRIMARY KEY NOT NULL,
                    path TEXT NOT NULL,
                    mode TEXT NOT NULL,
                    state TEXT NOT NULL,
                    size INTEGER,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    history TEXT NOT NULL DEFAULT '[]',
                    result TEXT
                );
                CREATE INDEX import_tasks_by_time ON import_tasks(created_at);
                """
        ),
        Step(name: "v2: message edits", sql: "ALTER TABLE messages ADD COLUMN text_updated_at TEXT"),
        Step(
            name: "v3: bans and mutes",
            sql: """
                CREATE TABLE bans (
                    target_id TEXT NOT NULL,
                    cid TEXT NOT NULL DEFAULT '',
                    created_by TEXT,
                    reason TEXT,
                    shadow INTEGER NOT NULL DEFAULT 0,
                    expires TEXT,
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (target_id, cid)
                ) WITHOUT ROWID;
                CREATE TABLE mutes (
                    user_id TEXT NOT NULL,
                    target_id TEXT NOT NULL,
                    expires TEXT,
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (user_id, target_id)
                ) WITHOUT ROWID;
                """
        ),
        // Types created or changed through the API; a built-in type without a row has Stream's defaults.
        Step(
            name: "v4: channel types",
            sql: """
                CREATE TABLE channel_types (
                    name TEXT PRIMARY KEY NOT NULL,
                    config TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                """
        ),
        // The process running an import (its pid on its host), so a task whose process was
        // killed is reported as failed rather than analyzing for ever.
        Step(
            name: "v6: import task owner",
            sql: """
                ALTER TABLE import_tasks ADD COLUMN owner_pid INTEGER;
                ALTER TABLE import_tasks ADD COLUMN owner_host TEXT;
                """
        ),
        // `delete_message(delete_for_me)`: the message stays for everyone but the user who deleted it.
        // (v5 is PostgreSQL's events step.)
        Step(
            name: "v7: messages deleted for one user",
            sql: """
                CREATE TABLE deleted_for_me (
                    message_id TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    deleted_at TEXT NOT NULL,
                    PRIMARY KEY (message_id, user_id)
                ) WITHOUT ROWID;
                """
        ),
        // A shadow-banned user's messages: stored and shown to their author only.
        Step(name: "v8: shadowed messages", sql: "ALTER TABLE messages ADD COLUMN shadowed INTEGER NOT NULL DEFAULT 0"),
        // Message history (each row a message's state before an edit or a soft delete), channel
        // mutes that end, the batch deletes' tasks, drafts (one per user and channel or thread;
        // `parent_id` '' for the channel), a thread's own read position (`mark_read` with
        // `thread_id`), a member's pin of a channel and how far messages reached the member's
        // devices (`channels/delivered`).
        Step(
            name: "v9: message history, mute expiry, tasks, drafts, thread reads, pinned and delivered members",
            sql: """
                CREATE TABLE message_history (
                    message_id TEXT NOT NULL,
                    version_at TEXT NOT NULL,
                    version_by TEXT NOT NULL,
                    text TEXT NOT NULL,
                    attachments TEXT,
                    custom TEXT NOT NULL DEFAULT '{}',
                    is_deleted INTEGER NOT NULL DEFAULT 0,
                    replaced_at TEXT NOT NULL,
                    replaced_by TEXT NOT NULL,
                    PRIMARY KEY (message_id, replaced_at)
                ) WITHOUT ROWID;
                CREATE TABLE channel_mute_expiry (
                    user_id TEXT NOT NULL,
                    cid TEXT NOT NULL,
                    expires TEXT NOT NULL,
                    PRIMARY KEY (user_id, cid)
                ) WITHOUT ROWID;
                CREATE TABLE tasks (
                    id TEXT PRIMARY KEY NOT NULL,
                    status TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    result TEXT NOT NULL DEFAULT '{}'
                );
                CREATE TABLE drafts (
                    user_id TEXT NOT NULL,
                    cid TEXT NOT NULL,
                    parent_id TEXT NOT NULL DEFAULT '',
                    message TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (user_id, cid, parent_id)
                ) WITHOUT ROWID;
                CREATE TABLE thread_reads (
                    user_id TEXT NOT NULL,
                    parent_id TEXT NOT NULL,
                    last_read TEXT NOT NULL,
                    PRIMARY KEY (user_id, parent_id)
                ) WITHOUT ROWID;
                ALTER TABLE members ADD COLUMN pinned_at TEXT;
                ALTER TABLE members ADD COLUMN last_delivered_at TEXT;
                ALTER TABLE members ADD COLUMN last_delivered_message_id TEXT;
                """
        ),
        // `PATCH /app`: each setting's value as JSON text. `user_blocks`: when each block made
        // through the API was made (the list itself is `users.blocked_user_ids`). `flags`: a
        // target is '' when the flag is on the other kind, so the unique index holds on both databases.
        Step(
            name: "v10: app settings, blocks, flags, custom commands",
            sql: """
                CREATE TABLE app_settings (
                    name TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE user_blocks (
                    user_id TEXT NOT NULL,
                    blocked_user_id TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (user_id, blocked_user_id)
                ) WITHOUT ROWID;
                CREATE TABLE flags (
                    id TEXT PRIMARY KEY NOT NULL,
                    created_by TEXT NOT NULL,
                    target_message_id TEXT NOT NULL DEFAULT '',
                    target_user_id TEXT NOT NULL DEFAULT '',
                    reason TEXT,
                    custom TEXT NOT NULL DEFAULT '{}',
                    created_at TEXT NOT NULL,
                    review_result TEXT,
                    review_details TEXT,
                    reviewed_by TEXT,
                    reviewed_at TEXT
                );
                CREATE UNIQUE INDEX flags_once ON flags(created_by, target_message_id, target_user_id);
                CREATE INDEX flags_by_message ON flags(target_message_id);
                CREATE TABLE commands (
                    name TEXT PRIMARY KEY NOT NULL,
                    description TEXT NOT NULL,
                    args TEXT NOT NULL DEFAULT '',
                    set_name TEXT NOT NULL DEFAULT '',
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                """
        ),
        // Polls as Stream's Poll API has them. `poll_votes.option_id` is '' for an answer.
        // A message holds its poll by `messages.poll_id` ('' when none, as Stream answers).
        Step(
            name: "v11: polls",
            sql: """
                CREATE TABLE polls (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    description TEXT,
                    created_by_id TEXT,
                    voting_visibility TEXT NOT NULL DEFAULT 'public',
                    enforce_unique_vote INTEGER NOT NULL DEFAULT 0,
                    max_votes_allowed INTEGER,
                    allow_user_suggested_options INTEGER NOT NULL DEFAULT 0,
                    allow_answers INTEGER NOT NULL DEFAULT 0,
                    is_closed INTEGER NOT NULL DEFAULT 0,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    custom TEXT NOT NULL DEFAULT '{}'
                );
                CREATE TABLE poll_options (
                    poll_id TEXT NOT NULL,
                    id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    custom TEXT NOT NULL DEFAULT '{}',
                    PRIMARY KEY (poll_id, id)
                ) WITHOUT ROWID;
                CREATE TABLE poll_votes (
                    id TEXT PRIMARY KEY NOT NULL,
                    poll_id TEXT NOT NULL,
                    option_id TEXT NOT NULL DEFAULT '',
                    is_answer INTEGER NOT NULL DEFAULT 0,
                    answer_text TEXT,
                    user_id TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX poll_votes_by_poll ON poll_votes(poll_id, option_id, created_at);
                ALTER TABLE messages ADD COLUMN poll_id TEXT NOT NULL DEFAULT '';
                """
        ),
        // What an import task was asked to do beyond its mode (`merge_custom`, Import v2's
        // `skip_references_check`), and Import v2's `product` (NULL for a classic task).
        Step(
            name: "v13b: import task settings",
            sql: """
                ALTER TABLE import_tasks ADD COLUMN merge_custom INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE import_tasks ADD COLUMN skip_references_check INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE import_tasks ADD COLUMN product TEXT;
                """
        ),
        // The users who block anyone: the unread count checks blocks per message only when
        // there is one (`ChatStore.unreadCondition`), and this finds out without a scan.
        Step(
            name: "v14h: users who block",
            sql: "CREATE INDEX users_blocking ON users(id) WHERE blocked_user_ids IS NOT NULL;"
        ),
        MessageWordIndex.step,
        // Import v2's `use_import_time_as_op_time`.
        Step(
            name: "v14d: import time as op time",
            sql: """
                ALTER TABLE import_tasks ADD COLUMN use_import_time_as_op_time INTEGER NOT NULL DEFAULT 0;
                """
        ),
        Schema.reminders,
        Schema.pendingMessages,
        Schema.messagesByChannelInPageOrder,
        Schema.hidableMessages,
        Schema.pinnedMessages,
        Schema.threadData,
        Schema.blocklists,
        // A user's `updated_at`; NULL for a user not written since the step (it reads as created_at).
        Step(name: "v14r: user updates", sql: "ALTER TABLE users ADD COLUMN updated_at TEXT"),
        Schema.silentMessages,
        Schema.keptEvents,
        // A channel's `updated_at`, as for users: NULL for one not updated since (it reads as created_at).
        Step(name: "v14u: channel updates", sql: "ALTER TABLE channels ADD COLUMN updated_at TEXT"),
    ]

    /// PostgreSQL only: the log of events that every server sharing the database delivers
    /// (`EventLog`); rows older than an hour are pruned.
    static let postgresSteps: [Step] = [
        Step(
            name: "v5: events",
            sql: """
                CREATE TABLE events (
                    id BIGINT PRIMARY KEY,
                    body TEXT NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
                );
                CREATE TABLE event_counter (id BIGINT NOT NULL);
                INSERT INTO event_counter VALUES (0);
                """
        ),
        MessageWordIndex.postgresRebuild,
        MessageWordIndex.postgresWordsStep,
    ]

    /// A step's SQLite DDL as PostgreSQL's, one statement per element: text compares byte by
    /// byte (`COLLATE "C"`, as in SQLite, so pages and cursors order alike), integers are
    /// 64-bit, and `WITHOUT ROWID` (a SQLite storage choice) goes.
    static func postgresDDL(_ sql: String) -> [String] {
        sql.replacingOccurrences(of: " WITHOUT ROWID", with: "")
            .replacingOccurrences(of: " TEXT", with: " TEXT COLLATE \"C\"")
            .replacingOccurrences(of: " INTEGER", with: " BIGINT")
            .split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}

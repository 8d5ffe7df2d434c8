import ChatModel

/// A slash command an app made (`create_command`), beside the built-in ones.
public struct CustomCommand: Sendable, Equatable {
    public var name: String
    public var description: String
    public var args: String
    public var set: String
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(name: String, description: String, args: String, set: String, createdAt: Timestamp, updatedAt: Timestamp) {
        self.name = name
        self.description = description
        self.args = args
        self.set = set
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Custom commands: create, read, change, delete, list.
extension ChatStore {
    /// Saves a new command; false when one by that name exists (nothing changes).
    public func create(command: CustomCommand) throws -> Bool {
        try backend.write { db in
            try db.execute(
                """
                INSERT INTO commands (name, description, args, set_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(name) DO NOTHING
                """,
                command.name,
                command.description,
                command.args,
                command.set,
                command.createdAt.storageText,
                command.updatedAt.storageText
            ) > 0
        }
    }

    public func command(named name: String) throws -> CustomCommand? {
        try backend.read { db in try db.row("SELECT * FROM commands WHERE name = ?", name).map(Self.command) }
    }

    /// Every custom command, by name.
    public func customCommands() throws -> [CustomCommand] {
        try backend.read { db in try db.rows("SELECT * FROM commands ORDER BY name").map(Self.command) }
    }

    /// Replaces the command's description, args and set (its name and creation stay); nil when absent.
    public func update(command: CustomCommand) throws -> CustomCommand? {
        try backend.write { db in
            try db.execute(
                "UPDATE commands SET description = ?, args = ?, set_name = ?, updated_at = ? WHERE name = ?",
                command.description,
                command.args,
                command.set,
                command.updatedAt.storageText,
                command.name
            )
            return try db.row("SELECT * FROM commands WHERE name = ?", command.name).map(Self.command)
        }
    }

    /// Deletes the command; false when there was none.
    public func deleteCommand(named name: String) throws -> Bool {
        try backend.write { db in try db.execute("DELETE FROM commands WHERE name = ?", name) > 0 }
    }

    private static func command(_ row: SQLRow) -> CustomCommand {
        let created = StoredValue.decodeTime(row["created_at"]) ?? Timestamp(seconds: 0)
        return CustomCommand(
            name: row["name"],
            description: row["description"],
            args: row["args"],
            set: row["set_name"],
            createdAt: created,
            updatedAt: StoredValue.decodeTime(row["updated_at"]) ?? created
        )
    }
}

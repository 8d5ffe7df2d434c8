import ChatModel

/// What `deleteChannelType` did, or why it did not.
public enum ChannelTypeDeletion: Sendable, Equatable {
    case deleted
    case notFound
    /// The built-in types exist in every app and cannot go.
    case builtIn
    /// Channels of the type still exist.
    case inUse(channels: Int)
}

/// Channel types as rows of `channel_types`. A built-in type has a row only once it was
/// changed; until then it reads as Stream's defaults.
extension ChatStore {
    /// The type named `name`: as stored, as Stream's defaults for a built-in type, or nil when there is no such type.
    public func channelType(name: String) throws -> ChannelTypeConfig? {
        try backend.read { db in try Self.channelType(name: name, db) }
    }

    /// Every type, built-in and created, by name.
    public func channelTypes() throws -> [ChannelTypeConfig] {
        try backend.read { db in
            let stored = try Self.storedChannelTypes(db)
            let untouched = BuiltInChannelType.allCases.map(\.rawValue).filter { name in !stored.contains { $0.name == name } }
            return (stored + untouched.map { ChannelTypeConfig(defaultsFor: $0) }).sorted { $0.name < $1.name }
        }
    }

    /// The config a channel of `type` follows. A channel can outlive its type's definition (an
    /// older store, imported data), so a type that does not exist reads as the messaging
    /// defaults rather than failing every request on its channels.
    public func channelConfig(forType type: String) throws -> ChannelTypeConfig {
        try channelType(name: type) ?? ChannelTypeConfig(defaultsFor: type)
    }

    /// The config `channel` runs with: its type's, with the channel's own `config_overrides`
    /// laid over it. The API checks overrides when they are set; ones an import brought that
    /// do not apply leave the type's settings in force rather than failing every route of the channel.
    public func channelConfig(for channel: Channel) throws -> ChannelTypeConfig {
        let base = try channelConfig(forType: channel.type)
        guard let overrides = channel.custom["config_overrides"]?.objectValue else { return base }
        return (try? base.overridden(by: overrides, appCommands: Set(try customCommands().map(\.name)))) ?? base
    }

    /// Stores a new type; false when a type of that name exists (the built-in ones always do).
    public func createChannelType(_ config: ChannelTypeConfig) throws -> Bool {
        guard BuiltInChannelType(rawValue: config.name) == nil else { return false }
        return try backend.write { db in
            try db.execute(
                "INSERT INTO channel_types (name, config, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO NOTHING",
                config.name,
                StoredValue.json(config.settings),
                config.createdAt.storageText,
                config.updatedAt.storageText
            ) > 0
        }
    }

    /// Changes the type named `name` in one transaction (read, `change`, write back, stamped
    /// `updated_at = time`); the new config, or nil when there is no such type. Nothing is
    /// written when `change` throws.
    public func updateChannelType(
        name: String,
        at time: Timestamp,
        _ change: (inout ChannelTypeConfig) throws -> Void
    ) throws -> ChannelTypeConfig? {
        try backend.write { db in
            guard var config = try Self.channelType(name: name, db) else { return nil }
            try change(&config)
            config.name = name
            config.updatedAt = time
            try db.execute(
                """
                INSERT INTO channel_types (name, config, created_at, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at
                """,
                name,
                StoredValue.json(config.settings),
                config.createdAt.storageText,
                time.storageText
            )
            return config
        }
    }

    /// Deletes a created type that no channel uses; the check and the delete are one transaction,
    /// so a channel created meanwhile cannot be left without its type.
    public func deleteChannelType(name: String) throws -> ChannelTypeDeletion {
        if BuiltInChannelType(rawValue: name) != nil { return .builtIn }
        return try backend.write { db in
            let channels: Int = try db.value("SELECT COUNT(*) FROM channels WHERE type = ?", name) ?? 0
            let exists = try db.row("SELECT 1 FROM channel_types WHERE name = ?", name) != nil
            guard exists else { return .notFound }
            guard channels == 0 else { return .inUse(channels: channels) }
            try db.execute("DELETE FROM channel_types WHERE name = ?", name)
            return .deleted
        }
    }

    private static func channelType(name: String, _ db: any SQLSession) throws -> ChannelTypeConfig? {
        if let row = try db.row("SELECT * FROM channel_types WHERE name = ?", name) { return try channelType(from: row, db) }
        return BuiltInChannelType(rawValue: name).map { ChannelTypeConfig(defaultsFor: $0.rawValue) }
    }

    /// The types with a row: created ones and changed built-in ones.
    static func storedChannelTypes(_ db: any SQLSession) throws -> [ChannelTypeConfig] {
        try db.rows("SELECT * FROM channel_types").map { try channelType(from: $0, db) }
    }

    /// The names of the app's own commands, which a type may list.
    private static func appCommands(_ db: any SQLSession) throws -> Set<String> {
        Set(try db.values("SELECT name FROM commands", []) as [String])
    }

    private static func channelType(from row: SQLRow, _ db: any SQLSession) throws -> ChannelTypeConfig {
        let created = StoredValue.decodeTime(row["created_at"]) ?? ChannelTypeConfig.builtInEpoch
        var config = ChannelTypeConfig(defaultsFor: row["name"], at: created)
        config.updatedAt = StoredValue.decodeTime(row["updated_at"]) ?? created
        // Setting by setting: a row written by another version of chatterm keeps every
        // setting this one understands, and the rest stay at their defaults.
        let settings = StoredValue.decodeJSON(row["config"])?.objectValue ?? [:]
        // The app's command names are read only for a type that lists one (every send reads its type).
        let listed = settings["commands"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let builtIn = listed.allSatisfy { $0 == "all" || BuiltInCommand(rawValue: $0) != nil }
        let appCommands: Set<String> = try builtIn ? [] : Self.appCommands(db)
        for member in settings.members {
            try? config.apply(JSONObject([member]), appCommands: appCommands)
        }
        return config
    }
}

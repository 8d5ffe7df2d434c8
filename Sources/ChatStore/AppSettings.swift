import ChatModel

/// The app's settings changed through `PATCH /app`, one row per top-level setting (its value
/// as JSON text), in the store so that every server sharing a PostgreSQL database uses them.
extension ChatStore {
    /// Every setting ever set, by name (a setting never set is absent: the server's default applies).
    public func appSettings() throws -> JSONObject {
        try backend.read { db in
            var settings = JSONObject()
            for row in try db.rows("SELECT name, value FROM app_settings ORDER BY name") {
                let name: String = row["name"]
                settings[name] = StoredValue.decodeJSON(row["value"]) ?? .null
            }
            return settings
        }
    }

    /// Sets each of `changes` (a whole setting replaces the old value), all in one transaction.
    public func updateAppSettings(_ changes: JSONObject) throws {
        try backend.write { db in
            for change in changes.members {
                try db.execute(
                    "INSERT INTO app_settings (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                    change.key,
                    StoredValue.json(change.value)
                )
            }
        }
    }
}

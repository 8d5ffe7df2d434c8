import ChatModel

/// Push devices registered through the API (`add_device`, `get_devices`, `delete_device`).
/// The local server sends no push; it keeps the registrations as Stream does.
extension ChatStore {
    /// A user keeps at most this many devices; adding one more replaces the oldest.
    public static let maxDevicesPerUser = 25

    /// What adding a device did.
    public enum DeviceAddition: Sendable, Equatable {
        case added
        /// The id is registered already, for this user: nothing changes.
        case unchanged
        /// The id is registered to another user.
        case takenBy(String)
    }

    public func add(device: Device, at time: Timestamp) throws -> DeviceAddition {
        try backend.write { db in
            if let owner: String = try db.value("SELECT user_id FROM devices WHERE id = ?", device.id) {
                return owner == device.userID ? .unchanged : .takenBy(owner)
            }
            let held: [String] = try db.values(
                "SELECT id FROM devices WHERE user_id = ? ORDER BY created_at, id",
                [.text(device.userID)]
            )
            for oldest in held.prefix(max(0, held.count - Self.maxDevicesPerUser + 1)) {
                try db.execute("DELETE FROM devices WHERE id = ?", oldest)
            }
            try db.execute(
                "INSERT INTO devices (id, user_id, push_provider, push_provider_name, created_at) VALUES (?, ?, ?, ?, ?)",
                device.id,
                device.userID,
                device.pushProvider.rawValue,
                device.pushProviderName,
                time.storageText
            )
            return .added
        }
    }

    /// `userID`'s devices, oldest first.
    public func devices(of userID: String) throws -> [Device] {
        try backend.read { db in
            try db.rows("SELECT * FROM devices WHERE user_id = ? ORDER BY created_at, id", userID).compactMap { row in
                guard let provider = PushProvider(rawValue: row["push_provider"]) else { return nil }
                var device = Device(id: row["id"], userID: row["user_id"], pushProvider: provider)
                device.pushProviderName = row["push_provider_name"]
                device.createdAt = StoredValue.decodeTime(row["created_at"])
                return device
            }
        }
    }

    /// Removes `userID`'s device `id`; false when they have none by that id.
    public func deleteDevice(id: String, userID: String) throws -> Bool {
        try backend.write { db in try db.execute("DELETE FROM devices WHERE id = ? AND user_id = ?", id, userID) > 0 }
    }
}

import ChatModel
import GRDB

/// Users written and read one by one, for the server (imports use the sink in bulk).
extension ChatStore {
    /// Inserts or updates users as Stream's upsert does (provided fields overwrite, custom data
    /// is replaced), all in one transaction, and returns them as stored.
    public func upsert(users: [User]) throws -> [User] {
        try pool.write { db in
            let sink = StoreImportSink(db: db, mode: .upsert, importTime: .now())
            for user in users { _ = try sink.write(.user(user)) }
            return try users.compactMap { try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [$0.id]).map(StoredItems.user) }
        }
    }

    /// Users matching `ids` (all when nil) and `role`, ordered by `sort` (`id` or `created_at`), a page at a time.
    public func users(ids: [String]?, role: String?, sortField: String, descending: Bool, limit: Int, offset: Int) throws -> [User] {
        try pool.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let ids {
                conditions.append("id IN (\(ids.isEmpty ? "NULL" : Array(repeating: "?", count: ids.count).joined(separator: ", ")))")
                arguments += StatementArguments(ids)
            }
            if let role {
                conditions.append("role = ?")
                arguments += [role]
            }
            let column = sortField == "id" ? "id" : "created_at"
            let sql = "SELECT * FROM users" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
                + " ORDER BY \(column) \(descending ? "DESC" : "ASC"), id LIMIT ? OFFSET ?"
            arguments += [limit, offset]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(StoredItems.user)
        }
    }
}

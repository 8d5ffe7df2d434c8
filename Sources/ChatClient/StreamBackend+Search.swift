import ChatCore
import ChatModel

/// `/search` and a find's next match, through the server's `search` (whole words, as the
/// store's index has them), and `/pinned`'s list.
extension StreamBackend {
    public func search(text: String, userID: String, limit: Int) throws -> [MessageRow] {
        let payload: JSONObject = [
            "filter_conditions": ["members": ["$in": [.string(userID)]]], "query": .string(text), "limit": .int(limit),
        ]
        return try runBlocking { try await self.searchPage(payload, viewer: userID).rows }
    }

    /// The channel's matches in time order from the newest (`older`) or the oldest, a page at a
    /// time with the `next` cursor, until one lies beyond `cursor` and is shown in the channel
    /// (not a reply kept in its thread).
    public func findMatch(text: String, cid: String, viewer: String, beyond cursor: MessageCursor, older: Bool) throws -> String? {
        let first: JSONObject = [
            "filter_conditions": ["cid": .string(cid)], "query": .string(text), "limit": 100,
            "sort": [["field": "created_at", "direction": .int(older ? -1 : 1)], ["field": "id", "direction": .int(older ? -1 : 1)]],
        ]
        return try runBlocking {
            var payload = first
            while true {
                let page = try await self.searchPage(payload, viewer: viewer)
                let found = page.rows.first { row in
                    guard let at = row.message.createdAt, row.message.parentID == nil || row.message.showInChannel == true else {
                        return false
                    }
                    let position = MessageCursor(createdAt: at, id: row.id)
                    return older ? position < cursor : cursor < position
                }
                guard found == nil, let next = page.next else { return found?.id }
                payload["next"] = .string(next)
            }
        }
    }

    /// `/pinned`: the channel's `pinned_messages` route, newest pin first.
    public func pinnedMessages(cid: String, viewer: String, limit: Int) throws -> [MessageRow] {
        let payload: JSONObject = ["limit": .int(limit)]
        return try runBlocking {
            let answer = try await self.rest.get(
                Self.channelPath(cid, "pinned_messages"),
                query: ["payload": JSONWriter().string(.object(payload))]
            )
            return (answer["messages"]?.arrayValue ?? []).compactMap {
                $0.objectValue.flatMap { StreamItems.messageRow($0, viewer: viewer) }
            }
        }
    }

    private func searchPage(_ payload: JSONObject, viewer: String) async throws -> (rows: [MessageRow], next: String?) {
        let answer = try await rest.get("search", query: ["payload": JSONWriter().string(.object(payload))])
        let rows = (answer["results"]?.arrayValue ?? []).compactMap {
            $0.objectValue?["message"]?.objectValue.flatMap { StreamItems.messageRow($0, viewer: viewer) }
        }
        return (rows, answer["next"]?.stringValue)
    }
}

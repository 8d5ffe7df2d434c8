import ChatModel
import Foundation

/// The `next` / `prev` cursors of message history and thread queries: opaque to clients, the
/// offset of a page, base64 encoded with the query's name so one query's cursor is refused
/// by another.
struct OffsetCursor {
    let query: String

    /// The offset a cursor names; 0 without one.
    func offset(_ value: JSONValue?, operation: String) throws -> Int {
        guard let text = value?.stringValue, !text.isEmpty else { return 0 }
        guard let data = Data(base64Encoded: text), let decoded = String(data: data, encoding: .utf8), decoded.hasPrefix(query + ":"),
            let offset = Int(decoded.dropFirst(query.count + 1)), offset >= 0
        else { throw StreamAPIError.input(operation, "next or prev is not a cursor this server answered") }
        return offset
    }

    /// `next` and `prev` for a page of `limit` at `offset` (`more`: there are rows past it).
    func links(offset: Int, limit: Int, more: Bool) -> JSONObject {
        var o = JSONObject()
        if more { o["next"] = .string(cursor(offset + limit)) }
        if offset > 0 { o["prev"] = .string(cursor(max(offset - limit, 0))) }
        return o
    }

    private func cursor(_ offset: Int) -> String { Data("\(query):\(offset)".utf8).base64EncodedString() }
}

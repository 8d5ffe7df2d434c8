import ChatModel
import ChatStore
import Foundation

/// `search`'s paging and order as Stream documents them: `limit` (default 100, at most 100 here),
/// either `offset` or `next` (the cursor an earlier page answered), and `sort` by `created_at`
/// or `id` (`[{"field", "direction"}]`), which Stream allows only with cursor paging, never with
/// an offset. The cursor is opaque to clients: the offset of the following page, base64 encoded.
struct SearchPage {
    let limit: Int
    let offset: Int
    let order: [(key: MessageSearch.Key, descending: Bool)]

    init(_ payload: JSONObject, operation: String) throws {
        limit = min(max(payload["limit"]?.intValue ?? 100, 1), 100)
        let sort = payload["sort"]?.arrayValue ?? []
        let next = payload["next"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        if let given = payload["offset"]?.intValue, given != 0 || !sort.isEmpty {
            guard next == nil, sort.isEmpty else {
                throw StreamAPIError.input(operation, "cannot use offset with next or sort parameters")
            }
        }
        if let next {
            guard let decoded = Data(base64Encoded: next), let text = String(data: decoded, encoding: .utf8),
                text.hasPrefix("search:"), let start = Int(text.dropFirst("search:".count)), start >= 0
            else { throw StreamAPIError.input(operation, "next is not a cursor this server answered") }
            offset = start
        } else {
            offset = max(payload["offset"]?.intValue ?? 0, 0)
        }
        order = try sort.map { item in
            guard let field = item.objectValue?["field"]?.stringValue, let key = MessageSearch.Key(rawValue: field) else {
                throw StreamAPIError.input(operation, "search sorts only by created_at and id on the local server")
            }
            return (key: key, descending: (item.objectValue?["direction"]?.intValue ?? 1) < 0)
        }
    }

    /// The cursor of the page after this one.
    var next: String { Data("search:\(offset + limit)".utf8).base64EncodedString() }
}

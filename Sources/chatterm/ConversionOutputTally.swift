import ChatImport
import ChatModel

/// What a conversion wrote, by Stream id: which users (and which of them are placeholders),
/// channels, messages per channel and members with a `last_read`. Enough to look each up in
/// the store afterwards; no item is kept.
final class ConversionOutputTally: ConvertedItemSink {
    private let next: any ConvertedItemSink
    /// The custom field that marks a placeholder (`chatkit_placeholder`, `slack_placeholder`…).
    private let placeholderField: String
    private(set) var users: [String] = []
    private(set) var placeholders: Set<String> = []
    private(set) var cids: [String] = []
    private(set) var placeholderCIDs: Set<String> = []
    private(set) var messagesPerCID: [String: Int] = [:]
    private(set) var readers: [String: Set<String>] = [:]

    init(writing next: any ConvertedItemSink, placeholderField: String) {
        self.next = next
        self.placeholderField = placeholderField
    }

    /// `type:id`, or for a distinct channel (named by its members) the id Stream gives it.
    private static func cid(_ data: JSONObject, type: String, id: String, members: String) -> String {
        let s = { (key: String) in data[key]?.stringValue ?? "" }
        if let ids = data[members]?.arrayValue { return s(type) + ":" + DistinctChannelID.make(memberIDs: ids.compactMap(\.stringValue)) }
        return s(type) + ":" + s(id)
    }

    func write(_ type: ItemType, _ data: JSONObject) throws {
        try next.write(type, data)
        let placeholder = data[placeholderField] == .bool(true)
        switch type {
        case .user:
            users.append(data["id"]?.stringValue ?? "")
            if placeholder { placeholders.insert(data["id"]?.stringValue ?? "") }
        case .channel:
            let cid = Self.cid(data, type: "type", id: "id", members: "member_ids")
            cids.append(cid)
            if placeholder { placeholderCIDs.insert(cid) }
        case .member where data["last_read"] != nil:
            readers[Self.cid(data, type: "channel_type", id: "channel_id", members: "channel_member_ids"), default: []]
                .insert(data["user_id"]?.stringValue ?? "")
        case .message:
            messagesPerCID[Self.cid(data, type: "channel_type", id: "channel_id", members: "channel_member_ids"), default: 0] += 1
        default: break
        }
    }
}

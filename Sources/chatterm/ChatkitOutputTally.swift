import ChatImport
import ChatModel

/// What a conversion wrote, by Stream id: which users (and which of them are placeholders),
/// channels, messages per channel and members with a `last_read`. Enough to look each up in
/// the store afterwards; no item is kept.
final class ChatkitOutputTally: ChatkitItemSink {
    private let next: any ChatkitItemSink
    private(set) var users: [String] = []
    private(set) var placeholders: Set<String> = []
    private(set) var cids: [String] = []
    private(set) var placeholderCIDs: Set<String> = []
    private(set) var messagesPerCID: [String: Int] = [:]
    private(set) var readers: [String: Set<String>] = [:]

    init(writing next: any ChatkitItemSink) { self.next = next }

    func write(_ type: ItemType, _ data: JSONObject) throws {
        try next.write(type, data)
        let s = { (key: String) in data[key]?.stringValue ?? "" }
        switch type {
        case .user:
            users.append(s("id"))
            if data["chatkit_placeholder"] == .bool(true) { placeholders.insert(s("id")) }
        case .channel:
            cids.append(s("type") + ":" + s("id"))
            if data["chatkit_placeholder"] == .bool(true) { placeholderCIDs.insert(s("type") + ":" + s("id")) }
        case .member where data["last_read"] != nil: readers[s("channel_type") + ":" + s("channel_id"), default: []].insert(s("user_id"))
        case .message: messagesPerCID[s("channel_type") + ":" + s("channel_id"), default: 0] += 1
        default: break
        }
    }
}

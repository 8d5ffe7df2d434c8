import ChatModel
import ChatStore
import Foundation

/// A send or an edit against its channel type's block list (`ChannelTypeConfig.blocklist`). A
/// user's are checked; a server's send only with `force_moderation`, as Stream skips moderation
/// for server-side sends. What a match does is the type's `blocklist_behavior`.
struct BlocklistCheck {
    enum Verdict {
        /// Not stored, not told: the sender gets an `error` message back, as from Stream.
        case block
        /// Stored shadowed: only its sender sees it.
        case shadowBlock
        /// Sent, then flagged for the moderators (`flag`) with this reason.
        case flag(reason: String)

        var isShadowBlock: Bool {
            if case .shadowBlock = self { true } else { false }
        }

        /// An edit can be stopped, not shadowed: others saw the message already.
        var stopsEdit: Bool {
            if case .flag = self { false } else { true }
        }
    }

    static let blockedText = "Message was blocked by moderation policies"

    let store: ChatStore

    /// What the type's list does to `text`; nil when it passes (or nothing checks it).
    func verdict(_ text: String?, config: ChannelTypeConfig, context: ServerContext, forced: Bool) throws -> Verdict? {
        guard let name = config.blocklist, let text, !text.isEmpty, context.actor != .server || forced else { return nil }
        guard let word = try store.blocklistMatcher(name: name)?.match(in: text) else { return nil }
        switch config.blocklistBehavior {
        case "block": return .block
        case "shadow_block": return .shadowBlock
        default: return .flag(reason: "blocklist \(name): \(word)")
        }
    }

    /// The flag a match leaves on the stored message: by no user (`created_by_automod`).
    func flag(messageID: String, reason: String) throws {
        let flag = ModerationFlag(
            id: UUID().uuidString.lowercased(),
            createdBy: "",
            targetMessageID: messageID,
            targetUserID: nil,
            reason: reason,
            custom: [:],
            createdAt: .now()
        )
        _ = try store.add(flag: flag)
    }
}

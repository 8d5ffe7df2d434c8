import ChatModel

/// Loads answer later (the runtime makes them off the input loop), and the reader may have
/// moved on by then. Pages say which channel they are for and the window takes only its own;
/// a thread or a message's details would open wherever the reader is now, so the reducer
/// remembers which it asked for and drops an answer it no longer wants.
extension ChatReducer {
    /// False for an answer to a load the reader has moved away from.
    static func isWanted(_ event: ChatEvent, in s: ChatState) -> Bool {
        switch event {
        case .threadLoaded(let root, _):
            // A thread asked for (and not closed since), or the open one reloaded after a drop,
            // and either way one of the open channel's.
            return root.message.cid == s.openCID && (s.awaited.threadRootID == root.id || s.thread?.root.id == root.id)
        case .detailsLoaded(let details):
            return s.awaited.detailsID == details.row.id && s.modes.selection?.messageID == details.row.id
        default:
            return true
        }
    }

    /// Notes the loads `effects` ask for, forgets the ones `event` answered, and those the
    /// reader walked away from: Esc closes what has not appeared yet too; details are of the
    /// selected message only.
    static func trackAwaited(_ event: ChatEvent, _ effects: [ChatEffect], _ s: inout ChatState) {
        switch event {
        case .dismiss: s.awaited = AwaitedLoads()
        case .threadLoaded:
            s.awaited.threadRootID = nil
            s.awaited.threadReplyID = nil
        case .detailsLoaded: s.awaited.detailsID = nil
        default: break
        }
        if s.awaited.detailsID != s.modes.selection?.messageID { s.awaited.detailsID = nil }
        for effect in effects {
            switch effect {
            case .loadThread(let id): s.awaited.threadRootID = id
            case .loadDetails(let id): s.awaited.detailsID = id
            default: break
            }
        }
    }
}

/// The thread and the details asked for and not yet shown.
public struct AwaitedLoads: Sendable, Equatable {
    public var threadRootID: String?
    /// The reply a search or the mentions view found: selected when its thread arrives.
    public var threadReplyID: String?
    public var detailsID: String?
    public init() {}
}

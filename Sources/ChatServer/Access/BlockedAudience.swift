import ChatModel
import ChatStore

/// Blocks as Stream applies them to events: only in 1-on-1 channels (two members), the blocker
/// hears nothing of what the user they block does there.
enum BlockedAudience {
    /// `audience` (nil: everyone who may read the channel) without the other member of a
    /// 1-on-1 channel when they block `actor`.
    static func narrowed(_ audience: Set<String>?, actor: String, members: [MemberRow]) -> Set<String>? {
        guard members.count == 2, let other = members.first(where: { $0.user.id != actor })?.user,
            other.blockedUserIDs?.contains(actor) == true
        else { return audience }
        return (audience ?? Set(members.map(\.user.id))).subtracting([other.id])
    }
}

import ChatModel

extension Message {
    /// Who may hear of this message: with `restricted_visibility`, the users it names and
    /// its author; nil is everyone who may read the channel.
    var audience: Set<String>? {
        guard let names = restrictedVisibility, !names.isEmpty else { return nil }
        return Set(names + [userID])
    }
}

extension Message {
    /// Whether this message calls on `userID`: named in `mentioned_users`, or an `@here` /
    /// `@channel` message (`mentioned_here` / `mentioned_channel`), which calls on every member.
    /// The author is never called on by their own message.
    public func mentions(_ userID: String) -> Bool {
        guard userID != self.userID else { return false }
        return mentionedUserIDs?.contains(userID) == true || mentionedHere == true || mentionedChannel == true
    }
}

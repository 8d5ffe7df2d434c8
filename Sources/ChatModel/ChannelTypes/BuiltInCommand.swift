/// The slash commands every app has (Stream's Command objects); a channel type lists which of
/// them its channels run. `"all"` in a channel type's `commands` means every one of these.
public enum BuiltInCommand: String, Sendable, CaseIterable {
    case giphy, ban, unban, mute, unmute

    public var description: String {
        switch self {
        case .giphy: "Post a random gif to the channel"
        case .ban: "Ban a user"
        case .unban: "Unban a user"
        case .mute: "Mute a user"
        case .unmute: "Unmute a user"
        }
    }

    public var args: String {
        switch self {
        case .giphy: "[text]"
        case .ban: "[@username] [text]"
        case .unban, .mute, .unmute: "[@username]"
        }
    }

    /// The command set Stream files it under.
    public var set: String { self == .giphy ? "fun_set" : "moderation_set" }
}

import ChatModel

/// Stream's reaction names as emoji (`like` → 👍, and Slack's `+1::skin-tone-3` → 👍🏼); unknown
/// names stay as `:name:`.
enum ReactionEmoji {
    static func symbol(for type: String) -> String { Shortcodes.emoji(named: type) ?? ":" + type + ":" }

    /// Symbols for the chips of one message: where two of its types share an emoji (`like`
    /// and `+1` are both 👍), the first keeps it and the others show as `:name:`, so no two
    /// chips look alike.
    static func symbols(for types: [String]) -> [String] {
        var shown: Set<String> = []
        return types.map { type in
            let symbol = symbol(for: type)
            return shown.insert(symbol).inserted ? symbol : ":" + type + ":"
        }
    }
}

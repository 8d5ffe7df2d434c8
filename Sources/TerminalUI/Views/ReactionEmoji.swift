/// Stream's reaction names as emoji (`like` → 👍); unknown names stay as `:name:`.
enum ReactionEmoji {
    static let table: [String: String] = [
        "like": "👍", "+1": "👍", "thumbsup": "👍", "love": "❤️", "heart": "❤️", "haha": "😂", "laugh": "😂", "joy": "😂",
        "wow": "😮", "sad": "😢", "angry": "😠", "fire": "🔥", "tada": "🎉", "rocket": "🚀", "eyes": "👀", "100": "💯",
        "clap": "👏", "smile": "😄", "pray": "🙏", "thumbsdown": "👎", "-1": "👎", "check": "✅",
    ]

    static func symbol(for type: String) -> String { table[type] ?? ":" + type + ":" }
}

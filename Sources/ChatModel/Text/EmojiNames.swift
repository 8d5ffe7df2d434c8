/// Emoji by the names Stream's reaction types and chat clients use (`like` → 👍): one table for
/// the reaction chips and for completing `:name` in the composer.
public enum EmojiNames {
    public static let table: [String: String] = [
        "like": "👍", "+1": "👍", "thumbsup": "👍", "love": "❤️", "heart": "❤️", "haha": "😂", "laugh": "😂", "joy": "😂",
        "wow": "😮", "sad": "😢", "angry": "😠", "fire": "🔥", "tada": "🎉", "rocket": "🚀", "eyes": "👀", "100": "💯",
        "clap": "👏", "smile": "😄", "pray": "🙏", "thumbsdown": "👎", "-1": "👎", "check": "✅",
    ]

    /// The emoji whose names start with `prefix`, each once, in the order of their first name.
    public static func matching(_ prefix: String) -> [String] {
        var seen: Set<String> = []
        return table.keys.filter { $0.hasPrefix(prefix.lowercased()) }.sorted().compactMap { name in
            let emoji = table[name]!
            return seen.insert(emoji).inserted ? emoji : nil
        }
    }
}

/// Emoji by name, one table for every place chatterm meets an emoji's name: reaction chips
/// (Stream's reaction types: `like` → 👍), `:name` completion in the composer, `:name:`
/// shortcodes in messages (typed, or imported from Slack and Mattermost, which store emoji so),
/// and the `:shortcode:` text the client shows for emoji when asked to.
///
/// The names are those of `EmojiNameData.swift`, generated from Unicode's emoji list: Slack's
/// `flag-xx`, the names gemoji, Slack and Mattermost share, and CLDR's; Stream's reaction
/// types name emoji too.
public enum EmojiNames {
    /// Every name → its emoji, fully qualified (VS16 where the emoji needs it to be drawn as one).
    public static let table: [String: String] = parsed.byName

    /// The preferred name of `key`, an emoji written without VS16 and without a skin tone.
    public static func name(ofUnqualified key: String) -> String? { parsed.byKey[key] }

    /// The emoji with a name that starts with `prefix`, each once, the most used first.
    public static func matching(_ prefix: String) -> [String] {
        let prefix = prefix.lowercased()
        let found = Set(table.lazy.filter { $0.key.hasPrefix(prefix) }.map(\.value))
        return found.sorted { (parsed.rank[$0] ?? .max, $0) < (parsed.rank[$1] ?? .max, $1) }
    }

    /// Stream's reaction types and short forms people type that name no emoji in the data.
    private static let aliases: [String: String] = [
        "like": "👍", "love": "❤️", "haha": "😂", "laugh": "😂", "wow": "😮", "sad": "😢", "check": "✅",
    ]

    /// The data's lines read once: each name's emoji, each emoji's first name by its key without
    /// VS16, and each emoji's line (the most used come first).
    private static let parsed: (byName: [String: String], byKey: [String: String], rank: [String: Int]) = {
        var byName = aliases
        var byKey: [String: String] = [:]
        var rank: [String: Int] = [:]
        for (index, line) in data.split(separator: "\n").enumerated() {
            let fields = line.split(separator: " ")
            guard let emoji = fields.first.map(String.init), fields.count > 1 else { continue }
            byKey[String(String.UnicodeScalarView(emoji.unicodeScalars.filter { $0 != "\u{FE0F}" }))] = String(fields[1])
            rank[emoji] = index
            // The generator gives each name to one emoji; a reaction type keeps its own.
            for name in fields.dropFirst() where byName[String(name)] == nil { byName[String(name)] = emoji }
        }
        return (byName, byKey, rank)
    }()
}

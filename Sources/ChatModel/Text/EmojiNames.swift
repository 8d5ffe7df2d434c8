/// Emoji by name, one table for every place chatterm meets an emoji's name: reaction chips
/// (Stream's reaction types: `like` → 👍), `:name` completion in the composer, `:name:`
/// shortcodes in messages (typed, or imported from Slack and Mattermost, which store emoji so),
/// and the `:shortcode:` text the client shows for emoji when asked to.
///
/// Names follow GitHub's gemoji, which Slack and Mattermost mostly share; Stream's reaction
/// types and the usual aliases name the same emoji too.
public enum EmojiNames {
    /// Every name → its emoji, fully qualified (VS16 where the emoji needs it to be drawn as one).
    public static let table: [String: String] = {
        var table = aliases
        for (emoji, name) in names { table[name] = qualified(emoji) }
        return table
    }()

    /// The gemoji name of `key`, an emoji written without VS16 and without a skin tone.
    public static func name(ofUnqualified key: String) -> String? { names[key] }

    /// The emoji whose names start with `prefix`, each once, in the order of their first name.
    public static func matching(_ prefix: String) -> [String] {
        var seen: Set<String> = []
        return table.keys.filter { $0.hasPrefix(prefix.lowercased()) }.sorted().compactMap { name in
            let emoji = table[name]!
            return seen.insert(emoji).inserted ? emoji : nil
        }
    }

    /// `key` with VS16 after each scalar that is drawn as text unless asked (❤ → ❤️), as
    /// Unicode's fully-qualified sequences have it.
    static func qualified(_ key: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in key.unicodeScalars {
            out.append(scalar)
            if scalar.value > 0x7F, scalar.properties.isEmoji, !scalar.properties.isEmojiPresentation {
                out.append("\u{FE0F}")
            }
        }
        return String(out)
    }

    /// Names for emoji that gemoji names otherwise: Stream's reaction types and the short
    /// forms people type.
    private static let aliases: [String: String] = [
        "like": "👍", "+1": "👍", "love": "❤️", "haha": "😂", "laugh": "😂", "wow": "😮", "sad": "😢",
        "-1": "👎", "check": "✅",
    ]

    /// The most used emoji in chat reactions and messages, by their gemoji name. Keys are written
    /// without VS16 and without skin tones.
    private static let names: [String: String] = [
        "😀": "grinning", "😃": "smiley", "😄": "smile", "😁": "grin", "😆": "laughing",
        "😅": "sweat_smile", "🤣": "rofl", "😂": "joy", "🙂": "slightly_smiling_face",
        "🙃": "upside_down_face", "😉": "wink", "😊": "blush", "😇": "innocent", "😍": "heart_eyes",
        "😘": "kissing_heart", "😋": "yum", "😜": "stuck_out_tongue_winking_eye", "🤔": "thinking",
        "🤗": "hugs", "😐": "neutral_face", "🙄": "roll_eyes", "😏": "smirk", "😬": "grimacing",
        "😌": "relieved", "😴": "sleeping", "😎": "sunglasses", "😕": "confused", "😮": "open_mouth",
        "😲": "astonished", "😳": "flushed", "🥺": "pleading_face", "😢": "cry", "😭": "sob",
        "😱": "scream", "😠": "angry", "😡": "rage", "🤯": "exploding_head", "🥳": "partying_face",
        "🫠": "melting_face", "🤷": "shrug", "🤦": "facepalm", "👍": "thumbsup", "👎": "thumbsdown",
        "👌": "ok_hand", "\u{270C}": "v", "🤞": "crossed_fingers", "👏": "clap", "🙌": "raised_hands",
        "🙏": "pray", "👋": "wave", "💪": "muscle", "🤝": "handshake", "👀": "eyes", "\u{2764}": "heart",
        "💔": "broken_heart", "💖": "sparkling_heart", "💯": "100", "🔥": "fire", "✨": "sparkles",
        "⭐": "star", "🎉": "tada", "🎊": "confetti_ball", "🚀": "rocket", "✅": "white_check_mark",
        "❌": "x", "\u{26A0}": "warning", "❓": "question", "❗": "exclamation", "💡": "bulb",
        "📝": "memo", "📌": "pushpin", "📎": "paperclip", "🐛": "bug", "☕": "coffee", "🍕": "pizza",
        "🍻": "beers", "🤖": "robot", "👻": "ghost", "🙈": "see_no_evil",
        "\u{1F469}\u{200D}\u{1F4BB}": "woman_technologist", "\u{1F468}\u{200D}\u{1F4BB}": "man_technologist",
        "\u{2764}\u{200D}\u{1F525}": "heart_on_fire", "\u{1F3F3}\u{200D}\u{1F308}": "rainbow_flag",
    ]
}

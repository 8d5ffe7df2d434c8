/// `:name:` shortcodes in a message's text made emoji: as people type them (gomuks and
/// matterhorn send `:tada:` as 🎉), and as Slack and Mattermost exports store every emoji, so
/// their history reads as it did there. A skin tone follows as Slack writes it,
/// `:thumbsup::skin-tone-4:` (👍🏽), the form `EmojiShortcodes` writes emoji back as text.
///
/// Only names `EmojiNames` knows change, and never inside code (`` `x:y:` ``, fenced blocks)
/// or a URL, nor where a letter or digit touches either colon (`12:30:45`, `a:b:c`).
public enum Shortcodes {
    /// `text` with its shortcodes replaced by their emoji.
    public static func emojified(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: ":")) else { return text }
        let characters = Array(text)
        var out = ""
        var i = 0
        while i < characters.count {
            let character = characters[i]
            if character == "`" {
                let end = endOfCode(characters, from: i)
                out.append(contentsOf: characters[i..<end])
                i = end
                continue
            }
            if character == ":", !touches(characters, i - 1), let (emoji, end) = shortcode(characters, at: i),
                !inURL(characters, at: i)
            {
                out += emoji
                i = end
                continue
            }
            out.append(character)
            i += 1
        }
        return out
    }

    /// The emoji a reaction type or shortcode name stands for: `tada`, or Slack's
    /// `+1::skin-tone-3` with its tone.
    public static func emoji(named name: String) -> String? {
        let characters = Array(":" + name + ":")
        guard let (emoji, end) = shortcode(characters, at: 0), end == characters.count else { return nil }
        return emoji
    }

    /// The emoji of the shortcode whose first colon is at `start` and where the text resumes
    /// after it, a skin tone included.
    private static func shortcode(_ characters: [Character], at start: Int) -> (String, Int)? {
        guard let (name, end) = name(characters, at: start), !touches(characters, end) else { return nil }
        if let tone = tones[name] { return (String(tone), end) }
        guard let emoji = EmojiNames.table[name] else { return nil }
        guard let (toneName, toneEnd) = self.name(characters, at: end), let tone = tones[toneName], !touches(characters, toneEnd)
        else { return (emoji, end) }
        return (toned(emoji, tone), toneEnd)
    }

    /// The name between the colon at `start` and the next, and the index past that colon.
    private static func name(_ characters: [Character], at start: Int) -> (String, Int)? {
        guard start < characters.count, characters[start] == ":" else { return nil }
        var end = start + 1
        while end < characters.count, let ascii = characters[end].asciiValue, nameBytes.contains(ascii) { end += 1 }
        guard end > start + 1, end < characters.count, characters[end] == ":" else { return nil }
        return (String(characters[start + 1..<end]), end + 1)
    }

    /// `emoji` in skin tone `tone`: the tone follows the first scalar when that takes one, in
    /// place of its VS16 (👍🏽, ✌🏻, 👩🏼‍💻); otherwise the swatch stands after the emoji.
    private static func toned(_ emoji: String, _ tone: Unicode.Scalar) -> String {
        var scalars = Array(emoji.unicodeScalars)
        guard let first = scalars.first, first.properties.isEmojiModifierBase else { return emoji + String(tone) }
        if scalars.count > 1, scalars[1] == "\u{FE0F}" { scalars.remove(at: 1) }
        scalars.insert(tone, at: 1)
        return String(String.UnicodeScalarView(scalars))
    }

    /// Whether the character at `index` is a letter or digit, which keeps the colon beside it
    /// from being a shortcode's.
    private static func touches(_ characters: [Character], _ index: Int) -> Bool {
        guard characters.indices.contains(index) else { return false }
        return characters[index].isLetter || characters[index].isNumber
    }

    /// Where the code that the backticks at `start` open ends: past the same number of
    /// backticks closing it (Markdown's code spans and fences), or past the backticks alone
    /// when nothing closes them.
    private static func endOfCode(_ characters: [Character], from start: Int) -> Int {
        var run = start
        while run < characters.count, characters[run] == "`" { run += 1 }
        let length = run - start
        var i = run
        while i < characters.count {
            guard characters[i] == "`" else {
                i += 1
                continue
            }
            var closing = i
            while closing < characters.count, characters[closing] == "`" { closing += 1 }
            if closing - i == length { return closing }
            i = closing
        }
        return run
    }

    /// Whether the word around `index` is a URL, whose colons and paths are its own.
    private static func inURL(_ characters: [Character], at index: Int) -> Bool {
        var start = index
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        var end = index
        while end < characters.count, !characters[end].isWhitespace { end += 1 }
        return String(characters[start..<end]).contains("://")
    }

    /// Slack's names of the five Fitzpatrick modifiers, 2 to 6 (types 1 and 2 share a swatch).
    private static let tones: [String: Unicode.Scalar] = Dictionary(
        uniqueKeysWithValues: (2...6).map { ("skin-tone-\($0)", Unicode.Scalar(0x1F3FB + UInt32($0 - 2))!) }
    )

    /// What a name is made of: lowercase ASCII letters, digits, `_`, `+` and `-`.
    private static let nameBytes: Set<UInt8> = Set(Array("abcdefghijklmnopqrstuvwxyz0123456789_+-".utf8))
}

import ChatModel

/// `:shortcode:` text for emoji, for the "textize emoji" toggle (terminal-clients.md §7.10):
/// terminals without emoji fonts, or users who prefer `:thumbsup:` to 👍, as in nchat and iamb.
///
/// Names are `EmojiNames`' (GitHub's gemoji) where it has one, so `Shortcodes` reads them back;
/// skin tones follow Slack (`:skin-tone-4:`).
/// Emoji not in the table (sequences newer than it, or made up) get a name that still says what
/// they are: `:flag-xx:` for flags, else the code points (`:U+1F43B-1F415:`).
public enum EmojiShortcodes {
    /// The shortcode for an emoji cluster, e.g. ":thumbsup:" or ":thumbsup::skin-tone-4:".
    public static func shortcode(for character: Character) -> String {
        var key = String.UnicodeScalarView()
        var skinTone: Unicode.Scalar?
        for scalar in character.unicodeScalars where scalar != "\u{FE0F}" {
            if scalar.properties.isEmojiModifier {
                skinTone = skinTone ?? scalar
            } else {
                key.append(scalar)
            }
        }
        // Slack numbers the five Fitzpatrick modifiers 2 to 6 (types 1 and 2 share a swatch).
        let tone = skinTone.map { ":skin-tone-\($0.value - 0x1F3FB + 2):" } ?? ""
        if key.isEmpty { return tone }
        return ":" + (EmojiNames.name(ofUnqualified: String(key)) ?? derivedName(key)) + ":" + tone
    }

    /// `text` with every emoji (or those `replacing` picks) replaced by its shortcode. Apply it
    /// before wrapping, so that the layout measures the text that will be drawn.
    public static func textize(
        _ text: SanitizedText,
        replacing: (Character) -> Bool = DisplayWidth.isEmoji
    ) -> SanitizedText {
        if text.value.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var result = ""
        for character in text.value {
            if replacing(character) {
                result += shortcode(for: character)
            } else {
                result.append(character)
            }
        }
        // Shortcodes are printable ASCII, so the result is as clean as the input.
        return SanitizedText(alreadySanitized: result)
    }

    private static func derivedName(_ key: String.UnicodeScalarView) -> String {
        let scalars = Array(key)
        if scalars.count == 2, scalars.allSatisfy(DisplayWidth.isRegionalIndicator) {
            let letters = scalars.map { Character(Unicode.Scalar($0.value - 0x1F1E6 + 0x61)!) }
            return "flag-" + String(letters)
        }
        let codes = scalars.filter { $0 != "\u{200D}" }.map { String($0.value, radix: 16, uppercase: true) }
        return "U+" + codes.joined(separator: "-")
    }
}

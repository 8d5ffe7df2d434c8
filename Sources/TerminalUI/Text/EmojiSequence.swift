import ChatModel

/// The kinds of emoji sequence: clusters of several scalars that the layout gives two cells
/// (`DisplayWidth.isEmojiSequence`) and that terminals draw in two cells, or do not, depending on
/// their age (terminal-clients.md §5, §6.4). tmux 3.3a, for one, joins ZWJ sequences and flags
/// into two cells but draws a skin tone as a swatch of its own (four cells in all) and a VS16
/// emoji in one cell. `EmojiProbe` measures each kind on the terminal at start; the kinds it
/// draws in more than two cells are shown as `:shortcode:` (`RenderContext.text`).
public enum EmojiSequence: String, CaseIterable, Sendable {
    /// Two regional indicators: 🇫🇷.
    case flag
    /// 🏴 and tag characters: a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
    case tagged
    /// Emoji joined by ZWJ: 👩‍💻, 🏳️‍🌈.
    case joined
    /// An emoji with a skin tone (Fitzpatrick modifier): 👍🏽.
    case skinTone
    /// A digit, `#` or `*` with the keycap mark: 1️⃣.
    case keycap
    /// An emoji with VS16 (emoji presentation) and nothing else: ❤️.
    case presentation

    /// The kinds `character` is made of (👩🏽‍💻 is joined and has a skin tone); empty when it is
    /// not an emoji sequence. A terminal draws it in two cells only if it does every one.
    public static func kinds(of character: Character) -> [EmojiSequence] {
        let scalars = character.unicodeScalars
        guard DisplayWidth.isEmojiSequence(scalars), let first = scalars.first else { return [] }
        if DisplayWidth.isRegionalIndicator(first) { return [.flag] }
        var kinds: [EmojiSequence] = []
        if scalars.contains(where: UnsafeScalar.isTag) { kinds.append(.tagged) }
        if scalars.contains("\u{200D}") { kinds.append(.joined) }
        if scalars.contains(where: \.properties.isEmojiModifier) { kinds.append(.skinTone) }
        if scalars.contains("\u{20E3}") { kinds.append(.keycap) }
        if kinds.isEmpty { kinds.append(.presentation) }
        return kinds
    }

    /// What `EmojiProbe` writes to measure this kind.
    public var sample: String {
        switch self {
        case .flag: return "🇫🇷"
        case .tagged: return "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
        case .joined: return "👩\u{200D}💻"
        case .skinTone: return "👍🏽"
        case .keycap: return "1\u{FE0F}\u{20E3}"
        case .presentation: return "❤\u{FE0F}"
        }
    }
}

import ChatModel

/// What a view needs besides the state: the theme, the reader's clock offset, and display options.
public struct RenderContext: Sendable {
    public var theme: Theme
    /// The reader's offset from UTC, for times and date separators (tests use 0).
    public var utcOffsetSeconds: Int
    /// Show emoji as `:shortcode:` text.
    public var asciiEmoji: Bool
    /// The kinds of emoji sequence the terminal draws in their two cells (`Screen.emojiSequences`);
    /// sequences of the other kinds are shown as `:shortcode:`.
    public var emojiSequences: Set<EmojiSequence>
    /// The widest a message is laid out, in columns: lines much longer are hard to read on a
    /// wide terminal, so past this the message column stays blank on the right.
    public var maxMessageWidth: Int
    /// How message times are written (the config's `timestamps`, `/timestamps`).
    public var timestamps: TimestampFormat
    /// The user's key bindings: the help and the status bar's hints show them.
    public var keys: KeyMap
    /// URLs in messages are OSC 8 hyperlinks (`--no-hyperlinks`, `hyperlinks = false`: not).
    public var hyperlinks: Bool
    /// Messages' texts wrapped and their links found, kept from frame to frame: shared by the
    /// copies of this context, each entry checked against the options it was made with.
    let wrappedTexts = WrappedTexts()

    public init(
        theme: Theme,
        utcOffsetSeconds: Int = 0,
        asciiEmoji: Bool = false,
        emojiSequences: Set<EmojiSequence> = Set(EmojiSequence.allCases),
        maxMessageWidth: Int = 100,
        timestamps: TimestampFormat = .h24,
        keys: KeyMap = .standard,
        hyperlinks: Bool = true
    ) {
        self.theme = theme
        self.utcOffsetSeconds = utcOffsetSeconds
        self.asciiEmoji = asciiEmoji
        self.emojiSequences = emojiSequences
        self.maxMessageWidth = maxMessageWidth
        self.timestamps = timestamps
        self.keys = keys
        self.hyperlinks = hyperlinks
    }

    public func style(_ name: String) -> Style { theme.style(name) }

    /// Untrusted text made safe for the screen, with emoji as text when asked.
    public func text(_ untrusted: String, singleLine: Bool = false) -> SanitizedText {
        let clean = SanitizedText(untrusted: untrusted)
        let chosen = singleLine ? clean.singleLine : clean
        // Shortcodes are wider than the emoji they stand for, so they replace them before layout.
        if asciiEmoji { return EmojiShortcodes.textize(chosen) }
        if emojiSequences.count == EmojiSequence.allCases.count { return chosen }
        let drawn = emojiSequences
        return EmojiShortcodes.textize(chosen) { character in
            !EmojiSequence.kinds(of: character).allSatisfy(drawn.contains)
        }
    }

    /// A message's text, as `text(_:singleLine:)` makes it, with its `:name:` shortcodes drawn
    /// as their emoji: Slack's and Mattermost's history stores every emoji so. Shown as text
    /// anyway when emoji are (`--ascii-emoji`), so those keep the names their author wrote.
    public func messageText(_ untrusted: String, singleLine: Bool = false) -> SanitizedText {
        text(asciiEmoji ? untrusted : Shortcodes.emojified(untrusted), singleLine: singleLine)
    }

    /// The client's own words.
    public func label(_ text: String) -> SanitizedText { SanitizedText.trusted(text) }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    func clock(_ t: Timestamp) -> String { timestamps.short(t.civil(utcOffsetSeconds: utcOffsetSeconds)) }

    /// The full date and time, for details and search results.
    func fullTime(_ t: Timestamp) -> String { timestamps.full(t.civil(utcOffsetSeconds: utcOffsetSeconds)) }

    /// The date and the minute, for search results in a narrow terminal.
    func datedTime(_ t: Timestamp) -> String { timestamps.dated(t.civil(utcOffsetSeconds: utcOffsetSeconds)) }

    func dateLine(_ t: Timestamp) -> String {
        let c = t.civil(utcOffsetSeconds: utcOffsetSeconds)
        return "\(Self.dayNames[c.weekday]), \(c.day) \(Self.monthNames[c.month - 1]) \(c.year)"
    }
}

/// A piece of a line: text and how it looks.
struct Segment {
    var text: SanitizedText
    var style: Style
    /// The OSC 8 target of a link shown by this text (`Hyperlink`).
    var link: String? = nil
    /// A reaction chip's type: a click on the chip toggles the reader's reaction of it.
    var reaction: String? = nil
}

/// One line of a view: segments from a left indent, and the message it belongs to (for selection).
struct ViewLine {
    var segments: [Segment]
    var indent = 0
    var messageID: String?
    /// Fill the rest of the line with the last segment's background (separators, bars).
    var fillStyle: Style?
    /// A bar in the gutter left of the line, in this style (a message that mentions you).
    var mark: Style?

    func draw(into frame: inout Frame, x: Int, y: Int, width: Int) {
        if let fillStyle { frame.fill(x: x, y: y, width: width, height: 1, style: fillStyle) }
        var column = x + indent
        for segment in segments where column < x + width {
            let used = frame.put(
                segment.text,
                x: column,
                y: y,
                maxWidth: x + width - column,
                ellipsis: true,
                style: segment.style,
                link: segment.link
            )
            // The chip without the space that follows it.
            if let type = segment.reaction, let messageID {
                frame.hits.add(Rect(x: column, y: y, width: used - 1, height: 1), .reaction(messageID: messageID, type: type))
            }
            column += used
        }
    }
}

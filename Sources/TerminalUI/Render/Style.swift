/// A terminal colour: the terminal's own, one of the 16 ANSI colours, or a 256-palette index.
public enum TerminalColor: Hashable, Sendable {
    case terminalDefault
    /// 0–7 normal, 8–15 bright: black, red, green, yellow, blue, magenta, cyan, white.
    case ansi(UInt8)
    /// 0–255 of the xterm palette (16–231 colour cube, 232–255 greys).
    case indexed(UInt8)
}

/// Text attributes a cell can carry (ncurses A_*).
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
    public static let blink = TextAttributes(rawValue: 1 << 5)
    public static let standout = TextAttributes(rawValue: 1 << 6)
}

/// How a cell looks. Themes produce styles; the frame stores one per cell.
public struct Style: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(
        foreground: TerminalColor = .terminalDefault,
        background: TerminalColor = .terminalDefault,
        attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()
}

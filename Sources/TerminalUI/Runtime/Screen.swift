import CNCurses

#if canImport(Glibc)
import Glibc
#endif

/// The only code that talks to ncurses: it draws the cells of a frame that changed since the
/// last one, and turns key codes into `Key`s.
///
/// A cell holds a whole grapheme cluster. ncurses draws every cell but those holding an emoji
/// sequence (👩‍💻, 🇫🇷, 👍🏽, ❤️): a cchar_t keeps one spacing character and ncurses counts a cell
/// by its first scalar, so it would cut 👩‍💻 to 👩 and take 🇫🇷 for one cell. Under those
/// ncurses draws two blanks of the cell's style, and after its refresh the screen writes the
/// sequence itself at that place (cursor address, colours, text), then puts the cursor back
/// where ncurses left it. A terminal that draws the sequence in one cell leaves the second
/// blank; the kinds it would draw wider are not handed to it (`emojiSequences`).
public final class Screen {
    private var previous: Frame?
    private var pairs: [PairKey: Int16] = [:]
    private let colors: Bool
    /// Mouse reports asked of the terminal (`--no-mouse`, `mouse = false`: never asked).
    private let mouse: Bool
    /// The kinds of emoji sequence this terminal draws in their two cells, measured at start.
    public let emojiSequences: Set<EmojiSequence>

    private struct PairKey: Hashable {
        var fg: TerminalColor, bg: TerminalColor
    }

    /// Takes over the terminal. `colors: false` (NO_COLOR, or a theme without colour) never
    /// starts colour; `mouse: false` never asks the terminal for mouse reports.
    public init(colors: Bool, mouse: Bool = true) {
        self.mouse = mouse
        setlocale(LC_ALL, "")
        initscr()
        raw()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        // A terminal whose description names a mouse key (xterm's `kmous=\E[<`) would have
        // ncurses swallow the reports as KEY_MOUSE; read as bytes, they are parsed here.
        keyok(KEY_MOUSE, false)
        // Alt-x arrives as ESC x: wait only briefly for the x, so a lone Esc stays quick.
        set_escdelay(25)
        // A refresh is never cut short for pending keys: the emoji sequences written after it
        // must land on rows ncurses has finished.
        typeahead(-1)
        curs_set(0)
        self.colors = colors && has_colors()
        if self.colors {
            start_color()
            use_default_colors()
        }
        refresh()  // ncurses' own setup reaches the terminal before the probe's questions
        emojiSequences = EmojiProbe.drawnKinds()
        clearok(cn_stdscr(), true)
        // Bracketed paste: the terminal marks pasted text, so a paste of many lines arrives as
        // one `Key.paste` instead of keys that would send each line.
        Self.write(modesOn)
    }

    /// The private modes the client turns on: bracketed paste, focus reports (whether the
    /// reader sees the open channel decides whether its messages notify), and mouse reports
    /// unless told not to.
    private var modesOn: String { Self.pasteOn + Self.focusOn + (mouse ? MouseEvent.reportingOn : "") }
    private var modesOff: String { (mouse ? MouseEvent.reportingOff : "") + Self.focusOff + Self.pasteOff }

    static let pasteOn = "\u{1B}[?2004h", pasteOff = "\u{1B}[?2004l"
    static let focusOn = "\u{1B}[?1004h", focusOff = "\u{1B}[?1004l"
    /// The final byte of a focus report after ESC [: `I` gained, `O` lost.
    static let focusReports: [UInt32: Bool] = [73: true, 79: false]
    static let pasteStart: [UInt32] = Array("[200~".unicodeScalars.map(\.value))
    static let pasteEnd: [UInt32] = Array("\u{1B}[201~".unicodeScalars.map(\.value))

    /// Straight to the terminal: ncurses has no call for private modes such as bracketed paste.
    static func write(_ sequence: String) {
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBufferPointer { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// Lends the terminal to another program (an editor): ncurses steps aside until `resume`.
    public func suspend() {
        Self.write(modesOff)
        def_prog_mode()
        endwin()
    }

    public func resume() {
        reset_prog_mode()
        Self.write(modesOn)
        invalidate()
    }

    /// Gives the terminal back as it was.
    public func close() {
        Self.write(modesOff)
        endwin()
    }

    public var size: (width: Int, height: Int) { (Int(cn_cols()), Int(cn_lines())) }

    /// How many colours the terminal has (0 when colour is off).
    public var colorCount: Int { colors ? Int(cn_colors()) : 0 }

    /// Forget what is on screen, so the next `draw` repaints everything (resize, Ctrl-L).
    public func invalidate() {
        previous = nil
        clearok(cn_stdscr(), true)
    }

    public func draw(_ frame: Frame) {
        let full = previous.map { $0.width != frame.width || $0.height != frame.height } ?? true
        if full { erase() }
        let known = full ? nil : previous
        let cells = frame.cellsToDraw(since: known)
        for (x, y) in cells {
            let cell = frame[x, y]
            guard cell.holdsEmojiSequence else {
                put(cell, x: x, y: y)
                continue
            }
            let blank = Frame.Cell(text: " ", style: cell.style)
            put(blank, x: x, y: y)
            if x + 1 < frame.width { put(blank, x: x + 1, y: y) }
        }
        // ncurses repaints these rows whole (it may write over a sequence it knows as blanks,
        // or keep blanks it believes are there while a sequence shows; it skips a cell whose
        // text stayed while its link went), then their sequences and links are written.
        let sequenceRows = frame.rowsWithEmojiSequences(changedAmong: cells, since: known)
        let linkRows = frame.rowsWithLinks(changedAmong: cells, since: known)
        for y in Set(sequenceRows + linkRows) { wredrawln(cn_stdscr(), Int32(y), 1) }
        if let cursor = frame.cursor {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        refresh()
        writeDirectly(frame, sequenceRows: sequenceRows, linkRows: linkRows)
        previous = frame
    }

    /// Writes the emoji sequences of `sequenceRows` over the blanks ncurses drew for them, and
    /// the linked runs of `linkRows` again inside their OSC 8 hyperlinks; then puts the cursor
    /// and the attributes back as ncurses left them (at its cursor, attributes reset).
    private func writeDirectly(_ frame: Frame, sequenceRows: [Int], linkRows: [Int]) {
        var output = ""
        for y in sequenceRows {
            for x in 0..<frame.width where frame[x, y].holdsEmojiSequence && frame[x, y].link == 0 {
                output += "\u{1B}[\(y + 1);\(x + 1)H" + selectGraphicRendition(frame[x, y].style) + frame[x, y].text
            }
        }
        for y in linkRows {
            for run in frame.linkRuns(row: y, sgr: selectGraphicRendition) { output += "\u{1B}[\(y + 1);\(run.x + 1)H" + run.text }
        }
        guard !output.isEmpty else { return }
        Self.write(output + "\u{1B}[0m\u{1B}[\(cn_cury() + 1);\(cn_curx() + 1)H")
    }

    /// The SGR sequence for `style`, as ncurses would set it for a cell of that style.
    private func selectGraphicRendition(_ style: Style) -> String {
        var codes = ["0"]
        let a = style.attributes
        if a.contains(.bold) { codes.append("1") }
        if a.contains(.dim) { codes.append("2") }
        if a.contains(.italic) { codes.append("3") }
        if a.contains(.underline) { codes.append("4") }
        if a.contains(.blink) { codes.append("5") }
        if a.contains(.reverse) || a.contains(.standout) { codes.append("7") }
        if colors {
            codes.append(colorCode(colorNumber(style.foreground), base: 30, bright: 90))
            codes.append(colorCode(colorNumber(style.background), base: 40, bright: 100))
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private func colorCode(_ number: Int16, base: Int, bright: Int) -> String {
        switch number {
        case ..<0: return String(base + 9)
        case 0..<8: return String(base + Int(number))
        case 8..<16: return String(bright + Int(number) - 8)
        default: return "\(base + 8);5;\(number)"
        }
    }

    private func put(_ cell: Frame.Cell, x: Int, y: Int) {
        var chars = cell.text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        chars.append(0)
        let pair = colors ? colorPair(cell.style) : 0
        _ = cn_put_cell(Int32(y), Int32(x), chars, attributes(cell.style.attributes), pair)
    }

    private func attributes(_ a: TextAttributes) -> attr_t {
        var value: attr_t = 0
        if a.contains(.bold) { value |= cn_a_bold() }
        if a.contains(.dim) { value |= cn_a_dim() }
        if a.contains(.underline) { value |= cn_a_underline() }
        if a.contains(.reverse) { value |= cn_a_reverse() }
        if a.contains(.italic) { value |= cn_a_italic() }
        if a.contains(.blink) { value |= cn_a_blink() }
        if a.contains(.standout) { value |= cn_a_standout() }
        return value
    }

    /// A colour pair for the style's colours, made on first use (pair 0 is the terminal's own).
    private func colorPair(_ style: Style) -> Int16 {
        let key = PairKey(fg: style.foreground, bg: style.background)
        if key.fg == .terminalDefault, key.bg == .terminalDefault { return 0 }
        if let pair = pairs[key] { return pair }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < cn_color_pairs() else { return 0 }
        init_pair(next, colorNumber(key.fg), colorNumber(key.bg))
        pairs[key] = next
        return next
    }

    private func colorNumber(_ color: TerminalColor) -> Int16 {
        switch color {
        case .terminalDefault: return -1
        case .ansi(let n): return Int16(cn_colors() >= 16 ? n : n % 8)
        case .indexed(let n): return Int16(Int32(n) < cn_colors() ? n : n % 8)
        }
    }

    /// The next key, waiting at most `timeoutMilliseconds`, or less when the descriptor `wake`
    /// becomes readable first (nil: no key came).
    public func readKey(timeoutMilliseconds: Int32, wakingOn wake: Int32) -> Key? {
        // What ncurses already holds (a key put back, the rest of a sequence) is not on stdin.
        if let key = readKey(timeoutMilliseconds: 0) { return key }
        var ready = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        let count = poll(&ready, 2, timeoutMilliseconds)
        // A key, or a signal (a resize comes as SIGWINCH, which ncurses turns into a key).
        if count < 0 || ready[0].revents != 0 { return readKey(timeoutMilliseconds: 25) }
        return nil
    }

    /// The next key, waiting at most `timeoutMilliseconds` (nil when none came).
    public func readKey(timeoutMilliseconds: Int32) -> Key? {
        timeout(timeoutMilliseconds)
        var wide: wint_t = 0
        let status = wget_wch(cn_stdscr(), &wide)
        if status == ERR { return nil }
        if status == KEY_CODE_YES { return functionKey(Int32(wide)) }
        let code = UInt32(wide)
        if code == 27 {
            // ESC then another key within the escape delay is Alt+key.
            timeout(25)
            var next: wint_t = 0
            let second = wget_wch(cn_stdscr(), &next)
            if second == OK, UInt32(next) == 13 || UInt32(next) == 10 { return .alt("\n") }
            if second == OK, UInt32(next) == Self.pasteStart[0] { return bracketed() }
            if second == OK, let scalar = Unicode.Scalar(UInt32(next)), UInt32(next) >= 32 { return .alt(Character(scalar)) }
            // Esc pressed twice quickly, or Esc and an arrow (or a resize) at once: keep the
            // second key for the next read. A key code goes back as a key code: unget_wch
            // would make it a character (KEY_LEFT typed `Ą`).
            if second == OK { unget_wch(wchar_t(bitPattern: UInt32(next))) }
            if second == KEY_CODE_YES { ungetch(Int32(next)) }
            return .escape
        }
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(code + 96)!))
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    /// After ESC [: a paste (`200~` … `ESC [201~`) comes back whole, a focus report (`I`, `O`)
    /// as `Key.focus`, a mouse report (`<…M`) as its event; any other sequence is read to its end and dropped (an unknown key must not
    /// type its bytes into the composer).
    private func bracketed() -> Key? {
        var head: [UInt32] = [Self.pasteStart[0]]
        while head.count < Self.pasteStart.count, let c = nextCode(milliseconds: 25) {
            if head.count == 1, let focus = Self.focusReports[c] { return .focus(focus) }
            if head.count == 1, c == UInt32(UInt8(ascii: "<")) { return mouseReport() }
            head.append(c)
            if head != Array(Self.pasteStart.prefix(head.count)) {
                // Finish the unknown sequence (it ends with a byte in @…~).
                var last = c
                while !(64...126).contains(last), let more = nextCode(milliseconds: 25) { last = more }
                return nil
            }
        }
        guard head == Self.pasteStart else { return nil }
        var body: [UInt32] = []
        while let c = nextCode(milliseconds: 500) {
            body.append(c)
            if body.count >= Self.pasteEnd.count, Array(body.suffix(Self.pasteEnd.count)) == Self.pasteEnd {
                body.removeLast(Self.pasteEnd.count)
                break
            }
        }
        // Terminals send line ends in a paste as CR (or CR LF); the composer keeps LF.
        var scalars = String.UnicodeScalarView()
        for (i, c) in body.enumerated() {
            if c == 13 {
                if i + 1 < body.count, body[i + 1] == 10 { continue }
                scalars.append("\n")
            } else if let scalar = Unicode.Scalar(c) {
                scalars.append(scalar)
            }
        }
        return .paste(String(scalars))
    }

    /// After ESC [ <: the report's parameters up to its final byte. A malformed report is
    /// read to its end (or to a byte no report holds) and dropped.
    private func mouseReport() -> Key? {
        var parameters = ""
        while let c = nextCode(milliseconds: 25), let scalar = Unicode.Scalar(c) {
            if (64...126).contains(c) { return MouseEvent(sgrParameters: parameters, final: Character(scalar)).map(Key.mouse) }
            // A byte no report holds ends it here, and is not taken as a key either.
            guard (48...59).contains(c), parameters.count < MouseEvent.longestParameters else { return nil }
            parameters.unicodeScalars.append(scalar)
        }
        return nil
    }

    private func nextCode(milliseconds: Int32) -> UInt32? {
        timeout(milliseconds)
        var code: wint_t = 0
        return wget_wch(cn_stdscr(), &code) == OK ? UInt32(code) : nil
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_RESIZE: return .resize
        default:
            for n in 1...12 where code == cn_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }
}

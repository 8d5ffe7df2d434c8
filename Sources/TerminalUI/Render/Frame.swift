import ChatModel

/// A screen's worth of styled cells: what `render` produces and `Screen` draws. Tests read
/// frames as text, so the whole view is testable without a terminal.
///
/// Text gets in only as `SanitizedText`, one grapheme cluster per cell, a wide one taking two
/// cells (the second left empty), by `DisplayWidth`: layout and drawing use the same widths.
public struct Frame: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        /// What to draw: one grapheme cluster (empty: the right half of a wide character).
        public var text: String
        public var style: Style
        /// The OSC 8 target this cell links to, as an index into its frame's `linkTargets` plus
        /// one (0: none, as most cells): a number, not the target, so that copying a cell, which
        /// drawing does for every cell of every frame, copies no second string. `Screen` writes
        /// each run of cells with one target inside one hyperlink.
        public var link: UInt16
        public static let blank = Cell(text: " ", style: .plain)

        public init(text: String, style: Style, link: UInt16 = 0) {
            self.text = text
            self.style = style
            self.link = link
        }

        /// An emoji sequence (👩‍💻, 🇫🇷, ❤️): ncurses cannot hold it in a cell, `Screen` writes it
        /// to the terminal itself, so it is checked again here to hold no unsafe scalar but the
        /// joiners of emoji (cells are filled from `SanitizedText` only, which keeps it so).
        public var holdsEmojiSequence: Bool {
            var scalars = text.unicodeScalars.makeIterator()
            guard scalars.next() != nil, scalars.next() != nil, let character = text.first, text.count == 1 else { return false }
            return DisplayWidth.isEmojiSequence(character.unicodeScalars)
                && text.unicodeScalars.allSatisfy { UnsafeScalar($0).map { $0 == .emojiJoiner } ?? true }
        }
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should rest (the composer), or nil to hide it.
    public var cursor: (x: Int, y: Int)?
    /// What was drawn where, for the mouse. Not part of what two frames compare: it is the
    /// cells that reach the terminal.
    public var hits = HitMap()
    /// The link targets the cells' `link` numbers stand for, each once.
    public private(set) var linkTargets: [String] = []

    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(text: " ", style: style), count: self.width * self.height)
    }

    /// Frames are equal when they draw the same: links compare by target, whatever numbers
    /// the two frames gave them.
    public static func == (a: Frame, b: Frame) -> Bool {
        a.width == b.width && a.height == b.height && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
            && (0..<a.height).allSatisfy { y in (0..<a.width).allSatisfy { a.sameCell(x: $0, y: y, as: b) } }
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// The OSC 8 target of the cell (x, y), nil when it links nowhere.
    public func link(x: Int, y: Int) -> String? {
        let number = cells[y * width + x].link
        return number == 0 ? nil : linkTargets[Int(number) - 1]
    }

    /// Whether the cell (x, y) draws the same here as in `other` (which is as large): the same
    /// text, style and link target.
    func sameCell(x: Int, y: Int, as other: Frame) -> Bool {
        let mine = cells[y * width + x]
        let theirs = other.cells[y * width + x]
        guard mine.text == theirs.text, mine.style == theirs.style else { return false }
        if mine.link == 0 || theirs.link == 0 { return mine.link == theirs.link }
        return linkTargets[Int(mine.link) - 1] == other.linkTargets[Int(theirs.link) - 1]
    }

    /// Writes `text` on row `y` from column `x`, at most `maxWidth` columns (to the frame's
    /// edge by default), stopping before a character that would not fit whole; with `ellipsis`,
    /// text that is cut ends in "…" so the reader sees there is more. Returns the columns used.
    /// With `link` (an OSC 8 target) the cells written link there.
    @discardableResult
    public mutating func put(
        _ text: SanitizedText,
        x: Int,
        y: Int,
        maxWidth: Int? = nil,
        ellipsis: Bool = false,
        style: Style,
        link: String? = nil
    ) -> Int {
        let halfBefore = splitsWideCharacter(x: x, y: y)
        let used = write(text, x: x, y: y, maxWidth: maxWidth, ellipsis: ellipsis, style: style)
        if used > 0 { blankHalves(from: max(0, x), to: max(0, x) + used, y: y, leftHalfBefore: halfBefore) }
        if let link, used > 0 {
            let number = linkNumber(link)
            for column in max(0, x)..<(max(0, x) + used) { cells[y * width + column].link = number }
        }
        return used
    }

    /// `target`'s number in `linkTargets`, added if new. A frame shows a few links, so a
    /// search costs less than hashing; past `UInt16`'s numbers a link is drawn as plain text.
    private mutating func linkNumber(_ target: String) -> UInt16 {
        if let index = linkTargets.firstIndex(of: target) { return UInt16(index + 1) }
        guard linkTargets.count < Int(UInt16.max) else { return 0 }
        linkTargets.append(target)
        return UInt16(linkTargets.count)
    }

    private mutating func write(_ text: SanitizedText, x: Int, y: Int, maxWidth: Int?, ellipsis: Bool, style: Style) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = max(0, x)
        var shown = text.value
        if ellipsis, DisplayWidth.of(shown) > limit - column {
            shown = DisplayWidth.truncate(shown, toWidth: limit - column, ellipsis: true)
        }
        // Printable ASCII, most of what a chat holds, takes a cell a byte: no grapheme breaking
        // and no width lookups, which are most of a frame's cost otherwise.
        if shown.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in shown.utf8 where column < limit {
                cells[y * width + column] = Cell(text: Self.asciiText[Int(byte)], style: style)
                column += 1
            }
            return column - max(0, x)
        }
        // Text whose every scalar is a cluster of its own (CJK, accented Latin, a 👍 among
        // words) is walked by scalar; only the rest needs grapheme breaking.
        if DisplayWidth.isScalarPerCluster(shown) {
            for scalar in shown.unicodeScalars {
                let w = DisplayWidth.width(of: scalar)
                guard w > 0 else { continue }
                if column + w > limit { break }
                // ASCII among other text, and the rules and borders: drawn as themselves, one
                // cell, without the checks `drawable` and `place` make for the rest.
                if scalar.value < 0x7F {
                    cells[y * width + column] = Cell(text: Self.asciiText[Int(scalar.value)], style: style)
                } else if DisplayWidth.isFrameSymbol(scalar.value) {
                    cells[y * width + column] = Cell(text: String(scalar), style: style)
                } else {
                    place(DisplayWidth.drawable(scalar), width: w, x: column, y: y, style: style)
                }
                column += w
            }
            return column - max(0, x)
        }
        for character in shown where character != "\n" {
            let w = DisplayWidth.of(character)
            guard w > 0 else { continue }
            if column + w > limit { break }
            place(DisplayWidth.drawable(character), width: w, x: column, y: y, style: style)
            column += w
        }
        return column - max(0, x)
    }

    /// Each ASCII byte as a string, made once: a cell's text made from its byte in every frame
    /// was a tenth of drawing one.
    private static let asciiText = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Puts what is drawn for one cluster in the `w` cells from column `x`. It may be more than
    /// one character ("\u{FFFD} " for an emoji newer than the width table): each takes its own
    /// cells, together the `w` the layout gave.
    private mutating func place(_ drawn: String, width w: Int, x: Int, y: Int, style: Style) {
        var cell = x
        for part in drawn where cell < x + w {
            let partWidth = max(1, DisplayWidth.of(part))
            cells[y * width + cell] = Cell(text: String(part), style: style)
            if partWidth == 2, cell + 1 < x + w { cells[y * width + cell + 1] = Cell(text: "", style: style) }
            cell += partWidth
        }
    }

    /// The cells to draw to turn `previous` (what the terminal shows; nil: nothing known) into
    /// this frame, row by row. A wide character's two cells are one: it is drawn whole when
    /// either half changed, since the right half has nothing to draw of its own and a changed
    /// right half (an overlay's border closing over an emoji) is repaired only by the left.
    public func cellsToDraw(since previous: Frame?) -> [(x: Int, y: Int)] {
        var cells: [(x: Int, y: Int)] = []
        for y in 0..<height {
            for x in 0..<width where !self[x, y].text.isEmpty {
                let wide = x + 1 < width && self[x + 1, y].text.isEmpty
                if let previous, sameCell(x: x, y: y, as: previous), !wide || sameCell(x: x + 1, y: y, as: previous) { continue }
                cells.append((x, y))
            }
        }
        return cells
    }

    /// The rows that hold an emoji sequence here or in `previous` and have cells to draw: on
    /// those `Screen` has ncurses repaint the whole row and writes every sequence of it again,
    /// since ncurses knows only blanks where the sequences are and may write over them.
    public func rowsWithEmojiSequences(changedAmong cells: [(x: Int, y: Int)], since previous: Frame?) -> [Int] {
        var rows: [Int] = []
        for y in Set(cells.map { $0.y }).sorted() {
            let here = (0..<width).contains { self[$0, y].holdsEmojiSequence }
            if here || (previous.map { old in y < old.height && (0..<old.width).contains { old[$0, y].holdsEmojiSequence } } ?? false) {
                rows.append(y)
            }
        }
        return rows
    }

    /// Fills a rectangle with blanks of `style`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style) {
        for row in max(0, y)..<min(height, y + h) {
            let halfBefore = splitsWideCharacter(x: x, y: row)
            for column in max(0, x)..<min(width, x + w) { cells[row * width + column] = Cell(text: " ", style: style) }
            if w > 0 { blankHalves(from: x, to: x + w, y: row, leftHalfBefore: halfBefore) }
        }
    }

    /// Whether column `x` of row `y` is the right half of a wide character: writing there
    /// leaves its left half alone.
    private func splitsWideCharacter(x: Int, y: Int) -> Bool {
        y >= 0 && y < height && x > 0 && x < width && cells[y * width + x].text.isEmpty
    }

    /// After columns `from..<to` of row `y` were written over: the half of a wide character
    /// left outside them becomes a blank. Kept, the terminal draws the whole character and what
    /// follows it a column further (an overlay's edge over the sidebar's `🦜`).
    private mutating func blankHalves(from: Int, to: Int, y: Int, leftHalfBefore: Bool) {
        if leftHalfBefore { cells[y * width + from - 1].text = " " }
        if to > 0, to < width, cells[y * width + to].text.isEmpty { cells[y * width + to].text = " " }
    }

    /// Changes the style of a span of cells, keeping their text (selection highlights).
    public mutating func restyle(x: Int, y: Int, width w: Int, _ change: (Style) -> Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + w) { cells[y * width + column].style = change(cells[y * width + column].style) }
    }

    /// Restyles each run of letters and digits, as drawn on row `y` from `x` for `width` cells,
    /// that is one of `words` (lower-cased): where a find's or a search's words show.
    public mutating func restyleWords(_ words: Set<String>, y: Int, x: Int, width w: Int, style: Style) {
        guard y >= 0, y < height else { return }
        let end = min(x + w, width)
        var word = ""
        var start = x
        for column in max(0, x)...max(0, end) {
            // A wide character's second cell is empty: it neither adds to a word nor ends one.
            let cell = column < end ? self[column, y].text : " "
            if !cell.isEmpty, cell.allSatisfy({ $0.isLetter || $0.isNumber }) {
                if word.isEmpty { start = column }
                word += cell
            } else if !cell.isEmpty {
                if words.contains(word.lowercased()) { restyle(x: start, y: y, width: column - start) { _ in style } }
                word = ""
            }
        }
    }

    /// Row `y` as text, trailing blanks trimmed: what snapshot tests compare.
    public func text(row y: Int) -> String {
        var line = ""
        for x in 0..<width { line += self[x, y].text }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    public var lines: [String] { (0..<height).map { text(row: $0) } }
}

import ChatCore
import ChatModel

/// The composer at the bottom (with a server): a prompt, what is being written, wrapped to
/// the width and at most `maxLines` high, and the terminal cursor where the next character goes.
enum ComposerView {
    static let maxLines = 5
    static let prompt = "› ", threadPrompt = "↳ "

    /// The rows of the text as drawn (each a run of characters) and where the cursor falls.
    struct Wrapped {
        var rows: [[Character]] = [[]]
        var cursor = (row: 0, column: 0)
    }

    /// The cells a character of the composer takes as drawn: an emoji shown as its shortcode
    /// (`--ascii-emoji`, or one the terminal cannot draw) takes the shortcode's.
    static func cells(in context: RenderContext) -> (Character) -> Int {
        { character in max(1, DisplayWidth.of(context.text(String(character)).value)) }
    }

    /// Wraps at word boundaries, as the message list does: a row ends after a space, and a word
    /// that reaches past the width moves whole to the next row; only a word longer than a row
    /// is cut. A space at a row's end may hang past the width (nothing is drawn there).
    /// Widths are `cells`' (by default the characters' own).
    static func wrap(_ composer: Composer, width: Int, cells: (Character) -> Int = { max(1, DisplayWidth.of($0)) }) -> Wrapped {
        let width = max(1, width)
        // Each character with its index in the text; a newline ends its row (and is not drawn).
        var rows: [[(character: Character, index: Int)]] = [[]]
        var column = 0
        var wordStart: Int?  // in the last row: where the word after its last space begins
        for (index, character) in composer.text.enumerated() {
            if character == "\n" {
                rows[rows.count - 1].append((character, index))
                rows.append([])
                (column, wordStart) = (0, nil)
                continue
            }
            let size = cells(character)
            if column + size > width, character != " " {
                if let start = wordStart, start < rows[rows.count - 1].count {
                    let word = Array(rows[rows.count - 1][start...])
                    rows[rows.count - 1].removeSubrange(start...)
                    rows.append(word)
                    column = word.reduce(0) { $0 + cells($1.character) }
                    wordStart = nil
                }
                if column + size > width {
                    rows.append([])
                    (column, wordStart) = (0, nil)
                }
            }
            rows[rows.count - 1].append((character, index))
            column += size
            if character == " " { wordStart = rows[rows.count - 1].count }
        }
        var out = Wrapped(rows: rows.map { $0.map { $0.character }.filter { $0 != "\n" } })
        for (rowIndex, row) in rows.enumerated() {
            var at = 0
            for entry in row {
                if entry.index == composer.cursor {
                    // On a space hanging past the edge: the start of the next row, as terminals show it.
                    out.cursor = at < width ? (rowIndex, at) : (rowIndex + 1, 0)
                    if out.cursor.row == out.rows.count { out.rows.append([]) }
                }
                at += cells(entry.character)
            }
        }
        if composer.cursor >= composer.text.count {
            // After the last character: a full row puts the cursor at the start of a new one.
            let end = rows[rows.count - 1].reduce(0) { $0 + cells($1.character) }
            if end >= width {
                out.rows.append([])
                out.cursor = (out.rows.count - 1, 0)
            } else {
                out.cursor = (out.rows.count - 1, end)
            }
        }
        return out
    }

    /// Rows the composer takes on a screen `width` wide (emoji counted as emoji: where some
    /// are drawn as longer shortcodes, `draw` keeps the cursor's row in view).
    static func height(_ state: ChatState, width: Int) -> Int {
        min(maxLines, wrap(state.composer, width: width - DisplayWidth.of(prompt)).rows.count)
    }

    static func draw(_ state: ChatState, in rect: Rect, frame: inout Frame, context: RenderContext) {
        guard rect.height > 0, rect.width > 2 else { return }
        let promptText = state.modes.focus == .thread ? threadPrompt : prompt
        let indent = DisplayWidth.of(promptText)
        let wrapped = wrap(state.composer, width: rect.width - indent, cells: cells(in: context))
        // Keep the cursor's row in view: the last rows when it is at the end.
        let first = max(0, min(wrapped.cursor.row - rect.height + 1, wrapped.rows.count - rect.height))
        let style = context.style("input")
        frame.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: style)
        frame.put(context.label(promptText), x: rect.x, y: rect.y, style: context.style("input.prompt"))
        for (i, row) in wrapped.rows[first...].prefix(rect.height).enumerated() {
            frame.put(
                context.text(String(row), singleLine: true),
                x: rect.x + indent,
                y: rect.y + i,
                maxWidth: rect.width - indent,
                style: style
            )
        }
        frame.cursor = (rect.x + indent + wrapped.cursor.column, rect.y + wrapped.cursor.row - first)
    }
}

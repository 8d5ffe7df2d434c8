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

    static func wrap(_ composer: Composer, width: Int) -> Wrapped {
        var out = Wrapped()
        var column = 0
        let width = max(1, width)
        for (i, c) in composer.text.enumerated() {
            if i == composer.cursor { out.cursor = (out.rows.count - 1, column) }
            if c == "\n" {
                out.rows.append([])
                column = 0
                continue
            }
            let w = max(1, DisplayWidth.of(c))
            if column + w > width {
                out.rows.append([])
                column = 0
            }
            out.rows[out.rows.count - 1].append(c)
            column += w
        }
        if composer.cursor == composer.text.count {
            if column >= width {
                out.rows.append([])
                column = 0
            }
            out.cursor = (out.rows.count - 1, column)
        }
        return out
    }

    /// Rows the composer takes on a screen `width` wide.
    static func height(_ state: ChatState, width: Int) -> Int {
        min(maxLines, wrap(state.composer, width: width - DisplayWidth.of(prompt)).rows.count)
    }

    static func draw(_ state: ChatState, in rect: Rect, frame: inout Frame, context: RenderContext) {
        guard rect.height > 0, rect.width > 2 else { return }
        let promptText = state.threadHasFocus ? threadPrompt : prompt
        let indent = DisplayWidth.of(promptText)
        let wrapped = wrap(state.composer, width: rect.width - indent)
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

import ChatModel

/// Messages' texts as laid out for a width, kept between frames: sanitizing, wrapping and
/// finding the links of every message on screen at every frame were a third of a render,
/// and a message's text rarely changes while it is in view.
///
/// An entry is found by message id and width and used only while the text and the context's
/// text options are the ones it was made from, so an edited message, or `--ascii-emoji`
/// turned on, is laid out again. Styles are not kept: the theme can change between frames.
final class WrappedTexts: Sendable {
    /// One line of a wrapped text, cut where its links begin and end.
    struct Line: Sendable {
        /// The line's text, sanitized (wrapping cuts between clusters and drops only spaces).
        var text: String
        /// Its links, by character offsets in the line (`Hyperlink.spans`).
        var spans: [(range: Range<Int>, target: String)]
        /// The line in pieces, each linked or not: what it draws as outside a mention.
        var pieces: [(text: SanitizedText, link: String?)]
    }

    /// What a text's layout depends on besides itself and the width.
    struct Options: Equatable, Sendable {
        var asciiEmoji: Bool
        var emojiSequences: Set<EmojiSequence>
        var hyperlinks: Bool
    }

    private struct Key: Hashable, Sendable {
        var messageID: String
        var width: Int
    }

    private struct Entry: Sendable {
        var text: String
        var options: Options
        var lines: [Line]
    }

    /// A window holds at most 400 messages, laid out at one or two widths (channel, thread):
    /// past this many entries, the old ones are for messages long gone and all are dropped.
    static let capacity = 2048

    private let entries = Locked([Key: Entry]())

    /// The lines of message `messageID`'s `text` at `width` columns, laid out once per text,
    /// width and options.
    func lines(of messageID: String, text: String, width: Int, context: RenderContext) -> [Line] {
        let key = Key(messageID: messageID, width: width)
        let options = Options(asciiEmoji: context.asciiEmoji, emojiSequences: context.emojiSequences, hyperlinks: context.hyperlinks)
        if let entry = entries.withLock({ $0[key] }), entry.text == text, entry.options == options { return entry.lines }
        let lines = Self.layout(text, width: width, context: context)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(text: text, options: options, lines: lines)
        }
        return lines
    }

    var count: Int { entries.withLock { $0.count } }

    private static func layout(_ text: String, width: Int, context: RenderContext) -> [Line] {
        let sanitized = context.messageText(text)
        let lines = TextWrapper.wrap(sanitized, width: width)
        let links = context.hyperlinks ? Hyperlink.spans(of: sanitized, lines: lines) : lines.map { _ in [] }
        return zip(lines, links).map { line, spans in
            let whole = Segment(text: SanitizedText(alreadySanitized: line), style: .plain)
            return Line(text: line, spans: spans, pieces: Hyperlink.link([whole], spans: spans).map { ($0.text, $0.link) })
        }
    }
}

import ChatCore
import ChatModel

/// Lays one message out as lines for a given width: separators above it, the header (unless
/// grouped with the previous message), a quoted preview, the wrapped text, attachment cards
/// (with a card's text under it), the poll card, reactions and the thread marker.
struct MessageLayout {
    let context: RenderContext
    let viewer: String
    let width: Int
    /// Text starts after the time column ("10:42 ").
    static let indent = 6
    /// Consecutive messages of one author within this many seconds share a header.
    static let groupingSeconds: Int64 = 5 * 60

    /// Messages after which history may be missing, and the one being fetched.
    var gaps: [String] = []
    var fillingGap: String?
    /// The viewer's name, for `@Name` mentions (`@id` ones are found by `viewer`).
    var viewerName = ""
    /// The messages the viewer flagged: their header says so.
    var flagged: Set<String> = []
    /// Laid out in the thread pane, whose header says it is a thread: replies are not marked.
    var inThread = false
    /// The mark of who has seen the reader's messages, under the one it is on.
    var receipt: ReadReceipt?

    func lines(for row: MessageRow, after previous: MessageRow?, firstUnreadID: String?) -> [ViewLine] {
        var out = messageLines(for: row, after: previous, firstUnreadID: firstUnreadID)
        if row.message.mentions(viewer), row.message.type != .deleted {
            let mark = context.style("message.mentionMark")
            for index in out.indices where out[index].messageID == row.id { out[index].mark = mark }
        }
        guard gaps.contains(row.id) else { return out }
        let text = row.id == fillingGap ? "Loading missed messages…" : "Messages may be missing here · Enter loads them"
        return out + [separator(text, style: context.style("message.gap"))]
    }

    private func messageLines(for row: MessageRow, after previous: MessageRow?, firstUnreadID: String?) -> [ViewLine] {
        let m = row.message
        var out: [ViewLine] = []
        let day = m.createdAt?.civil(utcOffsetSeconds: context.utcOffsetSeconds).dayNumber
        let previousDay = previous?.message.createdAt?.civil(utcOffsetSeconds: context.utcOffsetSeconds).dayNumber
        let newDay = day != nil && day != previousDay
        if newDay, let at = m.createdAt { out.append(separator(context.dateLine(at), style: context.style("dateSeparator"))) }
        let unreadHere = row.id == firstUnreadID
        if unreadHere { out.append(separator("New messages", style: context.style("newMessages"))) }

        if m.type == .system {
            out.append(
                ViewLine(
                    segments: [
                        time(m),
                        Segment(
                            text: context.text("— " + SystemLineText.of(row) + " —", singleLine: true),
                            style: context.style("message.system")
                        ),
                    ],
                    messageID: row.id
                )
            )
            return out
        }
        // A message whose header says something of it (edited, pinned, flagged…) keeps its
        // header, and the next message does not share it: the mark would seem to be of both.
        let marks = headerMarks(row)
        let grouped =
            !newDay && !unreadHere && marks.isEmpty && previous.map { isGrouped(row, after: $0) && headerMarks($0).isEmpty } ?? false
        if !grouped { out.append(header(row, marks: marks)) }
        // A deleted message keeps nothing of what it said: its quote, attachments and reactions
        // go with its text (the server may still send their counts). Its thread stays.
        let deleted = m.type == .deleted
        if let quote = row.quoted, !deleted {
            let quoted = quote.deleted ? "message deleted" : context.messageText(quote.text, singleLine: true).value
            out.append(
                ViewLine(
                    segments: [
                        Segment(
                            text: context.text("│ " + quote.authorName + ": " + quoted, singleLine: true),
                            style: context.style("message.quote")
                        )
                    ],
                    indent: Self.indent,
                    messageID: row.id
                )
            )
        }
        out += body(row)
        if !deleted {
            for (i, attachment) in m.attachments.enumerated() {
                out.append(card(attachment, messageID: row.id))
                out += cardText(attachment, key: row.id + "/\(i)", messageID: row.id)
            }
            if let poll = row.poll {
                out += PollCardView.lines(poll, messageID: row.id, width: width, indent: Self.indent, context: context)
            }
            if !row.reactions.isEmpty { out += reactionLines(row) }
        }
        if row.replyCount > 0 {
            let label = "⤷ \(row.replyCount) \(row.replyCount == 1 ? "reply" : "replies")"
            out.append(
                ViewLine(
                    segments: [Segment(text: context.label(label), style: context.style("thread.replies"))],
                    indent: Self.indent,
                    messageID: row.id
                )
            )
        }
        if let receipt, receipt.messageID == row.id {
            out.append(
                ViewLine(
                    segments: [
                        Segment(
                            text: context.text(Self.receiptText(receipt, width: width - Self.indent), singleLine: true),
                            style: context.style("message.seen")
                        )
                    ],
                    indent: Self.indent,
                    messageID: row.id
                )
            )
        }
        return out
    }

    /// `✓ seen` in a conversation of two, else who has: `✓ seen by Bea, Bob`, up to three names
    /// that fit in `width` and how many more, or everyone.
    static func receiptText(_ receipt: ReadReceipt, width: Int) -> String {
        if receipt.others == 1 { return "✓ seen" }
        if receipt.readers.count == receipt.others { return "✓ seen by everyone" }
        // Fewer names rather than one cut at the edge, which lost the count after it.
        for shown in stride(from: min(3, receipt.readers.count), through: 1, by: -1) {
            let more = receipt.readers.count - shown
            let text = "✓ seen by " + receipt.readers.prefix(shown).joined(separator: ", ") + (more > 0 ? " +\(more)" : "")
            if DisplayWidth.of(text) <= width { return text }
        }
        return "✓ seen by \(receipt.readers.count)"
    }

    private func isGrouped(_ row: MessageRow, after previous: MessageRow) -> Bool {
        // After a system line, or a deleted message (whose header would seem to own what follows).
        guard previous.message.userID == row.message.userID, previous.message.type != .system, previous.message.type != .deleted,
            let a = previous.message.createdAt, let b = row.message.createdAt
        else { return false }
        return b.seconds - a.seconds < Self.groupingSeconds && row.message.parentID == nil && row.quoted == nil
    }

    private func time(_ m: Message) -> Segment {
        Segment(text: context.label(m.createdAt.map { context.clock($0) + " " } ?? "      "), style: context.style("message.time"))
    }

    private func header(_ row: MessageRow, marks: [Segment]) -> ViewLine {
        let m = row.message
        let authorStyle = m.userID == viewer ? context.style("message.author.self") : context.theme.usernameStyle(for: m.userID)
        let segments = [time(m), Segment(text: context.text(row.authorName, singleLine: true), style: authorStyle)] + marks
        return ViewLine(segments: segments, messageID: row.id)
    }

    /// What the header says after the author: where the reply is, pinned, flagged, for whom,
    /// edited, and a /giphy preview's keys.
    private func headerMarks(_ row: MessageRow) -> [Segment] {
        let m = row.message
        var segments: [Segment] = []
        if m.parentID != nil, !inThread {
            segments.append(Segment(text: context.label(" ↳ in thread"), style: context.style("thread.replies")))
        }
        if m.pinnedAt != nil, m.type != .deleted {
            segments.append(Segment(text: context.label(" 📌 pinned"), style: context.style("message.pinned")))
        }
        if flagged.contains(row.id) {
            segments.append(Segment(text: context.label(" ⚑ flagged by you"), style: context.style("message.pinned")))
        }
        if let restricted = Self.restrictedMarker(m) {
            segments.append(Segment(text: context.text(restricted, singleLine: true), style: context.style("message.edited")))
        }
        if m.textUpdatedAt != nil, m.type != .deleted {
            segments.append(Segment(text: context.label(" (edited)"), style: context.style("message.edited")))
        }
        // A /giphy preview is the sender's alone until sent; its header is where its keys are
        // explained. A command's answer, or the error the server wrote for it, is theirs alone too.
        if m.isGiphyPreview {
            segments.append(
                Segment(
                    text: context.label(" only you see this · ↑ then Enter send · s shuffle · x cancel"),
                    style: context.style("message.edited")
                )
            )
        } else if m.type == .ephemeral || m.type == .error {
            segments.append(Segment(text: context.label(" only you see this"), style: context.style("message.edited")))
        }
        return segments
    }

    private func body(_ row: MessageRow) -> [ViewLine] {
        let m = row.message
        if m.type == .deleted {
            return [
                ViewLine(
                    segments: [Segment(text: context.label("(message deleted)"), style: context.style("message.deleted"))],
                    indent: Self.indent,
                    messageID: row.id
                )
            ]
        }
        let text = m.text ?? ""
        guard !text.isEmpty else { return [] }
        let mentionsMe = m.mentions(viewer)
        let textStyle = context.style("message.text")
        return context.wrappedTexts.lines(of: row.id, text: text, width: max(1, width - Self.indent), context: context).map { line in
            let segments =
                mentionsMe
                ? Hyperlink.link(mentionSegments(line.text, of: m), spans: line.spans)
                : line.pieces.map { Segment(text: $0.text, style: textStyle, link: $0.link) }
            return ViewLine(segments: segments, indent: Self.indent, messageID: row.id)
        }
    }

    /// ` 🔒 visible to ana, bo`: a message only the users it names (and its author) see.
    static func restrictedMarker(_ m: Message) -> String? {
        guard let ids = m.restrictedVisibility, !ids.isEmpty else { return nil }
        let shown = ids.prefix(3).joined(separator: ", ")
        return " 🔒 visible to " + shown + (ids.count > 3 ? " +\(ids.count - 3)" : "")
    }

    /// A line of a message that mentions the viewer, its `@Name` and `@id` (any case) and the
    /// `@here` / `@channel` it carries in the mention style: the mention stands out, the rest
    /// reads as any message.
    private func mentionSegments(_ line: String, of m: Message) -> [Segment] {
        var words = ["@" + viewerName, "@" + viewer]
        if m.mentionedHere == true { words.append("@here") }
        if m.mentionedChannel == true { words.append("@channel") }
        let needles = words.filter { $0.count > 1 }.map { Array($0.lowercased()) }.sorted { $0.count > $1.count }
        let characters = Array(line)
        let lowered = characters.map { $0.lowercased() }
        func mention(at start: Int) -> Int? {
            needles.first { needle in
                let end = start + needle.count
                guard end <= characters.count, zip(lowered[start..<end], needle).allSatisfy({ $0 == String($1) }) else { return false }
                return end == characters.count || !(characters[end].isLetter || characters[end].isNumber)
            }?.count
        }
        var segments: [Segment] = []
        func add(_ range: Range<Int>, _ style: String) {
            guard !range.isEmpty else { return }
            segments.append(Segment(text: SanitizedText.trusted(String(characters[range])), style: context.style(style)))
        }
        var plain = 0
        var index = 0
        while index < characters.count {
            guard characters[index] == "@", let length = mention(at: index) else {
                index += 1
                continue
            }
            add(plain..<index, "message.text")
            add(index..<(index + length), "message.mention")
            index += length
            plain = index
        }
        add(plain..<characters.count, "message.text")
        return segments
    }

    /// A card's `pretext` and `text` under its line, wrapped: a webhook's or bot's card (Slack's
    /// and Mattermost's `attachments`: a Jira issue, an alert, a build) says most of what it
    /// has to say there, and its message often has no text of its own. A `text` the card line
    /// already shows as its name is not repeated.
    private func cardText(_ attachment: Attachment, key: String, messageID: String) -> [ViewLine] {
        let textIsName = attachment.title == nil && attachment.fields["fallback"]?.stringValue == nil
        let text = [attachment.fields["pretext"]?.stringValue, textIsName ? nil : attachment.fields["text"]?.stringValue]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
        guard !text.isEmpty else { return [] }
        let bar = Segment(text: context.label("│ "), style: context.style("message.quote"))
        let style = context.style("message.text")
        return context.wrappedTexts.lines(of: key, text: text, width: max(1, width - Self.indent - 2), context: context).map { line in
            ViewLine(
                segments: [bar] + line.pieces.map { Segment(text: $0.text, style: style, link: $0.link) },
                indent: Self.indent,
                messageID: messageID
            )
        }
    }

    /// `🖼 image · photo.jpg · 1.2 MB · https://…`: the kind, a name, a size, where it is.
    private func card(_ attachment: Attachment, messageID: String) -> ViewLine {
        let kind = AttachmentKind(attachment)
        var parts = [kind.icon + " " + kind.rawValue]
        if let title = attachment.title ?? attachment.fields["fallback"]?.stringValue ?? attachment.fields["text"]?.stringValue {
            parts.append(title)
        }
        if let size = attachment.fields["file_size"]?.intValue { parts.append(Self.byteCount(size)) }
        let url =
            attachment.assetURL ?? attachment.imageURL ?? attachment.fields["title_link"]?.stringValue
            ?? attachment.fields["og_scrape_url"]?.stringValue
        if let url { parts.append(url) }
        let styleName = "attachment." + kind.rawValue
        // The whole card links to where the attachment is.
        let link = context.hyperlinks ? url.flatMap(Hyperlink.target) : nil
        return ViewLine(
            segments: [
                Segment(
                    text: context.text(parts.joined(separator: " · "), singleLine: true),
                    style: context.style(styleName),
                    link: link
                )
            ],
            indent: Self.indent,
            messageID: messageID
        )
    }

    private func reactionLines(_ row: MessageRow) -> [ViewLine] {
        var lines: [ViewLine] = []
        var current = ViewLine(segments: [], indent: Self.indent, messageID: row.id)
        var used = 0
        let symbols = ReactionEmoji.symbols(for: row.reactions.map(\.type))
        for (reaction, symbol) in zip(row.reactions, symbols) {
            let chip = context.text("[" + symbol + " \(reaction.count)] ", singleLine: true)
            let w = DisplayWidth.of(chip.value)
            if used > 0, used + w > width - Self.indent {
                lines.append(current)
                current = ViewLine(segments: [], indent: Self.indent, messageID: row.id)
                used = 0
            }
            current.segments.append(
                Segment(text: chip, style: context.style(reaction.includesMine ? "reaction.mine" : "reaction"), reaction: reaction.type)
            )
            used += w
        }
        lines.append(current)
        return lines
    }

    private func separator(_ title: String, style: Style) -> ViewLine {
        // The rules reach both edges, whatever the width (one may be a cell longer).
        let label = " " + title + " "
        let left = max(2, (width - DisplayWidth.of(label)) / 2)
        let right = max(2, width - DisplayWidth.of(label) - left)
        let rule = { (count: Int) in String(repeating: "─", count: count) }
        return ViewLine(segments: [Segment(text: context.label(rule(left) + label + rule(right)), style: style)])
    }

    static func byteCount(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let rounded = (value * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + units[unit]
    }
}

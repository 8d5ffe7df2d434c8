import ChatCore
import ChatModel

/// Boxes drawn over the screen: the channel switcher, the help, a message's details.
enum OverlayViews {
    static func drawSwitcher(_ switcher: Switcher, state: ChatState, frame: inout Frame, context: RenderContext) {
        let matches = ChatReducer.switcherMatches(switcher.query, state.channels)
        let box = centered(width: min(60, frame.width - 2), height: min(14, frame.height - 2), in: frame)
        let style = context.style("switcher")
        drawBox(box, title: "Switch channel", style: style, frame: &frame, context: context)
        drawQuery(switcher.query, in: box, style: style, frame: &frame, context: context)
        for (i, match) in matches.prefix(max(0, box.height - 3)).enumerated() {
            let y = box.y + 2 + i
            let selected = i == switcher.selected
            let rowStyle = drawRow(y: y, selected: selected, in: box, frame: &frame, context: context)
            var x = box.x + 2
            x += frame.put(context.label(match.channel.sigil), x: x, y: y, style: rowStyle)
            let matchStyle = context.style("switcher.match")
            for (offset, character) in match.channel.title.enumerated() where x < box.x + box.width - 8 {
                var s = match.offsets.contains(offset) ? matchStyle : rowStyle
                if selected { s.attributes.formUnion(rowStyle.attributes) }
                x += frame.put(context.text(String(character), singleLine: true), x: x, y: y, maxWidth: box.x + box.width - 8 - x, style: s)
            }
            let badge = SidebarView.mentionBadge(match.channel)
            if !badge.isEmpty {
                let badgeStyle = selected ? rowStyle : context.style("sidebar.channel.mention")
                frame.put(context.label(badge), x: box.x + box.width - 7, y: y, maxWidth: 6, style: badgeStyle)
            }
        }
        if matches.isEmpty { frame.put(context.label("no channel matches"), x: box.x + 2, y: box.y + 2, style: style) }
    }

    /// The `a` picker: reactions matching what was typed, the selected one highlighted; a
    /// reaction already yours is marked, and Enter takes it back.
    static func drawReactionPicker(_ picker: ReactionPicker, state: ChatState, frame: inout Frame, context: RenderContext) {
        let row = state.window?.rows.first { $0.id == picker.messageID } ?? state.threadRows.first { $0.id == picker.messageID }
        let mine = Set((row?.reactions ?? []).filter(\.includesMine).map(\.type))
        let matches = picker.matches
        let box = centered(width: min(40, frame.width - 2), height: min(matches.count + 3, 16, frame.height - 2), in: frame)
        let style = context.style("switcher")
        drawBox(box, title: "React (type, Enter, Esc)", style: style, frame: &frame, context: context)
        drawQuery(picker.query, in: box, style: style, frame: &frame, context: context)
        for (i, type) in matches.prefix(max(0, box.height - 3)).enumerated() {
            let y = box.y + 2 + i
            let rowStyle = drawRow(y: y, selected: i == picker.selected, in: box, frame: &frame, context: context)
            let label = ReactionEmoji.symbol(for: type) + " " + type + (mine.contains(type) ? "  (yours: Enter removes)" : "")
            frame.put(context.label(label), x: box.x + 2, y: y, maxWidth: box.width - 4, style: rowStyle)
        }
        if matches.isEmpty { frame.put(context.label("no reaction matches"), x: box.x + 2, y: box.y + 2, style: style) }
    }

    /// `/search` results, the mentions view or a channel's pins: time, author, channel and text
    /// of each, newest first; Enter opens one. A search's words are marked where they show, and a long text is
    /// shown from a little before the first of them (`MatchExcerpt`).
    static func drawSearch(_ search: SearchResults, state: ChatState, frame: inout Frame, context: RenderContext) {
        let box = centered(width: min(100, frame.width - 2), height: min(search.rows.count + 2, frame.height - 2), in: frame)
        let style = context.style("switcher")
        let title =
            switch search.kind {
            case .search: "Search: \(search.query)"
            case .mentions: "Mentions of you"
            case .pinned(let channel): "Pinned in \(channel)"
            }
        drawBox(box, title: title + " (↑↓, Enter opens, Esc)", style: style, frame: &frame, context: context)
        let words = search.kind == .search ? Set(ChannelFind.words(of: search.query)) : []
        let first = max(0, search.selected - (box.height - 3))
        for (i, row) in search.rows.enumerated().dropFirst(first).prefix(max(0, box.height - 2)) {
            let y = box.y + 1 + i - first
            let selected = i == search.selected
            let rowStyle = drawRow(y: y, selected: selected, in: box, frame: &frame, context: context)
            let channel =
                state.channels.first { $0.channel.cid == row.message.cid }.map { $0.sigil + $0.title } ?? row.message.cid
            // The weekday and seconds where there is room for them; a narrow box keeps its room for the text.
            let when = row.message.createdAt.map { (box.width >= 100 ? context.fullTime($0) : context.datedTime($0)) + "  " } ?? ""
            let room = box.width - 4
            let x = box.x + 2
            let used = frame.put(
                context.text("\(when)\(row.authorName) in \(channel): ", singleLine: true),
                x: x,
                y: y,
                maxWidth: room,
                style: rowStyle
            )
            let text = context.messageText(row.message.text ?? "", singleLine: true).value
            let excerpt = MatchExcerpt(text, words: words, width: room - used)
            frame.put(SanitizedText.trusted(excerpt.text), x: x + used, y: y, style: rowStyle)
            var matchStyle = context.style("switcher.match")
            if selected { matchStyle.attributes.formUnion(rowStyle.attributes) }
            frame.restyleWords(words, y: y, x: x + used, width: excerpt.wholeWords, style: matchStyle)
        }
    }

    /// The help's lines (`KeyTable.helpEntries`, the keys of the mode `beneath` first), from
    /// `scroll` on when they do not fit.
    static func drawHelp(live: Bool, beneath: Mode?, scroll: Int, frame: inout Frame, context: RenderContext) {
        let entries = KeyTable.helpEntries(live: live, beneath: beneath, keys: context.keys)
        let layout = HelpLayout(entries: entries.count, live: live, width: frame.width, height: frame.height)
        let (keyWidth, columns, visible) = (layout.keyWidth, layout.columns, layout.visible)
        let box = centered(width: layout.width, height: layout.height, in: frame)
        let style = context.style("help")
        // Scrolled no further than the last screenful.
        let first = min(scroll, layout.lastScroll)
        let shown = min(entries.count - first, columns * visible)
        let title =
            layout.lastScroll > 0
            ? "Keys \(first + 1)–\(first + shown) of \(entries.count) (↑↓ PgUp PgDn scroll, Esc closes)" : "Keys (Esc closes)"
        drawBox(box, title: title, style: style, frame: &frame, context: context)
        frame.hits.add(box, .help(last: layout.lastScroll))
        let width = box.width / columns
        // Read down the first column and on down the second, as a newspaper.
        for slot in 0..<max(0, shown) {
            let entry = entries[first + slot]
            let x = box.x + (slot / visible) * width
            let y = box.y + 1 + slot % visible
            frame.put(context.label(entry.key), x: x + 2, y: y, maxWidth: keyWidth, style: context.style("help.key"))
            frame.put(context.label(entry.help), x: x + keyWidth + 3, y: y, maxWidth: width - keyWidth - 5, ellipsis: true, style: style)
        }
    }

    /// Tab completion's candidates on the row above the composer, the one in it highlighted;
    /// from that one on when the row cannot hold those before it.
    static func drawCompletion(_ completion: Completion, above composer: Rect, frame: inout Frame, context: RenderContext) {
        let y = composer.y - 1
        guard y >= 0, composer.width > 2 else { return }
        let style = context.style("switcher")
        frame.fill(x: composer.x, y: y, width: composer.width, height: 1, style: style)
        let widths = completion.candidates.map { word in word.reduce(0) { $0 + DisplayWidth.of($1) } + 2 }
        let first = widths.prefix(completion.index + 1).reduce(0, +) < composer.width ? 0 : completion.index
        var x = composer.x + 1
        for (i, word) in completion.candidates.enumerated().dropFirst(first) where x < composer.x + composer.width {
            let wordStyle = i == completion.index ? context.style("switcher.selected") : style
            frame.put(
                context.text(word, singleLine: true),
                x: x,
                y: y,
                maxWidth: composer.x + composer.width - x,
                ellipsis: true,
                style: wordStyle
            )
            x += widths[i]
        }
    }

    static func drawDetails(_ details: MessageDetails, state: ChatState, frame: inout Frame, context: RenderContext) {
        let m = details.row.message
        // People by name where the channel's members name them, with the id as the author's
        // is: a migrated id (`carol_c-d6f31bbb`) alone does not say who reacted.
        let names = Dictionary(state.members.map { ($0.user.id, $0.user.displayName) }, uniquingKeysWith: { a, _ in a })
        let who = { (id: String) in names[id].map { $0 == id ? id : "\($0) (\(id))" } ?? id }
        var lines: [String] = [
            "id: \(m.id)", "channel: \(m.cid)", "author: \(details.row.authorName) (\(m.userID))", "type: \(m.type.rawValue)",
            "created: \(m.createdAt.map(context.fullTime) ?? "-")",
        ]
        if let parent = m.parentID { lines.append("thread of: \(parent)") }
        if let edited = m.textUpdatedAt { lines.append("edited: \(context.fullTime(edited))") }
        if let deleted = m.deletedAt { lines.append("deleted: \(context.fullTime(deleted))") }
        if let pinned = m.pinnedAt { lines.append("pinned: \(context.fullTime(pinned)) by \(m.pinnedByID.map(who) ?? "?")") }
        if let restricted = m.restrictedVisibility, !restricted.isEmpty {
            lines.append("visible to: " + restricted.joined(separator: ", "))
        }
        let calls = [m.mentionedHere == true ? "@here" : nil, m.mentionedChannel == true ? "@channel" : nil].compactMap { $0 }
        if !calls.isEmpty { lines.append("mentions: " + calls.joined(separator: ", ")) }
        if let roles = m.mentionedRoles, !roles.isEmpty { lines.append("mentioned roles: " + roles.joined(separator: ", ")) }
        for member in m.custom.members { lines.append("\(member.key): \(member.value)") }
        for (i, attachment) in m.attachments.enumerated() where !attachment.custom.isEmpty {
            lines.append("attachment \(i + 1) (\(attachment.type ?? "file")):")
            for member in attachment.custom.members { lines.append("  \(member.key): \(member.value)") }
        }
        if let read = ReadReceipts.readers(of: details.row, rows: state.window?.rows ?? [], members: state.members, viewer: state.userID),
            !read.seen.isEmpty || !read.notSeen.isEmpty
        {
            // Every name, wrapped under its label: a line cut at the box's edge hid the last ones.
            let width = min(76, frame.width - 2) - 6
            let names = { (label: String, names: [String]) in
                TextWrapper.wrap(SanitizedText(untrusted: label + names.joined(separator: ", ")), width: width)
                    .enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
            }
            let others = read.seen.count + read.notSeen.count
            if !read.seen.isEmpty { lines += names("seen by \(read.seen.count) of \(others): ", read.seen) }
            if !read.notSeen.isEmpty { lines += names("not seen by: ", read.notSeen) }
        }
        if !details.reactions.isEmpty {
            lines.append("reactions:")
            for r in details.reactions { lines.append("  \(ReactionEmoji.symbol(for: r.type)) \(r.type) by \(who(r.userID))") }
        }
        let box = centered(width: min(76, frame.width - 2), height: min(lines.count + 2, frame.height - 2), in: frame)
        let style = context.style("details")
        drawBox(box, title: "Message details (Esc closes)", style: style, frame: &frame, context: context)
        for (i, line) in lines.prefix(max(0, box.height - 2)).enumerated() {
            frame.put(context.text(line, singleLine: true), x: box.x + 2, y: box.y + 1 + i, maxWidth: box.width - 4, style: style)
        }
    }

    static func centered(width: Int, height: Int, in frame: Frame) -> Rect {
        Rect(x: max(0, (frame.width - width) / 2), y: max(0, (frame.height - height) / 2), width: max(0, width), height: max(0, height))
    }

    /// A picker's first line: what was typed, and the cursor after it.
    static func drawQuery(_ query: String, in box: Rect, style: Style, frame: inout Frame, context: RenderContext) {
        frame.put(context.text("> " + query + "▏", singleLine: true), x: box.x + 2, y: box.y + 1, maxWidth: box.width - 4, style: style)
    }

    /// The style of a list row at `y`; the selected row is highlighted across the box first.
    static func drawRow(y: Int, selected: Bool, in box: Rect, frame: inout Frame, context: RenderContext) -> Style {
        let style = context.style(selected ? "switcher.selected" : "switcher")
        if selected { frame.fill(x: box.x + 1, y: y, width: box.width - 2, height: 1, style: style) }
        return style
    }

    static func drawBox(_ box: Rect, title: String, style: Style, frame: inout Frame, context: RenderContext) {
        guard box.width >= 2, box.height >= 2 else { return }
        frame.hits.add(box, .overlay)
        frame.fill(x: box.x, y: box.y, width: box.width, height: box.height, style: style)
        let horizontal = String(repeating: "─", count: box.width - 2)
        frame.put(context.label("┌" + horizontal + "┐"), x: box.x, y: box.y, style: style)
        frame.put(context.label("└" + horizontal + "┘"), x: box.x, y: box.y + box.height - 1, style: style)
        for y in (box.y + 1)..<(box.y + box.height - 1) {
            frame.put(context.label("│"), x: box.x, y: y, style: style)
            frame.put(context.label("│"), x: box.x + box.width - 1, y: y, style: style)
        }
        frame.put(context.label(" " + title + " "), x: box.x + 2, y: box.y, maxWidth: box.width - 4, style: style)
    }
}

/// The help box's shape on a screen: the composer's key names are longer ("Backspace",
/// "/giphy"): a wider key column; and when the list is taller than the screen, two columns
/// side by side, and what still does not fit scrolls.
struct HelpLayout {
    let entries: Int
    let keyWidth: Int
    let columns: Int
    let width: Int
    let height: Int

    init(entries: Int, live: Bool, width screenWidth: Int, height screenHeight: Int) {
        self.entries = entries
        keyWidth = live ? 14 : 12
        let columnWidth = 72 + keyWidth - 12
        columns = entries + 3 > screenHeight - 2 && screenWidth - 2 >= 2 * columnWidth ? 2 : 1
        width = min(columnWidth * columns, screenWidth - 2)
        height = min((entries + columns - 1) / columns + 3, screenHeight - 2)
    }

    /// Lines shown at once, inside the border.
    var visible: Int { max(0, height - 2) }
    /// The furthest the help scrolls (by entries): its last screenful.
    var lastScroll: Int { max(0, entries - columns * visible) }
}

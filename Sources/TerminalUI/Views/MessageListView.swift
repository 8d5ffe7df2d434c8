import ChatCore
import ChatModel

/// The channel's messages and the thread pane. Both are laid out from the bottom up, only as
/// far as the screen reaches, so drawing costs the same in a channel of ten messages or a million.
enum MessageListView {
    static func drawChannel(_ state: ChatState, in rect: Rect, frame: inout Frame, context: RenderContext) {
        let header = context.style("channelHeader")
        frame.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: header)
        guard let channel = state.openChannel else {
            frame.put(
                context.label(state.channels.isEmpty ? " No channels for this user. Load data with: chatterm import FILE" : " Loading…"),
                x: rect.x,
                y: rect.y + 2,
                maxWidth: rect.width,
                style: context.style("message.system")
            )
            return
        }
        frame.put(
            context.text(" " + headerText(channel, width: rect.width - 1), singleLine: true),
            x: rect.x,
            y: rect.y,
            maxWidth: rect.width,
            ellipsis: true,
            style: header
        )
        guard let window = state.window else {
            frame.put(context.label(" Loading…"), x: rect.x, y: rect.y + 2, maxWidth: rect.width, style: context.style("message.system"))
            return
        }
        // Column 0 is the gutter, where a message that mentions you is marked.
        var area = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 1, height: rect.height - 1)
        guard area.height > 0, area.width > 1 else { return }
        if let typing = channelTypingLine(state, cid: channel.channel.cid, context: context) {
            area.height -= 1
            typing.draw(into: &frame, x: area.x, y: area.y + area.height, width: area.width)
        }
        // The gutter counts in the maximum width.
        let maxWidth = context.maxMessageWidth - 1
        var layout = MessageLayout(context: context, viewer: state.userID, width: min(area.width, maxWidth) - 1)
        layout.gaps = window.gaps
        layout.fillingGap = window.fillingGap
        layout.viewerName = state.userName
        layout.flagged = state.flagged
        layout.receipt = ReadReceipts.latest(in: window.rows, members: state.members, viewer: state.userID)
        let rows = ChatReducer.visibleRows(state)
        let firstUnread = window.firstUnreadID(viewer: state.userID)
        var lines: [ViewLine] = []
        var index = rows.endIndex - 1
        while index >= rows.startIndex, lines.count < area.height {
            let previous = index > rows.startIndex ? rows[index - 1] : nil
            lines.insert(contentsOf: layout.lines(for: rows[index], after: previous, firstUnreadID: firstUnread), at: 0)
            index -= 1
        }
        if index < rows.startIndex, lines.count < area.height {
            let top = window.hasOlder ? "↑ older messages (PgUp)" : "Beginning of " + channel.title
            lines.insert(
                ViewLine(segments: [Segment(text: context.text(top, singleLine: true), style: context.style("message.gap"))], indent: 1),
                at: 0
            )
            // The top of the window is on screen: fill the rest with the messages that follow.
            var next = rows.endIndex
            while lines.count < area.height, next < window.rows.count {
                lines += layout.lines(for: window.rows[next], after: window.rows[next - 1], firstUnreadID: firstUnread)
                next += 1
            }
            lines = Array(lines.prefix(area.height))
        }
        // Following the newest messages, a short channel sits at the bottom, next to where new ones arrive.
        var shownArea = area
        if window.bottomIndex == nil, lines.count < area.height {
            shownArea.y += area.height - lines.count
            shownArea.height = lines.count
        }
        shownArea.width = min(shownArea.width, maxWidth)
        let find = state.modes.find
        let selected = state.modes.selectedMessageID(in: .messages) ?? find?.matchID
        let shown = lines.suffix(area.height)
        frame.hits.add(rect, .messages)
        draw(shown, in: shownArea, pane: .messages, selected: selected, frame: &frame, context: context)
        if let find { highlight(find, rows: window.rows, lines: shown, in: shownArea, frame: &frame, context: context) }
        if unreadIsAbove(window, shown: shown, viewer: state.userID) {
            let key = KeyTable.base(live: state.isLive, keys: context.keys).bindings.first { $0.name == "first-unread" }?.label
            let label = " New messages ↑" + (key.map { " (\($0))" } ?? "") + " "
            let w = DisplayWidth.of(label)
            frame.put(context.label(label), x: area.x + max(0, shownArea.width - w), y: area.y, style: context.style("newMessages"))
        }
        if window.hasNewer || window.bottomIndex != nil {
            frame.put(
                context.label(" ↓ newer messages (End) "),
                x: area.x + max(0, shownArea.width - 24),
                y: area.y + area.height - 1,
                style: context.style("message.gap")
            )
        }
    }

    static func drawThread(_ state: ChatState, in rect: Rect, frame: inout Frame, context: RenderContext) {
        let focused = state.modes.focus == .thread
        frame.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: context.style("thread.header"))
        frame.put(
            context.label(focused ? " ▶ Thread (Esc closes)" : " Thread (Tab to focus)"),
            x: rect.x,
            y: rect.y,
            maxWidth: rect.width,
            ellipsis: true,
            style: context.style("thread.header")
        )
        guard let thread = state.thread, rect.height > 2 else { return }
        // Whose thread, where: `#engineering · Tomás Silva`, under the title.
        let channel = state.openChannel.map { $0.sigil + $0.title + " · " } ?? ""
        frame.put(
            context.text(" " + channel + thread.root.authorName, singleLine: true),
            x: rect.x,
            y: rect.y + 1,
            maxWidth: rect.width,
            ellipsis: true,
            style: context.style("thread.replies")
        )
        var area = Rect(x: rect.x + 1, y: rect.y + 2, width: rect.width - 1, height: rect.height - 2)
        guard area.height > 0, area.width > 1 else { return }
        let typers = state.typing[TypingPlace(cid: thread.root.message.cid, parentID: thread.root.id)] ?? [:]
        if area.height > 1, let typing = typingLine(names: typers.keys.sorted(), where: "", context: context) {
            area.height -= 1
            typing.draw(into: &frame, x: area.x, y: area.y + area.height, width: area.width)
        }
        var layout = MessageLayout(context: context, viewer: state.userID, width: area.width - 1)
        layout.viewerName = state.userName
        layout.flagged = state.flagged
        layout.inThread = true
        var root = thread.root
        root.replyCount = 0
        var lines = layout.lines(for: root, after: nil, firstUnreadID: nil)
        let count = thread.replies.count
        lines.append(
            ViewLine(segments: [
                Segment(text: context.label("── \(count) \(count == 1 ? "reply" : "replies") ──"), style: context.style("thread.replies"))
            ])
        )
        var previous: MessageRow? = root
        for reply in thread.replies {
            lines += layout.lines(for: reply, after: previous, firstUnreadID: nil)
            previous = reply
        }
        // Root on top; when the thread is longer than the pane, its newest replies show (or
        // those the wheel scrolled to), or those up to the selected one when it is out of view.
        let selected = state.modes.selectedMessageID(in: .thread)
        let head = min(3, area.height)
        let lastScroll = max(0, lines.count - area.height)
        let scrolledEnd = lines.count - min(thread.scroll, lastScroll)
        let selectedLine = selected.flatMap { id in lines.lastIndex { $0.messageID == id } }
        let end =
            selectedLine.map { line in
                (scrolledEnd - (area.height - head)..<scrolledEnd).contains(line) ? scrolledEnd : max(line + 1, area.height)
            } ?? scrolledEnd
        let shown = end <= area.height ? lines.prefix(end) : lines.prefix(head) + lines[(end - (area.height - head))..<end]
        frame.hits.add(rect, .thread(scroll: lines.count - max(end, min(lines.count, area.height)), lastScroll: lastScroll))
        draw(shown, in: area, pane: .thread, selected: selected, frame: &frame, context: context)
    }

    /// Draws `lines` from the top of `area`, each message's lines recorded for the mouse as
    /// that message in `pane`.
    private static func draw(
        _ lines: ArraySlice<ViewLine>,
        in area: Rect,
        pane: Focus,
        selected: String?,
        frame: inout Frame,
        context: RenderContext
    ) {
        let highlight = context.style("message.selected")
        for (offset, line) in lines.enumerated() {
            let y = area.y + offset
            if let id = line.messageID { frame.hits.add(Rect(x: area.x, y: y, width: area.width, height: 1), .message(pane, id: id)) }
            line.draw(into: &frame, x: area.x, y: y, width: area.width)
            if let mark = line.mark, area.x > 0 { frame.put(context.label("▌"), x: area.x - 1, y: y, style: mark) }
            if let selected, line.messageID == selected {
                // One style over the whole message: under `reverse`, the authors', times' and
                // mentions' own colours would otherwise turn into a patchwork of backgrounds.
                frame.restyle(x: area.x, y: y, width: area.width) { _ in highlight }
            }
        }
    }

    /// The first unread message is above what the pane shows: before the window, or in it
    /// above the screen (its "New messages" line and its own lines all out of view).
    private static func unreadIsAbove(_ window: MessageWindow, shown: ArraySlice<ViewLine>, viewer: String) -> Bool {
        if window.unreadBeginsBeforeWindow { return true }
        guard let id = window.firstUnreadID(viewer: viewer), let index = window.rows.firstIndex(where: { $0.id == id }) else {
            return false
        }
        return index <= window.bottomIndex ?? window.rows.count - 1 && !shown.contains { $0.messageID == id }
    }

    /// The find's words where they are drawn, in every message that holds them all: each run
    /// of letters and digits on a line, as drawn, that is one of the words.
    private static func highlight(
        _ find: ChannelFind,
        rows: [MessageRow],
        lines: ArraySlice<ViewLine>,
        in area: Rect,
        frame: inout Frame,
        context: RenderContext
    ) {
        let found = context.style("message.found")
        var matching: [String: Bool] = [:]
        for (offset, line) in lines.enumerated() {
            guard let id = line.messageID else { continue }
            if matching[id] == nil { matching[id] = rows.first { $0.id == id }.map(find.matches) ?? false }
            guard matching[id] == true else { continue }
            frame.restyleWords(find.words, y: area.y + offset, x: area.x, width: area.width, style: found)
        }
    }

    /// `#name · topic · N members · ❄ frozen` in `width` columns: the topic is cut first (to
    /// "…", or left out when there is no room for a word of it), so the member count stays in view.
    private static func headerText(_ c: ChannelSummary, width: Int) -> String {
        let name = c.sigil + SanitizedText(untrusted: c.title).singleLine.value
        var tail = " · " + NumberText.grouped(c.memberCount) + (c.memberCount == 1 ? " member" : " members")
        if c.channel.frozen == true { tail += " · ❄ frozen" }
        guard
            let raw = c.channel.custom["topic"]?.stringValue ?? c.channel.custom["description"]?.stringValue,
            case let topic = SanitizedText(untrusted: raw).singleLine.value, !topic.isEmpty
        else { return name + tail }
        let room = width - DisplayWidth.of(name + tail) - 3
        guard room >= 4 else { return name + tail }
        return name + " · " + DisplayWidth.truncate(topic, toWidth: room, ellipsis: true) + tail
    }

    /// Who types in the channel; else who types in a thread of it that is not open beside it
    /// (the open thread's pane says so itself), "in a thread".
    private static func channelTypingLine(_ state: ChatState, cid: String, context: RenderContext) -> ViewLine? {
        let inChannel = (state.typing[TypingPlace(cid: cid)] ?? [:]).keys.sorted()
        if !inChannel.isEmpty { return typingLine(names: inChannel, where: "", context: context) }
        let inThreads = state.typing.filter { $0.key.cid == cid && $0.key.parentID != nil && $0.key.parentID != state.thread?.root.id }
        let names = Set(inThreads.values.flatMap(\.keys)).sorted()
        return typingLine(names: names, where: " in a thread", context: context)
    }

    /// "alice is typing…", "alice and bob are typing…", "several people are typing…", with
    /// where they are (`where`) before the ellipsis.
    private static func typingLine(names: [String], where place: String, context: RenderContext) -> ViewLine? {
        let text: String
        switch names.count {
        case 0: return nil
        case 1: text = "\(names[0]) is typing\(place)…"
        case 2: text = "\(names[0]) and \(names[1]) are typing\(place)…"
        default: text = "several people are typing\(place)…"
        }
        return ViewLine(segments: [Segment(text: context.text(text, singleLine: true), style: context.style("typing"))], indent: 1)
    }
}

import ChatCore
import ChatModel

/// The whole screen as a function of the state: sidebar | channel | thread | members, a status
/// bar, and the mode stack's overlays drawn once, bottom to top.
public enum ChatView {
    /// Rectangles of the screen, worked out from its size and what is open.
    struct Layout {
        var sidebar: Rect?
        var channel: Rect
        var thread: Rect?
        var members: Rect?
        var composer: Rect?
        var status: Rect

        init(width: Int, height: Int, state: ChatState) {
            // With a server, the composer sits above the status bar and grows with its text.
            let composerHeight = state.isLive ? min(ComposerView.height(state, width: width), max(0, height - 2)) : 0
            let body = max(0, height - 1 - composerHeight)
            composer = composerHeight > 0 ? Rect(x: 0, y: body, width: width, height: composerHeight) : nil
            status = Rect(x: 0, y: body + composerHeight, width: width, height: 1)
            // The sidebar gives way first on a narrow terminal.
            let sidebarWidth = width >= 100 ? 30 : width >= 70 ? 24 : width >= 50 ? 18 : 0
            sidebar = sidebarWidth > 0 ? Rect(x: 0, y: 0, width: sidebarWidth, height: body) : nil
            var x = sidebarWidth > 0 ? sidebarWidth + 1 : 0
            var right = width
            if state.showMembers, right - x >= 50 {
                members = Rect(x: right - 24, y: 0, width: 24, height: body)
                right -= 25
            }
            if state.thread != nil {
                let available = right - x
                if available >= 60 {
                    let w = max(28, available * 2 / 5)
                    thread = Rect(x: right - w, y: 0, width: w, height: body)
                    right -= w + 1
                } else {
                    // No room beside the channel: the thread takes the channel's place.
                    thread = Rect(x: x, y: 0, width: available, height: body)
                    x = right
                }
            }
            channel = Rect(x: x, y: 0, width: max(0, right - x), height: body)
        }
    }

    public static func render(_ state: ChatState, width: Int, height: Int, context: RenderContext) -> Frame {
        var frame = Frame(width: width, height: height, style: context.style("default"))
        guard width > 0, height > 0 else { return frame }
        let layout = Layout(width: width, height: height, state: state)
        let border = context.style("border")
        if let sidebar = layout.sidebar {
            SidebarView.draw(state, in: sidebar, frame: &frame, context: context)
            frame.vertical(x: sidebar.x + sidebar.width, y: 0, height: sidebar.height, style: border)
        }
        if layout.channel.width > 0 {
            MessageListView.drawChannel(state, in: layout.channel, frame: &frame, context: context)
        }
        if let thread = layout.thread {
            if thread.x > 0, thread.x > layout.channel.x { frame.vertical(x: thread.x - 1, y: 0, height: thread.height, style: border) }
            MessageListView.drawThread(state, in: thread, frame: &frame, context: context)
        }
        if let members = layout.members {
            frame.vertical(x: members.x - 1, y: 0, height: members.height, style: border)
            MembersView.draw(state, in: members, frame: &frame, context: context)
        }
        StatusBarView.draw(state, in: layout.status, frame: &frame, context: context)
        if let composer = layout.composer { ComposerView.draw(state, in: composer, frame: &frame, context: context) }
        // The modes over the panes, bottom to top: the one on top is drawn last, over the rest.
        for (i, mode) in state.modes.overlays.enumerated() {
            drawOverlay(mode, beneath: state.modes.overlays[..<i].last, layout: layout, state, frame: &frame, context: context)
        }
        return frame
    }
}

extension ChatView {
    /// One mode of the stack. Select, "delete?" and "flag?" are not boxes: the panes show the
    /// selection, the status line the question.
    static func drawOverlay(_ mode: Mode, beneath: Mode?, layout: Layout, _ state: ChatState, frame: inout Frame, context: RenderContext) {
        switch mode {
        case .select, .confirmDelete, .confirmLeave, .confirmFlag, .find:
            break
        case .links(let list):
            frame.cursor = nil
            ListOverlayViews.drawLinks(list, frame: &frame, context: context)
        case .joinPicker(let picker):
            frame.cursor = nil
            ListOverlayViews.drawJoin(picker, frame: &frame, context: context)
        case .prompt(let prompt):
            drawPrompt(prompt, in: layout.status, frame: &frame, context: context)
        case .completion(let completion):
            if let composer = layout.composer { OverlayViews.drawCompletion(completion, above: composer, frame: &frame, context: context) }
        case .switcher(let switcher):
            OverlayViews.drawSwitcher(switcher, state: state, frame: &frame, context: context)
        case .reactionPicker(let picker):
            frame.cursor = nil
            OverlayViews.drawReactionPicker(picker, state: state, frame: &frame, context: context)
        case .pollPicker(let picker):
            frame.cursor = nil
            PollCardView.drawPicker(picker, state: state, frame: &frame, context: context)
        case .search(let results):
            frame.cursor = nil
            OverlayViews.drawSearch(results, state: state, frame: &frame, context: context)
        case .threads(let list):
            frame.cursor = nil
            ThreadListView.draw(list, state: state, frame: &frame, context: context)
        case .details(let details):
            OverlayViews.drawDetails(details, state: state, frame: &frame, context: context)
        case .summary(let screen):
            frame.cursor = nil
            SummaryView.draw(screen, frame: &frame, context: context)
        case .help(let scroll):
            frame.cursor = nil
            OverlayViews.drawHelp(live: state.isLive, beneath: beneath, scroll: scroll, frame: &frame, context: context)
        }
    }
}

extension ChatView {
    /// The prompt over the status line, the terminal cursor after its text (whose end shows
    /// when it is longer than the line).
    static func drawPrompt(_ prompt: LinePrompt, in rect: Rect, frame: inout Frame, context: RenderContext) {
        let style = context.style("statusBar")
        frame.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: style)
        var x =
            rect.x
            + frame.put(
                context.label(prompt.purpose == .find ? " FIND " : " COMMAND "),
                x: rect.x,
                y: rect.y,
                style: context.style("statusBar.mode")
            )
        x += frame.put(context.label(prompt.purpose == .find ? " Find in channel: " : " "), x: x, y: rect.y, style: style)
        let room = max(0, rect.x + rect.width - x - 1)
        var text = context.text(prompt.text, singleLine: true).value
        while DisplayWidth.of(text) > room { text.removeFirst() }
        x += frame.put(context.text(text, singleLine: true), x: x, y: rect.y, maxWidth: room, style: style)
        frame.cursor = (x: x, y: rect.y)
    }
}

extension Frame {
    mutating func vertical(x: Int, y: Int, height h: Int, style: Style) {
        for row in y..<(y + h) { put(SanitizedText.trusted("│"), x: x, y: row, maxWidth: 1, style: style) }
    }
}

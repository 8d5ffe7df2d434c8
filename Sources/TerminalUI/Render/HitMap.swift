import ChatCore

/// What a frame shows where, for the mouse: the views record the regions they draw (a pane,
/// a channel row, a message's lines, a reaction chip, an overlay's box) as they draw them, so
/// a click maps to what the reader saw, never to a layout worked out again. A region drawn
/// later lies over the earlier ones, as its cells do.
public struct HitMap: Sendable {
    public enum Target: Equatable, Sendable {
        /// The sidebar: `top` its first row shown, `lastTop` the furthest down it scrolls.
        case sidebar(top: Int, lastTop: Int)
        case channel(cid: String)
        case group(ChatReducer.SidebarGroup)
        /// The sidebar's threads line: opens the threads list.
        case threads
        /// The channel's messages pane.
        case messages
        /// The thread pane, scrolled `scroll` lines up from its newest reply, at most `lastScroll`.
        case thread(scroll: Int, lastScroll: Int)
        /// A line of a message, in the pane it is drawn in.
        case message(Focus, id: String)
        case reaction(messageID: String, type: String)
        /// The help box, which scrolls to `last` at most.
        case help(last: Int)
        case summary
        /// Any other overlay's box: what is beneath it is not reached through it.
        case overlay
    }

    struct Region {
        var rect: Rect
        var target: Target
    }

    private(set) var regions: [Region] = []

    /// Lines the wheel moves at a time, in every pane.
    public static let wheelStep = 3

    mutating func add(_ rect: Rect, _ target: Target) {
        guard rect.width > 0, rect.height > 0 else { return }
        // A message's lines are added one below the other: they grow the region of its line
        // above (the same cells, drawn last either way) instead of adding one region a line.
        if let last = regions.last, last.target == target, last.rect.x == rect.x, last.rect.width == rect.width,
            last.rect.y + last.rect.height == rect.y
        {
            regions[regions.count - 1].rect.height += rect.height
            return
        }
        regions.append(Region(rect: rect, target: target))
    }

    /// The targets under the cell (x, y), the one drawn last first.
    public func targets(x: Int, y: Int) -> [Target] {
        regions.reversed().filter { $0.rect.contains(x: x, y: y) }.map(\.target)
    }

    /// What `mouse` asks for on this frame; nil: nothing (a click on a pane's blank, or on an
    /// overlay's box, a release, a motion).
    public func event(for mouse: MouseEvent) -> ChatEvent? {
        let under = targets(x: mouse.x, y: mouse.y)
        switch mouse.action {
        case .press(button: 0):
            // The topmost region decides: an overlay's box keeps a click from what lies beneath.
            switch under.first {
            case .channel(let cid)?: return .pointer(.openChannel(cid: cid))
            case .group(let group)?: return .pointer(.toggleGroup(group))
            case .threads?: return .pointer(.openThreads)
            case .message(let pane, let id)?: return .pointer(.select(pane, messageID: id))
            case .reaction(let id, let type)?: return .pointer(.toggleReaction(messageID: id, type: type))
            default: return nil
            }
        case .wheelUp, .wheelDown:
            // Rows and chips are not scrolled: the pane beneath them is.
            let step = mouse.action == .wheelUp ? -Self.wheelStep : Self.wheelStep
            for target in under {
                switch target {
                case .sidebar(let top, let lastTop):
                    return .pointer(.scrollSidebar(toRow: min(max(0, top + step), lastTop)))
                case .messages:
                    return .pointer(.scrollMessages(-step))
                case .thread(let scroll, let lastScroll):
                    return .pointer(.scrollThread(toLine: min(max(0, scroll - step), lastScroll)))
                case .help(let last):
                    return .helpScroll(by: step, last: last)
                case .summary:
                    return .summaryScroll(step)
                case .overlay:
                    return nil
                case .channel, .group, .threads, .message, .reaction:
                    continue
                }
            }
            return nil
        default:
            return nil
        }
    }
}

extension Rect {
    func contains(x px: Int, y py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
}

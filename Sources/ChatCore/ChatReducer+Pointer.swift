/// The mouse's intents (`ChatEvent.pointer`). A click on a channel or a message closes the
/// overlays first, as Esc would: they were about what the reader now points away from. A
/// reaction chip and the wheel leave the modes as they are.
extension ChatReducer {
    static func pointer(_ action: PointerAction, _ s: inout ChatState) -> [ChatEffect] {
        switch action {
        case .openChannel(let cid):
            // The row clicked stays under the pointer: the sidebar is not re-centred.
            let top = s.sidebarTop
            s.modes.popAll()
            let effects = open(cid, &s)
            s.sidebarTop = top
            return effects
        case .openThreads:
            return openThreads(&s)
        case .toggleGroup(let group):
            toggleFold(group, &s)
        case .select(let pane, let id):
            guard pane == .messages || s.thread != nil, row(id, in: s) != nil else { return [] }
            s.modes.popAll()
            s.thread?.hasFocus = pane == .thread
            s.modes.push(.select(pane: pane, messageID: id))
        case .toggleReaction(let id, let type):
            guard s.isLive else {
                s.status = "Reactions change through a server: this is a local store (open it with --server)"
                return []
            }
            let mine = row(id, in: s)?.reactions.contains { $0.type == type && $0.includesMine } ?? false
            return [.live(.react(messageID: id, type: type, add: !mine))]
        case .scrollMessages(let count):
            return scroll(count, &s) + markReadAtBottom(&s)
        case .scrollSidebar(let row):
            s.sidebarTop = max(0, row)
        case .scrollThread(let line):
            s.thread?.scroll = max(0, line)
            // Back at its newest reply, the thread is read, as the channel is at its newest message.
            return markThreadReadAtBottom(&s)
        }
        return []
    }
}

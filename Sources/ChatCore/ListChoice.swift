/// A list overlay with one chosen row (a message's links, the channels to join): ↑↓ move the
/// choice round the list, Esc closes it; what Enter does is each list's own.
protocol ListChoice {
    var selected: Int { get set }
    var count: Int { get }
}

extension LinkList: ListChoice {
    var count: Int { links.count }
}

extension JoinPicker: ListChoice {
    var count: Int { channels.count }
}

extension ChatReducer {
    /// Moves the choice of `list` (the top mode, made by `mode`) or closes it; false: the event is
    /// neither.
    static func moveOrClose<List: ListChoice>(_ event: ChatEvent, _ list: List, as mode: (List) -> Mode, _ s: inout ChatState) -> Bool {
        switch event {
        case .listMove(let delta):
            var list = list
            list.selected = (list.selected + delta + list.count) % list.count
            s.modes.replaceTop(with: mode(list))
        case .dismiss:
            s.modes.pop()
        default:
            return false
        }
        return true
    }
}

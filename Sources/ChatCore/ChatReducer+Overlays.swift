import ChatModel

/// The overlays' reducers: each takes its own intents and Esc, and nothing else reaches
/// beneath it (nil: not this mode's, dropped).
extension ChatReducer {
    static func reactionPicker(_ event: ChatEvent, _ picker: ReactionPicker, _ s: inout ChatState) -> [ChatEffect]? {
        var picker = picker
        switch event {
        case .pickerType(let text):
            picker.query += text
            picker.selected = 0
        case .pickerErase(let how):
            picker.query = how.applied(to: picker.query)
            picker.selected = 0
        case .pickerMove(let delta):
            let count = picker.matches.count
            if count > 0 { picker.selected = (picker.selected + delta + count) % count }
        case .pickerConfirm:
            s.modes.pop()
            guard picker.selected < picker.matches.count else { return [] }
            let type = picker.matches[picker.selected]
            let mine = row(picker.messageID, in: s)?.reactions.contains { $0.type == type && $0.includesMine } ?? false
            return [.live(.react(messageID: picker.messageID, type: type, add: !mine))]
        case .dismiss:
            s.modes.pop()
            return []
        default:
            return nil
        }
        s.modes.replaceTop(with: .reactionPicker(picker))
        return []
    }

    static func switcher(_ event: ChatEvent, _ switcher: Switcher, _ s: inout ChatState) -> [ChatEffect]? {
        var switcher = switcher
        switch event {
        case .switcherType(let text):
            switcher.query += text
            switcher.selected = 0
        case .switcherErase(let how):
            switcher.query = how.applied(to: switcher.query)
            switcher.selected = 0
        case .switcherMove(let delta):
            let count = switcherMatches(switcher.query, s.channels).count
            if count > 0 { switcher.selected = (switcher.selected + delta + count) % count }
        case .switcherConfirm:
            let matches = switcherMatches(switcher.query, s.channels)
            s.modes.pop()
            return switcher.selected < matches.count ? open(matches[switcher.selected].channel.channel.cid, &s) : []
        case .dismiss:
            s.modes.pop()
            return []
        default:
            return nil
        }
        s.modes.replaceTop(with: .switcher(switcher))
        return []
    }

    static func search(_ event: ChatEvent, _ search: SearchResults, _ s: inout ChatState) -> [ChatEffect]? {
        switch event {
        case .searchMove(let delta):
            var search = search
            if !search.rows.isEmpty { search.selected = (search.selected + delta + search.rows.count) % search.rows.count }
            s.modes.replaceTop(with: .search(search))
            return []
        case .searchConfirm:
            s.modes.pop()
            guard search.selected < search.rows.count else { return [] }
            let found = search.rows[search.selected].message
            // A reply shows in its thread; a message where it is, in the open channel too: its
            // page, not the newest.
            if let parent = found.parentID { return showThread(parent, in: found.cid, selecting: found.id, &s) }
            return open(found.cid, &s, at: found.id)
        case .dismiss:
            s.modes.pop()
            return []
        default:
            return nil
        }
    }

    static func details(_ event: ChatEvent, _ s: inout ChatState) -> [ChatEffect]? {
        guard case .dismiss = event else { return nil }
        s.modes.pop()
        return []
    }

    static func summary(_ event: ChatEvent, _ summary: SummaryScreen, _ s: inout ChatState) -> [ChatEffect]? {
        switch event {
        case .summaryScroll(let delta):
            var summary = summary
            summary.scroll = min(max(0, summary.scroll + delta), max(0, (summary.lines?.count ?? 0) - 1))
            s.modes.replaceTop(with: .summary(summary))
        case .toggleSummary, .dismiss:
            s.modes.pop()
        default:
            return nil
        }
        return []
    }

    static func help(_ event: ChatEvent, scroll: Int, _ s: inout ChatState) -> [ChatEffect]? {
        switch event {
        case .helpScroll(let delta, let last):
            s.modes.replaceTop(with: .help(scroll: min(max(0, scroll + delta), max(0, last))))
        case .toggleHelp, .dismiss:
            s.modes.pop()
        default:
            return nil
        }
        return []
    }
}

import ChatModel

/// The links list over a selected message (`o`) and copying to the clipboard: a link, or a
/// message's text.
extension ChatReducer {
    /// Opens the list of the message's links; a message without any says so.
    static func openLinks(of id: String, _ s: inout ChatState) {
        guard let row = row(id, in: s) else { return }
        let list = LinkList(row: row)
        guard !list.links.isEmpty else {
            s.status = "No link in this message" + (list.text.isEmpty ? "" : " (Y copies its text)")
            return
        }
        s.modes.push(.links(list))
    }

    /// `Y` on a selected message: its text to the clipboard.
    static func yankText(of id: String, _ s: inout ChatState) -> [ChatEffect] {
        guard let row = row(id, in: s), row.message.type != .deleted, let text = row.message.text, !text.isEmpty else {
            s.status = "This message has no text to copy"
            return []
        }
        return [.copyToClipboard(text)]
    }

    static func links(_ event: ChatEvent, _ list: LinkList, _ s: inout ChatState) -> [ChatEffect]? {
        if moveOrClose(event, list, as: Mode.links, &s) { return [] }
        switch event {
        case .listConfirm:
            s.modes.pop()
            return [.openURL(list.links[list.selected].url)]
        case .yankLink:
            return [.copyToClipboard(list.links[list.selected].url)]
        case .yankText:
            return yankText(of: list.messageID, &s)
        default:
            return nil
        }
    }
}

import ChatModel

/// Slack's message attachments (an integration's card or a link preview: `title`, `text`,
/// `fields`, `actions` …), which Mattermost keeps in a post's `props.attachments` in the same
/// shape, as Stream attachments. A bot's or webhook's post often says everything in its card
/// and nothing in its text, so a card left behind is a message emptied. Stream's attachments
/// take the same display keys; `fields` and `actions` are reserved there, so fields become lines
/// of the card's text ("Title: value") and buttons are dropped with the reason.
enum MessageCards {
    /// The display keys kept as they are (strings only); `text` and the image URLs are handled apart.
    private static let kept = [
        "title", "title_link", "pretext", "fallback", "color", "footer", "footer_icon", "author_name", "author_link", "author_icon",
    ]

    /// The cards in `values`, each text passed through `markup` (Slack's mrkdwn → text; identity
    /// for Markdown). `note(field, reason)` hears of every value dropped, the field named
    /// `attachments[i]…` as the export numbers them; at most `room` cards are kept.
    static func attachments(
        _ values: [JSONValue],
        room: Int,
        markup: (String) -> String,
        note: (_ field: String, _ reason: String) -> Void
    ) -> [JSONObject] {
        var out: [JSONObject] = []
        for (i, value) in values.enumerated() {
            let field = "attachments[\(i)]"
            guard let object = value.objectValue else {
                note(field, "not an object")
                continue
            }
            guard let card = card(object, field: field, markup: markup, note: note) else {
                note(field, "a card with no text, title or image")
                continue
            }
            guard out.count < room else {
                note(field, "over Stream's limit of \(MessageRules.maxAttachments) attachments")
                continue
            }
            out.append(card)
        }
        return out
    }

    private static func card(
        _ object: JSONObject,
        field: String,
        markup: (String) -> String,
        note: (String, String) -> Void
    ) -> JSONObject? {
        var card = JSONObject()
        for key in kept {
            guard let value = object[key]?.stringValue, !value.isEmpty else { continue }
            card[key] = .string(["title", "pretext", "fallback", "footer", "author_name"].contains(key) ? markup(value) : value)
        }
        var lines = [object["text"]?.stringValue].compactMap { $0 }.filter { !$0.isEmpty }.map(markup)
        for entry in object["fields"]?.arrayValue ?? [] {
            let title = entry.objectValue?["title"]?.stringValue ?? ""
            let value = markup(entry.objectValue?["value"]?.stringValue ?? "")
            guard !title.isEmpty || !value.isEmpty else { continue }
            lines.append(title.isEmpty ? value : value.isEmpty ? title : "\(markup(title)): \(value)")
        }
        if !lines.isEmpty { card["text"] = .string(lines.joined(separator: "\n")) }
        for key in ["image_url", "thumb_url"] {
            guard let url = object[key]?.stringValue, !url.isEmpty else { continue }
            if AttachmentRules.isHTTPSURL(url) {
                card[key] = .string(url)
            } else {
                note("\(field).\(key)", "not an https:// URL, which Stream's attachments require")
            }
        }
        if let actions = object["actions"]?.arrayValue, !actions.isEmpty {
            note("\(field).actions", "buttons and menus have no Stream import field")
        }
        let content = ["title", "text", "pretext", "fallback", "image_url", "thumb_url", "author_name"]
        return content.contains { card[$0] != nil } ? card : nil
    }
}

import Foundation

/// Slack's mrkdwn control sequences turned into Stream's text: `<@U…>` → `@name` (and the id
/// in `mentionedUsers`), `<#C…|name>` → `#name`, `<!here>` / `<!channel>` / `<!everyone>` →
/// `@here` / `@channel` / `@everyone` (and the flags), `<url|label>` → `[label](url)`, other
/// `<!…|label>` → the label; then `&lt;` `&gt;` `&amp;` unescaped. Tokens are found before
/// unescaping, so an escaped `&lt;@U1&gt;` that someone typed stays text.
struct SlackText {
    var text = ""
    /// Slack ids of the users mentioned, in order, once each.
    var mentionedUsers: [String] = []
    var mentionedHere = false
    var mentionedChannel = false

    init(_ mrkdwn: String, userName: (String) -> String?, channelName: (String) -> String?) {
        var rest = Substring(mrkdwn)
        while let open = rest.firstIndex(of: "<") {
            text += Self.unescaped(rest[..<open])
            guard let close = rest[open...].firstIndex(of: ">") else {
                rest = rest[open...]
                break
            }
            let token = rest[rest.index(after: open)..<close]
            text += render(token, userName: userName, channelName: channelName)
            rest = rest[rest.index(after: close)...]
        }
        text += Self.unescaped(rest)
    }

    private mutating func render(_ token: Substring, userName: (String) -> String?, channelName: (String) -> String?) -> String {
        let bar = token.firstIndex(of: "|")
        let target = String(token[..<(bar ?? token.endIndex)])
        let label = bar.map { Self.unescaped(token[token.index(after: $0)...]) }
        switch target.first {
        case "@":
            let id = String(target.dropFirst())
            if !mentionedUsers.contains(id) { mentionedUsers.append(id) }
            return "@" + (userName(id) ?? label ?? id)
        case "#":
            let id = String(target.dropFirst())
            return "#" + (label ?? channelName(id) ?? id)
        case "!":
            let command = target.dropFirst()
            switch command {
            case "here":
                mentionedHere = true
                return "@here"
            case "channel", "everyone":
                mentionedChannel = true
                return "@" + command
            default:
                // Subteams and dates: their label is what Slack shows.
                return label ?? "@" + (command.split(separator: "^").first.map(String.init) ?? "")
            }
        default:
            let url = Self.unescaped(target[...])
            guard let label, !label.isEmpty else { return url.hasPrefix("mailto:") ? String(url.dropFirst(7)) : url }
            if label == url || "mailto:" + label == url { return label }
            return "[\(label)](\(url))"
        }
    }

    static func unescaped(_ s: Substring) -> String {
        guard s.contains("&") else { return String(s) }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// The kind of a validation error: its message with the item's own values (ids, quoted
/// values, counts) taken out, so "user id "a" doesn't exist" and "user id "b" doesn't exist"
/// are one kind with two examples.
enum ErrorKind {
    private nonisolated(unsafe) static let rewrites: [(Regex<AnyRegexOutput>, String)] = [
        // The owner named at the end, e.g. `(message "m1")`.
        (#" \((user|device|channel|member|message|reaction|future_channel_ban|poll|poll_vote) "[^"]*"\)"#, ""),
        // Values quoted with single quotes are always the offending value.
        (#"'[^']*'"#, "'…'"),
        // Double-quoted ids after the word naming what they are; field names (`"cid" is …`) stay.
        (
            #"(user id|user|message|channel|item|device|member|reaction|future_channel_ban|team|poll_vote|poll|option_id|option id|option) "[^"]*""#,
            "$1 \"…\""
        ),
        (#"with teams \[[^\]]*\]"#, "with teams […]"),
        (#"\[\d+\]"#, "[N]"),
        (#"(has|is|\)\:|max_votes_allowed|votes for|not) \d+"#, "$1 N"),
    ].map { (try! Regex($0.0), $0.1) }

    static func of(_ message: String) -> String {
        var kind = message
        for (pattern, template) in rewrites {
            kind = kind.replacing(pattern) { match in
                template.replacing("$1", with: match.output.count > 1 ? match.output[1].substring.map(String.init) ?? "" : "")
            }
        }
        return kind
    }
}

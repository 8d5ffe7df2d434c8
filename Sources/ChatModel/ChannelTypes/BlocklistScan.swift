/// What a message's text holds for the block lists that are not word lists: the text a
/// pattern finds, the domains of its links, its e-mail addresses.
enum BlocklistScan {
    /// The text the first of `patterns` (in list order) finds in `text`, or nil.
    static func firstMatch(of patterns: [Regex<AnyRegexOutput>], in text: String) -> String? {
        for pattern in patterns {
            if let found = try? pattern.firstMatch(in: text) { return String(text[found.range]) }
        }
        return nil
    }

    /// The hosts `text` names, lowercased, in order. A link (a scheme, or `www.`) always counts;
    /// with `linksOnly` false so does a bare `name.tld` (a last label of two or more letters),
    /// which is what a domain block list looks for. An allow list counts links alone: a bare
    /// `notes.txt` is not a domain someone failed to allow.
    static func domains(in text: String, linksOnly: Bool) -> [String] {
        tokens(of: text).compactMap { token in
            guard !token.contains("@") else { return nil }
            var rest = Substring(token)
            var link = false
            if let scheme = rest.firstRange(of: "://"), rest[..<scheme.lowerBound].allSatisfy(\.isLetter) {
                rest = rest[scheme.upperBound...]
                link = true
            }
            let host = rest.prefix { !"/?#:".contains($0) }.lowercased()
            link = link || host.hasPrefix("www.")
            let labels = host.split(separator: ".", omittingEmptySubsequences: false)
            guard link || !linksOnly, labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isHostCharacter) }),
                let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter)
            else { return nil }
            return host
        }
    }

    /// Whether `host` is one of `domains` (lowercase) or a name under one (`mail.spam.com` under `spam.com`).
    static func domain(_ host: String, isUnder domains: [String]) -> Bool {
        domains.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// The e-mail addresses `text` holds (`mailto:` links too), lowercased, in order.
    static func addresses(in text: String) -> [String] {
        tokens(of: text).compactMap { token in
            let address = (token.lowercased().hasPrefix("mailto:") ? String(token.dropFirst(7)) : token).lowercased()
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !domains(in: String(parts[1]), linksOnly: false).isEmpty
            else { return nil }
            return address
        }
    }

    /// The text's words, split at white space, without the punctuation around them
    /// (`(see spam.com).` is `see` and `spam.com`).
    private static func tokens(of text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map { String($0).trimmed { "()[]{}<>\"'.,;:!?".contains($0) } }
            .filter { !$0.isEmpty }
    }

    private static func isHostCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "-") }
}

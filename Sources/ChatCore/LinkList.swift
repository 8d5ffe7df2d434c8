import ChatModel

/// One link of a message: where it goes, and where in the message it was found.
public struct MessageLink: Sendable, Equatable {
    public var url: String
    /// "text", or the attachment's type and title ("image · photo.jpg").
    public var source: String

    public init(url: String, source: String) {
        self.url = url
        self.source = source
    }
}

/// `o` on a selected message: every link it holds, those of its text first, then its
/// attachments' (asset, image, title and scraped links), each once. Enter opens one, `y`
/// copies it and `Y` the message's text.
public struct LinkList: Sendable, Equatable {
    public var messageID: String
    public var text: String
    public var links: [MessageLink]
    public var selected = 0

    public init(row: MessageRow) {
        messageID = row.id
        let deleted = row.message.type == .deleted
        text = deleted ? "" : row.message.text ?? ""
        var links = TextLinks.find(in: text).map { MessageLink(url: $0.url, source: "text") }
        for attachment in deleted ? [] : row.message.attachments {
            let source = ([attachment.type ?? "attachment"] + [attachment.title].compactMap { $0 }).joined(separator: " · ")
            let urls =
                [attachment.assetURL, attachment.imageURL] + ["title_link", "og_scrape_url"].map { attachment.fields[$0]?.stringValue }
            links += urls.compactMap { $0 }.filter(TextLinks.isOpenable).map { MessageLink(url: $0, source: source) }
        }
        var seen = Set<String>()
        self.links = links.filter { seen.insert($0.url).inserted }
    }
}

/// The links a message's text holds: http, https and mailto URLs that start a word, up to
/// whitespace, without the punctuation that ends a sentence around them.
public enum TextLinks {
    /// The only schemes a link may have: the ones a desktop's opener hands to a browser or a
    /// mail program (a `file:` or custom-scheme link in a message could run anything).
    public static let schemes = ["https://", "http://", "mailto:"]

    /// Whether `url` has one of `schemes`, something after it, and no whitespace or control
    /// character anywhere.
    public static func isOpenable(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard let scheme = schemes.first(where: { lower.hasPrefix($0) }), url.count > scheme.count else { return false }
        return !url.unicodeScalars.contains { $0.properties.isWhitespace || UnsafeScalar($0) != nil }
    }

    /// The URLs in `text`, by character offsets.
    public static func find(in text: String) -> [(range: Range<Int>, url: String)] {
        // Every message is asked at every render: most hold no colon, which a byte scan tells
        // before Foundation's searches (they were a twentieth of a render).
        guard text.utf8.contains(UInt8(ascii: ":")), text.contains("://") || text.lowercased().contains("mailto:") else { return [] }
        let characters = Array(text)
        var found: [(range: Range<Int>, url: String)] = []
        var i = 0
        while i < characters.count {
            let startsWord = i == 0 || !(characters[i - 1].isLetter || characters[i - 1].isNumber)
            guard startsWord, let scheme = schemeLength(characters, at: i) else {
                i += 1
                continue
            }
            var end = i + scheme
            while end < characters.count, !endsLink(characters[end]) { end += 1 }
            while end > i + scheme, isTrailing(characters[end - 1], in: characters[i..<end]) { end -= 1 }
            if end > i + scheme, case let url = String(characters[i..<end]), isOpenable(url) {
                found.append((i..<end, url))
                i = end
            } else {
                i += scheme
            }
        }
        return found
    }

    private static func schemeLength(_ characters: [Character], at i: Int) -> Int? {
        schemes.first { scheme in
            i + scheme.count <= characters.count
                && zip(characters[i..<(i + scheme.count)], scheme).allSatisfy { $0.lowercased() == String($1) }
        }?.count
    }

    private static func endsLink(_ c: Character) -> Bool {
        c.isWhitespace || "<>\"`".contains(c) || c.unicodeScalars.contains { UnsafeScalar($0) != nil }
    }

    /// Sentence punctuation after a URL, and a closing bracket whose opening one is outside it
    /// (`(see https://x.org/a)`), while `https://en.wikipedia.org/wiki/Swift_(language)` keeps its own.
    private static func isTrailing(_ c: Character, in url: ArraySlice<Character>) -> Bool {
        switch c {
        case ".", ",", ";", ":", "!", "?", "'", "*": return true
        case ")": return url.filter { $0 == "(" }.count < url.filter { $0 == ")" }.count
        case "]": return url.filter { $0 == "[" }.count < url.filter { $0 == "]" }.count
        default: return false
        }
    }
}

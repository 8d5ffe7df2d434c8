import Foundation

/// A `multipart/form-data` body (RFC 7578) as the SDKs send an upload: a `file` part and small
/// text fields (`user`). Hand-written because it is small and every byte of it is hostile
/// input: parts are read by searching for the delimiter, never by trusting a length, and
/// anything malformed or cut short is an error rather than a guess. `FuzzTarget.multipart`
/// attacks it.
public struct MultipartForm: Sendable {
    public struct Part: Sendable, Equatable {
        public var name: String
        /// The client's file name, as given: never used as a path.
        public var filename: String?
        public var contentType: String?
        public var data: [UInt8]
    }

    public struct Malformed: Error, Equatable {
        public let reason: String
    }

    public let parts: [Part]

    /// At most this many parts, and this many bytes of headers per part.
    static let maxParts = 16
    static let maxHeaderBytes = 8 << 10

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header.
    public static func boundary(contentType: String) throws -> String {
        let fields = parameters(contentType)
        guard fields.first?.key.lowercased() == "multipart/form-data" else {
            throw Malformed(reason: "the body must be multipart/form-data")
        }
        guard let boundary = fields.first(where: { $0.key.lowercased() == "boundary" })?.value, (1...70).contains(boundary.utf8.count)
        else {
            throw Malformed(reason: "multipart/form-data needs a boundary of 1 to 70 characters")
        }
        return boundary
    }

    public init(body: [UInt8], boundary: String) throws {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard var cursor = Self.find(delimiter, in: body, from: 0).map({ $0 + delimiter.count }) else {
            throw Malformed(reason: "the body has no multipart boundary")
        }
        var parts: [Part] = []
        while true {
            // After a delimiter: "--" closes the body, CRLF starts a part.
            if Self.has([0x2D, 0x2D], in: body, at: cursor) { break }
            guard Self.has([0x0D, 0x0A], in: body, at: cursor) else {
                throw Malformed(reason: "a multipart boundary is not followed by a line end")
            }
            cursor += 2
            guard parts.count < Self.maxParts else { throw Malformed(reason: "more than \(Self.maxParts) parts") }
            // Headers end within their bound, or the body is refused without reading further.
            guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: cursor, within: Self.maxHeaderBytes + 4)
            else { throw Malformed(reason: "a part's headers are cut short or too long") }
            guard let dataEnd = Self.find(separator, in: body, from: headerEnd + 4) else {
                throw Malformed(reason: "the body is cut short: a part has no closing boundary")
            }
            var part = try Self.part(headers: body[cursor..<headerEnd])
            part.data = Array(body[(headerEnd + 4)..<dataEnd])
            parts.append(part)
            cursor = dataEnd + separator.count
        }
        self.parts = parts
    }

    /// The first part named `name`.
    public subscript(name: String) -> Part? { parts.first { $0.name == name } }

    private static func part(headers: ArraySlice<UInt8>) throws -> Part {
        var name: String?
        var filename: String?
        var contentType: String?
        for line in String(decoding: headers, as: UTF8.self).components(separatedBy: "\r\n") where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw Malformed(reason: "a part header has no colon") }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch line[..<colon].lowercased() {
            case "content-disposition":
                let fields = parameters(value)
                guard fields.first?.key.lowercased() == "form-data" else { throw Malformed(reason: "a part is not form-data") }
                name = fields.first { $0.key.lowercased() == "name" }?.value
                filename = fields.first { $0.key.lowercased() == "filename" }?.value
            case "content-type": contentType = value
            default: continue
            }
        }
        guard let name, !name.isEmpty else { throw Malformed(reason: "a part has no name") }
        return Part(name: name, filename: filename, contentType: contentType, data: [])
    }

    /// `value; key=value; key="quoted; value"` as (key, value) pairs, the first with an empty value.
    static func parameters(_ header: String) -> [(key: String, value: String)] {
        var fields: [(key: String, value: String)] = []
        var current = ""
        var quoted = false
        var escaped = false
        func flush() {
            let text = current.trimmingCharacters(in: .whitespaces)
            current = ""
            guard !text.isEmpty else { return }
            guard let equals = text.firstIndex(of: "="), !fields.isEmpty else { return fields.append((text, "")) }
            var value = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            fields.append((text[..<equals].trimmingCharacters(in: .whitespaces), value))
        }
        for character in header {
            if character == ";" && !quoted {
                flush()
                continue
            }
            if character == "\"" && !escaped { quoted.toggle() }
            escaped = character == "\\" && !escaped
            current.append(character)
        }
        flush()
        return fields
    }

    private static func has(_ needle: [UInt8], in haystack: [UInt8], at index: Int) -> Bool {
        index + needle.count <= haystack.count && haystack[index..<(index + needle.count)].elementsEqual(needle)
    }

    /// Where `needle` first starts in `haystack` at or after `start` (and, with `within`, ends
    /// at most that many bytes after it).
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, within: Int? = nil) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = min(haystack.count, within.map { start + $0 } ?? haystack.count) - needle.count
        while index <= last {
            if haystack[index] == first, has(needle, in: haystack, at: index) { return index }
            index += 1
        }
        return nil
    }
}

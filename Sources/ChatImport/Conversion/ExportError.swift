/// An export that cannot be converted: a missing or unreadable file, malformed JSON, a hostile
/// archive, or a record without what the conversion needs. Nothing is written when one is thrown.
public struct ExportError: Error, Sendable, CustomStringConvertible {
    /// The file (or archive entry, or bundle key) at fault.
    public var file: String
    /// The line the record starts on, when known.
    public var line: Int?
    public var reason: String

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)" }
}

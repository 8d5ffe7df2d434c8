import ChatModel
import Foundation

/// A Slack workspace export, a `.zip` or its unpacked folder, as a `ConversionSource`.
///
/// Public API:
/// ```swift
/// let export = try SlackExport(path: "workspace-export.zip")
/// let report = try ConversionOutput.write(to: URL(fileURLWithPath: "out.jsonl")) { sink in
///     try export.convert(into: sink, progress: nil)
/// }
/// ```
/// Root files: `users.json` (or `org_users.json`) and `channels.json` make an export;
/// `groups.json`, `dms.json` and `mpims.json` are read when present. Each conversation's
/// folder holds one JSON array of messages per day (`YYYY-MM-DD.json`); other files
/// (`integration_logs.json`, canvases, `__MACOSX`) are not read. Day files are parsed one at a
/// time, three times (references, messages, reactions), so memory follows the largest day
/// file, the users and the channels, never the whole history.
public struct SlackExport: ConversionSource {
    public let files: ExportFiles
    public var path: String { files.path }
    public var kind: SourceKind { .slack }
    public var listLimit = 1000

    public init(path: String) throws(ExportError) {
        files = try ExportFiles(path: path)
        guard files.contains("channels.json") || files.contains("users.json") || files.contains("org_users.json") else {
            throw ExportError(
                file: path,
                reason: "not a Slack export: no users.json or channels.json at its top (pass the export's .zip or its unpacked folder)"
            )
        }
    }

    public var progressBytes: Int64 { 3 * files.sizes.filter { Self.isDayFile($0.key) }.values.reduce(0, +) }

    /// `folder/YYYY-MM-DD.json`, the only files that hold messages.
    static func isDayFile(_ name: String) -> Bool {
        let parts = name.split(separator: "/")
        guard parts.count == 2, parts[1].hasSuffix(".json") else { return false }
        let day = parts[1].dropLast(5).utf8
        return day.count == 10 && day.enumerated().allSatisfy { i, c in i == 4 || i == 7 ? c == UInt8(ascii: "-") : (48...57).contains(c) }
    }

    public func convert(into sink: any ConvertedItemSink, progress: ((ImportProgress) -> Void)?) throws -> any ConversionReporting {
        try SlackConversionRun(export: self, progress: progress).run(into: sink)
    }

    /// A root file's records: a JSON array of objects, or nil when the file is absent.
    func rootArray(_ name: String) throws(ExportError) -> [JSONObject]? {
        guard files.contains(name) else { return nil }
        return try array(name)
    }

    /// A file that must be a JSON array of objects; the error names the file and the element.
    func array(_ name: String) throws(ExportError) -> [JSONObject] {
        let bytes = try files.read(name)
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw ExportError(file: files.place(name), reason: "malformed JSON: \(error.message) (byte \(error.offset))")
        }
        guard case .array(let items) = value else {
            throw ExportError(file: files.place(name), reason: "expected a JSON array, found \(value.typeName)")
        }
        return try items.enumerated().map { (i, item) throws(ExportError) in
            guard case .object(let object) = item else {
                throw ExportError(file: files.place(name), reason: "element \(i) is \(item.typeName), not an object")
            }
            return object
        }
    }
}

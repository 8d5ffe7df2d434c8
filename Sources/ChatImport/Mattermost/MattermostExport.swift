import ChatModel
import Foundation

/// A Mattermost bulk export (`mmctl export`) as a `ConversionSource`: its `import.jsonl`, given
/// as the file itself, the export's `.zip`, or its unpacked folder.
///
/// Lines are `{"type":"<kind>","<kind>":{…}}` (`version` is flat): `version`, `team`,
/// `channel`, `user` (with its `teams[].channels[]` memberships), `bot`, `post` (with
/// `replies`, `reactions`, `attachments`), `direct_channel`, `direct_post`; `scheme`, `role`
/// and `emoji` have no Stream counterpart. The file streams through the import reader three
/// times (plan, messages, reactions); memory follows the users and channels. From a `.zip`,
/// `import.jsonl` is first streamed to a scratch file (with `ZipArchive`'s limits).
public struct MattermostExport: ConversionSource {
    public let path: String
    /// The JSON Lines file read, or the entry to copy out of an archive.
    let files: ExportFiles?
    let linesFile: String
    public var kind: SourceKind { .mattermost }
    public var listLimit = 1000

    public init(path: String) throws(ExportError) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ExportError(file: path, reason: "no such file or directory")
        }
        if !isDirectory.boolValue, Self.looksLikeLines(path) {
            files = nil
            linesFile = path
        } else {
            let files = try ExportFiles(path: path)
            guard let name = files.names.first(where: { $0 == "import.jsonl" }) ?? files.names.first(where: { $0.hasSuffix(".jsonl") })
            else {
                throw ExportError(file: path, reason: "not a Mattermost bulk export: no import.jsonl in it")
            }
            self.files = files
            linesFile = name
        }
    }

    /// A bare JSON Lines file starts with `{` (after blanks); a ZIP with `PK`.
    private static func looksLikeLines(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return head.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) != UInt8(ascii: "P")
    }

    public var progressBytes: Int64 {
        let size =
            files.map { $0.sizes[linesFile] ?? 0 }
            ?? ((try? FileManager.default.attributesOfItem(atPath: linesFile)[.size] as? NSNumber)?.int64Value ?? 0)
        return 3 * size
    }

    public func convert(into sink: any ConvertedItemSink, progress: ((ImportProgress) -> Void)?) throws -> any ConversionReporting {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chatterm-mm-\(UUID().uuidString.prefix(8)).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let file = try files?.file(linesFile, scratch: scratch) ?? linesFile
        return try MattermostConversionRun(export: self, file: file, progress: progress).run(into: sink)
    }
}

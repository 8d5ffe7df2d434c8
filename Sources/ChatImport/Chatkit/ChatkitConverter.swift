import ChatModel
import Foundation

/// The name the Chatkit converter's errors had before every source shared them.
public typealias ChatkitExportError = ExportError

/// Converts a Pusher Chatkit export into a Stream import file.
///
/// Public API:
/// ```swift
/// // To a file (written whole or not at all):
/// let report = try ChatkitConverter.convert(export: URL(fileURLWithPath: "export/"),
///                                           to: URL(fileURLWithPath: "out.jsonl"),
///                                           options: .init(publicRoomType: .livestream))
/// // Only the report (what `chatterm report --chatkit EXPORT` needs):
/// let report = try ChatkitConverter.report(export: URL(fileURLWithPath: "export/"))
/// // Into any sink:
/// let report = try ChatkitConverter.convert(export: url, into: mySink)
/// ```
/// `export` is a directory (`users`, `rooms`, `messages`, optional `cursors`, `memberships`,
/// `roles`, `user_roles`; `.ndjson`, `.jsonl` or `.json`; JSON arrays or one object a line) or
/// one bundle file with those keys. Throws `ExportError` for an export it cannot read
/// (missing file, malformed JSON, a record without an id…); everything it can convert it does,
/// and the returned `ChatkitConversionReport` says what changed and why.
///
/// Messages are read twice and never held: the first pass indexes each room's message ids and
/// times (for cursors and repeated ids), the second converts and writes them in file order.
public enum ChatkitConverter {
    /// What public Chatkit rooms become: `team` (membership-based, like Slack) or
    /// `livestream` (anyone may read and write, as Stream's migration guide suggests).
    public enum PublicRoomType: String, Sendable, CaseIterable {
        case team, livestream
    }

    public struct Options: Sendable {
        public var publicRoomType: PublicRoomType
        /// How many entries the report's growing lists keep (changes, expiring links).
        public var listLimit: Int

        public init(publicRoomType: PublicRoomType = .team, listLimit: Int = 1000) {
            self.publicRoomType = publicRoomType
            self.listLimit = listLimit
        }
    }

    /// Converts into `output`, through a temporary file beside it that replaces it only when
    /// the whole export converted: a failure leaves `output` as it was.
    public static func convert(
        export: URL,
        to output: URL,
        options: Options = Options(),
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ChatkitConversionReport {
        try convert(source: ChatkitExportSource(path: export.path), to: output, options: options, progress: progress)
    }

    /// The same, for an export already opened.
    public static func convert(
        source: ChatkitExportSource,
        to output: URL,
        options: Options = Options(),
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ChatkitConversionReport {
        // The closure returns this report, so it comes back as one.
        try ConversionOutput.write(to: output) { sink in
            try convert(source: source, into: sink, options: options, progress: progress)
        } as! ChatkitConversionReport
    }

    /// Converts into `sink`. On a throw the sink may hold part of the output.
    public static func convert(
        export: URL,
        into sink: any ConvertedItemSink,
        options: Options = Options(),
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ChatkitConversionReport {
        try convert(source: ChatkitExportSource(path: export.path), into: sink, options: options, progress: progress)
    }

    /// Converts an export already opened (its `messageBytes` sizes a progress bar).
    public static func convert(
        source: ChatkitExportSource,
        into sink: any ConvertedItemSink,
        options: Options = Options(),
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ChatkitConversionReport {
        let conversion = ChatkitConversionRun(source: source, options: options, progress: progress)
        return try conversion.run(into: sink)
    }

    /// The report alone: the whole conversion, with the items thrown away.
    public static func report(export: URL, options: Options = Options()) throws -> ChatkitConversionReport {
        try convert(export: export, into: DiscardingItemSink(), options: options)
    }
}

import ChatModel
import Foundation

/// The exports chatterm converts: `chatterm convert --from KIND`.
public enum SourceKind: String, Sendable, CaseIterable {
    case chatkit, slack, mattermost

    /// The custom field that marks the placeholders its conversion writes.
    public var placeholderField: String { self == .mattermost ? "mm_placeholder" : "\(rawValue)_placeholder" }

    /// How people name it ("Chatkit", "Slack", "Mattermost").
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// Opens an export of this kind with default options (Chatkit's are in `ChatkitSource`).
    public func open(_ path: String) throws(ExportError) -> any ConversionSource {
        switch self {
        case .chatkit: ChatkitSource(export: try ChatkitExportSource(path: path))
        case .slack: try SlackExport(path: path)
        case .mattermost: try MattermostExport(path: path)
        }
    }
}

/// One export, opened, that converts into Stream import items: the shape every converter has.
///
/// `convert` streams the export (memory follows its users and channels, never its messages),
/// writes items to the sink in Stream's order, and returns the report: counts in and out, ids
/// changed, values changed or dropped with the reason, placeholders, links that will not
/// resolve. It throws `ExportError` for an export it cannot read; on a throw the sink may hold
/// part of the output (`ConversionOutput` writes a file whole or not at all).
public protocol ConversionSource: Sendable {
    var kind: SourceKind { get }
    /// The export as given: the report and the import task name it.
    var path: String { get }
    /// Bytes the conversion reads (twice or more), to size a progress bar.
    var progressBytes: Int64 { get }
    func convert(into sink: any ConvertedItemSink, progress: ((ImportProgress) -> Void)?) throws -> any ConversionReporting
}

extension ConversionSource {
    /// The report alone: the whole conversion, with the items thrown away.
    public func report() throws -> any ConversionReporting { try convert(into: DiscardingItemSink(), progress: nil) }
}

/// A Chatkit export with its options, as a `ConversionSource`.
public struct ChatkitSource: ConversionSource {
    public var export: ChatkitExportSource
    public var options: ChatkitConverter.Options

    public init(export: ChatkitExportSource, options: ChatkitConverter.Options = .init()) {
        self.export = export
        self.options = options
    }

    public var kind: SourceKind { .chatkit }
    public var path: String { export.path }
    public var progressBytes: Int64 { export.messageBytes }

    public func convert(into sink: any ConvertedItemSink, progress: ((ImportProgress) -> Void)?) throws -> any ConversionReporting {
        try ChatkitConverter.convert(source: export, into: sink, options: options, progress: progress)
    }
}

/// Writing a conversion to an import file: through a temporary file beside it that replaces it
/// only when the whole export converted, so a failure leaves `output` as it was. The report
/// comes back with `output` set. `temporary` hears the temporary file's path before it is made
/// (so a command can remove it if a signal ends the process).
public enum ConversionOutput {
    public static func write(
        to output: URL,
        temporary: (String) -> Void = { _ in },
        _ convert: (any ConvertedItemSink) throws -> any ConversionReporting
    ) throws -> any ConversionReporting {
        let partial = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).partial-\(UUID().uuidString.prefix(8))"
        )
        temporary(partial.path)
        // An error names the file asked for, not the temporary one.
        func named(_ error: any Error) -> any Error {
            guard let error = error as? ImportFileError else { return error }
            return ImportFileError(path: output.path, reason: error.reason.lowercased())
        }
        let writer: ImportFileWriter
        do { writer = try ImportFileWriter(path: partial.path) } catch { throw named(error) }
        do {
            var report = try convert(writer)
            try writer.close()
            if FileManager.default.fileExists(atPath: output.path) { try FileManager.default.removeItem(at: output) }
            try FileManager.default.moveItem(at: partial, to: output)
            report.output = output.path
            return report
        } catch {
            try? writer.close()
            try? FileManager.default.removeItem(at: partial)
            throw named(error)
        }
    }
}

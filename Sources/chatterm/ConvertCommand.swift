import ArgumentParser
import ChatImport
import Foundation

extension SourceKind: ExpressibleByArgument {}

/// Which export, of which kind: shared by `convert` and `migrate`.
struct ExportOptions: ParsableArguments {
    @Option(help: "The export's kind: chatkit, slack or mattermost.")
    var from: SourceKind

    @Argument(
        help: """
            The export: Chatkit a directory or bundle file; Slack the workspace export's .zip or its unpacked folder; \
            Mattermost the bulk export's .zip, its folder, or its import.jsonl.
            """
    )
    var export: String

    @Option(help: "Chatkit only: what public rooms become, team (the default) or livestream.")
    var publicRooms: ChatkitConverter.PublicRoomType = .team

    func openSource() throws -> any ConversionSource { try Self.open(from, export, publicRooms: publicRooms) }

    /// Opens the export, or fails with exit code 2 and the reason.
    static func open(
        _ kind: SourceKind,
        _ path: String,
        publicRooms: ChatkitConverter.PublicRoomType = .team
    ) throws -> any ConversionSource {
        do {
            if kind == .chatkit {
                return ChatkitSource(export: try ChatkitExportSource(path: path), options: .init(publicRoomType: publicRooms))
            }
            return try kind.open(path)
        } catch {
            throw failure("cannot read the \(kind.title) export: \(error)", code: 2)
        }
    }

    /// The conversion's errors as CLI failures, exit code 2: nothing was written.
    static func converting<T>(_ kind: SourceKind, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExportError {
            throw failure("cannot convert the \(kind.title) export, nothing was written: \(error)", code: 2)
        } catch let error as ImportFileError {
            throw failure("cannot write \(error)", code: 2)
        }
    }
}

/// Where a conversion goes: shared by `convert` and `chatkit convert`.
struct ConvertOutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The import file to write (- is standard output).")
    var output: String

    @Option(help: "Also write the conversion report (JSON) here.")
    var report: String?

    @Option(help: "text (a summary for people) or json (the whole conversion report).")
    var format: OutputFormat = .text

    func convert(_ export: any ConversionSource) throws {
        if let report { try Self.requireFolder(of: report) }
        let progress = ProgressLine(label: "converting", totalBytes: export.progressBytes)
        let result = try ExportOptions.converting(export.kind) { () throws -> any ConversionReporting in
            if output != "-" {
                return try PartialFiles.guarding {
                    try ConversionOutput.write(to: URL(fileURLWithPath: output), temporary: PartialFiles.add) { sink in
                        try export.convert(into: sink, progress: progress.update)
                    }
                }
            }
            // Standard output cannot be written whole or not at all: it is written as the conversion goes.
            let writer = try ImportFileWriter(path: "-")
            let result = try export.convert(into: writer, progress: progress.update)
            try writer.close()
            return result
        }
        progress.finish()
        if let report {
            do {
                try result.jsonData().write(to: URL(fileURLWithPath: report))
            } catch {
                throw failure("cannot write the report to \(report): \(CommandFailure.fileReason(error))", code: 2)
            }
        }
        // With the import file on standard output, the summary goes to standard error.
        let stream: OutputStream = output == "-" ? .standardError : .standardOutput
        switch format {
        case .text: stream.write(terminalSafeLines(ConversionSummary.text(result)))
        case .json: stream.write(String(decoding: try result.jsonData(), as: UTF8.self) + "\n")
        }
    }

    /// The report is written after the conversion: a folder it cannot go into is found before
    /// a long conversion, not after it (which left the import file written and the command failed).
    private static func requireFolder(of report: String) throws {
        let folder = (report as NSString).deletingLastPathComponent
        let path = folder.isEmpty ? "." : folder
        var isFolder: ObjCBool = false
        let reason: Int32? =
            !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) || !isFolder.boolValue
            ? ENOENT : FileManager.default.isWritableFile(atPath: path) ? nil : EACCES
        if let reason {
            throw failure("cannot write the report to \(report): \(String(cString: strerror(reason)).lowercased())", code: 2)
        }
    }
}

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a Chatkit, Slack or Mattermost export into a Stream import file (JSON Lines).",
        discussion: """
            Every record is converted or accounted for with a reason. Ids Stream would reject are mapped (the original \
            kept as chatkit_id, slack_id or mm_username); users the export names but lacks become placeholders. \
            Slack: public and private channels become team channels (archived: frozen), DMs and group DMs distinct \
            messaging channels, message ids {channel}-{ts}; file links need the workspace's token and are listed. \
            Mattermost: channels become team channels in their team, direct channels distinct messaging channels, \
            last_viewed_at each member's last_read; attachments are only paths and are listed. \
            Prints a summary; --report FILE writes the whole report as JSON. The output is written whole or not at all \
            (to a file; - streams it to standard output, and the summary goes to standard error). \
            Exit 0 converted, 2 the export cannot be read.
            """
    )

    static let chatkitDiscussion = """
        Private rooms become messaging channels, public rooms team (or --public-rooms livestream) channels; \
        cursors become each member's last_read; ids Stream would reject are mapped (the original kept as chatkit_id). \
        Prints a summary; --report FILE writes every changed id, dropped or truncated value and expiring link as JSON. \
        The output is written whole or not at all (to a file; - streams it to standard output, and the summary goes to standard error). Exit 0 converted, 2 the export cannot be read.
        """

    @OptionGroup var source: ExportOptions
    @OptionGroup var output: ConvertOutputOptions

    func run() throws { try output.convert(try source.openSource()) }
}

import ArgumentParser
import ChatImport
import Foundation

struct ChatkitConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a Chatkit export into a Stream import file (JSON Lines).",
        discussion: """
            Private rooms become messaging channels, public rooms team (or --public-rooms livestream) channels; \
            cursors become each member's last_read; ids Stream would reject are mapped (the original kept as chatkit_id). \
            Prints a summary; --report FILE writes every changed id, dropped or truncated value and expiring link as JSON. \
            The output is written whole or not at all. Exit 0 converted, 2 the export cannot be read.
            """
    )

    @OptionGroup var source: ChatkitExportOptions

    @Option(name: .shortAndLong, help: "The import file to write.")
    var output: String

    @Option(help: "Also write the conversion report (JSON) here.")
    var report: String?

    func run() throws {
        let export = try source.openSource()
        let progress = ProgressLine(label: "converting", totalBytes: export.messageBytes)
        let result = try ChatkitFailure.converting {
            try ChatkitConverter.convert(
                source: export,
                to: URL(fileURLWithPath: output),
                options: source.converterOptions,
                progress: progress.update
            )
        }
        progress.finish()
        if let report {
            do {
                try result.jsonData().write(to: URL(fileURLWithPath: report))
            } catch {
                throw failure("cannot write the report to \(report): \(error)", code: 2)
            }
        }
        ChatkitSummary(report: result).print(to: .standardOutput)
    }
}

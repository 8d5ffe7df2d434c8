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
            The output is written whole or not at all (to a file; - streams it to standard output, and the summary goes to standard error). Exit 0 converted, 2 the export cannot be read.
            """
    )

    @OptionGroup var source: ChatkitExportOptions

    @Option(name: .shortAndLong, help: "The import file to write (- is standard output).")
    var output: String

    @Option(help: "Also write the conversion report (JSON) here.")
    var report: String?

    @Option(help: "text (a summary for people) or json (the whole conversion report).")
    var format: OutputFormat = .text

    func run() throws {
        let export = try source.openSource()
        let progress = ProgressLine(label: "converting", totalBytes: export.messageBytes)
        let result = try ChatkitFailure.converting {
            if output != "-" {
                return try ChatkitConverter.convert(
                    source: export,
                    to: URL(fileURLWithPath: output),
                    options: source.converterOptions,
                    progress: progress.update
                )
            }
            // Standard output cannot be written whole or not at all: it is written as the conversion goes.
            let writer = try ImportFileWriter(path: "-")
            let result = try ChatkitConverter.convert(
                source: export,
                into: writer,
                options: source.converterOptions,
                progress: progress.update
            )
            try writer.close()
            return result
        }
        progress.finish()
        if let report {
            do {
                try result.jsonData().write(to: URL(fileURLWithPath: report))
            } catch {
                throw failure("cannot write the report to \(report): \(error.localizedDescription)", code: 2)
            }
        }
        // With the import file on standard output, the summary goes to standard error.
        let stream: OutputStream = output == "-" ? .standardError : .standardOutput
        switch format {
        case .text: ChatkitSummary(report: result).print(to: stream)
        case .json: stream.write(String(decoding: try result.jsonData(), as: UTF8.self) + "\n")
        }
    }
}

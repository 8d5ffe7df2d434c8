import ArgumentParser
import ChatImport
import ChatModel

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an import file against every rule of Stream's import format.",
        discussion: """
            Exits 0 when the file is valid, 1 when it has errors, 2 when it cannot be read. \
            References must resolve within the file, or in the store when --db or $CHATTERM_DB names one (read, \
            never changed). An empty file is one error ("empty file: no items"); so is a file that is not JSON \
            Lines at all: none of its first 10 lines is a JSON object and there are 10, or one of them is binary \
            (a NUL byte, not UTF-8). --format json adds error_count, the total, to Stream's report.
            """
    )

    @Argument(help: "The import file (JSON Lines, or the older JSON array); - reads standard input.")
    var file: String

    @Option(help: "text (with line numbers) or json (Stream's error report shape).")
    var format: OutputFormat = .text

    @Option(help: "Report at most this many errors (all are counted).")
    var maxErrors = 25

    @OptionGroup var store: StoreOptions

    func run() throws {
        MallocArenas.limitForDecoding()
        var options = ImportAnalyzer.Options()
        options.maxErrors = maxErrors
        let path = file == "-" ? "/dev/stdin" : file
        let progress = ProgressLine(label: "validating", path: path)
        let result: ImportResult
        do {
            if store.isExplicit {
                let chatStore = try store.open(.read)
                result = try chatStore.readExisting { existing in
                    try ImportAnalyzer(existing: existing, options: options).run(path: path, progress: progress.update)
                }
            } else {
                result = try ImportAnalyzer(options: options).run(path: path, progress: progress.update)
            }
        } catch let error as ImportFileError {
            progress.finish()
            throw CommandFailure(error)
        }
        progress.finish()
        ValidationPrinter(format: format).printResult(result, file: file)
        if !result.isValid { throw ExitCode(1) }
    }
}

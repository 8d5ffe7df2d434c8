import ArgumentParser
import ChatImport
import ChatModel

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an import file against every rule of Stream's import format.",
        discussion: """
            Exits 0 when the file is valid, 1 when it has errors, 2 when it cannot be read. \
            References must resolve within the file, or in the store when --db or $CHATTERM_DB names one.
            """
    )

    @Argument(help: "The import file (JSON Lines, or the older JSON array).")
    var file: String

    @Option(help: "text (with line numbers) or json (Stream's error report shape).")
    var format: ValidationFormat = .text

    @Option(help: "Report at most this many errors (all are counted).")
    var maxErrors = 25

    @OptionGroup var store: StoreOptions

    func run() throws {
        var options = ImportAnalyzer.Options()
        options.maxErrors = maxErrors
        let progress = ProgressLine(label: "validating", path: file)
        let result: ImportResult
        do {
            if store.isExplicit {
                let chatStore = try store.open()
                result = try chatStore.readExisting { existing in
                    try ImportAnalyzer(existing: existing, options: options).run(path: file, progress: progress.update)
                }
            } else {
                result = try ImportAnalyzer(options: options).run(path: file, progress: progress.update)
            }
        } catch let error as ImportFileError {
            progress.finish()
            throw failure("cannot read \(error)", code: 2)
        }
        progress.finish()
        ValidationPrinter(format: format).printResult(result, file: file)
        if !result.isValid { throw ExitCode(1) }
    }
}

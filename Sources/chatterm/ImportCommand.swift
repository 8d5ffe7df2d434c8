import ArgumentParser
import ChatImport
import ChatModel

extension ImportMode: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate an import file and load it into the store, all or nothing.",
        discussion: """
            Prints the import task as JSON, like `stream-cli chat upload-import`. With any error the store is left \
            exactly as it was, the errors are printed, and the exit status is 1.
            upsert: existing items get the provided fields overwritten and their custom data replaced.
            insert: existing items (by id, or channel+user for members, message+type+user for reactions) are skipped.
            """
    )

    @Argument(help: "The import file (JSON Lines, or the older JSON array).")
    var file: String

    @Option(help: "upsert or insert.")
    var mode: ImportMode = .upsert

    @Option(help: "Report at most this many errors (all are counted).")
    var maxErrors = 25

    @OptionGroup var store: StoreOptions

    func run() throws {
        let chatStore = try store.open()
        var options = ImportAnalyzer.Options()
        options.maxErrors = maxErrors
        let progress = ProgressLine(label: "importing", path: file)
        let task: ImportTask
        do {
            task = try chatStore.runImport(path: file, mode: mode) { existing, sink in
                try ImportAnalyzer(existing: existing, sink: sink, options: options).run(path: file, progress: progress.update)
            }
        } catch let error as ImportFileError {
            progress.finish()
            throw failure("cannot read \(error)", code: 2)
        }
        progress.finish()
        print(JSONWriter(pretty: true).string(task.json))
        if task.state != .completed {
            ValidationPrinter(format: .text, stream: .standardError).printErrors(from: task)
            throw ExitCode(1)
        }
    }
}

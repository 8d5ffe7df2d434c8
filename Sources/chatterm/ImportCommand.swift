import ArgumentParser
import ChatImport
import ChatModel
import ChatStore

extension ImportMode: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate an import file and load it into the store, all or nothing.",
        discussion: """
            Creates the store if there is none. With any error the store is left exactly as it was, the errors \
            are printed on standard error as `chatterm validate` prints them (counts, line numbers), and the exit \
            status is 1. --format json prints the import task as JSON, like `stream-cli chat upload-import`. \
            Ctrl-C (or SIGTERM) stops the import: nothing is written and its task is marked failed.
            upsert: existing items get the provided fields overwritten and their custom data replaced.
            insert: existing items (by id, or channel+user for members, message+type+user for reactions) are skipped.
            """
    )

    @Argument(help: "The import file (JSON Lines, or the older JSON array); - reads standard input.")
    var file: String

    @Option(help: "upsert or insert.")
    var mode: ImportMode = .upsert

    @Option(help: "Report at most this many errors (all are counted).")
    var maxErrors = 25

    @Option(help: "text (for people) or json (the import task, Stream's shape).")
    var format: ReportFormat = .text

    @OptionGroup var store: StoreOptions

    func run() throws {
        let chatStore = try store.open(.write)
        let outcome = try StoreImport(store: chatStore, maxErrors: maxErrors).run(file: file, mode: mode)
        outcome.print(format: format, file: file)
        if outcome.task.state != .completed { throw ExitCode(ExitStatus.inputProblems) }
    }
}

/// One import file into the store, as `import` and `chatkit migrate` run it: progress on a
/// terminal, stopped cleanly by SIGINT or SIGTERM, the analysis kept for its line numbers.
struct StoreImport {
    var store: ChatStore
    var maxErrors = 25
    /// Progress lines on a terminal; the demo keeps quiet.
    var showProgress = true

    struct Outcome {
        var task: ImportTask
        /// The analysis: every count and, up to the cap, each error with its line.
        var result: ImportResult

        /// The task (text or JSON) on standard output; a failure's errors on standard error, as `validate` prints them.
        func print(format: ReportFormat, file: String) {
            switch format {
            case .json: OutputStream.standardOutput.write(JSONWriter(pretty: true).string(task.json) + "\n")
            // Its errors are on standard error, with their lines.
            case .text: OutputStream.standardOutput.write(ImportTaskText.details(task, errors: false))
            }
            guard task.state != .completed else { return }
            OutputStream.standardError.write("chatterm: import failed, nothing was written: ")
            ReportPrinter(format: .text, stream: .standardError).printResult(result, file: file)
        }
    }

    /// Imports `file` ("-": standard input); `recordedPath` is what the task names (the file by default).
    func run(file: String, mode: ImportMode, recordedPath: String? = nil) throws -> Outcome {
        let path = file == "-" ? "/dev/stdin" : file
        let signals = ImportSignals()
        var options = ImportAnalyzer.Options()
        options.maxErrors = maxErrors
        options.interruption = signals.interruption
        let progress = ProgressLine(label: "importing", path: path)
        let update: ((ImportProgress) -> Void)? = showProgress ? { progress.update($0) } : nil
        var result = ImportResult()
        var task = try store.createImportTask(path: recordedPath ?? file, mode: mode, file: path)
        do {
            task = try store.runImport(task) { existing, sink in
                result = try ImportAnalyzer(existing: existing, sink: sink, options: options).run(path: path, progress: update)
                return result
            }
        } catch let error as ImportFileError {
            progress.finish()
            signals.finish(task: nil)
            throw CommandFailure(error)
        } catch is ImportInterruption.Interrupted {
            progress.finish()
            signals.finish(task: try? store.importTask(id: task.id))
            throw ExitCode(ExitStatus.couldNotRun)
        }
        progress.finish()
        signals.finish(task: task)
        return Outcome(task: task, result: result)
    }
}

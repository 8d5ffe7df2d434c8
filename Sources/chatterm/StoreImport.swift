import ArgumentParser
import ChatImport
import ChatModel
import ChatStore

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
        func print(format: OutputFormat, file: String) {
            switch format {
            case .json: OutputStream.standardOutput.write(JSONWriter(pretty: true).string(task.json) + "\n")
            // Its errors are on standard error, with their lines.
            case .text: OutputStream.standardOutput.write(ImportTaskText.details(task, errors: false))
            }
            guard task.state != .completed else { return }
            OutputStream.standardError.write("chatterm: import failed, nothing was written: ")
            ValidationPrinter(format: .text, stream: .standardError).printResult(result, file: file)
        }
    }

    /// Imports `file` ("-": standard input); `recordedPath` is what the task names (the file by default).
    func run(file: String, mode: ImportMode, mergeCustom: Bool = false, recordedPath: String? = nil) throws -> Outcome {
        let path = file == "-" ? "/dev/stdin" : file
        let signals = ImportSignals()
        var options = ImportAnalyzer.Options()
        options.maxErrors = maxErrors
        options.interruption = signals.interruption
        let progress = ProgressLine(label: "importing", path: path)
        let update: ((ImportProgress) -> Void)? = showProgress ? { progress.update($0) } : nil
        var result = ImportResult()
        var task = try store.createImportTask(path: recordedPath ?? file, mode: mode, file: path) { $0.mergeCustom = mergeCustom }
        do {
            task = try store.runImport(task, interruption: signals.interruption) { existing, sink in
                result = try ImportAnalyzer(existing: existing, sink: sink, options: options).run(path: path, progress: update)
                if showProgress, result.isValid { progress.finishing("committing") }
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

import ArgumentParser
import ChatImport
import ChatModel
import ChatStore
import Foundation

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Convert a Chatkit, Slack or Mattermost export, validate it and import it into the store, all or nothing.",
        discussion: discussion
    )

    static let discussion = """
        Converts to a temporary file, then imports it as `chatterm import` does (every rule checked; any error and \
        nothing is written; the task records the export's path). Prints the import task (--format json: as JSON), \
        then a reconciliation: every record of the export counted in the export, in the import file and in the \
        store, with the reason for any difference.
        """

    @OptionGroup var source: ExportOptions
    @OptionGroup var migration: MigrateOptions
    @OptionGroup var store: StoreOptions

    func run() throws { try migration.migrate(try source.openSource(), store: store) }
}

/// How to import: shared by `migrate` and `chatkit migrate`.
struct MigrateOptions: ParsableArguments {
    @Option(help: "upsert or insert.")
    var mode: ImportMode = .upsert

    @Option(help: "text (for people) or json (the import task, Stream's shape; the reconciliation goes to standard error).")
    var format: OutputFormat = .text

    func migrate(_ export: any ConversionSource, store: StoreOptions) throws {
        let chatStore = try store.open(.write)
        let outcome = try ExportMigration(source: export, mode: mode).run(into: chatStore)
        outcome.imported.print(format: format, file: export.path)
        guard outcome.imported.task.state == .completed else { throw ExitCode(ExitStatus.inputProblems) }
        // The reconciliation is for people: in JSON mode it keeps standard output pure.
        (format == .json ? OutputStream.standardError : .standardOutput).write(terminalSafeLines(outcome.reconciliation.text()))
    }
}

/// Convert, then import, then count: the steps of `migrate`, also used by `demo --from`.
struct ExportMigration {
    var source: any ConversionSource
    var mode: ImportMode
    /// Progress lines on a terminal; the demo keeps quiet.
    var showProgress = true

    struct Outcome {
        var report: any ConversionReporting
        var imported: StoreImport.Outcome
        var reconciliation: ConversionReconciliation
    }

    /// The converted file is temporary: the task records the export's path instead.
    func run(into store: ChatStore) throws -> Outcome { try PartialFiles.guarding { try migrate(into: store) } }

    private func migrate(into store: ChatStore) throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chatterm-\(source.kind.rawValue)-\(UUID().uuidString.prefix(8))"
        )
        PartialFiles.add(directory.path)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("import.jsonl").path

        let writer = try ImportFileWriter(path: file)
        let tally = ConversionOutputTally(writing: writer, placeholderField: source.kind.placeholderField)
        let converting = ProgressLine(label: "converting", totalBytes: source.progressBytes)
        let convertProgress: ((ImportProgress) -> Void)? = showProgress ? { converting.update($0) } : nil
        let report = try ExportOptions.converting(source.kind) { () throws -> any ConversionReporting in
            let report = try source.convert(into: tally, progress: convertProgress)
            try writer.close()
            return report
        }
        converting.finish()

        let imported = try StoreImport(store: store, showProgress: showProgress).run(file: file, mode: mode, recordedPath: source.path)
        let reconciliation = try ConversionReconciliation(report: report, written: tally, store: store)
        return Outcome(report: report, imported: imported, reconciliation: reconciliation)
    }
}

import ArgumentParser
import ChatModel

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
            upsert: existing items get the provided fields overwritten and their custom data replaced, or with \
            --merge-custom merged (the file's keys replace, keys it lacks stay).
            insert: existing items (by id, or channel+user for members, message+type+user for reactions) are skipped \
            (--merge-custom changes nothing then: there is nothing to merge into, as at Stream).
            """
    )

    @Argument(help: "The import file (JSON Lines, or the older JSON array); - reads standard input.")
    var file: String

    @Option(help: "upsert or insert.")
    var mode: ImportMode = .upsert

    @Flag(help: "On upsert, merge each item's custom data into what is stored instead of replacing it.")
    var mergeCustom = false

    @Option(help: "Report at most this many errors (all are counted).")
    var maxErrors = 25

    @Option(help: "text (for people) or json (the import task, Stream's shape).")
    var format: OutputFormat = .text

    @OptionGroup var store: StoreOptions

    func run() throws {
        MallocArenas.limitForDecoding()
        let chatStore = try store.open(.write)
        let outcome = try StoreImport(store: chatStore, maxErrors: maxErrors).run(file: file, mode: mode, mergeCustom: mergeCustom)
        outcome.print(format: format, file: file)
        if outcome.task.state != .completed { throw ExitCode(ExitStatus.inputProblems) }
    }
}

import ArgumentParser
import ChatModel
import Foundation

struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports",
        abstract: "List import tasks, or show one (stream-cli's list-imports / get-import).",
        discussion: """
            Reads the store, never changes it. A task whose importing process is gone (killed) shows as \
            analyze_failed, "interrupted: its process is gone".
            """,
        subcommands: [List.self, Get.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List import tasks, newest first.")

        @Option(help: "At most this many tasks (at least 1).")
        var limit = 10

        @Option(help: "Skip this many tasks first.")
        var offset = 0

        @Option(help: "text (a line per task) or json ({\"import_tasks\":[…]}, Stream's shape).")
        var format: OutputFormat = .text

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
            guard offset >= 0 else { throw ValidationError("--offset must not be negative") }
        }

        func run() throws {
            let tasks = try store.open(.read).importTasks(limit: limit, offset: offset)
            switch format {
            case .json: print(JSONWriter(pretty: true).string(["import_tasks": .array(tasks.map(\.json))]))
            case .text:
                if tasks.isEmpty {
                    let which = offset == 0 ? "no import tasks" : "no import tasks after the first \(offset)"
                    OutputStream.standardError.write("\(which) in \(store.location)\n")
                }
                OutputStream.standardOutput.write(tasks.map(ImportTaskText.line).joined())
            }
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one import task; exits 1 when it failed.",
            discussion: "With --watch each change is printed as it happens, until the task is completed or failed."
        )

        @Argument(help: "The task id (a UUID, as `chatterm import` printed it).")
        var id: String

        @Flag(help: "Poll every second until the task is completed or failed, printing each change.")
        var watch = false

        @Option(help: "text or json (Stream's shape).")
        var format: OutputFormat = .text

        @OptionGroup var store: StoreOptions

        func run() throws {
            let chatStore = try store.open(.read)
            var last: ImportTask?
            while true {
                guard let task = try chatStore.importTask(id: id) else {
                    throw failure("no import task with id \(id) in \(store.location)", code: ExitStatus.couldNotRun)
                }
                // Written unbuffered: a script reading a pipe sees each state as it comes.
                if task != last {
                    OutputStream.standardOutput.write(
                        format == .json ? JSONWriter(pretty: true).string(task.json) + "\n" : ImportTaskText.details(task)
                    )
                }
                last = task
                if task.isFinal || !watch {
                    if task.state == .analyzeFailed { throw ExitCode(ExitStatus.inputProblems) }
                    return
                }
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }
}

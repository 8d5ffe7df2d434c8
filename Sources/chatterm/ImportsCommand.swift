import ArgumentParser
import ChatModel
import Foundation

struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports",
        abstract: "List import tasks, or show one (stream-cli's list-imports / get-import).",
        subcommands: [List.self, Get.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List import tasks, newest first, as JSON.")

        @Option(help: "At most this many tasks.")
        var limit = 10

        @Option(help: "Skip this many tasks first.")
        var offset = 0

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard limit >= 0, offset >= 0 else { throw ValidationError("--limit and --offset must not be negative") }
        }

        func run() throws {
            let tasks = try store.open().importTasks(limit: limit, offset: offset)
            print(JSONWriter(pretty: true).string(["import_tasks": .array(tasks.map(\.json))]))
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one import task as JSON.")

        @Argument(help: "The task id (a UUID, as `chatterm import` printed it).")
        var id: String

        @Flag(help: "Poll every second until the task is completed or failed, printing each change.")
        var watch = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let chatStore = try store.open()
            var last: ImportTask?
            while true {
                guard let task = try chatStore.importTask(id: id) else {
                    throw failure("no import task with id \(id)", code: 1)
                }
                if task != last { print(JSONWriter(pretty: true).string(task.json)) }
                last = task
                if !watch || task.state == .completed || task.state == .analyzeFailed { return }
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }
}

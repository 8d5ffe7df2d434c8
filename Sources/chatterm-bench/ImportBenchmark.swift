import ArgumentParser
import ChatImport
import Foundation

/// Validate-only and full-import throughput, and peak memory of each, on a generated file.
struct ImportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Time `chatterm validate` and `chatterm import` on a generated file (items/s, peak memory)."
    )

    @Option(help: "Messages in the generated file.")
    var messages = 1_000_000

    @Option(help: "Users in the generated file.")
    var users = 5_000

    @Option(help: "Channels in the generated file.")
    var channels = 2_000

    @Option(help: "Use this import file instead of generating one.")
    var file: String?

    @Option(help: "Runs of each command; the best is reported.")
    var runs = 1

    func run() throws {
        let chatterm = try ChildProcess.chatterm()
        let work = NSTemporaryDirectory() + "chatterm-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        let path: String
        let items: Int
        if let file {
            path = file
            items = try countLines(file)
        } else {
            path = work + "/bench.jsonl"
            print("generating \(messages) messages, \(users) users, \(channels) channels…")
            let spec = SyntheticImport.Spec(users: users, channels: channels, messages: messages, seed: 1)
            items = try SyntheticImport.write(spec, to: path).total
        }
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        print("file: \(items) items, \(String(format: "%.1f", Double(bytes) / 1e6)) MB")

        let validate = try ChildProcess.best(of: runs) { try ChildProcess.run(chatterm, ["validate", path]) }
        ChildProcess.report("validate", validate, items: items)
        let imported = try ChildProcess.best(of: runs) { () throws -> ChildProcess.Outcome in
            let db = work + "/bench-\(UUID().uuidString).sqlite"
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
            return try ChildProcess.run(chatterm, ["import", path, "--db", db])
        }
        ChildProcess.report("import", imported, items: items)
    }

    private func countLines(_ path: String) throws -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BenchError("cannot read \(path)") }
        var count = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { count += chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
        return count
    }
}

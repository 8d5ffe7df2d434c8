import ArgumentParser
import ChatImport
import Foundation

/// Validate-only and full-import throughput, and peak memory of each, on a generated file.
struct ImportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Time `chatterm validate` and `chatterm import` on a generated file (items/s, peak memory), beside Python peers on the same file."
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

        var peers: (parse: ChildProcess.Outcome, load: ChildProcess.Outcome)?
        if let reason = PythonPeers.unavailable() {
            print("peers: not run: \(reason)")
        } else {
            let parse = try ChildProcess.best(of: runs) { try PythonPeers.run(PythonPeers.parse, named: "parse", in: work, [path]) }
            ChildProcess.report("orjson", parse, items: items)
            let load = try ChildProcess.best(of: runs) {
                try withScratchStore(in: work) { try PythonPeers.run(PythonPeers.load, named: "load", in: work, [path, $0]) }
            }
            ChildProcess.report("sqlite3", load, items: items)
            peers = (parse, load)
        }

        let validate = try ChildProcess.best(of: runs) { try ChildProcess.run(chatterm, ["validate", path]) }
        ChildProcess.report("validate", validate, items: items)
        let imported = try ChildProcess.best(of: runs) {
            try withScratchStore(in: work) { try ChildProcess.run(chatterm, ["import", path, "--db", $0]) }
        }
        ChildProcess.report("import", imported, items: items)
        if let peers {
            // CPU seconds beside wall time: on a shared machine the wall ratio moves with the load.
            print(
                String(
                    format: "validate takes %.2f× the orjson parse (goal: ≤ 1.0×); in CPU seconds %.2f×",
                    validate.seconds / peers.parse.seconds,
                    validate.cpuSeconds / peers.parse.cpuSeconds
                )
            )
            print(
                String(
                    format: "import is %.2f× as fast as the sqlite3 loader (goal: ≥ 2.5×); in CPU seconds %.2f×",
                    peers.load.seconds / imported.seconds,
                    peers.load.cpuSeconds / imported.cpuSeconds
                )
            )
        }
    }

    /// Runs `body` with the path of a new store, removed after.
    private func withScratchStore(in work: String, _ body: (String) throws -> ChildProcess.Outcome) throws -> ChildProcess.Outcome {
        let db = work + "/bench-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
        return try body(db)
    }

    private func countLines(_ path: String) throws -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BenchError("cannot read \(path)") }
        var count = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { count += chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
        return count
    }
}

import ArgumentParser
import ChatStore
import Foundation
import Report

/// `chatterm report` on a big store: the whole command in each format (a child process, with
/// its peak memory, which shows no message is loaded), and the figures alone in this process.
struct ReportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Time `chatterm report` on a store with 1,000,000 messages (each format, and the figures alone)."
    )

    @Option(help: "An existing store to use (else the shared bench store is generated and imported: 1,000,000 messages).")
    var db: String?

    @Option(help: "Messages when generating.")
    var messages = 1_000_000

    @Option(help: "Runs of each; the best is reported.")
    var runs = 1

    func run() throws {
        let chatterm = try ChildProcess.chatterm()
        let path = try db ?? BenchStore.path(messages: messages)
        let store = try ChatStore(path: path)
        let counts = try store.counts()
        print(
            "store: \(path): \(counts[.message]) messages, \(counts[.reaction]) reactions, \(counts[.member]) members, "
                + "\(counts[.channel]) channels, \(counts[.user]) users"
        )

        var best = Double.infinity
        for _ in 0..<max(1, runs) {
            let start = Date()
            _ = try store.migrationFigures()
            best = min(best, Date().timeIntervalSince(start))
        }
        print(String(format: "%-16@ %7.2f s", "figures" as NSString, best))

        let output = NSTemporaryDirectory() + "chatterm-report-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: output) }
        for format in MigrationReport.Format.allCases {
            let fastest = try ChildProcess.best(of: runs) {
                try ChildProcess.run(chatterm, ["report", "--db", path, "--format", format.rawValue, "-o", output])
            }
            print(
                String(
                    format: "%-16@ %7.2f s  peak memory %6.1f MiB",
                    "report " + format.rawValue as NSString,
                    fastest.seconds,
                    Double(fastest.peakMemoryBytes) / 1_048_576
                )
            )
        }
    }
}

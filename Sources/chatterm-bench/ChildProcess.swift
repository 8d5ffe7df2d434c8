import ChatModel
import Foundation

/// Runs a program and reports its wall time and peak memory (from wait4's rusage, so the
/// figure is the child's own, not this process's).
struct ChildProcess {
    struct Outcome {
        var status: Int32
        var seconds: Double
        var peakMemoryBytes: Int
        /// User + system CPU time: the steadier figure when other work shares the cores.
        var cpuSeconds: Double = 0
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Outcome {
        let start = Date()
        // Quiet children: their output is not part of the measurement.
        let pid = try PosixSpawn.start([executable] + arguments, fileActions: [.null(1), .null(2)])
        // wait4, not PosixSpawn.wait: the child's rusage is the measurement.
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(start)
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Outcome(status: exitStatus, seconds: seconds, peakMemoryBytes: Int(usage.ru_maxrss) * 1024, cpuSeconds: cpu)
    }
}

extension ChildProcess {
    /// The `chatterm` built beside this benchmark binary.
    static func chatterm() throws -> String {
        let binaries = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let chatterm = binaries.appendingPathComponent("chatterm").path
        guard FileManager.default.isExecutableFile(atPath: chatterm) else {
            throw BenchError("build chatterm first: swift build -c release (looked for \(chatterm))")
        }
        return chatterm
    }

    /// The fastest of `runs` runs; any failed run fails the benchmark.
    static func best(of runs: Int, _ body: () throws -> Outcome) throws -> Outcome {
        var outcomes: [Outcome] = []
        for _ in 0..<max(1, runs) {
            let outcome = try body()
            guard outcome.status == 0 else { throw BenchError("the command failed with status \(outcome.status)") }
            outcomes.append(outcome)
        }
        return outcomes.min { $0.seconds < $1.seconds }!
    }

    /// One line: time, throughput and peak memory.
    static func report(_ name: String, _ outcome: Outcome, items: Int, unit: String = "items") {
        let rate = Double(items) / outcome.seconds
        print(
            String(
                format: "%-9@ %8.2f s  %10.0f %@/s  peak memory %6.1f MiB  cpu %6.2f s",
                name as NSString,
                outcome.seconds,
                rate,
                unit as NSString,
                Double(outcome.peakMemoryBytes) / 1_048_576,
                outcome.cpuSeconds
            )
        )
    }
}

extension FileHandle {
    /// The next line a child writes (without its newline), or nil at the end of its output.
    func readLine() throws -> String? {
        var line = Data()
        while let byte = try read(upToCount: 1), !byte.isEmpty {
            if byte == Data("\n".utf8) { return String(decoding: line, as: UTF8.self) }
            line += byte
        }
        return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

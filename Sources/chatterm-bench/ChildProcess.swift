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
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        // Quiet children: their output is not part of the measurement.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
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

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

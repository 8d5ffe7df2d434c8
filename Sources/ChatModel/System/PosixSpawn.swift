#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a program with `posix_spawn`: the C argument and environment arrays are built and
/// freed here, once, for everything that runs a child (the external editor, xdg-open, the
/// benchmarks, the tests' tmux and pseudo-terminal). Not Foundation's `Process`: its children
/// inherit descriptors they should not keep (a tmux server keeps the caller's pipe open for
/// its whole life), and TerminalUI and ChatModel do without Foundation.
public enum PosixSpawn {
    /// What a descriptor of the child is set to before the program starts.
    public enum FileAction: Sendable {
        /// `/dev/null`: read-only for descriptor 0, write-only otherwise.
        case null(Int32)
        /// Writes to `path`, created or emptied, readable by the owner only.
        case writeFile(Int32, path: String)
        /// The child's second descriptor becomes a copy of this process's first (a pseudo-terminal's
        /// slave end as the child's 0, 1 and 2).
        case duplicate(Int32, to: Int32)
        case close(Int32)
    }

    /// The program could not start.
    public struct Failure: Error, CustomStringConvertible {
        public var program: String
        /// The `errno` `posix_spawn` returned.
        public var code: Int32
        public var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
    }

    /// Starts `argv[0]` with arguments `argv` and returns its process id.
    ///
    /// - Parameters:
    ///   - environment: `NAME=value` entries; nil passes this process's environment on.
    ///   - searchPath: look `argv[0]` up in `PATH` (`posix_spawnp`) instead of taking it as a path.
    public static func start(
        _ argv: [String],
        environment: [String]? = nil,
        searchPath: Bool = false,
        fileActions: [FileAction] = []
    ) throws(Failure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for action in fileActions {
            switch action {
            case .null(let fd): posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            case .writeFile(let fd, let path): posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case .duplicate(let source, let target): posix_spawn_file_actions_adddup2(&actions, source, target)
            case .close(let fd): posix_spawn_file_actions_addclose(&actions, fd)
            }
        }
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { $0.map { strdup($0) } + [nil] }
        defer { for pointer in cArguments + (cEnvironment ?? []) { free(pointer) } }
        var pid: pid_t = 0
        let spawned = withEnvironment(cEnvironment) { envp in
            searchPath
                ? posix_spawnp(&pid, argv[0], &actions, nil, cArguments, envp)
                : posix_spawn(&pid, argv[0], &actions, nil, cArguments, envp)
        }
        guard spawned == 0 else { throw Failure(program: argv[0], code: spawned) }
        return pid
    }

    /// Waits for `pid` to end (through interrupted waits) and returns its wait status.
    @discardableResult
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return status
    }

    private static func withEnvironment<T>(
        _ entries: [UnsafeMutablePointer<CChar>?]?,
        _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> T
    ) -> T {
        guard let entries else { return body(environ) }
        return entries.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

import ChatServer
import Foundation

/// `chatterm serve` on a free loopback port, as a child process, on an existing store
/// (`storeArguments`: `--db FILE` or `--database URL`) with the given app.
final class ServerProcess: Sendable {
    private let process: Process
    private let output: Pipe
    var pid: Int32 { process.processIdentifier }

    init(_ storeArguments: [String], credentials: ServerCredentials) throws {
        let binary = URL(fileURLWithPath: try ChildProcess.chatterm())
        process = Process()
        output = Pipe()
        process.executableURL = binary
        process.arguments =
            ["serve"] + storeArguments + [
                "--port", "0", "--rate-limit", "1000000",
                "--api-key", credentials.apiKey, "--api-secret", credentials.apiSecret,
            ]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// The port from the line `chatterm serve` prints once it listens.
    func port() throws -> Int? {
        let text = try output.fileHandleForReading.readLine() ?? ""
        return text.firstRange(of: "127.0.0.1:").flatMap { Int(text[$0.upperBound...].prefix { $0.isNumber }) }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

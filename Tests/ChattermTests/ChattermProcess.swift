import ChatTestSupport
import Foundation

/// Runs the built `chatterm` for end-to-end tests.
enum ChattermProcess {
    /// The binary in the products directory (on Linux the main bundle's).
    static var binary: String { Bundle.main.bundleURL.appendingPathComponent("chatterm").path }

    /// Runs chatterm to completion; returns its exit status and standard output.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Imports a file into a store and fails loudly if it does not load.
    static func importFile(_ file: String, db: String) throws {
        let (status, output) = try run(["import", file, "--db", db])
        guard status == 0 else {
            throw NSError(domain: "chatterm import", code: Int(status), userInfo: [NSLocalizedDescriptionKey: output])
        }
    }

    static var themes: String { packageRoot + "/Themes" }
}

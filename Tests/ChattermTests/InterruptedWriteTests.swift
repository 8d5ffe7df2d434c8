import ChatModel
import ChatStore
import ChatTestSupport
import Foundation
import XCTest

/// Ctrl-C (SIGINT) or SIGTERM while a command writes leaves no half file: the temporary file,
/// the parts so far or the converted file a migration imports are removed, a file the output
/// would have replaced stays as it was, and the process ends as the signal would have ended it.
final class InterruptedWriteTests: XCTestCase {
    let directory = TemporaryDirectory()
    private var commands: ChattermCommand { ChattermCommand(dataHome: directory.file("xdg")) }

    /// Inputs that take seconds to write out (made once: making them takes seconds too).
    nonisolated(unsafe) private static let files = TemporaryDirectory()
    private static let bigFile: String = {
        let file = files.file("big.jsonl")
        let made = try? ChattermCommand(dataHome: files.file("xdg")).run(
            ["generate", "--users", "500", "--channels", "60", "--messages", "60000", "-o", file]
        )
        precondition(made?.status == 0, "chatterm generate failed: \(made?.stderr ?? "")")
        return file
    }()
    private static let chatkitExport: String = {
        let folder = files.file("chatkit")
        let made = try? ChattermCommand(dataHome: files.file("xdg")).run(
            ["generate", "--format", "chatkit", "--users", "300", "--channels", "50", "--messages", "150000", "-o", folder]
        )
        precondition(made?.status == 0, "chatterm generate failed: \(made?.stderr ?? "")")
        return folder
    }()

    /// Starts chatterm, waits until `started()` (the write is under way), sends `signal` and
    /// requires the process to end by it.
    private func interrupt(
        _ arguments: [String],
        signal: Int32 = SIGINT,
        environment: [String: String] = [:],
        file: StaticString = #filePath,
        line: UInt = #line,
        when started: () throws -> Bool
    ) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ChattermProcess.binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while try !started() {
            guard process.isRunning, Date() < deadline else {
                if process.isRunning { process.terminate() }
                throw XCTSkip("chatterm \(arguments[0]) ended before its write was seen under way: the test proves nothing")
            }
            usleep(10_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, file: file, line: line)
        XCTAssertEqual(process.terminationStatus, signal, file: file, line: line)
    }

    private func entries(_ folder: String) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] }

    private func folder(_ name: String) throws -> String {
        let path = directory.file(name)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func size(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

    func testGenerateLeavesNoHalfFile() throws {
        let out = try folder("generate")
        try interrupt(["generate", "--messages", "2000000", "-o", out + "/g.jsonl"]) { size(out + "/g.jsonl") > 0 }
        XCTAssertEqual(entries(out), [])
    }

    func testConvertRemovesItsTemporaryFileAndKeepsTheOldOutput() throws {
        let export = Self.chatkitExport
        let out = try folder("convert")
        try "old\n".write(toFile: out + "/x.jsonl", atomically: true, encoding: .utf8)
        try interrupt(["convert", "--from", "chatkit", export, "-o", out + "/x.jsonl"]) {
            entries(out).contains { $0.hasPrefix(".x.jsonl.partial") && size(out + "/" + $0) > 0 }
        }
        XCTAssertEqual(entries(out), ["x.jsonl"])
        XCTAssertEqual(try String(contentsOfFile: out + "/x.jsonl", encoding: .utf8), "old\n")
    }

    func testExportRemovesItsTemporaryFile() throws {
        let db = directory.file("export.sqlite")
        try ChattermProcess.importFile(Self.bigFile, db: db)
        let out = try folder("export")
        try interrupt(["export", "--db", db, "-o", out + "/e.jsonl"], signal: SIGTERM) { size(out + "/e.jsonl.partial") > 0 }
        XCTAssertEqual(entries(out), [])
    }

    func testSplitRemovesThePartsSoFar() throws {
        let out = directory.file("parts")
        try interrupt(["split", Self.bigFile, "-o", out, "--max-size", "1MB"]) { entries(out).contains("part-002.jsonl") }
        XCTAssertEqual(entries(out).filter { $0.hasPrefix("part-") }, [])
    }

    /// While converting, and while importing (the import stops and rolls back first): either
    /// way the converted file goes and the store holds nothing of the export.
    func testMigrateRemovesItsConvertedFileWhetherConvertingOrImporting() throws {
        let export = Self.chatkitExport
        for (name, signal) in [("converting", SIGINT), ("importing", SIGTERM)] {
            let temporary = try folder("tmp-" + name)
            let db = directory.file(name + ".sqlite")
            let converted = { self.entries(temporary).first { $0.hasPrefix("chatterm-chatkit-") }.map { temporary + "/" + $0 } }
            try interrupt(["migrate", "--from", "chatkit", export, "--db", db], signal: signal, environment: ["TMPDIR": temporary]) {
                guard let converted = converted() else { return false }
                if name == "converting" { return size(converted + "/import.jsonl") > 0 }
                let task = try commands.run(["imports", "list", "--db", db, "--limit", "1", "--format", "json"])
                return task.json?.objectValue?["import_tasks"]?.arrayValue?.first?.objectValue?["state"] == "analyzing"
            }
            XCTAssertNil(converted(), name)
            if FileManager.default.fileExists(atPath: db) {
                XCTAssertEqual(try ChatStore(path: db, access: .read).counts().total, 0, name)
            }
        }
    }
}

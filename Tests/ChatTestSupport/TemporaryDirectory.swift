import ChatModel
import Foundation

/// A fresh directory under the system temp dir, removed when the value is released or, if it
/// never is, when the process exits. XCTest keeps every test case object (and so each one's
/// directory property) until the process ends, and runs no deinit then: before the removal at
/// exit, each test run left a few thousand directories behind.
public final class TemporaryDirectory {
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + "chatterm-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        LiveDirectories.add(path)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
        LiveDirectories.remove(path)
    }

    /// Writes `lines` joined by `\n` (plus a final newline) and returns the file's path.
    @discardableResult
    public func write(_ name: String, lines: [String]) -> String {
        write(name, text: lines.joined(separator: "\n") + "\n")
    }

    @discardableResult
    public func write(_ name: String, text: String) -> String {
        let file = path + "/" + name
        try! text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    public func file(_ name: String) -> String { path + "/" + name }
}

/// The temporary directories not yet released, removed by an exit handler.
private enum LiveDirectories {
    static let paths = Locked<Set<String>>([])

    /// Installed once, by the first directory made.
    static let exitHandler: Void = { atexit { LiveDirectories.removeAll() } }()

    static func add(_ path: String) {
        _ = exitHandler
        paths.withLock { _ = $0.insert(path) }
    }

    static func remove(_ path: String) { paths.withLock { _ = $0.remove(path) } }

    static func removeAll() {
        for path in paths.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// The package's root directory, for reaching `demo-data/` from tests.
public let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

import Foundation

/// A fresh directory under the system temp dir, removed when the value is released.
public final class TemporaryDirectory {
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + "chatterm-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

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

/// The package's root directory, for reaching `demo-data/` from tests.
public let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

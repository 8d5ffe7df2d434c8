import ChatImport
import ChatModel
import Foundation

/// A one-line progress report on standard error (only when it is a terminal): percent of the
/// file, items so far and items per second.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let totalBytes: Int64
    private let enabled = OutputStream.standardError.isTerminal
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private var items = 0

    convenience init(label: String, path: String) {
        self.init(label: label, totalBytes: (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0)
    }

    init(label: String, totalBytes: Int64) {
        self.label = label
        self.totalBytes = totalBytes
    }

    func update(_ progress: ImportProgress) { update(items: progress.items, bytes: progress.bytes) }

    /// `bytes` of the total so far; a command that counts items, not bytes, gives its items as both.
    func update(items: Int, bytes: Int64) {
        self.items = items
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = Date()
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let percent = totalBytes > 0 ? Int(Double(bytes) * 100 / Double(totalBytes)) : 0
        let rate = Int(Double(items) / elapsed)
        OutputStream.standardError.write(
            "\r\(label) \(percent)%  \(NumberText.grouped(items)) items  \(NumberText.grouped(rate)) items/s\u{1B}[K"
        )
        drawn = true
    }

    /// The file is read and what is left is `work` (a store's index builds and commit took 4 s
    /// after the last item of a million messages, with the line at 100 % as if it hung).
    func finishing(_ work: String) {
        guard enabled else { return }
        OutputStream.standardError.write("\r\(label): \(NumberText.grouped(items)) items read; \(work)…\u{1B}[K")
        drawn = true
    }

    func finish() {
        if drawn { OutputStream.standardError.write("\r\u{1B}[K") }
    }
}

import BuiltInData
import ChatImport
import ChatModel
import Foundation

/// The demo's data as files in the demo's throwaway directory, written from the copies
/// compiled into chatterm, so `chatterm demo` runs from anywhere, the repository not needed.
/// Its history is moved to end two minutes ago: the demo's people talk today, and the
/// summary's timeline is not years of empty months before them.
enum DemoFiles {
    private static var recent: Timestamp { Timestamp(seconds: Timestamp.now().seconds - 120) }

    /// Writes the demo workspace's import file; returns its path.
    static func writeImportFile(in directory: String) throws -> String {
        let text = ImportTimeShift.shifted([DemoImportFile.text], newestAt: recent)[0]
        try write(["demo.jsonl": text], into: directory)
        return directory + "/demo.jsonl"
    }

    /// Writes Harbor's Chatkit export as a folder; returns its path.
    static func writeChatkitExport(in directory: String) throws -> String {
        let export = directory + "/chatkit-export"
        let names = Array(DemoChatkitExport.files.keys)
        let texts = ImportTimeShift.shifted(names.map { DemoChatkitExport.files[$0] ?? "" }, newestAt: recent)
        try write(Dictionary(uniqueKeysWithValues: zip(names, texts)), into: export)
        return export
    }

    /// Writes Northwind's Slack export as a folder; returns its path. Slack's times are Unix
    /// seconds (`ts`, `created`, `updated`), moved by the same shift the import file gets.
    static func writeSlackExport(in directory: String) throws -> String {
        let export = directory + "/slack-export"
        let texts = DemoSlackExport.files
        let newest = texts.values.compactMap(newestSlackSecond).max() ?? recent.seconds
        let shift = recent.seconds - newest
        try write(texts.mapValues { shiftedSlackSeconds($0, by: shift) }, into: export)
        return export
    }

    private static let slackTimes = try! NSRegularExpression(pattern: #"("(?:ts|thread_ts)":"|"(?:created|updated|last_set)":)(\d{9,10})"#)

    private static func newestSlackSecond(_ text: String) -> Int64? {
        let range = NSRange(text.startIndex..., in: text)
        return slackTimes.matches(in: text, range: range).compactMap { Int64((text as NSString).substring(with: $0.range(at: 2))) }.max()
    }

    private static func shiftedSlackSeconds(_ text: String, by shift: Int64) -> String {
        let source = text as NSString
        var out = ""
        var at = 0
        for match in slackTimes.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            let digits = match.range(at: 2)
            out += source.substring(with: NSRange(location: at, length: digits.location - at))
            out += String((Int64(source.substring(with: digits)) ?? 0) + shift)
            at = digits.location + digits.length
        }
        return out + source.substring(from: at)
    }

    private static func write(_ files: [String: String], into directory: String) throws {
        for (name, text) in files {
            let url = URL(fileURLWithPath: directory + "/" + name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}

import ChatImport
import ChatStore
import Foundation

/// The big store the read benchmarks share: generated (seed 1, 5,000 users, 2,000 channels)
/// and imported once, then kept in the temp directory, since building it takes about a minute.
enum BenchStore {
    static func path(messages: Int) throws -> String {
        let dir = NSTemporaryDirectory() + "chatterm-client-bench"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/store-\(messages).sqlite"
        if FileManager.default.fileExists(atPath: path) { return path }
        let file = dir + "/import-\(messages).jsonl"
        print("generating and importing \(messages) messages into \(path)…")
        try SyntheticImport.write(SyntheticImport.Spec(users: 5000, channels: 2000, messages: messages, seed: 1), to: file)
        let store = try ChatStore(path: path)
        let task = try store.runImport(path: file, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: file) }
        guard task.state == .completed else { throw BenchError("import failed") }
        try? FileManager.default.removeItem(atPath: file)
        return path
    }
}

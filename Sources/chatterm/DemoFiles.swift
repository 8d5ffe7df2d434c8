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

    private static func write(_ files: [String: String], into directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
    }
}

import BuiltInData
import Foundation

/// The demo's data as files in the demo's throwaway directory, written from the copies
/// compiled into chatterm, so `chatterm demo` runs from anywhere, the repository not needed.
enum DemoFiles {
    /// Writes the demo workspace's import file; returns its path.
    static func writeImportFile(in directory: String) throws -> String {
        try write(["demo.jsonl": DemoImportFile.text], into: directory)
        return directory + "/demo.jsonl"
    }

    /// Writes Harbor's Chatkit export as a folder; returns its path.
    static func writeChatkitExport(in directory: String) throws -> String {
        let export = directory + "/chatkit-export"
        try write(DemoChatkitExport.files, into: export)
        return export
    }

    private static func write(_ files: [String: String], into directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
    }
}

import ArgumentParser
import ChatImport
import Foundation

/// `chatterm chatkit convert` on a generated Chatkit export: time, messages/s, peak memory
/// (the child's own, from wait4). The conversion streams the messages, so memory should follow
/// the rooms and the per-room message index, not the export's size.
struct ChatkitBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatkit",
        abstract: "Time `chatterm chatkit convert` on a generated Chatkit export (messages/s, peak memory), then validate the output."
    )

    @Option(help: "Messages in the generated export.")
    var messages = 1_000_000

    @Option(help: "Users in the generated export.")
    var users = 5_000

    @Option(help: "Rooms in the generated export.")
    var rooms = 2_000

    @Option(help: "Use this Chatkit export instead of generating one.")
    var export: String?

    @Option(help: "Runs of the conversion; the best is reported.")
    var runs = 1

    func run() throws {
        let chatterm = try ChildProcess.chatterm()
        let work = NSTemporaryDirectory() + "chatterm-bench-chatkit-\(getpid())"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        let path = export ?? work + "/export"
        var messageCount = messages
        if export == nil {
            print("generating a Chatkit export: \(messages) messages, \(users) users, \(rooms) rooms…")
            let spec = SyntheticImport.Spec(users: users, channels: rooms, messages: messages, seed: 1)
            messageCount = try SyntheticChatkitExport.write(spec, toDirectory: path).messages
        }
        let source = try ChatkitExportSource(path: path)
        print("export: \(messageCount) messages, messages file \(String(format: "%.1f", Double(source.messageBytes) / 1e6)) MB")

        let output = work + "/converted.jsonl"
        let convert = try ChildProcess.best(of: runs) { try ChildProcess.run(chatterm, ["chatkit", "convert", path, "-o", output]) }
        ChildProcess.report("convert", convert, items: messageCount, unit: "messages")
        let bytes = (try FileManager.default.attributesOfItem(atPath: output)[.size] as? NSNumber)?.intValue ?? 0
        print("output: \(String(format: "%.1f", Double(bytes) / 1e6)) MB")
        let validate = try ChildProcess.best(of: 1) { try ChildProcess.run(chatterm, ["validate", output]) }
        ChildProcess.report("validate", validate, items: messageCount, unit: "messages")
    }
}

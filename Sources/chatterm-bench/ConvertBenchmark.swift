import ArgumentParser
import ChatImport
import Foundation

/// `chatterm convert --from slack` on a generated Slack export: time, messages/s, peak memory
/// (the child's own, from wait4). Day files are parsed one at a time, so memory should follow
/// the users, the channels and the largest day file, not the export's size.
struct ConvertBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Time `chatterm convert --from slack` on a generated Slack export (messages/s, peak memory), then validate the output."
    )

    @Option(help: "The export's kind (slack: one is generated).")
    var from: SourceKind = .slack

    @Option(help: "Messages in the generated export.")
    var messages = 1_000_000

    @Option(help: "Users in the generated export.")
    var users = 5_000

    @Option(help: "Channels in the generated export.")
    var channels = 100

    @Option(help: "Use this export instead of generating one.")
    var export: String?

    @Option(help: "Runs of the conversion; the best is reported.")
    var runs = 1

    func validate() throws {
        if export == nil && from != .slack { throw ValidationError("only a Slack export is generated; give --export for \(from.rawValue)") }
    }

    func run() throws {
        let chatterm = try ChildProcess.chatterm()
        let work = NSTemporaryDirectory() + "chatterm-bench-convert-\(getpid())"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        let path = export ?? work + "/export"
        var messageCount = messages
        if export == nil {
            print("generating a Slack export: \(messages) messages, \(users) users, \(channels) channels…")
            messageCount = try SyntheticSlackExport.write(
                .init(users: users, channels: channels, messages: messages, seed: 1),
                toDirectory: path
            )
        }
        let source = try from.open(path)
        print("export: \(messageCount) messages, \(String(format: "%.1f", Double(source.progressBytes) / 3e6)) MB read per pass")

        let output = work + "/converted.jsonl"
        let convert = try ChildProcess.best(of: runs) {
            try ChildProcess.run(chatterm, ["convert", "--from", from.rawValue, path, "-o", output])
        }
        ChildProcess.report("convert", convert, items: messageCount, unit: "messages")
        let bytes = (try FileManager.default.attributesOfItem(atPath: output)[.size] as? NSNumber)?.intValue ?? 0
        print("output: \(String(format: "%.1f", Double(bytes) / 1e6)) MB")
        let validate = try ChildProcess.best(of: 1) { try ChildProcess.run(chatterm, ["validate", output]) }
        ChildProcess.report("validate", validate, items: messageCount, unit: "messages")
    }
}

extension SourceKind: ExpressibleByArgument {}

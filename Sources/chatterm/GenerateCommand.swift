import ArgumentParser
import ChatImport
import ChatModel
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a valid, realistic synthetic import file (deterministic for a seed).",
        discussion: """
            Users with devices, messaging/team/livestream/gaming/commerce channels and distinct DMs, members with \
            unread state, messages with threads, quotes, mentions, attachments, pins and deletions, and reactions. \
            Used by the benchmarks and tests.
            --format chatkit writes a Pusher Chatkit export instead: a directory (-o) of users, rooms, messages and \
            cursors .ndjson files, the input of `chatterm chatkit convert`.
            """
    )

    @Option(help: "Number of users (at least 2).")
    var users = 200

    @Option(help: "Number of channels (at least 1).")
    var channels = 50

    @Option(help: "Number of messages.")
    var messages = 10_000

    @Option(help: "Random seed: the same seed and counts give the same file.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "Where to write the file ('-' for standard output), or the directory for --format chatkit.")
    var output: String

    @Option(help: "stream (an import file) or chatkit (a Chatkit export directory).")
    var format: GeneratedFormat = .stream

    enum GeneratedFormat: String, ExpressibleByArgument, CaseIterable {
        case stream, chatkit
    }

    func validate() throws {
        guard users >= 2 else { throw ValidationError("--users must be at least 2") }
        guard channels >= 1 else { throw ValidationError("--channels must be at least 1") }
        guard messages >= 0 else { throw ValidationError("--messages must not be negative") }
        guard format == .stream || output != "-" else { throw ValidationError("--format chatkit writes a directory: give -o DIR") }
    }

    func run() throws { try PartialFiles.guarding { try generate() } }

    private func generate() throws {
        let n = NumberText.grouped
        let spec = SyntheticImport.Spec(users: users, channels: channels, messages: messages, seed: seed)
        if format == .chatkit {
            // A folder made here goes whole if a signal stops the writing; one that was there stays.
            if !FileManager.default.fileExists(atPath: output) { PartialFiles.add(output) }
            do {
                let progress = ProgressLine(label: "generating", totalBytes: Int64(messages))
                let counts = try SyntheticChatkitExport.write(spec, toDirectory: output) { progress.update(items: $0, bytes: Int64($0)) }
                progress.finish()
                OutputStream.standardError.write(
                    "wrote \(output): \(n(counts.users)) users, \(n(counts.rooms)) rooms, \(n(counts.messages)) messages, \(n(counts.cursors)) cursors\n"
                )
            } catch {
                throw failure("cannot write \(error)", code: 2)
            }
            return
        }
        if output != "-" { PartialFiles.add(output) }
        do {
            // On a terminal: how far, of the messages gone over twice (then their reactions).
            let progress = ProgressLine(label: "generating", totalBytes: Int64(2 * messages))
            let counts = try SyntheticImport.write(spec, to: output) { progress.update(items: $1, bytes: Int64($0)) }
            progress.finish()
            if output != "-" { OutputStream.standardError.write("wrote \(output): \(n(counts.total)) items\n") }
        } catch {
            throw failure("cannot write \(error)", code: 2)
        }
    }
}

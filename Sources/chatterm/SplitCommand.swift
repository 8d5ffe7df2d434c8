import ArgumentParser
import ChatImport
import ChatModel
import Foundation

struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Cut a valid import file into parts small enough to upload (part-001.jsonl, part-002.jsonl…).",
        discussion: """
            The file is validated as it is read; a file with errors is not split (the errors are printed as \
            `chatterm validate` prints them) and the parts written so far are removed. Each part is at most \
            --max-size and in Stream's order, and imports cleanly once the parts before it are in: a part never \
            ends between an item and a later one it refers to (a user's channel mutes, a distinct channel's \
            members, a message's later parent or quote); a distinct channel and all its member items share a part, \
            so many distinct channels keep much of the channel and member sections together. A message's poll \
            goes into the message's part, after its messages and reactions (a file with polls is read twice). Items are written \
            as `chatterm export` writes them (custom fields whole, times exact); one without created_at gets its \
            part's import time. A later part alone refers to items it does not hold: `chatterm upload \
            DIR/part-*.jsonl` validates the parts together and imports them in order.
            """
    )

    @Argument(help: "The import file (JSON Lines, or the older JSON array).")
    var file: String

    @Option(help: ArgumentHelp("The largest part (binary units: 300MB = 300 × 1,048,576 bytes).", valueName: "size"))
    var maxSize = ByteSize.streamUploadLimit

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("The directory for the parts (made if missing; must hold no parts yet).", valueName: "dir")
    )
    var output: String

    @Option(help: "text (the part paths on standard output, a summary on standard error) or json (the parts and their sizes).")
    var format: OutputFormat = .text

    @Option(help: "Report at most this many errors (all are counted).")
    var maxErrors = 25

    func validate() throws {
        if file == "-" { throw ValidationError("split reads a file, not standard input: save it to a file first") }
        if maxSize.bytes < 1024 { throw ValidationError("--max-size must be at least 1KB") }
    }

    func run() throws { try PartialFiles.guarding { try splitFile() } }

    private func splitFile() throws {
        try prepareDirectory()
        var options = ImportAnalyzer.Options()
        options.maxErrors = maxErrors
        let (splitter, result) = try split(options: options, polls: nil)
        guard result.isValid else {
            removeParts(splitter)
            OutputStream.standardError.write("chatterm: not split, no part was written: ")
            ValidationPrinter(format: .text, stream: .standardError).printResult(result, file: file)
            throw ExitCode(ExitStatus.inputProblems)
        }
        report(splitter.parts, total: result.total)
    }

    /// One pass; a file whose messages carry polls takes a first pass that reads the polls, and
    /// starts over with them (see `ImportSplitter`).
    private func split(options: ImportAnalyzer.Options, polls: [String: Poll]?) throws -> (ImportSplitter, ImportResult) {
        let splitter = ImportSplitter(directory: output, maxBytes: Int(maxSize.bytes), polls: polls)
        let progress = ProgressLine(label: polls == nil ? "splitting" : "splitting, with the polls", path: file)
        let result: ImportResult
        do {
            result = try ImportAnalyzer(sink: splitter, options: options).run(path: file, progress: progress.update)
            try splitter.commit()
            try splitter.close()
        } catch {
            progress.finish()
            removeParts(splitter)
            switch error {
            case is ImportSplitter.NeedsPolls:
                let collector = PollCollector()
                let reading = ProgressLine(label: "reading the polls", path: file)
                defer { reading.finish() }
                let found = try ImportAnalyzer(sink: collector, options: options).run(path: file, progress: reading.update)
                // A file with errors is reported from this pass, as the split would report it.
                if !found.isValid { return (splitter, found) }
                return try split(options: options, polls: collector.polls)
            case let error as ImportSplitter.TooLarge:
                throw failure(
                    "items \(error.firstItem) to \(error.lastItem) of \(file) refer to each other and take \(ByteSize(bytes: Int64(error.bytes))) together, over --max-size \(maxSize): no part was written",
                    hint: "give a larger --max-size"
                )
            case let error as ImportFileError: throw CommandFailure(error)
            default: throw error
            }
        }
        progress.finish()
        return (splitter, result)
    }

    /// The polls of a file, by id, for the split's second pass.
    private final class PollCollector: ImportSink {
        var polls: [String: Poll] = [:]
        func write(_ item: ImportItem) throws -> ImportWriteOutcome {
            if case .poll(let poll) = item { polls[poll.id] = poll }
            return .written
        }
    }

    private func prepareDirectory() throws {
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot make \(output): \(CommandFailure.fileReason(error))", code: ExitStatus.couldNotRun)
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if let part = existing.sorted().first(where: { $0.hasPrefix("part-") && $0.hasSuffix(".jsonl") }) {
            throw failure(
                "\(output) already holds \(part): give an empty directory, so parts of two files cannot mix",
                code: ExitStatus.couldNotRun
            )
        }
    }

    private func removeParts(_ splitter: ImportSplitter) {
        try? splitter.close()
        for part in splitter.parts { try? FileManager.default.removeItem(atPath: part) }
    }

    private func report(_ parts: [String], total: ItemCounts) {
        let sizes = parts.map { ByteSize.ofFile($0)?.bytes ?? 0 }
        switch format {
        case .json:
            let list = zip(parts, sizes).map { JSONValue.object(["path": .string($0), "bytes": .int(Int($1))]) }
            print(JSONWriter(pretty: true).string(["parts": .array(list), "total": total.json]))
        case .text:
            // The paths alone on standard output, for a script to pass on; sizes and counts for people.
            OutputStream.standardOutput.write(parts.map { terminalSafe($0) + "\n" }.joined())
            let largest = ByteSize(bytes: sizes.max() ?? 0)
            OutputStream.standardError.write(
                "\(terminalSafe(file)): \(parts.count) part\(parts.count == 1 ? "" : "s") (the largest \(largest)), \(ValidationPrinter.summary(total))\n"
            )
        }
    }
}

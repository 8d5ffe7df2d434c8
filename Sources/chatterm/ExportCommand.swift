import ArgumentParser
import ChatImport
import ChatModel
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store back out as a Stream import file (the way to `chatterm upload`).",
        discussion: """
            Every user, device, future channel ban, channel, member, message and reaction the store holds, in \
            Stream's order, with custom fields whole and times exact (UTC, every fraction digit kept); what was \
            changed through the local server or the client goes too. Importing the file into an empty store gives \
            the same rows. An edited message carries its edit's time as message_text_updated_at, the field Stream \
            answers with and chatterm's import reads. Not in Stream's import format, so not written: the texts an \
            edit replaced, bans and mutes made through the API, messages deleted for one user, channel types; a \
            message sent under a shadow ban is written as \
            an ordinary one (the format cannot hide it). The store is read, never changed; the file is written \
            beside its name and moved into place at the end, so a failed export leaves no half file.
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The import file to write ('-' for standard output).", valueName: "file"))
    var output: String

    @Option(help: "text (a line on standard error) or json (the counts written, on standard output).")
    var format: OutputFormat = .text

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if output == "-" && format == .json { throw ValidationError("--format json prints on standard output, where -o - writes the file") }
    }

    func run() throws { try PartialFiles.guarding { try export() } }

    private func export() throws {
        let chatStore = try store.open(.read)
        let total = try chatStore.counts().total
        let progress = ProgressLine(label: "exporting", totalBytes: Int64(total))
        let partial = output == "-" ? "-" : output + ".partial"
        if partial != "-" { PartialFiles.add(partial) }
        var encoder = ImportItemData()
        let writer = try Self.openWriter(partial, for: output)
        var written = 0
        do {
            try chatStore.exportItems { item in
                if case .channel(let channel) = item, let ids = ImportItemData.distinctMembers(of: channel) {
                    encoder.distinctChannels[channel.cid] = ids
                }
                try writer.write(item.type, encoder.data(item))
                written += 1
                progress.update(items: written, bytes: Int64(written))
            }
            try writer.close()
            if partial != output { try Self.replace(output, with: partial) }
        } catch {
            progress.finish()
            if partial != output { try? FileManager.default.removeItem(atPath: partial) }
            if let error = error as? ImportFileError { throw Self.writeFailure(output, error) }
            throw CommandFailure(error).doing("cannot export \(store.location)")
        }
        progress.finish()
        switch format {
        case .json:
            print(JSONWriter(pretty: true).string(["path": .string(output), "total": writer.counts.json]))
        case .text where output != "-":
            OutputStream.standardError.write("wrote \(terminalSafe(output)): \(ValidationPrinter.summary(writer.counts))\n")
        case .text: break
        }
    }

    private static func openWriter(_ path: String, for output: String) throws -> ImportFileWriter {
        do { return try ImportFileWriter(path: path) } catch { throw writeFailure(output, error) }
    }

    /// Names the file asked for, not the `.partial` one written first.
    private static func writeFailure(_ output: String, _ error: ImportFileError) -> CommandFailure {
        failure("cannot write \(output): \(error.reason.lowercased())", code: ExitStatus.couldNotRun)
    }

    /// Moves the finished file over `path` (rename(2): a reader sees the old file or the new, whole).
    private static func replace(_ path: String, with finished: String) throws {
        guard rename(finished, path) == 0 else {
            throw failure("cannot write \(path): \(String(cString: strerror(errno)).lowercased())", code: ExitStatus.couldNotRun)
        }
    }
}

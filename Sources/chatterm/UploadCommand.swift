import ArgumentParser
import ChatClient
import ChatImport
import ChatModel
import ChatServer
import Foundation

struct UploadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upload",
        abstract: "Upload import files to a Stream app (or any server speaking Stream's API) and start their import.",
        discussion: """
            The step after `chatterm validate`: each file is validated first (several files as parts imported one \
            after the other, as `chatterm split` makes them) and nothing is uploaded when one has errors. A file \
            over 300 MB (Stream's limit) is refused: cut it with `chatterm split`. Then, per file, \
            create_import_url, a PUT of the file to the URL it answers and create_import, as `stream-cli chat \
            upload-import` does; the task is printed as JSON, Stream's shape. With --watch, or when more files \
            follow, each task is followed with get_import until it ends (a progress line on standard error) and \
            the command exits 1 when one failed; a later file is not uploaded after a failed one.
            Credentials: --api-key and --api-secret, or $STREAM_API_KEY and $STREAM_API_SECRET (the getstream \
            CLI's names); the secret signs a server token and is never sent. An error answer from the API is \
            shown whole.
            """
    )

    @Argument(help: "The import files, in the order to import them.")
    var files: [String]

    @Option(help: "The app's API key (else $STREAM_API_KEY).")
    var apiKey: String?

    @Option(help: "The app's API secret (else $STREAM_API_SECRET).")
    var apiSecret: String?

    @Option(help: ArgumentHelp("The API's address: Stream's, or `chatterm serve`'s.", valueName: "url"))
    var baseURL = "https://chat.stream-io-api.com"

    @Option(help: "upsert or insert, as `chatterm import`.")
    var mode: ImportMode = .upsert

    @Flag(help: "Merge custom data on upsert instead of replacing it (sent as merge_custom only when given, as stream-cli does).")
    var mergeCustom = false

    @Flag(help: "Upload without validating first.")
    var skipValidation = false

    @Flag(help: "Follow the import until it ends; exit 1 when it failed.")
    var watch = false

    @Option(help: "Report at most this many errors per file (all are counted).")
    var maxErrors = 25

    /// Stream's limit; lower only for tests, which cannot afford a 300 MB file.
    @Option(help: .hidden)
    var maxSize = ByteSize.streamUploadLimit

    private var credentials: (key: String, secret: String) {
        let env = ProcessInfo.processInfo.environment
        return (apiKey ?? env["STREAM_API_KEY"] ?? "", apiSecret ?? env["STREAM_API_SECRET"] ?? "")
    }

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the import file to upload") }
        if files.contains("-") { throw ValidationError("upload reads files, not standard input: save it to a file first") }
        if credentials.key.isEmpty { throw ValidationError("give the app's API key: --api-key KEY or $STREAM_API_KEY") }
        if credentials.secret.isEmpty { throw ValidationError("give the app's API secret: --api-secret SECRET or $STREAM_API_SECRET") }
        guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("--base-url must be an http:// or https:// address, not \(baseURL)")
        }
    }

    func run() async throws {
        for file in files { try checkSize(file) }
        if !skipValidation { try validateAll() }
        let token = StreamToken.sign(["server": true], secret: credentials.secret)
        let imports = StreamImports(rest: StreamREST(endpoint: StreamEndpoint(baseURL: baseURL, apiKey: credentials.key, token: token)))
        for (index, file) in files.enumerated() {
            var task = try await start(file, imports)
            let follow = watch || index < files.count - 1
            if follow { task = try await UploadWatch(imports: imports).follow(task) }
            OutputStream.standardOutput.write(JSONWriter(pretty: true).string(.object(task)) + "\n")
            if follow, UploadWatch.failed(task) {
                let rest = files.count - index - 1
                let skipped = rest > 0 ? "; \(rest) later file\(rest == 1 ? " was" : "s were") not uploaded" : ""
                throw failure("the import of \(file) failed (task \(task["id"]?.stringValue ?? "?"))\(skipped)")
            }
        }
    }

    private func checkSize(_ file: String) throws {
        guard let size = ByteSize.ofFile(file) else {
            throw failure("cannot read \(file): \(String(cString: strerror(errno)).lowercased())", code: ExitStatus.couldNotRun)
        }
        guard size <= maxSize else {
            throw failure(
                "\(file) is \(size), over the \(maxSize) a Stream import file may be: nothing was uploaded",
                hint:
                    "cut it into parts and upload them in order: chatterm split \(file) --max-size \(maxSize.bytes >> 20)MB -o DIR, then chatterm upload DIR/part-*.jsonl"
            )
        }
    }

    /// Every file, in order, before anything is uploaded: one with errors stops the command.
    private func validateAll() throws {
        let sequence = FileSequence()
        var options = ImportAnalyzer.Options()
        options.maxErrors = maxErrors
        for file in files {
            let progress = ProgressLine(label: "validating", path: file)
            let result: ImportResult
            do {
                result = try sequence.validate(file, options: options, progress: progress.update)
            } catch let error as ImportFileError {
                progress.finish()
                throw CommandFailure(error)
            }
            progress.finish()
            guard result.isValid else {
                OutputStream.standardError.write("chatterm: nothing was uploaded: ")
                ValidationPrinter(format: .text, stream: .standardError).printResult(result, file: file)
                let after = files.first == file ? "" : " after the files before it"
                // Parts given out of order fail on what a later one holds: not a file to fix.
                let order = files.count > 1 ? "the files are checked in the order given (split's parts: part-001 first); " : ""
                throw failure(
                    "\(file) is not a valid import file\(after)",
                    hint: order + "fix it, or upload it as it is with --skip-validation"
                )
            }
        }
    }

    /// create_import_url, PUT, create_import: the new task.
    private func start(_ file: String, _ imports: StreamImports) async throws -> JSONObject {
        let name = (file as NSString).lastPathComponent
        do {
            let (uploadURL, path) = try await imports.createURL(filename: name)
            try await imports.upload(file: file, to: uploadURL)
            return try await imports.create(path: path, mode: mode.rawValue, mergeCustom: mergeCustom ? true : nil)
        } catch let error as StreamAPIFailure {
            throw Self.apiFailure(error, doing: "cannot upload \(file)")
        }
    }

    /// The API's error in full: its message on the line, the whole answer on the next.
    static func apiFailure(_ error: StreamAPIFailure, doing what: String) -> CommandFailure {
        let answer = error.body.isEmpty ? nil : "the API answered: " + JSONWriter().string(.object(error.body))
        return CommandFailure("\(what): \(error)", hint: answer, code: ExitStatus.couldNotRun, underlying: error)
    }
}

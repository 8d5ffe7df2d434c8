import ChatModel
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Stream's import routes as stream-cli's `upload-import` calls them, with a server token:
/// `create_import_url`, a PUT of the file to the URL it answers, `create_import`, `get_import`.
public struct StreamImports: Sendable {
    public let rest: StreamREST
    private let session: URLSession

    public init(rest: StreamREST, session: URLSession = .shared) {
        self.rest = rest
        self.session = session
    }

    /// Where to PUT a file named `filename`, and the path `create` then takes.
    public func createURL(filename: String) async throws -> (uploadURL: String, path: String) {
        let answer = try await rest.post("import_urls", ["filename": .string(filename)])
        guard let url = answer["upload_url"]?.stringValue, let path = answer["path"]?.stringValue else {
            throw StreamAPIFailure(status: 0, code: -1, message: "create_import_url: no upload_url and path in the answer", body: answer)
        }
        return (url, path)
    }

    /// PUTs the file to a pre-signed upload URL: no Stream credentials (the URL is the
    /// permission), the file streamed from disk, JSON's content type as stream-cli sends it.
    public func upload(file: String, to uploadURL: String) async throws {
        guard let url = URL(string: uploadURL) else {
            throw StreamAPIFailure(status: 0, code: -1, message: "create_import_url answered an upload URL that is not a URL: \(uploadURL)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = "PUT"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.upload(for: request, fromFile: URL(fileURLWithPath: file))
        } catch {
            throw StreamAPIFailure(status: 0, code: -1, message: "upload to \(url.host ?? uploadURL): \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            // Stream's own server answers in JSON; a storage service (S3) in XML, kept as text.
            let text = String(decoding: data.prefix(2000), as: UTF8.self)
            let json = (try? JSONParser.parse(text))?.objectValue
            throw StreamAPIFailure(
                status: status,
                code: json?["code"]?.intValue ?? -1,
                message: json?["message"]?.stringValue ?? "the upload URL answered HTTP \(status)" + (text.isEmpty ? "" : ": \(text)"),
                body: json ?? [:]
            )
        }
    }

    /// Starts the import of an uploaded file; the task, in Stream's shape. `merge_custom` is sent
    /// only when given, as stream-cli sends it.
    public func create(path: String, mode: String, mergeCustom: Bool? = nil) async throws -> JSONObject {
        var body: JSONObject = ["path": .string(path), "mode": .string(mode)]
        if let mergeCustom { body["merge_custom"] = .bool(mergeCustom) }
        return try task(in: try await rest.post("imports", body), operation: "create_import")
    }

    public func get(id: String) async throws -> JSONObject {
        let escaped = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? id
        return try task(in: try await rest.get("imports/\(escaped)"), operation: "get_import")
    }

    private func task(in answer: JSONObject, operation: String) throws -> JSONObject {
        guard let task = answer["import_task"]?.objectValue else {
            throw StreamAPIFailure(status: 0, code: -1, message: "\(operation): no import_task in the answer", body: answer)
        }
        return task
    }
}

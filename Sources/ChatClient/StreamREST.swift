import ChatModel
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Stream's REST calls as the SDKs make them: `api_key` in the query, the JWT in
/// `Authorization`, `stream-auth-type: jwt`, JSON bodies; an error answer becomes `StreamAPIFailure`.
public struct StreamREST: Sendable {
    public let endpoint: StreamEndpoint
    private let session: URLSession

    public init(endpoint: StreamEndpoint, session: URLSession = .shared) {
        self.endpoint = endpoint
        self.session = session
    }

    public func get(_ path: String, query: [String: String] = [:]) async throws -> JSONObject {
        try await send("GET", path, query: query, body: nil)
    }

    public func post(_ path: String, _ body: JSONObject = [:], query: [String: String] = [:]) async throws -> JSONObject {
        try await send("POST", path, query: query, body: body)
    }

    public func send(_ method: String, _ path: String, query: [String: String] = [:], body: JSONObject?) async throws -> JSONObject {
        try await send(method, path, query: query, raw: body.map { (Data(JSONWriter().string(.object($0)).utf8), "application/json") })
    }

    /// A file as the SDKs upload it: a multipart form whose `file` part holds it.
    public func upload(_ path: String, filename: String, contentType: String, data: Data) async throws -> JSONObject {
        let boundary = "chatterm-\(UUID().uuidString)"
        // The name is the form's, quoted: a quote or a line break in it would end the header.
        let safe = filename.map { "\"\r\n".contains($0) ? "_" : String($0) }.joined()
        var form = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(safe)\"\r\n".utf8)
        form += Data("Content-Type: \(contentType)\r\n\r\n".utf8) + data + Data("\r\n--\(boundary)--\r\n".utf8)
        return try await send("POST", path, query: [:], raw: (form, "multipart/form-data; boundary=\(boundary)"))
    }

    private func send(_ method: String, _ path: String, query: [String: String], raw body: (Data, String)?) async throws -> JSONObject {
        var components = URLComponents(string: "\(endpoint.baseURL)/\(path)")
        components?.queryItems =
            [URLQueryItem(name: "api_key", value: endpoint.apiKey)]
            + query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        // URLComponents leaves `+` as it is, and servers form-decode it to a space (a JSON `payload` would change).
        let encoded = components?.percentEncodedQuery
        components?.percentEncodedQuery = encoded?.replacingOccurrences(of: "+", with: "%2B")
        guard let url = components?.url else {
            throw StreamAPIFailure(status: 0, code: -1, message: "not a URL: \(endpoint.baseURL)/\(path)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue(endpoint.token, forHTTPHeaderField: "Authorization")
        request.setValue("jwt", forHTTPHeaderField: "stream-auth-type")
        if let body {
            request.setValue(body.1, forHTTPHeaderField: "Content-Type")
            request.httpBody = body.0
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw StreamAPIFailure(status: 0, code: -1, message: "\(method) \(path): \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = (try? JSONParser.parse(String(decoding: data, as: UTF8.self)))?.objectValue ?? JSONObject()
        guard (200..<300).contains(status) else {
            throw StreamAPIFailure(
                status: status,
                code: json["code"]?.intValue ?? -1,
                message: json["message"]?.stringValue ?? "\(method) \(path) answered HTTP \(status)",
                body: json
            )
        }
        return json
    }
}

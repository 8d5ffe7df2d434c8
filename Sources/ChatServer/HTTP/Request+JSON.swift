import ChatModel
import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// The body as a JSON object (`{}` when empty); bad JSON is Stream's input error.
    mutating func jsonObject(operation: String) async throws -> JSONObject {
        let buffer: ByteBuffer
        do {
            buffer = try await collectBody(upTo: ChatServerApp.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw StreamAPIError.tooBig(limit: ChatServerApp.maxBodyBytes)
        }
        guard buffer.readableBytes > 0 else { return JSONObject() }
        let value: JSONValue
        do {
            value = try JSONParser.parse(buffer.readableBytesView)
        } catch {
            throw StreamAPIError.input(operation, "invalid JSON body: \(error.message)")
        }
        guard case .object(let object) = value else { throw StreamAPIError.input(operation, "the body must be a JSON object") }
        return object
    }

    /// `jsonObject`, with every key outside `handled` refused in Stream's error shape (a null
    /// counts as not given): an option the server does not act on is never accepted and ignored.
    mutating func jsonObject(operation: String, handling handled: Set<String>) async throws -> JSONObject {
        let body = try await jsonObject(operation: operation)
        if let key = body.members.first(where: { !handled.contains($0.key) && $0.value != .null })?.key {
            throw StreamAPIError.input(operation, "\(key) is not supported by the local server")
        }
        return body
    }

    /// The `connection_id` query parameter: the caller's WebSocket connection, for `watch: true`.
    var connectionID: String? { uri.queryParameters.get("connection_id").map { String($0) } }

    /// A JSON query parameter such as `payload`, form-decoded first (`+` is a space), as the SDKs encode it.
    func jsonQuery(_ name: String, operation: String) throws -> JSONObject {
        let raw = (uri.query ?? "").split(separator: "&").first { $0.hasPrefix(name + "=") }.map { $0.dropFirst(name.count + 1) } ?? ""
        guard !raw.isEmpty else { return JSONObject() }
        guard let decoded = raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
            let object = try? JSONParser.parse(decoded).objectValue
        else { throw StreamAPIError.input(operation, "the \(name) query parameter must be a JSON object") }
        return object
    }
}

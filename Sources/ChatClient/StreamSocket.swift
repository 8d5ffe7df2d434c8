import ChatModel
import Foundation
import HummingbirdWSClient
import Logging

/// The WebSocket `/connect` as stream-chat-js opens it. Events arrive on `events` as JSON
/// objects, the first being `health.check` with the connection id; the stream ends when the
/// connection closes or fails (a reconnecting caller watches for that).
public final class StreamSocket: Sendable {
    public let events: AsyncStream<JSONObject>
    private let task: Task<Void, Never>

    /// Opens the connection for `userID`; returns once the request is under way (the first
    /// event tells whether the server took it).
    public init(endpoint: StreamEndpoint, userID: String) {
        let (events, continuation) = AsyncStream<JSONObject>.makeStream()
        self.events = events
        let payload = JSONWriter().string(["user_id": .string(userID), "user_details": ["id": .string(userID)]])
        var query = "json=\(Self.escape(payload))&api_key=\(Self.escape(endpoint.apiKey))"
        query += "&authorization=\(Self.escape(endpoint.token))&stream-auth-type=jwt"
        let url = endpoint.baseURL.replacingPrefix("http", with: "ws") + "/connect?" + query
        task = Task {
            var logger = Logger(label: "chatterm.socket")
            logger.logLevel = .critical
            _ = try? await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 22), logger: logger) { inbound, _, _ in
                for try await message in inbound.messages(maxSize: 1 << 22) {
                    guard case .text(let text) = message, let event = (try? JSONParser.parse(text))?.objectValue else { continue }
                    continuation.yield(event)
                }
            }
            continuation.finish()
        }
    }

    /// Closes the connection; `events` ends.
    public func close() { task.cancel() }

    deinit { task.cancel() }

    private static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

private extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}

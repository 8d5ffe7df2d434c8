import ChatModel
import Foundation
import HummingbirdWSClient
import Logging
import NIOCore

/// The WebSocket `/connect` as stream-chat-js opens it. Events arrive on `events` as JSON
/// objects, the first being `health.check` with the connection id; the stream ends when the
/// connection closes or fails (a reconnecting caller watches for that). `send` writes frames
/// the other way (keep-alives).
public final class StreamSocket: Sendable {
    public let events: AsyncStream<JSONObject>
    private let outgoing: AsyncStream<String>.Continuation
    private let task: Task<Void, Never>

    /// Opens the connection for `userID`; returns once the request is under way (the first
    /// event tells whether the server took it).
    public init(endpoint: StreamEndpoint, userID: String) {
        let (events, continuation) = AsyncStream<JSONObject>.makeStream()
        // Only keep-alives go out; a few waiting while the connection opens are plenty.
        let (frames, outgoing) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        self.events = events
        self.outgoing = outgoing
        let payload = JSONWriter().string(["user_id": .string(userID), "user_details": ["id": .string(userID)]])
        var query = "json=\(Self.escape(payload))&api_key=\(Self.escape(endpoint.apiKey))"
        query += "&authorization=\(Self.escape(endpoint.token))&stream-auth-type=jwt"
        let url = endpoint.baseURL.replacingPrefix("http", with: "ws") + "/connect?" + query
        task = Task {
            var logger = Logger(label: "chatterm.socket")
            logger.logLevel = .critical
            _ = try? await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 22), logger: logger) {
                inbound,
                outbound,
                _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await frame in frames { try await outbound.write(.text(frame)) }
                    }
                    var text = TextMessage()
                    for try await frame in inbound {
                        guard let bytes = try text.add(frame.opcode, frame.data, fin: frame.fin), let event = bytes.parsedObject else {
                            continue
                        }
                        continuation.yield(event)
                    }
                    group.cancelAll()
                }
            }
            continuation.finish()
        }
    }

    /// Sends `frame` as JSON text once the connection is open; after it closed, nothing happens.
    public func send(_ frame: JSONValue) { outgoing.yield(JSONWriter().string(frame)) }

    /// Closes the connection; `events` ends.
    public func close() { task.cancel() }

    deinit { task.cancel() }

    private static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// A text message from its frames, as bytes: each event is parsed straight from the frame that
/// brought it. (Collating into a `String` first meant a UTF-8 check and a copy of every event
/// before the parse, which copied it again; the parser repairs bad UTF-8 in the strings it makes.)
struct TextMessage {
    static let maxSize = 1 << 22
    /// The message so far while its frames arrive; nil between messages and in a binary one.
    private var pending: ByteBuffer?

    /// The whole message once a frame (its opcode, data and FIN bit) ends a text message.
    mutating func add(_ opcode: WebSocketDataFrame.Opcode, _ data: ByteBuffer, fin: Bool) throws -> ByteBuffer? {
        switch opcode {
        case .text: pending = data
        case .binary: pending = nil
        case .continuation:
            guard var message = pending else { return nil }
            guard message.readableBytes + data.readableBytes <= Self.maxSize else { throw MessageTooLarge() }
            var data = data
            message.writeBuffer(&data)
            pending = message
        }
        guard fin, let message = pending else { return nil }
        pending = nil
        return message
    }

    struct MessageTooLarge: Error {}
}

extension ByteBuffer {
    /// The JSON object these bytes hold; nil for anything else.
    var parsedObject: JSONObject? {
        withUnsafeReadableBytes { raw in (try? JSONParser.parse(raw.assumingMemoryBound(to: UInt8.self)))?.objectValue }
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}

import ChatModel
import ChatServer
import Foundation
import HummingbirdWSClient
import Logging
import XCTest

/// The server writes whatever events wait for a connection with one flush, frames it builds
/// itself. A client that stopped reading while events piled up must still get each of them
/// whole, once, in order, as a message of its own, read by a WebSocket client that is not ours.
final class WebSocketBacklogTests: XCTestCase {
    func testEventsQueuedWhileAClientDoesNotReadArriveWholeAndInOrder() async throws {
        let server = try LocalServer.started(users: ["slow"])
        defer { try? server.stop() }
        // A frame's length takes 1, 2 or 8 bytes of its header: every kind, and megabytes in
        // all, more than the sockets' buffers hold, so the server's queue fills while the client waits.
        let sizes = [10, 300, 100_000]
        let total = 240
        let admin = server.admin
        let json = JSONWriter().string(["user_id": "slow"])
        var query = URLComponents()
        query.queryItems = [
            URLQueryItem(name: "json", value: json), URLQueryItem(name: "api_key", value: server.credentials.apiKey),
            URLQueryItem(name: "authorization", value: StreamToken.userToken("slow", secret: server.credentials.apiSecret)),
        ]
        let url = "ws://127.0.0.1:\(server.port)/connect?" + (query.percentEncodedQuery ?? "")
        let received = Locked<[JSONObject]>([])
        var logger = Logger(label: "test.backlog")
        logger.logLevel = .critical
        _ = try await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 22), logger: logger) { inbound, _, _ in
            var messages = inbound.messages(maxSize: 1 << 22).makeAsyncIterator()
            guard case .text(let hello) = try await messages.next(), hello.contains("health.check") else {
                return XCTFail("no health.check first")
            }
            for n in 0..<total {
                let pad = String(repeating: "x", count: sizes[n % sizes.count])
                _ = try await admin.post("users/slow/event", ["event": ["type": "backlog", "n": .int(n), "pad": .string(pad)]])
            }
            while received.withLock({ $0.count }) < total, let message = try await messages.next() {
                guard case .text(let text) = message else { return XCTFail("a frame that is not text: \(message)") }
                guard let event = try JSONParser.parse(text).objectValue else { return XCTFail("not a JSON object: \(text.prefix(80))") }
                received.withLock { $0.append(event) }
            }
        }
        let events = received.withLock { $0 }
        XCTAssertEqual(events.map { $0["n"]?.intValue }, (0..<total).map { $0 }, "each event once, in the order it was sent")
        for (n, event) in events.enumerated() {
            XCTAssertEqual(event["pad"]?.stringValue?.count, sizes[n % sizes.count], "event \(n) arrived whole")
            XCTAssertEqual(event["type"]?.stringValue, "backlog")
        }
    }
}

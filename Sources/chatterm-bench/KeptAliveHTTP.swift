import ChatClient
import ChatModel
import NIOCore
import NIOHTTP1
import NIOPosix

/// The fan-out bench's senders' REST calls: Stream's requests as `StreamREST` makes them
/// (`api_key` in the query, the JWT in `Authorization`, `stream-auth-type: jwt`, a JSON body),
/// one after another on one kept-alive HTTP/1.1 connection, on NIO. URLSession (curl, under
/// FoundationNetworking) took 18 % of the clients' CPU in that bench, where clients and server
/// share two cores, and hung under load; a sender is still a real HTTP client of the real server.
struct KeptAliveHTTP: Sendable {
    let host: String
    let port: Int
    let endpoint: StreamEndpoint

    /// Runs `body` with the connection open, giving it `post(path, body)`, which answers the
    /// response's JSON object or throws `StreamAPIFailure`; closes the connection after.
    func withConnection<Result: Sendable>(
        _ body: (_ post: (String, JSONObject) async throws -> JSONObject) async throws -> Result
    ) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: host, port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHTTPClientHandlers()
                return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
            }
        }
        return try await channel.executeThenClose { inbound, outbound in
            var responses = inbound.makeAsyncIterator()
            func post(_ path: String, _ json: JSONObject) async throws -> JSONObject {
                let payload = JSONWriter().bytes(.object(json))
                var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: "/\(path)?api_key=\(endpoint.apiKey)")
                head.headers.add(name: "Host", value: "\(host):\(port)")
                head.headers.add(name: "Authorization", value: endpoint.token)
                head.headers.add(name: "stream-auth-type", value: "jwt")
                head.headers.add(name: "Content-Type", value: "application/json")
                head.headers.add(name: "Content-Length", value: String(payload.count))
                try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(ByteBuffer(bytes: payload))), .end(nil)])
                var status = 0
                var answer = ByteBuffer()
                while let part = try await responses.next() {
                    switch part {
                    case .head(let head): status = Int(head.status.code)
                    case .body(var bytes): answer.writeBuffer(&bytes)
                    case .end:
                        let object = answer.withUnsafeReadableBytes { raw in
                            (try? JSONParser.parse(raw.assumingMemoryBound(to: UInt8.self)))?.objectValue
                        }
                        guard (200..<300).contains(status), let object else {
                            throw StreamAPIFailure(
                                status: status,
                                code: -1,
                                message: "POST \(path) answered HTTP \(status)",
                                body: object ?? [:]
                            )
                        }
                        return object
                    }
                }
                throw StreamAPIFailure(status: 0, code: -1, message: "POST \(path): the server closed the connection")
            }
            return try await body(post)
        }
    }
}

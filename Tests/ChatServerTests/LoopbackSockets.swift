import NIOCore
import NIOPosix
import NIOWebSocket

@testable import ChatServer

/// Real TCP connections on loopback: each server end carries an `EventSocket` as `/connect` sets
/// one up (below NIO's WebSocket frame encoder), each client end decodes the frames it reads. The
/// sockets' buffers are a few kilobytes, so a client that never reads stalls its server end
/// (unwritable) after a few kilobytes, as a stalled client's would after its megabytes.
final class LoopbackSockets: Sendable {
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
    private let server: any Channel
    private let accepted: AsyncStream<any Channel>

    init() async throws {
        let (accepted, arrival) = AsyncStream<any Channel>.makeStream()
        self.accepted = accepted
        server = try await ServerBootstrap(group: group)
            .childChannelOption(.socketOption(.so_sndbuf), value: 4096)
            .childChannelOption(.writeBufferWaterMark, value: .init(low: 1024, high: 4096))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(WebSocketFrameEncoder())
                    arrival.yield(channel)
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    /// A connection: the server end's socket, its channel, and the texts of the frames the client
    /// reads (none while it does not `read`).
    /// `open`: as `/connect` does once its `health.check` is written; false leaves that to the test.
    func connect(reading: Bool, open: Bool = true) async throws -> (socket: EventSocket, channel: any Channel, texts: AsyncStream<String>) {
        let (texts, text) = AsyncStream<String>.makeStream()
        _ = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.so_rcvbuf), value: 4096)
            .channelOption(.autoRead, value: reading)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(ByteToMessageHandler(WebSocketFrameDecoder()), FrameTexts(sink: text))
                }
            }
            .connect(host: "127.0.0.1", port: server.localAddress!.port!).get()
        var iterator = accepted.makeAsyncIterator()
        guard let channel = await iterator.next() else { throw ChannelError.ioOnClosedChannel }
        let socket = try await EventSocket.attach(to: channel, limit: EventHub.queueLimit)
        if open { socket.open() }
        return (socket, channel, texts)
    }

    func shutdown() async throws {
        try await server.close()
        try await group.shutdownGracefully()
    }
}

/// Hands each frame's text on; the stream ends when the connection does.
private final class FrameTexts: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame

    private let sink: AsyncStream<String>.Continuation

    init(sink: AsyncStream<String>.Continuation) { self.sink = sink }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        sink.yield(String(buffer: unwrapInboundIn(data).unmaskedData))
    }

    func channelInactive(context: ChannelHandlerContext) {
        sink.finish()
        context.fireChannelInactive()
    }
}

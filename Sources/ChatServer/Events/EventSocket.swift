import NIOCore
import NIOWebSocket

/// Writes events to one WebSocket connection: all the frames its queue holds with one flush, so
/// one `writev`, where Hummingbird's writer flushes every frame (a watcher that fell behind
/// cost a system call per event, a fifth of the server's time in the fan-out bench).
///
/// The frames are whole already (`EventFrame`), so they go in below NIO's frame encoder. The
/// stream stays a correct WebSocket stream: each frame is one write on the channel's event loop,
/// so what Hummingbird writes meanwhile (health checks, the close) lands between frames, never
/// inside one; and the server negotiates no extension that would change a frame.
struct EventSocket: Sendable {
    private let channel: any Channel
    private let writer: NIOLoopBound<FrameWriter>

    /// Adds the writer to a channel upgraded to WebSocket, on the socket's side of the encoder.
    static func attach(to channel: any Channel) async throws -> EventSocket {
        try await channel.eventLoop.submit {
            let encoder = try channel.pipeline.syncOperations.handler(type: WebSocketFrameEncoder.self)
            let writer = FrameWriter()
            try channel.pipeline.syncOperations.addHandler(writer, position: .before(encoder))
            return EventSocket(channel: channel, writer: NIOLoopBound(writer, eventLoop: channel.eventLoop))
        }.get()
    }

    private init(channel: any Channel, writer: NIOLoopBound<FrameWriter>) {
        self.channel = channel
        self.writer = writer
    }

    /// Writes `frames` in order and flushes once; returns when the socket took the last, so a
    /// client that stops reading holds its writer here while its queue fills.
    func write(_ frames: [EventFrame]) async throws {
        guard !frames.isEmpty else { return }
        try await channel.eventLoop.flatSubmit { [writer, channel] in
            writer.value.write(frames) ?? channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
        }.get()
    }
}

/// The pipeline's hold for `EventSocket`: it passes everything through, and lets whole frames in
/// just below the encoder.
private final class FrameWriter: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    /// Nil once the channel is gone.
    func write(_ frames: [EventFrame]) -> EventLoopFuture<Void>? {
        guard let context else { return nil }
        for frame in frames.dropLast() { context.write(wrapOutboundOut(frame.bytes), promise: nil) }
        // Writes complete in order, so the last one's future completes after all of them.
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(frames[frames.count - 1].bytes), promise: written)
        return written.futureResult
    }
}

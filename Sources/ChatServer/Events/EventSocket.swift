import NIOCore
import NIOWebSocket

/// Writes events to one WebSocket connection from its queue, on the connection's event loop: all
/// the frames waiting with one flush, so one `writev`, where Hummingbird's writer flushes every
/// frame. The hub schedules `drain` on each event loop once per event for all its connections
/// (`FrameQueue.Pushed.needsDrain`).
///
/// Frames are taken only while the channel takes writes (NIO's writability: below its high-water
/// mark of bytes not yet sent). A client that stops reading makes the channel unwritable, so its
/// events stay in its queue until the queue refuses them and the hub drops the connection; when
/// the channel drains, its writability change writes what waits.
///
/// The frames are whole already (`EventFrame`), so they go in below NIO's frame encoder. The
/// stream stays a correct WebSocket stream: each frame is one write on the channel's event loop,
/// so what Hummingbird writes meanwhile (health checks, the close) lands between frames, never
/// inside one; and the server negotiates no extension that would change a frame.
final class EventSocket: Sendable {
    let eventLoop: any EventLoop
    let queue: FrameQueue
    private let writer: NIOLoopBound<FrameWriter>

    /// Adds the writer to a channel upgraded to WebSocket, on the socket's side of the encoder.
    /// Nothing queued is written before `open`: a client's first frame must be `health.check`.
    static func attach(to channel: any Channel, limit: Int) async throws -> EventSocket {
        let queue = FrameQueue(limit: limit, held: true)
        return try await channel.eventLoop.submit {
            let encoder = try channel.pipeline.syncOperations.handler(type: WebSocketFrameEncoder.self)
            let writer = FrameWriter(queue: queue)
            try channel.pipeline.syncOperations.addHandler(writer, position: .before(encoder))
            return EventSocket(eventLoop: channel.eventLoop, queue: queue, writer: NIOLoopBound(writer, eventLoop: channel.eventLoop))
        }.get()
    }

    private init(eventLoop: any EventLoop, queue: FrameQueue, writer: NIOLoopBound<FrameWriter>) {
        self.eventLoop = eventLoop
        self.queue = queue
        self.writer = writer
    }

    /// On the event loop: writes what the queue holds, if the channel takes writes now.
    func drain() { writer.value.drain() }

    /// Once the connection's first frame is written: what waited goes out after it, and from
    /// then on each event is written as it comes.
    func open() { eventLoop.execute { self.drain() } }

    /// No more events: what waits goes out (if the channel takes it), and the queue ends.
    func finish() {
        queue.finish()
        open()
    }
}

/// The pipeline's hold for `EventSocket`: it passes everything through, lets whole frames in just
/// below the encoder, and writes what waits when the channel becomes writable again.
private final class FrameWriter: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let queue: FrameQueue
    private var context: ChannelHandlerContext?

    init(queue: FrameQueue) { self.queue = queue }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        drain()
        context.fireChannelWritabilityChanged()
    }

    func drain() {
        guard let context, context.channel.isWritable else { return }
        let frames = queue.take()
        guard !frames.isEmpty else { return }
        for frame in frames { context.write(wrapOutboundOut(frame.bytes), promise: nil) }
        context.flush()
    }
}

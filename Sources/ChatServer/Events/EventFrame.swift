import NIOCore

/// One event as the WebSocket sends it: JSON text encoded once, into a buffer every connection
/// that gets the event shares (a buffer is copied on write only, and a frame is never written to).
/// Each connection used to get its own copy of the text to encode, a hundred a message in a
/// channel of a hundred watchers.
struct EventFrame: Sendable {
    let buffer: ByteBuffer

    init(_ bytes: [UInt8]) { buffer = ByteBuffer(bytes: bytes) }

    var text: String { String(buffer: buffer) }
}

import NIOCore

/// One event as the WebSocket sends it: the whole frame, header and JSON text, built once into a
/// buffer every connection that gets the event shares (a buffer is copied on write only, and a
/// frame is never written to). `EventSocket` writes it below NIO's frame encoder, so a watcher's
/// copy of the event costs neither an encoding nor a header of its own.
struct EventFrame: Sendable {
    /// The frame as it goes on the wire.
    let bytes: ByteBuffer
    private let headerLength: Int

    /// A final text frame holding `json`, unmasked: RFC 6455 masks only what a client sends.
    init(_ json: [UInt8]) {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(json.count + 10)
        buffer.writeInteger(UInt8(0x81))  // FIN, opcode 1 (text); no extension sets the reserved bits
        switch json.count {
        case ..<126: buffer.writeInteger(UInt8(json.count))
        case ...0xFFFF:
            buffer.writeInteger(UInt8(126))
            buffer.writeInteger(UInt16(json.count))
        default:
            buffer.writeInteger(UInt8(127))
            buffer.writeInteger(UInt64(json.count))
        }
        headerLength = buffer.readableBytes
        buffer.writeBytes(json)
        bytes = buffer
    }

    /// The event's JSON text.
    var text: String { String(buffer: bytes.getSlice(at: bytes.readerIndex + headerLength, length: bytes.readableBytes - headerLength)!) }
}

import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// hummingbird-websocket turns NIO's HTTP error handling off until it knows whether a request
/// upgrades, so a request it cannot parse (a header over NIO's 80 KB, a malformed request line)
/// would be neither answered nor closed: the connection would wait for the client to give up.
/// This child channel is the upgrade channel with a handler that closes such a connection.
struct ParseErrorClosingChannel<Inner: ServerChildChannel>: ServerChildChannel {
    let inner: Inner

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Inner.Value> {
        inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            // Behind the decoder and the upgrade handler: what they cannot parse reaches it.
            try channel.pipeline.syncOperations.addHandler(ParseErrorCloser(logger: logger))
            return value
        }
    }

    func handle(value: Inner.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

private final class ParseErrorCloser: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny
    let logger: Logger

    init(logger: Logger) { self.logger = logger }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else { return context.fireErrorCaught(error) }
        logger.debug("closing a connection whose request cannot be parsed", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }
}

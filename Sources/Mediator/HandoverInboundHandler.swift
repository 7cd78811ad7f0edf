import ETSI
import NIOCore
import NIOSSL
import NIOTLS

/// Reads what the agency sends on a handover connection through a ``HandoverReplyReader`` and hands each keep-alive
/// response on, octet for octet, for the connection to match against its outstanding keep-alive. Anything else is
/// reported and dropped; undecodable input, or more than ``HandoverReplyReader/maximumPendingBytes`` without a whole
/// record, closes the connection. Also passes on writability changes and the end of the TLS handshake.
final class HandoverInboundHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private var reader = HandoverReplyReader()
    private let onKeepAliveResponse: ([UInt8]) -> Void
    private let onUnexpected: (String) -> Void
    private let onError: (any Error) -> Void
    private let onWritable: () -> Void
    private let onHandshake: () -> Void

    /// The callbacks run on the channel's event loop, which is the connection's.
    init(
        onKeepAliveResponse: @escaping ([UInt8]) -> Void,
        onUnexpected: @escaping (String) -> Void,
        onError: @escaping (any Error) -> Void,
        onWritable: @escaping () -> Void,
        onHandshake: @escaping () -> Void
    ) {
        self.onKeepAliveResponse = onKeepAliveResponse
        self.onUnexpected = onUnexpected
        self.onError = onError
        self.onWritable = onWritable
        self.onHandshake = onHandshake
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let incoming = unwrapInboundIn(data)
        incoming.withUnsafeReadableBytes { reader.append($0) }
        do {
            while let reply = try reader.next() {
                switch reply {
                case .keepAliveResponse(let record):
                    onKeepAliveResponse(record)
                case .other:
                    onUnexpected("a PS-PDU that is not a keep-alive response")
                }
            }
        } catch {
            onUnexpected("undecodable data (\(error)); closing")
            context.close(promise: nil)
            return
        }
        if reader.isOverLimit {
            onUnexpected("\(reader.pendingCount) bytes without a whole record; closing")
            reader.clear()
            context.close(promise: nil)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { onWritable() }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event { onHandshake() }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        onError(error)
        context.close(promise: nil)
    }
}

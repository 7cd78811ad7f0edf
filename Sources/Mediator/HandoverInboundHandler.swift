import ETSI
import NIOCore
import NIOSSL
import NIOTLS

/// Reads what the agency sends on a handover connection: splits it into PS-PDUs and hands each keep-alive response
/// on, octet for octet, for the connection to match against its outstanding keep-alive. Anything else is reported
/// and dropped; undecodable input, or more than ``maximumPendingBytes`` without a whole record, closes the
/// connection (the stream can no longer be split reliably, and an agency only ever sends short responses). Also
/// passes on writability changes and the end of the TLS handshake.
final class HandoverInboundHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    /// The most bytes kept while waiting for the rest of a record: a keep-alive response is under 200 bytes.
    static let maximumPendingBytes = 64 << 10

    private var pending = ByteBuffer()
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
        var incoming = unwrapInboundIn(data)
        pending.writeBuffer(&incoming)
        do {
            while let record = try nextRecord() {
                let summary = try record.withUnsafeBytes { try PSPDUReader.summarize($0, lenient: true) }
                if summary.triMessage == .keepAliveResponse {
                    onKeepAliveResponse(record)
                } else {
                    onUnexpected("a PS-PDU that is not a keep-alive response")
                }
            }
        } catch {
            onUnexpected("undecodable data (\(error)); closing")
            context.close(promise: nil)
            return
        }
        if pending.readableBytes > Self.maximumPendingBytes {
            onUnexpected("\(pending.readableBytes) bytes without a whole record; closing")
            pending.clear()
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

    private func nextRecord() throws -> [UInt8]? {
        let length = try pending.withUnsafeReadableBytes { try PSPDUReader.recordLength(in: $0, lenient: true) }
        guard let length, let record = pending.readBytes(length: length) else { return nil }
        pending.discardReadBytes()
        return record
    }
}

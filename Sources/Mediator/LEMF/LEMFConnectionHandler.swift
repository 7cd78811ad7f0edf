import NIOCore
import NIOSSL

/// One accepted HI2/HI3 connection: splits the stream into PS-PDUs, hands each to the hub, writes keep-alive
/// responses back, and reports the TLS handshake's outcome.
final class LEMFConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let hub: LEMFHub
    private let tls: Bool
    private var splitter: LEMFStreamSplitter
    private var number = 0
    private var secured = false
    private var failed = false

    init(hub: LEMFHub, tls: Bool, maximumRecordLength: Int) {
        self.hub = hub
        self.tls = tls
        self.splitter = LEMFStreamSplitter(maximumRecordLength: maximumRecordLength)
    }

    func channelActive(context: ChannelHandlerContext) {
        number = hub.accept(context.channel, tls: tls)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else {
            return
        }
        if tls && !secured {
            noteHandshake(context: context)
        }
        let incoming = unwrapInboundIn(data)
        incoming.withUnsafeReadableBytes { splitter.append($0) }
        do {
            while let record = try splitter.next() {
                if let reply = hub.receive(record, connection: number) {
                    context.write(wrapOutboundOut(context.channel.allocator.buffer(bytes: reply)), promise: nil)
                }
            }
        } catch {
            failed = true
            hub.broken(connection: number, error: error)
            hub.flush()
            context.close(promise: nil)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        hub.flush()
        context.flush()
        context.fireChannelReadComplete()
    }

    /// Records the TLS version and the client's subject: application data arrives only after the handshake (and
    /// with it the client certificate's verification) has completed.
    private func noteHandshake(context: ChannelHandlerContext) {
        guard let handler = try? context.pipeline.syncOperations.handler(type: NIOSSLServerHandler.self) else {
            return
        }
        secured = true
        let subject = (try? handler.peerCertificate?.toDERBytes()).flatMap {
            LEMFCertificateSubject.text(ofCertificate: $0)
        }
        hub.secured(connection: number, tlsVersion: handler.tlsVersion.map(Self.name) ?? "TLS", peerSubject: subject)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !failed else {
            return
        }
        failed = true
        if let sslError = error as? NIOSSLError, case .uncleanShutdown = sslError {
            if !secured {
                hub.note("lemf: connection \(number): closed before the TLS handshake completed")
            }
        } else if tls && !secured {
            hub.refused(connection: number, reason: "\(error)")
        } else {
            hub.note("lemf: connection \(number): \(error)")
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        hub.flush()
        hub.closed(connection: number, unfinishedOctets: splitter.bufferedCount)
        context.fireChannelInactive()
    }

    private static func name(_ version: TLSVersion) -> String {
        switch version {
        case .tlsv1: "TLS 1.0"
        case .tlsv11: "TLS 1.1"
        case .tlsv12: "TLS 1.2"
        case .tlsv13: "TLS 1.3"
        }
    }
}

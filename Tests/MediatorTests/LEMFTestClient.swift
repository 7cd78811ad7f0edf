import NIOCore
import NIOPosix
import NIOSSL

/// A NIO client for the LEMF socket tests: connects (optionally over TLS), sends bytes, and collects what comes back
/// until enough has arrived, the connection ends, or a deadline passes.
enum LEMFTestClient {
    /// How one exchange ended.
    struct Outcome {
        /// The octets received.
        var received: [UInt8]
        /// The error the connection ended with, if any (a refused TLS handshake).
        var error: (any Error)?
    }

    /// Connects to 127.0.0.1:`port`, sends `bytes`, and waits for `expecting` octets (at most `seconds`).
    static func exchange(
        port: Int,
        sending bytes: [UInt8],
        expecting: Int,
        tls: NIOSSLContext? = nil,
        seconds: Int64 = 5
    ) async throws -> Outcome {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let outcome = try await exchange(
                group: group,
                port: port,
                sending: bytes,
                expecting: expecting,
                tls: tls,
                seconds: seconds
            )
            try await group.shutdownGracefully()
            return outcome
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    private static func exchange(
        group: MultiThreadedEventLoopGroup,
        port: Int,
        sending bytes: [UInt8],
        expecting: Int,
        tls: NIOSSLContext?,
        seconds: Int64
    ) async throws -> Outcome {
        let promise = group.next().makePromise(of: Outcome.self)
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tls, serverHostname: nil)
                        )
                    }
                    try channel.pipeline.syncOperations.addHandler(Collector(expecting: expecting, promise: promise))
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
        channel.eventLoop.scheduleTask(in: .seconds(seconds)) {
            channel.close(promise: nil)
        }
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes)).get()
        let outcome = try await promise.futureResult.get()
        try? await channel.close().get()
        return outcome
    }

    private final class Collector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer

        private let expecting: Int
        private let promise: EventLoopPromise<Outcome>
        private var received: [UInt8] = []
        private var error: (any Error)?
        private var done = false

        init(expecting: Int, promise: EventLoopPromise<Outcome>) {
            self.expecting = expecting
            self.promise = promise
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            received += buffer.readBytes(length: buffer.readableBytes) ?? []
            if received.count >= expecting {
                finish()
            }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            self.error = self.error ?? error
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            finish()
        }

        private func finish() {
            guard !done else {
                return
            }
            done = true
            promise.succeed(Outcome(received: received, error: error))
        }
    }
}

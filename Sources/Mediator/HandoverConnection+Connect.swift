import Logging
import NIOCore
import NIOPosix
import NIOSSL

extension HandoverConnection {
    /// Starts a connection attempt unless one is up or under way.
    func connect() {
        guard channel == nil, !connecting, !stopped, unusableReason == nil else { return }
        connecting = true
        let tlsContext = self.tlsContext
        let serverName = settings.tls?.serverName ?? (TLSPeerIdentity.isAddress(endpoint.host) ? nil : endpoint.host)
        ClientBootstrap(group: eventLoop)
            .connectTimeout(.seconds(5))
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelOption(.writeBufferWaterMark, value: .init(low: 32 << 10, high: 64 << 10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tlsContext {
                        let handler = try NIOSSLClientHandler(context: tlsContext, serverHostname: serverName)
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                    try channel.pipeline.syncOperations.addHandler(self.makeInboundHandler())
                }
            }
            .connect(host: endpoint.host, port: endpoint.port)
            .hop(to: eventLoop)
            .whenComplete { result in
                self.connecting = false
                switch result {
                case .success(let channel):
                    self.connected(channel)
                case .failure(let error):
                    self.stats.connectFailures += 1
                    if let library = Self.certificateRefusal(error) {
                        self.refusedCertificateChain(library: library)
                    } else if self.stats.connectFailures == 1 || self.stats.connectFailures % 30 == 0 {
                        self.logger.warning(
                            "handover \(self.endpoint.label) unreachable, retrying every \(self.settings.retrySeconds) s",
                            metadata: ["error": "\(error)", "attempts": "\(self.stats.connectFailures)"]
                        )
                    }
                    self.scheduleRetry()
                }
            }
    }

    private func makeInboundHandler() -> HandoverInboundHandler {
        HandoverInboundHandler(
            onKeepAliveResponse: { self.keepAliveResponseReceived($0) },
            onUnexpected: { what in
                self.logger.warning("handover \(self.endpoint.label): the agency sent \(what)")
            },
            onError: { error in
                if let library = Self.certificateRefusal(error) {
                    self.refusedCertificateChain(library: library)
                } else {
                    self.logger.warning("handover \(self.endpoint.label): connection error: \(error); closing")
                }
            },
            onWritable: { self.pump() },
            onHandshake: { self.established() }
        )
    }

    private func connected(_ channel: any Channel) {
        if stopped {
            channel.close(promise: nil)
            return
        }
        generation += 1
        let current = generation
        self.channel = channel
        channel.closeFuture.hop(to: eventLoop).whenComplete { _ in self.lost(current) }
        if tlsContext == nil {
            logger.warning("handover \(endpoint.label) connected in PLAINTEXT (the agency is configured for it)")
            established()
        }
    }

    /// The connection can carry records: TCP is up and, with TLS, the handshake is done and the agency's
    /// certificate names the agency (else the connection is closed before any record is written).
    func established() {
        guard let channel, !stats.connected else { return }
        if tlsContext != nil {
            let handler = try? channel.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self)
            let expected = settings.tls?.serverName ?? endpoint.host
            guard let certificate = handler?.peerCertificate else {
                refusedCertificate("the agency presented no certificate")
                channel.close(promise: nil)
                return
            }
            if let mismatch = TLSPeerIdentity.mismatch(of: certificate, expected: expected) {
                refusedCertificate("name check failed: expected \(expected), but \(mismatch)")
                channel.close(promise: nil)
                return
            }
        }
        stats.connected = true
        stats.connects += 1
        stats.connectedSince = WallClock.now()
        if tlsContext != nil {
            let handler = try? channel.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self)
            stats.tlsVersion = handler?.tlsVersion.map { "\($0)" }
            stats.peerCertificate = handler?.peerCertificate.map { "\($0)" }
            logger.info(
                "handover \(endpoint.label) connected (TLS \(stats.tlsVersion ?? "?"), peer \(stats.peerCertificate ?? "?"))"
            )
        }
        spool?.rewindToAcknowledged()
        sendKeepAlive()
        pump()
    }

    private func lost(_ lostGeneration: Int) {
        guard lostGeneration == generation, channel != nil else { return }
        channel = nil
        let wasConnected = stats.connected
        stats.connected = false
        if keepAlive.outstanding { stats.keepAliveTimeouts += 1 }
        keepAlive.reset()
        spool?.rewindToAcknowledged()
        if closing { return }
        if wasConnected {
            stats.disconnects += 1
            logger.warning("handover \(endpoint.label) lost; unacknowledged records will be sent again")
        } else {
            stats.connectFailures += 1
        }
        scheduleRetry()
    }

    func scheduleRetry() {
        guard !stopped else { return }
        eventLoop.scheduleTask(in: .seconds(settings.retrySeconds)) { self.connect() }
    }

    /// Closes the connection once everything is acknowledged and `finish` was called; starts the final keep-alive
    /// round once everything is sent.
    func checkDrained() {
        guard let finishing, !closing else { return }
        let unacknowledged = (spool?.unacknowledgedRecords ?? 0) + waitingRecords.count
        if unacknowledged == 0 {
            closing = true
            stopped = true
            keepAlive.cancelTimers()
            try? spool?.sync()
            self.finishing = nil
            guard let channel else {
                finishing.succeed()
                return
            }
            channel.close(promise: nil)
            channel.closeFuture.whenComplete { _ in
                self.logger.info("handover \(self.endpoint.label) closed, every record acknowledged")
                finishing.succeed()
            }
            return
        }
        if stats.connected, spool?.unsentRecords == 0, waitingRecords.isEmpty, !keepAlive.outstanding {
            sendKeepAlive()
        }
    }
}

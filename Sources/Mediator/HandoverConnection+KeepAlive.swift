import ETSI
import Logging
import NIOCore

/// The keep-alive exchange of one connection.
struct KeepAliveState {
    /// Sequence number of the next keep-alive.
    var sequence: UInt64 = 0
    /// Where the spool's sent cursor stood when the outstanding keep-alive was written.
    var acknowledges: SpoolPosition?
    /// The only response that answers the outstanding keep-alive: the same PS-PDU, octet for octet, with
    /// keep-alive [3] turned into keep-aliveResponse [4] (same header, same sequence number, DER).
    var expectedResponse: [UInt8]?
    /// When the outstanding keep-alive was written.
    var sentAt: NIODeadline?
    var nextTimer: Scheduled<Void>?
    var deadline: Scheduled<Void>?

    var outstanding: Bool { acknowledges != nil }

    mutating func cancelTimers() {
        nextTimer?.cancel()
        deadline?.cancel()
        nextTimer = nil
        deadline = nil
    }

    mutating func reset() {
        cancelTimers()
        acknowledges = nil
        expectedResponse = nil
        sentAt = nil
    }
}

extension HandoverConnection {
    /// Sends a keep-alive `keepaliveSeconds` after the last one.
    func scheduleKeepAlive() {
        keepAlive.nextTimer?.cancel()
        keepAlive.nextTimer = eventLoop.scheduleTask(in: .seconds(settings.keepaliveSeconds)) {
            self.sendKeepAlive()
        }
    }

    /// Writes a keep-alive; its response will acknowledge every record written before it. Sent at once when a
    /// connection is established (before any backlog), then `keepaliveSeconds` after each answer.
    func sendKeepAlive() {
        guard let channel, stats.connected, !keepAlive.outstanding, let spool else { return }
        keepAlive.nextTimer?.cancel()
        var pdu: [UInt8] = []
        TRIPayload.keepAlive.withUnsafeBytes { payload in
            PSPDUWriter.write(
                header: settings.keepAliveHeader,
                cin: 0,
                sequence: keepAlive.sequence,
                time: WallClock.now(),
                payload: payload,
                into: &pdu
            )
        }
        keepAlive.sequence += 1
        keepAlive.acknowledges = spool.sentPosition
        keepAlive.expectedResponse = pdu.withUnsafeBytes { try? KeepAlivePDU.response(to: $0) }
        let current = generation
        let written = eventLoop.makePromise(of: Void.self)
        channel.writeAndFlush(ByteBuffer(bytes: pdu), promise: written)
        stats.keepAlivesSent += 1
        written.futureResult.whenSuccess {
            guard current == self.generation, self.keepAlive.outstanding else { return }
            self.keepAlive.sentAt = .now()
            self.keepAlive.deadline = self.eventLoop.scheduleTask(in: .seconds(self.settings.keepaliveWaitSeconds)) {
                self.keepAliveTimedOut(current)
            }
        }
    }

    /// The agency sent a keep-alive response. Only the exact answer to the outstanding keep-alive acknowledges
    /// what was written before it; any other (a wrong sequence number, another header, a re-encoding, or none
    /// outstanding) is a protocol error: the connection is dropped and every unacknowledged record stays spooled.
    func keepAliveResponseReceived(_ response: [UInt8]) {
        guard let expected = keepAlive.expectedResponse, response == expected else {
            stats.keepAliveMismatches += 1
            let outstanding = keepAlive.outstanding ? "keep-alive \(keepAlive.sequence - 1)" : "no keep-alive"
            logger.error(
                "handover \(endpoint.label): protocol error: a keep-alive response that does not answer \(outstanding) (sequence number or header differs); dropping the connection, nothing is acknowledged"
            )
            channel?.close(promise: nil)
            return
        }
        keepAliveAnswered()
    }

    /// The agency answered the outstanding keep-alive: everything written before it has arrived.
    private func keepAliveAnswered() {
        guard let position = keepAlive.acknowledges, let spool else { return }
        keepAlive.deadline?.cancel()
        if let sentAt = keepAlive.sentAt {
            let micros = (NIODeadline.now() - sentAt).nanoseconds / 1000
            stats.lastKeepAliveRoundTripMicros = micros
            onKeepAliveRoundTrip(endpoint, micros)
        }
        keepAlive.acknowledges = nil
        keepAlive.expectedResponse = nil
        keepAlive.sentAt = nil
        do {
            let before = spool.unacknowledgedRecords
            try spool.acknowledge(upTo: position)
            stats.recordsAcknowledged += before - spool.unacknowledgedRecords
        } catch {
            markUnusable("spool acknowledge failed: \(error)")
        }
        spoolWaiting()
        scheduleKeepAlive()
        pump()
    }

    private func keepAliveTimedOut(_ timedOutGeneration: Int) {
        guard timedOutGeneration == generation, keepAlive.outstanding, let channel else { return }
        stats.keepAliveTimeouts += 1
        keepAlive.reset()
        logger.warning(
            "handover \(endpoint.label): no keep-alive response within \(settings.keepaliveWaitSeconds) s; reconnecting"
        )
        channel.close(promise: nil)
    }
}

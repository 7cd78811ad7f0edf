import Packets
import Protocols
import Synchronization
import Warrants

extension VoIPCallTracker: SessionTracker {
    /// SIP servers.
    public var serverKinds: Set<ServerKind> { [.sip] }

    /// Takes SIP to or from a SIP server: a UDP datagram is one message, a TCP segment goes through its
    /// connection's stream splitter and may complete several messages (or none).
    public func handle(_ frame: SessionFrame) {
        guard let (segment, payloadOffset) = frame.tcpSegment else {
            message(frame.payload, frame: frame)
            return
        }
        let packet = frame.packet
        let key = FlowKey(
            source: packet.source,
            sourcePort: packet.sourcePort,
            destination: packet.destination,
            destinationPort: packet.destinationPort
        )
        let messages: [[UInt8]]
        do {
            messages = try tcpStreams.append(
                tcp: segment,
                payloadOffset: payloadOffset,
                key: key,
                timeMicros: frame.timeMicros
            )
        } catch {
            frameErrors["sip_\(error.description)", default: 0] += 1
            return
        }
        for bytes in messages {
            bytes.withUnsafeBytes { message($0, frame: frame) }
        }
    }

    /// Parses one SIP message and applies it; keep-alives (bare line breaks) are skipped.
    private func message(_ bytes: UnsafeRawBufferPointer, frame: SessionFrame) {
        if bytes.allSatisfy({ $0 == 0x0D || $0 == 0x0A || $0 == 0 }) { return }
        messagesTaken += 1
        let message: SIPMessage
        do {
            message = try SIPParser.parse(bytes)
        } catch {
            frameErrors["sip_\(error.description)", default: 0] += 1
            return
        }
        handle(
            message,
            raw: bytes,
            source: frame.packet.source,
            destination: frame.packet.destination,
            timeMicros: frame.timeMicros
        )
    }

    /// The next sweep for idle calls and old transactions.
    public var nextClockEventMicros: Int64 { nextSweepMicros }

    /// Moves the IRIs produced since the last call to `records`.
    public func takeIRIs(into records: inout [IRIRecord]) {
        records.append(contentsOf: iris)
        iris.removeAll(keepingCapacity: true)
    }

    /// Whether the media flows changed since they were last contributed.
    public var matchTableChanged: Bool { mediaChanged }

    /// Adds the media flows of every intercepted call in progress.
    public func contribute(to routes: inout MatchRoutes) {
        routes.media.merge(mediaRoutes()) { $0 + $1 }
    }

    /// Shows the open calls in the run's live counters.
    public func publishOpenSessions(to counters: PipelineCounters) {
        counters.callsOpen.store(statistics.open, ordering: .relaxed)
    }

    /// Puts its counters in the run's report.
    public func addStatistics(to report: inout SyncReport) {
        report.calls = statistics
    }
}

import ETSI
import Packets
import Protocols
import Warrants

/// Follows SMTP, IMAP and POP3 sessions to the known mail servers, in capture order, and turns the ones that concern
/// an email warrant's mailbox into EmailIRIs (TS 102 232-2) and one EmailCC per message transferred.
///
/// Each TCP connection is one mail session with one CIN. Both directions are put back in order and fed to the parser
/// of the server's protocol; the parser keeps a message's content only when, as the message starts, it concerns a
/// target (the session's user, or for SMTP the transaction's sender or an accepted recipient), so a session that
/// concerns no target costs no copy. At most ``EmailSettings/maximumSessions`` sessions are followed; a silent one
/// ends after ``EmailSettings/sessionTimeoutMicros``.
public final class EmailTracker {
    let settings: EmailSettings
    var plan: InterceptPlan
    let directory: MailboxDirectory
    var connections: [FlowKey: MailConnection] = [:]
    var iris: [IRIRecord] = []
    var events: [MailEvent] = []
    var statistics = EmailStatistics()
    var nextSweepMicros = Int64.min
    /// Octets of early segments held by all connections together.
    var heldOctets = 0
    /// The most octets of early segments held by all connections together; past it, early segments are taken at once
    /// and the bytes before them counted as lost.
    static let heldOctetBudget = 64 << 20
    /// Segments with payload taken.
    public internal(set) var messagesTaken = 0
    /// Parse errors by protocol and cause (`smtp_gap`, `imap_overlong_line`, ...).
    public internal(set) var frameErrors: [String: Int] = [:]

    /// A tracker for a run's first plan.
    public init(plan: InterceptPlan, settings: EmailSettings) {
        self.plan = plan
        self.settings = settings
        directory = MailboxDirectory(plan: plan, defaultDomain: settings.defaultDomain)
    }

    /// How often silent sessions are looked for: a quarter of the timeout, between 1 and 30 seconds.
    var sweepIntervalMicros: Int64 {
        min(30_000_000, max(1_000_000, settings.sessionTimeoutMicros / 4))
    }

    /// Takes one TCP segment to or from a mail server.
    func take(_ frame: SessionFrame, kind: ServerKind) {
        guard let (segment, payloadOffset) = frame.tcpSegment, segment.count >= 20, payloadOffset <= segment.count
        else { return }
        let packet = frame.packet
        let flags = segment[13]
        let payload = UnsafeRawBufferPointer(rebasing: segment[payloadOffset...])
        let key =
            frame.toServer
            ? FlowKey(
                source: packet.source,
                sourcePort: packet.sourcePort,
                destination: packet.destination,
                destinationPort: packet.destinationPort
            )
            : FlowKey(
                source: packet.destination,
                sourcePort: packet.destinationPort,
                destination: packet.source,
                destinationPort: packet.sourcePort
            )
        if !payload.isEmpty { messagesTaken += 1 }
        let connection: MailConnection
        let isNewConnection = flags & 0x12 == 0x02
        if let known = connections[key], isNewConnection, known.clientOctets > 0 || known.serverOctets > 0 {
            close(known, key: key, status: .unknown, timeMicros: frame.timeMicros)
        }
        if let known = connections[key] {
            connection = known
        } else {
            guard flags & 0x04 == 0, flags & 0x02 != 0 || !payload.isEmpty,
                let opened = open(key, server: frame.server, kind: kind, timeMicros: frame.timeMicros)
            else { return }
            connection = opened
        }
        connection.lastMicros = frame.timeMicros
        if flags & 0x04 != 0 {
            close(connection, key: key, status: .unknown, timeMicros: frame.timeMicros)
            return
        }
        let sequence =
            UInt32(segment[4]) << 24 | UInt32(segment[5]) << 16 | UInt32(segment[6]) << 8 | UInt32(segment[7])
        feed(connection, fromClient: frame.toServer, sequence: sequence, syn: flags & 0x02 != 0, payload: payload)
        apply(events, on: connection, timeMicros: frame.timeMicros)
        if flags & 0x01 != 0 {
            if frame.toServer { connection.clientClosed = true } else { connection.serverClosed = true }
            if connection.clientClosed && connection.serverClosed {
                close(connection, key: key, status: .unknown, timeMicros: frame.timeMicros)
            }
        }
    }

    /// Puts a segment's payload in order and parses what that makes available; the events wait in ``events``.
    private func feed(
        _ connection: MailConnection,
        fromClient: Bool,
        sequence: UInt32,
        syn: Bool,
        payload: UnsafeRawBufferPointer
    ) {
        events.removeAll(keepingCapacity: true)
        let deliver: (TCPStreamDirection.Piece) -> Void = { piece in
            switch piece {
            case .bytes(let bytes):
                if fromClient {
                    connection.clientOctets += UInt64(bytes.count)
                } else {
                    connection.serverOctets += UInt64(bytes.count)
                }
                connection.take(bytes, fromClient: fromClient, into: &self.events)
            case .lost(let octets):
                connection.lost(octets: octets, fromClient: fromClient, into: &self.events)
            }
        }
        let mayHold = heldOctets < Self.heldOctetBudget
        if fromClient {
            let before = connection.fromClient.heldOctets
            connection.fromClient.take(
                sequence: sequence,
                syn: syn,
                payload: payload,
                mayHold: mayHold,
                deliver: deliver
            )
            heldOctets += connection.fromClient.heldOctets - before
        } else {
            let before = connection.fromServer.heldOctets
            connection.fromServer.take(
                sequence: sequence,
                syn: syn,
                payload: payload,
                mayHold: mayHold,
                deliver: deliver
            )
            heldOctets += connection.fromServer.heldOctets - before
        }
    }

    /// Starts following a connection, making room first when the most sessions are followed.
    private func open(_ key: FlowKey, server: ServerEndpoint, kind: ServerKind, timeMicros: Int64) -> MailConnection? {
        let mailProtocol: EmailIRIContents.MailProtocol
        switch kind {
        case .smtp: mailProtocol = .smtp
        case .imap: mailProtocol = .imap4
        case .pop3: mailProtocol = .pop3
        case .radius, .sip, .gtp, .jmirror, .aluMirror, .ciscoMirror: return nil
        }
        if connections.count >= settings.maximumSessions { evictIdlest(timeMicros: timeMicros) }
        let connection = MailConnection(
            client: (key.source, key.sourcePort),
            server: server,
            mailProtocol: mailProtocol,
            lookup: directory,
            pieceLimit: settings.messagePieceBytes,
            timeMicros: timeMicros
        )
        connections[key] = connection
        statistics.sessions += 1
        return connection
    }

    /// Ends a session: its intercepts' IRI-END (when they began and did not end), and it is followed no more.
    func close(_ connection: MailConnection, key: FlowKey, status: EmailIRIContents.Status, timeMicros: Int64) {
        events.removeAll(keepingCapacity: true)
        heldOctets -= connection.fromClient.heldOctets + connection.fromServer.heldOctets
        for direction in [true, false] {
            let flush: (TCPStreamDirection.Piece) -> Void = { piece in
                switch piece {
                case .bytes(let bytes):
                    connection.take(bytes, fromClient: direction, into: &self.events)
                case .lost(let octets):
                    connection.lost(octets: octets, fromClient: direction, into: &self.events)
                }
            }
            if direction {
                connection.fromClient.flush(deliver: flush)
            } else {
                connection.fromServer.flush(deliver: flush)
            }
        }
        apply(events, on: connection, timeMicros: timeMicros)
        end(connection, status: status, timeMicros: timeMicros)
        statistics.retransmissions += connection.fromClient.retransmissions + connection.fromServer.retransmissions
        statistics.ended += 1
        connections[key] = nil
    }

    /// Ends the sessions idle longest (a sixteenth of the most followed) to make room for a new one.
    private func evictIdlest(timeMicros: Int64) {
        let victims = connections.sorted { $0.value.lastMicros < $1.value.lastMicros }
            .prefix(max(1, settings.maximumSessions / 16))
        for (key, connection) in victims {
            close(connection, key: key, status: .unknown, timeMicros: timeMicros)
            statistics.evicted += 1
        }
    }

    /// Ends the sessions silent for the timeout.
    func sweep(to timeMicros: Int64) {
        let deadline = timeMicros - settings.sessionTimeoutMicros
        let silent = connections.filter { $0.value.lastMicros <= deadline }
        for (key, connection) in silent {
            close(connection, key: key, status: .unknown, timeMicros: timeMicros)
            statistics.timedOut += 1
        }
    }
}

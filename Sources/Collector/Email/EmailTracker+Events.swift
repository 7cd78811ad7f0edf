import ETSI
import Packets
import Protocols

extension EmailTracker {
    /// Applies a connection's parsed events: IRIs for the intercepts they concern, EmailCCs for kept content.
    func apply(_ events: [MailEvent], on connection: MailConnection, timeMicros: Int64) {
        for event in events {
            switch event {
            case .logon(let user, let succeeded):
                logon(user: user, succeeded: succeeded, on: connection, timeMicros: timeMicros)
            case .messagePiece(let message):
                deliverContent(of: message, on: connection, timeMicros: timeMicros)
            case .message(let message):
                statistics.messages += 1
                deliverContent(of: message, on: connection, timeMicros: timeMicros)
                report(message, on: connection, timeMicros: timeMicros)
            case .logoff:
                end(connection, status: .succeeded, timeMicros: timeMicros)
            case .startTLS:
                statistics.startTLS += 1
            case .error(let cause):
                frameErrors["\(connection.protocolName)_\(cause.rawValue)", default: 0] += 1
            }
        }
    }

    /// A log-on: e-mail-logon (BEGIN, or CONTINUE after an earlier event) for the user's intercepts, or
    /// e-mail-logon-failure (REPORT) when it failed.
    private func logon(user: String, succeeded: Bool, on connection: MailConnection, timeMicros: Int64) {
        if succeeded { connection.user = user }
        let intercepts = directory.intercepts(of: user)
        guard !intercepts.isEmpty else { return }
        var contents = self.contents(succeeded ? .logon : .logonFailure, connection, succeeded ? .succeeded : .failed)
        contents.authentication = .init(username: user, result: succeeded ? .succeeded : .failed)
        for index in intercepts {
            if succeeded {
                emitIRI(contents, for: index, on: connection, timeMicros: timeMicros)
            } else {
                emitReport(contents, for: index, on: connection, timeMicros: timeMicros)
            }
        }
    }

    /// The intercepts a message concerns, with the direction of its content and its event for each.
    private func concerned(
        by message: MailMessage,
        on connection: MailConnection
    ) -> [(index: Int32, direction: PayloadDirection, event: EmailIRIContents.Event)] {
        var found: [(index: Int32, direction: PayloadDirection, event: EmailIRIContents.Event)] = []
        func add(_ names: [String], _ direction: PayloadDirection, _ event: EmailIRIContents.Event) {
            for name in names {
                for index in directory.intercepts(of: name) where !found.contains(where: { $0.index == index }) {
                    found.append((index, direction, event))
                }
            }
        }
        let user = message.user.map { [$0] } ?? []
        switch message.kind {
        case .sent:
            add(user + (message.sender.map { [$0] } ?? []), .fromTarget, .send)
            add(message.recipients, .toTarget, .receive)
        case .download:
            add(user, .toTarget, .download)
        case .partialDownload:
            add(user, .toTarget, .partialDownload)
        case .upload:
            add(user, .fromTarget, .upload)
        }
        return found
    }

    /// One EmailCC with the content, for each intercept the message concerns that takes CC.
    private func deliverContent(of message: MailMessage, on connection: MailConnection, timeMicros: Int64) {
        guard message.contentKept, !message.content.isEmpty else { return }
        var delivered = false
        for (index, direction, _) in concerned(by: message, on: connection) {
            let intercept = plan.intercepts[Int(index)]
            guard intercept.deliversCC, intercept.covers(timeMicros) else { continue }
            _ = connection.partyIndex(of: index)
            var payload: [UInt8] = []
            EmailCCPayload.write(
                profile: intercept.header.profile,
                direction: direction,
                content: message.content,
                into: &payload
            )
            iris.append(
                IRIRecord(
                    interceptIndex: index,
                    cin: connection.cin,
                    kind: .cc,
                    timeMicros: timeMicros,
                    payload: payload
                )
            )
            delivered = true
        }
        if delivered { statistics.interceptedMessages += 1 }
    }

    /// The IRI of a completed transfer (e-mail-send, -receive, -download, -partial-download, -upload).
    private func report(_ message: MailMessage, on connection: MailConnection, timeMicros: Int64) {
        guard message.succeeded || message.kind != .sent else { return }
        for (index, _, event) in concerned(by: message, on: connection) {
            var contents = self.contents(event, connection, message.succeeded ? .succeeded : .failed)
            switch message.kind {
            case .sent:
                contents.sender = message.sender
                contents.recipients = message.recipients
                contents.totalRecipientCount = UInt32(clamping: message.recipients.count)
            case .download, .partialDownload, .upload:
                contents.sender = message.sender
                contents.recipients = message.user.map { [$0] }
            }
            emitIRI(contents, for: index, on: connection, timeMicros: timeMicros)
        }
    }

    /// e-mail-logoff (IRI-END) for every intercept whose IRIs began on the connection and did not end.
    func end(_ connection: MailConnection, status: EmailIRIContents.Status, timeMicros: Int64) {
        for position in connection.parties.indices
        where connection.parties[position].begun && !connection.parties[position].ended {
            connection.parties[position].ended = true
            let intercept = plan.intercepts[Int(connection.parties[position].interceptIndex)]
            guard intercept.deliversIRI, intercept.covers(timeMicros) else { continue }
            append(.end, contents(.logoff, connection, status), intercept, connection, timeMicros)
        }
    }

    /// An IRI in the session's sequence: BEGIN for the intercept's first, CONTINUE after.
    private func emitIRI(
        _ contents: EmailIRIContents,
        for index: Int32,
        on connection: MailConnection,
        timeMicros: Int64
    ) {
        let intercept = plan.intercepts[Int(index)]
        guard intercept.covers(timeMicros) else { return }
        let position = connection.partyIndex(of: index)
        if connection.parties.count == 1 && !connection.parties[position].begun { statistics.intercepted += 1 }
        let type: IRIType = connection.parties[position].begun ? .continue : .begin
        connection.parties[position].begun = true
        connection.parties[position].ended = false
        if intercept.deliversIRI { append(type, contents, intercept, connection, timeMicros) }
    }

    /// An IRI-REPORT outside the session's sequence (a failed log-on).
    private func emitReport(
        _ contents: EmailIRIContents,
        for index: Int32,
        on connection: MailConnection,
        timeMicros: Int64
    ) {
        let intercept = plan.intercepts[Int(index)]
        guard intercept.deliversIRI, intercept.covers(timeMicros) else { return }
        append(.report, contents, intercept, connection, timeMicros)
    }

    private func append(
        _ type: IRIType,
        _ contents: EmailIRIContents,
        _ intercept: Intercept,
        _ connection: MailConnection,
        _ timeMicros: Int64
    ) {
        let payload = EmailIRIPayload.encode(profile: intercept.header.profile, type: type, contents: contents)
        iris.append(
            IRIRecord(
                interceptIndex: intercept.index,
                cin: connection.cin,
                kind: .iri(type),
                timeMicros: timeMicros,
                payload: payload
            )
        )
    }

    /// The fields every EmailIRI of the connection carries: addresses, ports, octets so far, protocol, the user.
    private func contents(
        _ event: EmailIRIContents.Event,
        _ connection: MailConnection,
        _ status: EmailIRIContents.Status
    ) -> EmailIRIContents {
        var contents = EmailIRIContents(
            event: event,
            mailProtocol: connection.mailProtocol,
            status: status,
            serverOctetsSent: connection.serverOctets,
            clientOctetsSent: connection.clientOctets
        )
        contents.clientAddress = IRIAddress(bytes: connection.client.address.bytes, assignment: .notKnown)
        contents.serverAddress = IRIAddress(bytes: connection.server.address.bytes, assignment: .notKnown)
        contents.clientPort = connection.client.port
        contents.serverPort = connection.server.port
        if let user = connection.user { contents.authentication = .init(username: user, result: .succeeded) }
        return contents
    }
}

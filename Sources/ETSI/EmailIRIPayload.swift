/// The payload element of an EmailIRI record (TS 102 232-1 and TS 102 232-2):
///
/// ```asn1
/// payload [2] Payload                                 -- a2: CHOICE, so explicit
///   iRIPayloadSequence [0] SEQUENCE OF IRIPayload     -- a0
///     IRIPayload ::= SEQUENCE {                       -- 30
///       iRIType [0] IRIType,                          -- 80
///       iRIContents [2] IRIContents }                 -- a2: CHOICE, explicit
///         emailIRI [1] EmailIRI                       -- a1, its fields: ``EmailIRIContents``
/// ```
///
/// IRIs are rare next to CC, so this builds a fresh array.
public enum EmailIRIPayload {
    /// Encodes the `payload [2]` element of an EmailIRI record.
    public static func encode(profile: ETSIProfile, type: IRIType, contents: EmailIRIContents) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(256)
        DERWriter.appendOctets(.context(0), [0x05, 0x02, profile.emailVersion, 0x01], to: &body)
        appendFields(contents, to: &body)
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 16)
        PayloadEnvelope.writeHeaders(
            sequence: PayloadEnvelope.iriSequence,
            leadingValue: type.rawValue,
            alternativeLength: DERWriter.elementLength(contentLength: body.count),
            into: &out
        )
        DERWriter.appendHeader(0xA1, length: body.count, to: &out)
        out.append(contentsOf: body)
        return out
    }

    private static func appendFields(_ contents: EmailIRIContents, to body: inout [UInt8]) {
        DERWriter.appendInteger(.context(1), UInt64(contents.event.rawValue), to: &body)
        if let address = contents.clientAddress, address.isEncodable {
            address.append(.context(2, constructed: true), to: &body)
        }
        if let address = contents.serverAddress, address.isEncodable {
            address.append(.context(3, constructed: true), to: &body)
        }
        if let port = contents.clientPort { DERWriter.appendInteger(.context(4), UInt64(port), to: &body) }
        if let port = contents.serverPort { DERWriter.appendInteger(.context(5), UInt64(port), to: &body) }
        DERWriter.appendInteger(.context(6), contents.serverOctetsSent, to: &body)
        DERWriter.appendInteger(.context(7), contents.clientOctetsSent, to: &body)
        DERWriter.appendInteger(.context(8), UInt64(contents.mailProtocol.rawValue), to: &body)
        if let sender = contents.sender { DERWriter.appendOctets(.context(9), Array(sender.utf8), to: &body) }
        if let recipients = contents.recipients {
            let elements = recipients.map { Array($0.utf8) }
            let length = elements.reduce(0) { $0 + DERWriter.elementLength(contentLength: $1.count) }
            DERWriter.appendHeader(.context(10, constructed: true), length: length, to: &body)
            for element in elements { DERWriter.appendOctets(utf8String, element, to: &body) }
        }
        DERWriter.appendInteger(.context(11), UInt64(contents.status.rawValue), to: &body)
        if let count = contents.totalRecipientCount {
            DERWriter.appendInteger(.context(12), UInt64(count), to: &body)
        }
        if let authentication = contents.authentication {
            appendAuthentication(authentication, protocol: contents.mailProtocol, to: &body)
        }
        if let validated = contents.senderValidated {
            DERWriter.appendInteger(.context(17), validated ? 0 : 1, to: &body)
        }
    }

    /// `aAAInformation [16] AAAInformation` (a CHOICE, so explicit): `pOP3AAAInformation [0]`,
    /// `aSMTPAAAInformation [1]` or `iMAPAAAInformation [2]`, each `{ username [0], ..., aAAResult }` (SMTP's result
    /// is field [4], the others' [2]).
    private static func appendAuthentication(
        _ authentication: EmailIRIContents.Authentication,
        protocol mailProtocol: EmailIRIContents.MailProtocol,
        to body: inout [UInt8]
    ) {
        let (alternative, resultTag): (UInt8, UInt8) =
            switch mailProtocol {
            case .pop3: (0, 2)
            case .smtp: (1, 4)
            case .imap4: (2, 2)
            }
        var fields: [UInt8] = []
        DERWriter.appendOctets(.context(0), Array(authentication.username.utf8), to: &fields)
        if let result = authentication.result {
            DERWriter.appendInteger(.context(resultTag), UInt64(result.rawValue), to: &fields)
        }
        DERWriter.appendHeader(
            .context(16, constructed: true),
            length: DERWriter.elementLength(contentLength: fields.count),
            to: &body
        )
        DERWriter.appendHeader(.context(alternative, constructed: true), length: fields.count, to: &body)
        body.append(contentsOf: fields)
    }

    /// The universal UTF8String tag.
    private static let utf8String = DERTag(first: 0x0C, second: 0)
}

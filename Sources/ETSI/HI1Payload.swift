/// The payload element of an HI1 notification (TS 102 232-1 `hI1-Operation`, TS 101 671 HI1NotificationOperations
/// version 7, with `CommunicationIdentifier` and `TimeStamp` from HI2Operations):
///
/// ```asn1
/// payload [2] Payload                                   -- a2: CHOICE, so explicit
///   hI1-Operation [3] HI1-Operation                     -- a3: CHOICE, so explicit
///     liActivated [1] / liDeactivated [2] / liModified [3] Notification   -- a1 / a2 / a3
///       Notification ::= SEQUENCE {
///         domainID                      [0] OBJECT IDENTIFIER OPTIONAL,  -- left out
///         lawfulInterceptionIdentifier  [1] OCTET STRING (SIZE (1..25)),
///         communicationIdentifier       [2] CommunicationIdentifier OPTIONAL,
///         timeStamp                     [3] TimeStamp,                   -- CHOICE, so explicit
///         ...,
///         target-Information            [6] OCTET STRING (SIZE (1..256)) OPTIONAL }
/// CommunicationIdentifier ::= SEQUENCE {
///     communication-Identity-Number [0] OCTET STRING (SIZE (1..8)) OPTIONAL,   -- left out
///     network-Identifier            [1] Network-Identifier, ... }
/// Network-Identifier ::= SEQUENCE {
///     operator-Identifier           [0] OCTET STRING (SIZE (1..5)),
///     network-Element-Identifier    [1] Network-Element-Identifier OPTIONAL, ... }  -- CHOICE, so explicit
/// Network-Element-Identifier ::= CHOICE { ..., dNS-Format [4] OCTET STRING (SIZE (1..25)), ... }
/// TimeStamp ::= CHOICE { localTime [0] LocalTimeStamp, utcTime [1] UTCTime }
/// ```
///
/// The notification carries the network identifier the PS header has (the operator identifier cut to 5 octets, the
/// network element name as `dNS-Format` cut to 25; an empty operator identifier leaves out the whole
/// `communicationIdentifier`, an empty element name leaves out `network-Element-Identifier`), the time as `utcTime`
/// (whole seconds, clamped to 1970 to 2049) and `target-Information` cut to 256 octets (left out when nil or empty).
/// The LIID is cut to 25 octets. HI1 notifications are rare, so this builds a fresh array.
public enum HI1Payload {
    /// Which notification (the `HI1-Operation` alternative; the raw value is its tag number).
    public enum Operation: UInt8, Sendable, Equatable, CaseIterable {
        /// `liActivated [1]`: the warrant became active.
        case activated = 1
        /// `liDeactivated [2]`: the warrant ended.
        case deactivated = 2
        /// `liModified [3]`: the warrant was changed.
        case modified = 3
    }

    /// Encodes the `payload [2]` element of an HI1 notification.
    public static func encode(
        operation: Operation,
        liid: String,
        operatorIdentifier: String,
        networkElementIdentifier: String,
        time: Timestamp,
        targetInformation: String?
    ) -> [UInt8] {
        let liidOctets = DERString.prefix(liid, maxOctets: 25)
        let operatorOctets = DERString.prefix(operatorIdentifier, maxOctets: 5)
        let elementOctets = DERString.prefix(networkElementIdentifier, maxOctets: 25)
        let targetOctets = DERString.prefix(targetInformation ?? "", maxOctets: 256)

        var networkContent = DERWriter.elementLength(contentLength: operatorOctets.count)
        if !elementOctets.isEmpty {
            networkContent += DERWriter.elementLength(
                contentLength: DERWriter.elementLength(contentLength: elementOctets.count)
            )
        }
        let identifierContent = DERWriter.elementLength(contentLength: networkContent)
        let timeContent = DERWriter.elementLength(contentLength: Timestamp.utcTimeLength)

        var notification = DERWriter.elementLength(contentLength: liidOctets.count)
        if !operatorOctets.isEmpty {
            notification += DERWriter.elementLength(contentLength: identifierContent)
        }
        notification += DERWriter.elementLength(contentLength: timeContent)
        if !targetOctets.isEmpty {
            notification += DERWriter.elementLength(contentLength: targetOctets.count)
        }
        let operationContent = DERWriter.elementLength(contentLength: notification)
        let payloadContent = DERWriter.elementLength(contentLength: operationContent)

        var out: [UInt8] = []
        out.reserveCapacity(DERWriter.elementLength(contentLength: payloadContent))
        DERWriter.appendHeader(0xA2, length: payloadContent, to: &out)
        DERWriter.appendHeader(0xA3, length: operationContent, to: &out)
        DERWriter.appendHeader(.context(operation.rawValue, constructed: true), length: notification, to: &out)
        DERWriter.appendOctets(.context(1), liidOctets, to: &out)
        if !operatorOctets.isEmpty {
            DERWriter.appendHeader(0xA2, length: identifierContent, to: &out)
            DERWriter.appendHeader(0xA1, length: networkContent, to: &out)
            DERWriter.appendOctets(.context(0), operatorOctets, to: &out)
            if !elementOctets.isEmpty {
                DERWriter.appendHeader(
                    0xA1,
                    length: DERWriter.elementLength(contentLength: elementOctets.count),
                    to: &out
                )
                DERWriter.appendOctets(.context(4), elementOctets, to: &out)
            }
        }
        DERWriter.appendHeader(0xA3, length: timeContent, to: &out)
        DERWriter.appendHeader(0x81, length: Timestamp.utcTimeLength, to: &out)
        time.appendUTCTime(to: &out)
        if !targetOctets.isEmpty {
            DERWriter.appendOctets(.context(6), targetOctets, to: &out)
        }
        return out
    }
}

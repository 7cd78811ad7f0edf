/// The payload element of an EPS or UMTS CC record: one G-PDU of a mobile session, its inner IP packet with the
/// GTP-U header stripped (TS 102 232-1 and 3GPP TS 33.108):
///
/// ```asn1
/// payload [2] Payload                               -- a2: CHOICE, so explicit
///   cCPayloadSequence [1] SEQUENCE OF CCPayload     -- a1
///     CCPayload ::= SEQUENCE {                      -- 30
///       payloadDirection [0] PayloadDirection,      -- 80: uplink fromTarget, downlink toTarget
///       cCContents [2] CCContents }                 -- a2: CHOICE, explicit
///         uMTSCC-CC-PDU [16] Umts-HI3-PS.CC-PDU     -- b0: ULIC header (version lastVersion), then the packet
///         ePSCC-CC-PDU [17] Eps-HI3-PS.CC-PDU       -- b1: ULIC header (no version), then the packet
///           hi3DomainId: UMTS 0.4.0.2.2.4.2.7.0; EPS 0.4.0.2.2.4.9.12.0 (current) or 0.4.0.2.2.4.9.17.0 (openli)
/// ```
///
/// The typed alternatives, as OpenLI sends for EPS, rather than `uMTSCC [4]` / `ePSCC [15] OCTET STRING`, whose
/// contents a decoder cannot see. Built where the packet is (a shard); appends to a reused buffer and allocates
/// nothing when the buffer has the capacity of
/// ``encodedLength(format:liid:correlationNumber:sequenceNumber:ipPacketLength:)``.
public enum MobileCCPayload {
    /// Which CC: EPS for GTPv2 sessions, UMTS for GTPv1 ones.
    public enum Format: Sendable, Equatable {
        /// `ePSCC-CC-PDU [17]`.
        case eps
        /// `uMTSCC-CC-PDU [16]`.
        case umts
    }

    /// The size of the element ``write(format:profile:direction:liid:correlationNumber:time:sequenceNumber:ipPacket:into:)``
    /// appends (the same for both profiles).
    public static func encodedLength(
        format: Format,
        liid: String,
        correlationNumber: UInt32,
        sequenceNumber: UInt16,
        ipPacketLength: Int
    ) -> Int {
        header(format, .current, .fromTarget, liid, correlationNumber, sequenceNumber)
            .payloadLength(packetLength: ipPacketLength)
    }

    /// Appends the `payload [2]` element carrying `ipPacket` to `out`. `correlationNumber` is the session's CIN (the
    /// IRIs' correlation number), `sequenceNumber` the G-PDU's GTP-U sequence number (0 when it has none), `time`
    /// goes into the ULIC header's `timeStamp` (whole seconds, UTC) and `liid` (cut to 25 octets) into its `lIID`.
    public static func write(
        format: Format,
        profile: ETSIProfile,
        direction: PayloadDirection,
        liid: String,
        correlationNumber: UInt32,
        time: Timestamp,
        sequenceNumber: UInt16,
        ipPacket: UnsafeRawBufferPointer,
        into out: inout [UInt8]
    ) {
        header(format, profile, direction, liid, correlationNumber, sequenceNumber)
            .write(alternative: format == .eps ? 0xB1 : 0xB0, time: time, packet: ipPacket, into: &out)
    }

    private static func header(
        _ format: Format,
        _ profile: ETSIProfile,
        _ direction: PayloadDirection,
        _ liid: String,
        _ correlationNumber: UInt32,
        _ sequenceNumber: UInt16
    ) -> ULICHeader {
        ULICHeader(
            domainId: format == .eps ? profile.epsHI3DomainIdContent : profile.umtsHI3DomainIdContent,
            version: format == .eps ? nil : lastVersion,
            liid: DERString.prefix(liid, maxOctets: 25),
            correlationNumber: correlationNumber,
            sequenceNumber: sequenceNumber,
            direction: direction
        )
    }

    /// UMTS `Version` lastVersion(8).
    private static let lastVersion: UInt8 = 8
}

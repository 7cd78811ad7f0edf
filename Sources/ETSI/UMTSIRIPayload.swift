/// The payload element of a UMTS IRI record, for a GTPv1 PDP context (TS 102 232-1 and 3GPP TS 33.108):
///
/// ```asn1
/// payload [2] Payload                                 -- a2: CHOICE, so explicit
///   iRIPayloadSequence [0] SEQUENCE OF IRIPayload     -- a0
///     IRIPayload ::= SEQUENCE {                       -- 30
///       iRIType [0] IRIType,                          -- 80
///       iRIContents [2] IRIContents }                 -- a2: CHOICE, explicit
///         uMTSIRI [4] UMTSIRI                         -- a4: CHOICE, explicit
///           iRI-Parameters [0] UmtsHI2Operations.IRI-Parameters      -- a0, its fields: ``UMTSIRIContents``
///             hi2DomainId [0] OBJECT IDENTIFIER       -- 80 08: 0.4.0.2.2.4.1.16.1 (current) / .15.5 (openli)
///             iRIversion [23] ENUMERATED              -- 97 01 08: lastVersion
///             lawfulInterceptionIdentifier [1] ...    -- then ``UMTSIRIContents``
/// ```
///
/// OpenLI's types: IRI-BEGIN for an accepted activation, IRI-CONTINUE for a modification, IRI-END for a deactivation,
/// IRI-REPORT for a rejected activation. IRIs are rare next to CC, so this builds a fresh array.
public enum UMTSIRIPayload {
    /// Encodes the `payload [2]` element of a UMTS IRI; `liid` (cut to 25 octets) and `time` (whole seconds, UTC) go
    /// into the IRI's own `lawfulInterceptionIdentifier` and `timeStamp`.
    public static func encode(
        profile: ETSIProfile,
        type: IRIType,
        contents: UMTSIRIContents,
        liid: String,
        time: Timestamp
    ) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(256)
        DERWriter.appendOctets(.context(0), profile.umtsHI2DomainIdContent, to: &body)
        DERWriter.appendInteger(.context(23), lastVersion, to: &body)
        contents.common.append(liid: liid, time: time, to: &body)
        return MobileIRIEnvelope.wrap(body, type: type, alternative: 0xA4)
    }

    /// `iRIversion` lastVersion(8).
    private static let lastVersion: UInt64 = 8
}

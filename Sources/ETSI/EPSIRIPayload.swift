/// The payload element of an EPS IRI record, for a GTPv2 session (TS 102 232-1 and 3GPP TS 33.108):
///
/// ```asn1
/// payload [2] Payload                                 -- a2: CHOICE, so explicit
///   iRIPayloadSequence [0] SEQUENCE OF IRIPayload     -- a0
///     IRIPayload ::= SEQUENCE {                       -- 30
///       iRIType [0] IRIType,                          -- 80
///       iRIContents [2] IRIContents }                 -- a2: CHOICE, explicit
///         ePSIRI [15] EPSIRI                          -- af: CHOICE, explicit
///           iRI-EPS-Parameters [0] EpsHI2Operations.IRI-Parameters   -- a0, its fields: ``EPSIRIContents``
///             hi2epsDomainId [0] OBJECT IDENTIFIER    -- 80 08: 0.4.0.2.2.4.8.16.1 (current) / .17.0 (openli)
///             lawfulInterceptionIdentifier [1] ...    -- then ``EPSIRIContents``
///             ...
///             ePS-GTPV2-specificParameters [36] EPS-GTPV2-SpecificParameters    -- bf 24: ``EPSGTPv2Parameters``
/// ```
///
/// OpenLI's types: IRI-BEGIN for an accepted bearer activation (Create Session Response), IRI-CONTINUE for a
/// modification, IRI-END for a deactivation, IRI-REPORT for a rejected activation. IRIs are rare next to CC, so this
/// builds a fresh array.
public enum EPSIRIPayload {
    /// Encodes the `payload [2]` element of an EPS IRI; `liid` (cut to 25 octets) and `time` (whole seconds, UTC) go
    /// into the IRI's own `lawfulInterceptionIdentifier` and `timeStamp`.
    public static func encode(
        profile: ETSIProfile,
        type: IRIType,
        contents: EPSIRIContents,
        liid: String,
        time: Timestamp
    ) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(384)
        DERWriter.appendOctets(.context(0), profile.epsHI2DomainIdContent, to: &body)
        contents.common.append(liid: liid, time: time, to: &body)
        if let gtpv2 = contents.gtpv2 {
            DERWriter.appendOctets(.context(36, constructed: true), gtpv2.content, to: &body)
        }
        return MobileIRIEnvelope.wrap(body, type: type, alternative: 0xAF)
    }
}

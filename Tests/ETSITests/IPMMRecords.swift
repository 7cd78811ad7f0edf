import ETSI

/// IP multimedia records built through the public API, as the VoIP sync and the shards build them.
enum IPMMRecords {
    /// The RTP packet of `vectors/ipmmcc-rtp` (v2, PT 0 PCMU, sequence 1000, 160 octets of µ-law silence).
    static let goldenRTP = [UInt8](hex: "800003e8000271001234abcd") + [UInt8](repeating: 0xFF, count: 160)

    /// The SIP INVITE (with SDP) of `vectors/ipmmiri-sip-invite`.
    static let goldenInvite = Array(
        ("INVITE sip:+6478380000@ims.example.net SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds\r\n"
            + "Max-Forwards: 70\r\n"
            + "To: <sip:+6478380000@ims.example.net>\r\n"
            + "From: \"Target\" <sip:+6478381111@ims.example.net>;tag=1928301774\r\n"
            + "Call-ID: a84b4c76e66710@192.0.2.10\r\n"
            + "CSeq: 314159 INVITE\r\n"
            + "Contact: <sip:+6478381111@192.0.2.10:5060>\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: 130\r\n"
            + "\r\n"
            + "v=0\r\n"
            + "o=- 2890844526 2890844526 IN IP4 192.0.2.10\r\n"
            + "s=-\r\n"
            + "c=IN IP4 192.0.2.10\r\n"
            + "t=0 0\r\n"
            + "m=audio 49170 RTP/AVP 0\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n").utf8
    )

    /// The payload element of an IPMMCC record; empty if ``IPMMCCPayload/encodedLength(frameLength:streamIdentifier:)``
    /// is not exact or the reserved buffer had to grow.
    static func ipmmcc(
        _ direction: PayloadDirection,
        frame: [UInt8],
        frameType: IPMMCCFrameType = .rtpFrame,
        streamIdentifier: [UInt8]? = nil,
        mmccProtocol: IPMMCCProtocol = .rtp,
        profile: ETSIProfile = .current
    ) -> [UInt8] {
        let length = IPMMCCPayload.encodedLength(frameLength: frame.count, streamIdentifier: streamIdentifier)
        var out: [UInt8] = []
        out.reserveCapacity(length)
        let before = out.withUnsafeBufferPointer { $0.baseAddress }
        frame.withUnsafeBytes {
            IPMMCCPayload.write(
                profile: profile,
                direction: direction,
                frame: $0,
                frameType: frameType,
                streamIdentifier: streamIdentifier,
                mmccProtocol: mmccProtocol,
                into: &out
            )
        }
        let reallocated = out.withUnsafeBufferPointer { $0.baseAddress } != before
        return out.count == length && !reallocated ? out : []
    }

    /// The payload element of an IPMMIRI record; empty if an address cannot be encoded.
    static func ipmmiri(
        _ type: IRIType,
        sip: String,
        source: IRIAddress,
        destination: IRIAddress,
        profile: ETSIProfile = .current
    ) -> [UInt8] {
        IPMMIRIPayload.encode(
            profile: profile,
            type: type,
            sipMessage: Array(sip.utf8),
            source: source,
            destination: destination
        ) ?? []
    }
}

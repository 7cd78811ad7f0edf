/// The `FrameType` of an IPMMCC (TS 102 232-5): which headers `mMCCContents` still has.
///
/// ```asn1
/// FrameType ::= ENUMERATED { ipFrame(0), udpFrame(1), rtpFrame(2), audioFrame(3), ..., tcpFrame(4),
///     artificialRtpFrame(5), udptlFrame(6), msrpFrame(7) }
/// ```
public enum IPMMCCFrameType: Int, Sendable, CaseIterable {
    /// All headers are present (the whole IP packet).
    case ipFrame = 0
    /// The IP header is missing (a UDP datagram).
    case udpFrame = 1
    /// The UDP and IP headers are missing (an RTP or RTCP packet).
    case rtpFrame = 2
    /// All headers are missing (audio only).
    case audioFrame = 3
    /// The IP header is missing (a TCP segment).
    case tcpFrame = 4
    /// The UDP and IP headers are missing; an artificial RTP header has been added.
    case artificialRtpFrame = 5
    /// The UDP and IP headers are missing (a UDPTL packet).
    case udptlFrame = 6
    /// The TCP and IP headers are missing (an MSRP message).
    case msrpFrame = 7
}

/// The `MMCCprotocol` of an IPMMCC (TS 102 232-5): what kind of packets `mMCCContents` holds.
///
/// ```asn1
/// MMCCprotocol ::= ENUMERATED { rTP(0), mSRP(1), ..., uDPTL(2) }
/// ```
///
/// There is no separate value for RTCP: `rTP` stands for RTP and RTCP packets alike.
public enum IPMMCCProtocol: Int, Sendable, CaseIterable {
    /// RTP or RTCP packets.
    case rtp = 0
    /// MSRP packets.
    case msrp = 1
    /// UDPTL packets.
    case udptl = 2
}

/// RTP (RFC 3550 §5.1) and RTCP sender report (§6.4.1) payloads for crafted calls.
public enum SIPMediaPacket {
    /// An RTP packet: version 2, no padding, extension or CSRC, `payloadType` (8: PCMA), then `payloadLength`
    /// bytes of A-law silence.
    public static func rtp(
        sequence: UInt16,
        timestamp: UInt32,
        ssrc: UInt32,
        payloadType: UInt8 = 8,
        payloadLength: Int = 160
    ) -> [UInt8] {
        [0x80, payloadType & 0x7F, UInt8(sequence >> 8), UInt8(sequence & 0xFF)] + CraftedCapture.u32(timestamp)
            + CraftedCapture.u32(ssrc) + [UInt8](repeating: 0xD5, count: payloadLength)
    }

    /// A minimal RTCP sender report (PT 200, no report blocks): 28 bytes.
    public static func senderReport(ssrc: UInt32, ntpSeconds: UInt32, rtpTimestamp: UInt32, packets: UInt32) -> [UInt8]
    {
        [0x80, 200, 0, 6] + CraftedCapture.u32(ssrc) + CraftedCapture.u32(ntpSeconds) + CraftedCapture.u32(0)
            + CraftedCapture.u32(rtpTimestamp) + CraftedCapture.u32(packets) + CraftedCapture.u32(packets * 160)
    }
}

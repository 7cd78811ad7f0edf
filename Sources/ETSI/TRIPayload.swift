/// TRI payload elements (TS 102 232-1 clause 6.3.4):
///
/// ```asn1
/// payload [2] Payload                 -- a2 04: CHOICE, so explicit
///   tRIPayload [2] TRIPayload         -- a2 02: CHOICE, so explicit
///     keep-alive [3] NULL             -- 83 00
///     keep-aliveResponse [4] NULL     -- 84 00
///     cINReset [7] NULL               -- 87 00
/// ```
public enum TRIPayload {
    /// The `payload [2]` element of a keep-alive.
    public static let keepAlive: [UInt8] = [0xA2, 0x04, 0xA2, 0x02, 0x83, 0x00]
    /// The `payload [2]` element of a keep-alive response.
    public static let keepAliveResponse: [UInt8] = [0xA2, 0x04, 0xA2, 0x02, 0x84, 0x00]
    /// The `payload [2]` element of a cINReset: sent in a PS-PDU whose header carries the LIID and the CIN whose
    /// sequence numbers start again at 0 (when the numbering state of a known session was lost). The TRI has no
    /// content of its own (NULL); everything it refers to is in the header.
    public static let cinReset: [UInt8] = [0xA2, 0x04, 0xA2, 0x02, 0x87, 0x00]
}

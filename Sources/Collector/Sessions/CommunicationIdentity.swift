/// Derives communication identity numbers (CINs): a stable function of what identifies a session, never 0, 31 bits.
public enum CommunicationIdentity {
    /// The CIN for a session identified by `key` (an Acct-Session-Id, a SIP Call-ID, ...).
    public static func cin(for key: String) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 31) ^ (hash >> 62)) & 0x7fff_ffff
        return folded == 0 ? 1 : folded
    }
}

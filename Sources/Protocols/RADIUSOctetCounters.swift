/// The 32-bit octet counters and their gigaword extensions (RFC 2869 section 5.1) collected while parsing, combined
/// into 64-bit totals at the end.
struct RADIUSOctetCounters {
    var inputOctets: UInt32?
    var outputOctets: UInt32?
    var inputGigawords: UInt32?
    var outputGigawords: UInt32?

    /// Acct-Input-Octets plus Acct-Input-Gigawords << 32; nil when neither was present.
    var input: UInt64? {
        Self.combine(octets: inputOctets, gigawords: inputGigawords)
    }

    /// Acct-Output-Octets plus Acct-Output-Gigawords << 32; nil when neither was present.
    var output: UInt64? {
        Self.combine(octets: outputOctets, gigawords: outputGigawords)
    }

    private static func combine(octets: UInt32?, gigawords: UInt32?) -> UInt64? {
        guard octets != nil || gigawords != nil else {
            return nil
        }
        return UInt64(gigawords ?? 0) << 32 | UInt64(octets ?? 0)
    }
}

/// An access point name as GTP carries it and `aPN` holds it (3GPP TS 23.003 clause 9.1, the labels of a DNS name,
/// each after its length octet and without the final zero): `internet` is `08 69 6e 74 65 72 6e 65 74`.
enum APNLabels {
    /// The label octets of `apn` (labels split at `.`; empty labels are skipped), or nil if there is no label, a label
    /// is longer than 63 octets, or the whole is longer than `maxOctets` (`aPN` is `OCTET STRING (SIZE(1..100))`).
    static func octets(_ apn: String, maxOctets: Int = 100) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(apn.utf8.count + 1)
        for label in apn.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: true) {
            guard label.count <= 63 else {
                return nil
            }
            out.append(UInt8(truncatingIfNeeded: label.count))
            out.append(contentsOf: label)
        }
        guard !out.isEmpty, out.count <= maxOctets else {
            return nil
        }
        return out
    }
}

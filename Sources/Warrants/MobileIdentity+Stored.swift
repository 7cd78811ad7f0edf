/// How an identity is read back from the store's rows and audit JSON, which keep it in stored form.
extension MobileIdentity {
    /// The identity of `kind` (`imsi`, `msisdn` or `imei`) with these digits; nil for another kind, or digits that
    /// are not such an identity in stored form (an MSISDN's `+` is not).
    init?(kind: String, digits: String) {
        let parsed: MobileIdentity? =
            switch kind {
            case "imsi": MobileIdentity(imsi: digits)
            case "msisdn": MobileIdentity(msisdn: digits)
            case "imei": MobileIdentity(imei: digits)
            default: nil
            }
        guard let parsed, parsed.digits == digits else { return nil }
        self = parsed
    }

    /// The identity ``description`` writes (`kind:digits`); nil for other text.
    init?(stored text: String) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let kind = parts.first, let digits = parts.last else { return nil }
        self.init(kind: String(kind), digits: String(digits))
    }
}

extension WarrantValidation {
    /// The most identities (IMSIs, MSISDNs and IMEIs together) one mobile warrant may name.
    public static let maximumMobileIdentities = 64

    /// An `--imsi` value: 6-15 digits. Text with a Unicode format control is refused with a reason of its own.
    public static func imsi(_ text: String, field: String = "imsi") throws(StoreError) -> MobileIdentity {
        try requireNoFormatControls(text, field: field)
        guard let identity = MobileIdentity(imsi: text) else {
            throw .invalid(field, text, "is not an IMSI (6-15 digits)")
        }
        return identity
    }

    /// An `--msisdn` value: 6-15 digits with the country code, a leading `+` dropped. Text with a Unicode format
    /// control is refused with a reason of its own.
    public static func msisdn(_ text: String, field: String = "msisdn") throws(StoreError) -> MobileIdentity {
        try requireNoFormatControls(text, field: field)
        guard let identity = MobileIdentity(msisdn: text) else {
            throw .invalid(field, text, "is not an MSISDN (6-15 digits with the country code, + allowed)")
        }
        return identity
    }

    /// An `--imei` value: 14-16 digits (IMEI or IMEISV). Text with a Unicode format control is refused with a reason
    /// of its own.
    public static func imei(_ text: String, field: String = "imei") throws(StoreError) -> MobileIdentity {
        try requireNoFormatControls(text, field: field)
        guard let identity = MobileIdentity(imei: text) else {
            throw .invalid(field, text, "is not an IMEI (14-16 digits)")
        }
        return identity
    }

    /// A mobile warrant's identities in stored form: each one checked (an identity built in code passes the same
    /// checks as one typed as `--imsi`, `--msisdn` or `--imei`), duplicates removed keeping the first, at least one
    /// and at most ``maximumMobileIdentities``. Errors name IMSIs `imsiField`, MSISDNs `msisdnField` and IMEIs
    /// `imeiField`.
    public static func mobileIdentities(
        _ identities: [MobileIdentity],
        imsiField: String = "imsi",
        msisdnField: String = "msisdn",
        imeiField: String = "imei"
    ) throws(StoreError) -> [MobileIdentity] {
        var result: [MobileIdentity] = []
        for identity in identities {
            let checked =
                switch identity {
                case .imsi(let digits): try imsi(digits, field: imsiField)
                case .msisdn(let digits): try msisdn(digits, field: msisdnField)
                case .imei(let digits): try imei(digits, field: imeiField)
                }
            if !result.contains(checked) {
                result.append(checked)
            }
        }
        let fields = { (conjunction: String) -> [StoreError.MessagePart] in
            [.field(imsiField), .text(", "), .field(msisdnField), .text(" \(conjunction) "), .field(imeiField)]
        }
        guard !result.isEmpty else {
            throw StoreError(.invalid, field: imsiField, parts: [.text("a warrant needs a target: ")] + fields("or"))
        }
        guard result.count <= maximumMobileIdentities else {
            throw StoreError(
                .invalid,
                field: imsiField,
                parts: [.text("a warrant has at most \(maximumMobileIdentities) targets (")] + fields("and")
                    + [.text("), not \(result.count)")]
            )
        }
        return result
    }
}

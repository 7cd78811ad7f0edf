extension WarrantValidation {
    /// The most targets (SIP URIs and telephone numbers together) one VoIP warrant may name.
    public static let maximumVoIPTargets = 64

    /// A `--sip-uri` value: `sip:user@host`, `sips:user@host` or `sip:user@*` (any host), in canonical form. Text
    /// with a Unicode format control is refused with a reason of its own.
    public static func sipURI(_ text: String, field: String = "sip_uri") throws(StoreError) -> VoIPTarget {
        try requireNoFormatControls(text, field: field)
        guard let target = VoIPTarget(sipURI: text) else {
            throw .invalid(field, text, "is not a SIP URI (sip:user@host or sip:user@*)")
        }
        return target
    }

    /// A `--tel` value: `+digits`, `digits` or `*digits` (any number ending in them), optionally after `tel:`, with
    /// `-`, `.`, `(`, `)` and spaces ignored; 3-32 digits. Text with a Unicode format control is refused with a
    /// reason of its own.
    public static func telNumber(_ text: String, field: String = "tel") throws(StoreError) -> VoIPTarget {
        try requireNoFormatControls(text, field: field)
        guard let target = VoIPTarget(telNumber: text) else {
            throw .invalid(field, text, "is not a telephone number (+digits, digits or *digits; 3-32 digits)")
        }
        return target
    }

    /// A VoIP warrant's targets in stored form: each one checked and made canonical (a target built in code passes
    /// the same checks as one typed as `--sip-uri` or `--tel`), duplicates removed keeping the first, at least one
    /// and at most ``maximumVoIPTargets``. Errors name SIP URIs `sipField` and numbers `telField`.
    public static func voipTargets(
        _ targets: [VoIPTarget],
        sipField: String = "sip_uri",
        telField: String = "tel"
    ) throws(StoreError) -> [VoIPTarget] {
        var result: [VoIPTarget] = []
        for target in targets {
            let canonical: VoIPTarget
            switch target {
            case .sip: canonical = try sipURI(target.description, field: sipField)
            case .tel: canonical = try telNumber(target.description, field: telField)
            }
            if !result.contains(canonical) {
                result.append(canonical)
            }
        }
        guard !result.isEmpty else {
            throw StoreError(
                .invalid,
                field: sipField,
                parts: [.text("a warrant needs a target: "), .field(sipField), .text(" or "), .field(telField)]
            )
        }
        guard result.count <= maximumVoIPTargets else {
            throw StoreError(
                .invalid,
                field: sipField,
                parts: [
                    .text("a warrant has at most \(maximumVoIPTargets) targets ("), .field(sipField), .text(" and "),
                    .field(telField), .text("), not \(result.count)"),
                ]
            )
        }
        return result
    }
}

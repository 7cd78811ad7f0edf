extension WarrantValidation {
    /// The most addresses one email warrant may name.
    public static let maximumEmailTargets = 64

    /// An `--address` value: `local@domain` (``EmailTarget/init(address:)``), with the domain in lower case. Text
    /// with a Unicode format control is refused with a reason of its own.
    public static func emailAddress(_ text: String, field: String = "address") throws(StoreError) -> EmailTarget {
        try requireNoFormatControls(text, field: field)
        guard let target = EmailTarget(address: text) else {
            throw .invalid(field, text, "is not an email address (local@domain)")
        }
        return target
    }

    /// A mail domain (`run --email-default-domain`), in lower case.
    public static func emailDomain(_ text: String, field: String) throws(StoreError) -> String {
        try requireNoFormatControls(text, field: field)
        guard let domain = EmailTarget.domain(text) else {
            throw .invalid(field, text, "is not a domain (dot-separated labels of letters, digits and -)")
        }
        return domain
    }

    /// An email warrant's addresses in stored form: each one checked (an address built in code passes the same
    /// checks as one typed as `--address`), one that matches the same mail as an earlier one (``EmailTarget/matchKey``)
    /// removed, at least one and at most ``maximumEmailTargets``. Errors name the addresses `field`.
    public static func emailTargets(
        _ targets: [EmailTarget],
        field: String = "address"
    ) throws(StoreError) -> [EmailTarget] {
        var result: [EmailTarget] = []
        for target in targets {
            let checked = try emailAddress(target.address, field: field)
            if !result.contains(where: { $0.matchKey == checked.matchKey }) {
                result.append(checked)
            }
        }
        guard !result.isEmpty else {
            throw StoreError(.invalid, field: field, parts: [.text("a warrant needs a target: "), .field(field)])
        }
        guard result.count <= maximumEmailTargets else {
            throw StoreError(
                .invalid,
                field: field,
                parts: [
                    .text("a warrant has at most \(maximumEmailTargets) targets ("), .field(field),
                    .text("), not \(result.count)"),
                ]
            )
        }
        return result
    }
}

extension WarrantValidation {
    /// A mirror intercept id: decimal, 0-4294967295 (the vendor's own limit is checked with the whole target,
    /// ``mirrorTarget(_:)``).
    public static func mirrorID(_ text: String, field: String = "mirror_id") throws(StoreError) -> UInt32 {
        guard let value = decimal(text), let id = UInt32(exactly: value) else {
            throw .invalid(field, text, "is not an intercept id (0-\(UInt32.max))")
        }
        return id
    }

    /// A mirror vendor: `jmirror`, `alu` or `cisco`.
    public static func mirrorVendor(
        _ text: String,
        field: String = "mirror_vendor"
    ) throws(StoreError) -> MirrorVendor {
        guard let vendor = MirrorVendor(rawValue: text) else {
            let vendors = MirrorVendor.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid(field, text, "is not a mirror vendor (\(vendors))")
        }
        return vendor
    }

    /// Checks a mirror target (field `mirror_id`): an id a vendor's header can carry, within
    /// ``MirrorVendor/maximumInterceptID`` (JMirror and ALU: 30 bits); without a vendor, any 32-bit id.
    public static func mirrorTarget(_ mirror: MirrorTarget) throws(StoreError) -> MirrorTarget {
        if let vendor = mirror.vendor, mirror.interceptID > vendor.maximumInterceptID {
            throw .invalid(
                "mirror_id",
                String(mirror.interceptID),
                "is out of range for \(vendor.rawValue) (0-\(vendor.maximumInterceptID))"
            )
        }
        return mirror
    }

}

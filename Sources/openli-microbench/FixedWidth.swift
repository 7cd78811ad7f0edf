/// Decimal and hexadecimal numbers padded to a fixed width, so that inputs that differ only in a number have the
/// same length (an ``InputRing`` needs that).
enum FixedWidth {
    /// `value` in decimal, left-padded with zeros to `digits` characters.
    static func decimal(_ value: Int, digits: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// `value` in upper-case hexadecimal, left-padded with zeros to `digits` characters.
    static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

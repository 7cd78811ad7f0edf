/// An identifier (tag) of a DER element: one octet for tag numbers below 31, two for 31 to 127.
struct DERTag: Equatable {
    /// The first identifier octet (class, constructed bit and tag number or `0x1F`).
    let first: UInt8
    /// The second identifier octet for the high-tag form, 0 if unused.
    let second: UInt8

    /// A context-specific tag `[number]` (number in 0 to 127).
    static func context(_ number: UInt8, constructed: Bool = false) -> DERTag {
        let form: UInt8 = constructed ? 0xA0 : 0x80
        if number < 31 {
            return DERTag(first: form | number, second: 0)
        }
        return DERTag(first: form | 0x1F, second: number & 0x7F)
    }
}

/// One element found by ``DERCursor``: its identifier and where its value lies in the input.
struct DERElement {
    /// The first identifier octet (class, constructed bit, and the tag number or `0x1F`).
    var identifier: UInt8
    /// The tag number (from the high-tag form when `identifier & 0x1F == 0x1F`).
    var tagNumber: UInt32
    /// The offset of the first identifier octet.
    var start: Int
    /// The offset of the first value octet.
    var valueStart: Int
    /// The offset just past the last value octet.
    var valueEnd: Int
}

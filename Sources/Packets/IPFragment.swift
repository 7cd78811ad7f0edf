/// Fragment facts of an IPv4 or IPv6 packet.
public struct IPFragment: Sendable, Equatable {
    /// The Identification shared by every fragment of one datagram (IPv4: 16 bits; IPv6 fragment header: 32 bits).
    public var identifier: UInt32
    /// Where this fragment's data belongs in the original payload, in bytes (a multiple of 8).
    public var offset: Int
    /// The More Fragments flag: false only on the last fragment.
    public var moreFragments: Bool

    /// Fragment facts as read from an IPv4 header or an IPv6 fragment header.
    public init(identifier: UInt32, offset: Int, moreFragments: Bool) {
        self.identifier = identifier
        self.offset = offset
        self.moreFragments = moreFragments
    }
}

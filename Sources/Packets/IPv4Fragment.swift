/// IPv4 fragment facts of a packet.
public struct IPv4Fragment: Sendable, Equatable {
    /// The IPv4 Identification field shared by every fragment of one datagram.
    public var identifier: UInt16
    /// Where this fragment's data belongs in the original payload, in bytes (a multiple of 8).
    public var offset: Int
    /// The More Fragments flag: false only on the last fragment.
    public var moreFragments: Bool

    /// Fragment facts as read from an IPv4 header.
    public init(identifier: UInt16, offset: Int, moreFragments: Bool) {
        self.identifier = identifier
        self.offset = offset
        self.moreFragments = moreFragments
    }
}

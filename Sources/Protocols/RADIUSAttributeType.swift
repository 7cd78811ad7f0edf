/// The attribute type numbers the parser reads (RFC 2865, 2866, 2869, 3162, 4818, 6911).
enum RADIUSAttributeType {
    static let userName: UInt8 = 1
    static let nasIPAddress: UInt8 = 4
    static let nasPort: UInt8 = 5
    static let framedIPAddress: UInt8 = 8
    static let calledStationID: UInt8 = 30
    static let callingStationID: UInt8 = 31
    static let nasIdentifier: UInt8 = 32
    static let acctStatusType: UInt8 = 40
    static let acctInputOctets: UInt8 = 42
    static let acctOutputOctets: UInt8 = 43
    static let acctSessionID: UInt8 = 44
    static let acctTerminateCause: UInt8 = 49
    static let acctInputGigawords: UInt8 = 52
    static let acctOutputGigawords: UInt8 = 53
    static let nasPortID: UInt8 = 87
    static let nasIPv6Address: UInt8 = 95
    static let framedIPv6Prefix: UInt8 = 97
    static let delegatedIPv6Prefix: UInt8 = 123
    static let framedIPv6Address: UInt8 = 168
}

/// A GTPv2-C message (TS 29.274) with the information elements session tracking uses.
public struct GTPv2Message: Sendable, Equatable {
    /// GTPv2-C message types the appliance follows.
    public enum MessageType: UInt8, Sendable {
        case echoRequest = 1
        case echoResponse = 2
        case createSessionRequest = 32
        case createSessionResponse = 33
        case modifyBearerRequest = 34
        case modifyBearerResponse = 35
        case deleteSessionRequest = 36
        case deleteSessionResponse = 37
        case createBearerRequest = 95
        case createBearerResponse = 96
        case updateBearerRequest = 97
        case updateBearerResponse = 98
        case deleteBearerRequest = 99
        case deleteBearerResponse = 100
    }

    /// One Bearer Context (a grouped IE).
    public struct Bearer: Sendable, Equatable {
        /// EPS Bearer ID.
        public var ebi: UInt8?
        /// The bearer's cause, in a response.
        public var cause: UInt8?
        /// The bearer's user-plane F-TEIDs.
        public var fteids: [FullyQualifiedTEID] = []
    }

    /// The raw message type.
    public var messageType: UInt8
    /// The header's TEID, when the T flag is set.
    public var teid: UInt32?
    /// The sequence number that pairs a request with its response.
    public var sequence: UInt32
    /// IMSI digits.
    public var imsi: String?
    /// MSISDN digits.
    public var msisdn: String?
    /// MEI (IMEI or IMEISV) digits.
    public var mei: String?
    /// Access point name.
    public var apn: String?
    /// Cause value (16 request accepted; 17-19 accepted in part; 64 and above rejected).
    public var cause: UInt8?
    /// RAT type.
    public var ratType: UInt8?
    /// User location information, as carried.
    public var userLocation: [UInt8]?
    /// PDN type (1 IPv4, 2 IPv6, 3 IPv4v6).
    public var pdnType: UInt8?
    /// PDN address allocation.
    public var pdnAddress: PDNAddress?
    /// APN aggregate maximum bit rate, as carried (uplink and downlink, kbps).
    public var apnAMBR: [UInt8]?
    /// Linked EPS bearer ID (dedicated bearers).
    public var linkedEBI: UInt8?
    /// The top-level F-TEIDs (the sender's control plane F-TEID is instance 0).
    public var fteids: [FullyQualifiedTEID] = []
    /// The bearer contexts.
    public var bearers: [Bearer] = []

    /// The type, when it is one the appliance follows.
    public var type: MessageType? { MessageType(rawValue: messageType) }

    /// Whether the cause accepts the request (in whole or in part).
    public var isAccepted: Bool { (cause.map { (16...63).contains($0) }) ?? false }

    /// The sender's control-plane F-TEID (instance 0 of the top-level F-TEIDs).
    public var senderControlTEID: FullyQualifiedTEID? { fteids.first { $0.instance == 0 } }
}

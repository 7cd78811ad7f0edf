/// A GTPv1-C message (TS 29.060) with the information elements session tracking uses.
public struct GTPv1Message: Sendable, Equatable {
    /// GTPv1-C message types the appliance follows.
    public enum MessageType: UInt8, Sendable {
        case echoRequest = 1
        case echoResponse = 2
        case createPDPContextRequest = 16
        case createPDPContextResponse = 17
        case updatePDPContextRequest = 18
        case updatePDPContextResponse = 19
        case deletePDPContextRequest = 20
        case deletePDPContextResponse = 21
    }

    /// The raw message type.
    public var messageType: UInt8
    /// The header's TEID (the receiver's control TEID; 0 in a first request).
    public var teid: UInt32
    /// The sequence number that pairs a request with its response.
    public var sequence: UInt32?
    /// Cause (128 request accepted, 128-191 accepted, 192 and above rejected).
    public var cause: UInt8?
    /// IMSI digits.
    public var imsi: String?
    /// MSISDN digits (the type-of-number octet dropped).
    public var msisdn: String?
    /// IMEI(SV) digits.
    public var imei: String?
    /// Access point name.
    public var apn: String?
    /// TEID Data I: where the sender wants user-plane packets.
    public var dataTEID: UInt32?
    /// TEID Control Plane: where the sender wants control messages.
    public var controlTEID: UInt32?
    /// NSAPI.
    public var nsapi: UInt8?
    /// End User Address: the PDP address, in a response.
    public var endUserAddress: PDNAddress?
    /// GSN addresses in order: the first for the control plane, the second for the user plane.
    public var gsnAddresses: [IPAddressBytes] = []
    /// RAT type.
    public var ratType: UInt8?
    /// User location information, as carried.
    public var userLocation: [UInt8]?

    /// The type, when it is one the appliance follows.
    public var type: MessageType? { MessageType(rawValue: messageType) }

    /// Whether the cause accepts the request.
    public var isAccepted: Bool { (cause.map { (128...191).contains($0) }) ?? false }
}

/// An address as a GTPv1 GSN Address element carries it (4 or 16 octets).
public typealias IPAddressBytes = [UInt8]

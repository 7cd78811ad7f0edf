import Packets
import Protocols

/// A GTP-C message in the terms session tracking uses, whichever GTP version carried it.
struct ControlMessage {
    /// What the message does to a session.
    enum Procedure: Equatable {
        /// Create Session / Create PDP Context: opens a session.
        case create
        /// Modify Bearer / Update PDP Context: the access side changes it.
        case modify
        /// Delete Session / Delete PDP Context: closes it.
        case delete
        /// Create Bearer (network-initiated): adds a dedicated bearer.
        case createBearer
        /// Update Bearer (network-initiated).
        case updateBearer
        /// Delete Bearer (network-initiated).
        case deleteBearer
    }

    /// GTP version (1 or 2).
    var version: UInt8
    /// The procedure, nil for echo and messages not followed.
    var procedure: Procedure?
    /// Whether it is a request (else a response).
    var isRequest: Bool
    /// The header TEID (the receiver's control TEID; 0 or absent in a first request).
    var headerTEID: UInt32?
    /// Pairs a request with its response.
    var sequence: UInt32
    /// Whether a response accepts its request.
    var accepted: Bool
    /// The response's cause, as carried.
    var cause: UInt8?
    var imsi: String?
    var msisdn: String?
    var imei: String?
    var apn: String?
    var ratType: UInt8?
    var userLocation: [UInt8]?
    /// APN-AMBR (GTPv2), as carried.
    var apnAMBR: [UInt8]?
    var pdn: PDNAddress?
    /// The bearer (EBI) or PDP context (NSAPI) the message is about, when it names one.
    var bearerID: UInt8?
    /// The sender's control-plane endpoints (where it wants control messages).
    var controlEndpoints: [TunnelEndpoint] = []
    /// The sender's user-plane endpoints (where it wants G-PDUs), by bearer.
    var userEndpoints: [(bearer: UInt8, endpoint: TunnelEndpoint)] = []

    /// The message of a GTPv2-C datagram.
    init(_ message: GTPv2Message) {
        version = 2
        (procedure, isRequest) = Self.procedure(ofVersion2: message.messageType)
        headerTEID = message.teid
        sequence = message.sequence
        accepted = message.isAccepted
        cause = message.cause
        (imsi, msisdn, imei, apn) = (message.imsi, message.msisdn, message.mei, message.apn)
        (ratType, userLocation, pdn) = (message.ratType, message.userLocation, message.pdnAddress)
        apnAMBR = message.apnAMBR
        bearerID = message.bearers.first?.ebi ?? message.linkedEBI
        controlEndpoints = message.fteids.flatMap(\.endpoints)
        for bearer in message.bearers {
            for fteid in bearer.fteids {
                for endpoint in fteid.endpoints { userEndpoints.append((bearer.ebi ?? 0, endpoint)) }
            }
        }
    }

    /// The message of a GTPv1-C datagram: the first GSN address is the control plane's, the second (or the first,
    /// when there is one) the user plane's.
    init(_ message: GTPv1Message) {
        version = 1
        (procedure, isRequest) = Self.procedure(ofVersion1: message.messageType)
        headerTEID = message.teid
        sequence = message.sequence ?? 0
        accepted = message.isAccepted
        cause = message.cause
        (imsi, msisdn, imei, apn) = (message.imsi, message.msisdn, message.imei, message.apn)
        (ratType, userLocation, pdn) = (message.ratType, message.userLocation, message.endUserAddress)
        bearerID = message.nsapi
        let control = message.gsnAddresses.first.flatMap(GTPValue.address)
        let user = (message.gsnAddresses.dropFirst().first ?? message.gsnAddresses.first).flatMap(GTPValue.address)
        if let control, let teid = message.controlTEID {
            controlEndpoints = [TunnelEndpoint(address: control, teid: teid)]
        }
        if let user, let teid = message.dataTEID {
            userEndpoints = [(message.nsapi ?? 0, TunnelEndpoint(address: user, teid: teid))]
        }
    }

    /// The procedure of a GTPv2-C message type, and whether the type is a request (TS 29.274 Table 6.1-1).
    private static func procedure(ofVersion2 type: UInt8) -> (Procedure?, Bool) {
        switch type {
        case 32, 33: (.create, type == 32)
        case 34, 35: (.modify, type == 34)
        case 36, 37: (.delete, type == 36)
        case 95, 96: (.createBearer, type == 95)
        case 97, 98: (.updateBearer, type == 97)
        case 99, 100: (.deleteBearer, type == 99)
        default: (nil, type & 1 == 1)
        }
    }

    /// The procedure of a GTPv1-C message type, and whether the type is a request (TS 29.060 Table 1).
    private static func procedure(ofVersion1 type: UInt8) -> (Procedure?, Bool) {
        switch type {
        case 16, 17: (.create, type == 16)
        case 18, 19: (.modify, type == 18)
        case 20, 21: (.delete, type == 20)
        default: (nil, type & 1 == 1)
        }
    }

    /// Parses a GTP-C datagram of either version.
    static func parse(_ payload: UnsafeRawBufferPointer) throws(GTPError) -> ControlMessage {
        guard let first = payload.first else { throw .truncated }
        switch first >> 5 {
        case 1: return ControlMessage(try GTPv1Parser.parse(payload))
        case 2: return ControlMessage(try GTPv2Parser.parse(payload))
        default: throw .unsupportedVersion
        }
    }
}

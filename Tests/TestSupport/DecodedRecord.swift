import Foundation

/// One record as record-check printed it, reduced to what the tests compare.
public struct DecodedRecord: Sendable, Equatable {
    /// The LIID (decoded from hex).
    public var liid: String
    /// The CIN.
    public var cin: Int
    /// The sequence number.
    public var sequence: Int
    /// "IRI", "CC" or "TRI".
    public var kind: String
    /// "iRI-Begin", ... for IRIs.
    public var iriType: String?
    /// accessEventType for IPIRIs.
    public var event: String?
    /// payloadDirection for CCs.
    public var direction: String?
    /// An IPMMIRI's `sIPContent` (from `sIPMessage` or `iRIOnlySIPMessage`).
    public var sipContent: [UInt8]?
    /// An IPMMIRI's `iPSourceAddress` (binary address bytes).
    public var sipSource: [UInt8]?
    /// An IPMMIRI's `iPDestinationAddress` (binary address bytes).
    public var sipDestination: [UInt8]?
    /// An IPMMCC's `mMCCContents`.
    public var mediaContents: [UInt8]?
    /// An IPMMCC's `frameType` ("ipFrame", "rtpFrame", ...).
    public var frameType: String?
    /// An IPMMCC's `mMCCprotocol` ("rTP", ...).
    public var mediaProtocol: String?
    /// EmailIRI: the sender and the recipients.
    public var emailSender: String?
    public var emailRecipients: [String]?
    /// EmailIRI: the client's TCP port.
    public var emailClientPort: Int?
    /// EmailCC: the content (a message as transferred).
    public var emailContent: [UInt8]?
    /// An IPCC's IP packet.
    public var ipContent: [UInt8]?

    /// Reads one record-check JSON line.
    public init?(_ json: [String: Any]) {
        guard let pdu = json["pdu"] as? [String: Any], let header = pdu["pSHeader"] as? [String: Any],
            let payload = pdu["payload"] as? [String: Any],
            let liidHex = header["lawfulInterceptionIdentifier"] as? String,
            let identifier = header["communicationIdentifier"] as? [String: Any]
        else { return nil }
        liid = String(decoding: Self.bytes(hex: liidHex), as: UTF8.self)
        cin = identifier["communicationIdentityNumber"] as? Int ?? -1
        sequence = header["sequenceNumber"] as? Int ?? -1
        if let iris = payload["iRIPayloadSequence"] as? [[String: Any]], let first = iris.first {
            kind = "IRI"
            iriType = first["iRIType"] as? String
            let contents = (first["iRIContents"] as? [String: Any])?["iPIRI"] as? [String: Any]
            event = (contents?["iPIRIContents"] as? [String: Any])?["accessEventType"] as? String
            let mobile = first["iRIContents"] as? [String: Any]
            if let eps = (mobile?["ePSIRI"] as? [String: Any])?["iRI-EPS-Parameters"] as? [String: Any] {
                event = eps["ePSevent"] as? String
            }
            if let umts = (mobile?["uMTSIRI"] as? [String: Any])?["iRI-Parameters"] as? [String: Any] {
                event = umts["gPRSevent"] as? String
            }
            if let email = (first["iRIContents"] as? [String: Any])?["emailIRI"] as? [String: Any] {
                event = email["eventType"] as? String
                emailSender = email["e-mail-Sender"] as? String
                emailRecipients = email["e-mail-Recipients"] as? [String]
                emailClientPort = email["client-Port"] as? Int
            }
            let multimedia = (first["iRIContents"] as? [String: Any])?["iPMMIRI"] as? [String: Any]
            let choice = multimedia?["iPMMIRIContents"] as? [String: Any]
            if let message = (choice?["sIPMessage"] ?? choice?["iRIOnlySIPMessage"]) as? [String: Any] {
                sipContent = (message["sIPContent"] as? String).map(Self.bytes(hex:))
                sipSource = Self.address(message["iPSourceAddress"])
                sipDestination = Self.address(message["iPDestinationAddress"])
            }
        } else if let ccs = payload["cCPayloadSequence"] as? [[String: Any]], let first = ccs.first {
            kind = "CC"
            direction = first["payloadDirection"] as? String
            if let multimedia = (first["cCContents"] as? [String: Any])?["iPMMCC"] as? [String: Any] {
                mediaContents = (multimedia["mMCCContents"] as? String).map(Self.bytes(hex:))
                frameType = multimedia["frameType"] as? String
                mediaProtocol = multimedia["mMCCprotocol"] as? String
            }
            if let ip = (first["cCContents"] as? [String: Any])?["iPCC"] as? [String: Any] {
                let contents = ip["iPCCContents"] as? [String: Any]
                ipContent = (contents?["iPPackets"] as? String).map(Self.bytes(hex:))
            }
            if let email = (first["cCContents"] as? [String: Any])?["emailCC"] as? [String: Any] {
                emailContent = (email["content"] as? String).map(Self.bytes(hex:))
            }
        } else {
            kind = "TRI"
        }
    }

    private static func address(_ value: Any?) -> [UInt8]? {
        let binary = ((value as? [String: Any])?["iP-value"] as? [String: Any])?["iPBinaryAddress"] as? String
        return binary.map(bytes(hex:))
    }

    private static func bytes(hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            if let byte = UInt8(hex[index..<next], radix: 16) { result.append(byte) }
            index = next
        }
        return result
    }
}

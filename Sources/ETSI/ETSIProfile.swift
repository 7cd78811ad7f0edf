/// Which object identifiers to send (chosen per agency).
///
/// The two profiles differ only in the version arcs of the OIDs; every field and tag is the same.
public enum ETSIProfile: String, Sendable, CaseIterable {
    /// The version arcs of the modules in `shared/asn1`: li-psDomainId 0.4.0.2.2.5.1.43 (LI-PS-PDU version43),
    /// iPIRIObjId 5.3.18.1 and iPCCObjId 5.3.18.2 (IPAccessPDU version18).
    case current
    /// What OpenLI 1.1.x sends and deployed LEMFs already accept: li-psDomainId 0.4.0.2.2.5.1.17,
    /// iPIRIObjId 5.3.10.1 and iPCCObjId 5.3.10.2.
    case openli

    /// The content octets of `li-psDomainId` (an OBJECT IDENTIFIER; the first two arcs 0.4 make the octet 4).
    var psDomainIdContent: [UInt8] {
        switch self {
        case .current: [0x04, 0x00, 0x02, 0x02, 0x05, 0x01, 0x2B]
        case .openli: [0x04, 0x00, 0x02, 0x02, 0x05, 0x01, 0x11]
        }
    }

    /// The version arc of IPAccessPDU for this profile.
    /// The version in EmailPDU's object identifiers (`emailCCObjId`, `emailIRIObjId`): 5.2.19.x (current) or
    /// 5.2.15.x (what OpenLI sends).
    var emailVersion: UInt8 {
        switch self {
        case .current: 19
        case .openli: 15
        }
    }

    var ipAccessVersion: UInt8 {
        switch self {
        case .current: 18
        case .openli: 10
        }
    }
}

/// The 3GPP TS 33.108 domain identifiers (OBJECT IDENTIFIER content octets; the first two arcs 0.4 make the octet 4)
/// of the mobile records, by profile:
///
/// | | current (the modules in `asn1/`) | openli (what OpenLI 1.1.20 sends) |
/// |---|---|---|
/// | UMTS `hi2DomainId` | 0.4.0.2.2.4.1.16.1 (r16 version-1) | 0.4.0.2.2.4.1.15.5 (r15 version-5) |
/// | EPS `hi2epsDomainId` | 0.4.0.2.2.4.8.16.1 (r16 version-1) | 0.4.0.2.2.4.8.17.0 (r17 version-0) |
/// | EPS `hi3DomainId` | 0.4.0.2.2.4.9.12.0 (r12 version-0) | 0.4.0.2.2.4.9.17.0 |
/// | UMTS `hi3DomainId` | 0.4.0.2.2.4.2.7.0 (r7 version-0) | the same |
///
/// Every one is 8 octets.
extension ETSIProfile {
    /// The content length of every mobile domain identifier.
    static let mobileDomainIdLength = 8

    /// `hi2DomainId` of UmtsHI2Operations.
    var umtsHI2DomainIdContent: [UInt8] {
        switch self {
        case .current: Self.umtsHI2Current
        case .openli: Self.umtsHI2OpenLI
        }
    }

    /// `hi2epsDomainId` of EpsHI2Operations.
    var epsHI2DomainIdContent: [UInt8] {
        switch self {
        case .current: Self.epsHI2Current
        case .openli: Self.epsHI2OpenLI
        }
    }

    /// `hi3DomainId` of Eps-HI3-PS.
    var epsHI3DomainIdContent: [UInt8] {
        switch self {
        case .current: Self.epsHI3Current
        case .openli: Self.epsHI3OpenLI
        }
    }

    /// `hi3DomainId` of Umts-HI3-PS r7 (OpenLI sends no typed UMTS CC-PDU, so both profiles use the module's).
    var umtsHI3DomainIdContent: [UInt8] {
        Self.umtsHI3
    }

    private static let umtsHI2Current: [UInt8] = [0x04, 0x00, 0x02, 0x02, 0x04, 0x01, 0x10, 0x01]
    private static let umtsHI2OpenLI: [UInt8] = [0x04, 0x00, 0x02, 0x02, 0x04, 0x01, 0x0F, 0x05]
    private static let epsHI2Current: [UInt8] = [0x04, 0x00, 0x02, 0x02, 0x04, 0x08, 0x10, 0x01]
    private static let epsHI2OpenLI: [UInt8] = [0x04, 0x00, 0x02, 0x02, 0x04, 0x08, 0x11, 0x00]
    private static let epsHI3Current: [UInt8] = [0x04, 0x00, 0x02, 0x02, 0x04, 0x09, 0x0C, 0x00]
    private static let epsHI3OpenLI: [UInt8] = [0x04, 0x00, 0x02, 0x02, 0x04, 0x09, 0x11, 0x00]
    private static let umtsHI3: [UInt8] = [0x04, 0x00, 0x02, 0x02, 0x04, 0x02, 0x07, 0x00]
}

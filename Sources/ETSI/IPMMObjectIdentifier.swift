/// The object identifiers of IPMultimediaPDU (TS 102 232-5), RELATIVE-OIDs relative to
/// `{itu-t(0) identified-organization(4) etsi(0) securityDomain(2) lawfulIntercept(2)}`:
///
/// ```asn1
/// iPMMIRIObjId RELATIVE-OID ::= {li-ps(5) iPMultimedia(5) version14(14) iRI(1)}
/// iPMMCCObjId RELATIVE-OID ::= {li-ps(5) iPMultimedia(5) version14(14) cC(2)}
/// ```
///
/// The version arc is 14 in the `current` profile (the module in `shared/asn1`) and 6 in the `openli` one.
enum IPMMObjectIdentifier {
    /// The last arc of iPMMIRIObjId.
    static let iri: UInt8 = 1
    /// The last arc of iPMMCCObjId.
    static let cc: UInt8 = 2
    /// The size of the whole `[0] RELATIVE-OID` element.
    static let elementLength = 6

    /// The version arc of IPMultimediaPDU for `profile`.
    static func version(_ profile: ETSIProfile) -> UInt8 {
        switch profile {
        case .current: 14
        case .openli: 6
        }
    }

    /// Appends the `[0] RELATIVE-OID` element `5.5.v.last` (`80 04 05 05 v last`).
    static func append(profile: ETSIProfile, last: UInt8, to out: inout [UInt8]) {
        out.append(0x80)
        out.append(0x04)
        out.append(0x05)
        out.append(0x05)
        out.append(version(profile))
        out.append(last)
    }
}

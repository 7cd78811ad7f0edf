extension MobileParty {
    /// The `partyIdentity [1]` content: the identities that can be encoded, in tag order.
    var identityContent: [UInt8] {
        var out: [UInt8] = []
        if let imei, let octets = TBCDString.octets(imei, minOctets: 8, maxOctets: 8) {
            DERWriter.appendOctets(.context(1), octets, to: &out)
        }
        if let imsi, let octets = TBCDString.octets(imsi, minOctets: 3, maxOctets: 8) {
            DERWriter.appendOctets(.context(3), octets, to: &out)
        }
        if let msisdn {
            let digits = msisdn.hasPrefix("+") ? String(msisdn.dropFirst()) : msisdn
            if let octets = TBCDString.octets(digits, minOctets: 1, maxOctets: 8) {
                DERWriter.appendHeader(.context(6), length: octets.count + 1, to: &out)
                out.append(0x91)
                out.append(contentsOf: octets)
            }
        }
        return out
    }

    /// The `gPRS-parameters [1]` content: the PDP context's fields that can be encoded, in tag order.
    var gprsParametersContent: [UInt8] {
        var out: [UInt8] = []
        if let pdpAddress, pdpAddress.isEncodable {
            Self.appendDataNodeAddress(pdpAddress, tag: 1, to: &out)
        }
        if let apn, let octets = APNLabels.octets(apn) {
            DERWriter.appendOctets(.context(2), octets, to: &out)
        }
        if let pdpType {
            DERWriter.appendOctets(
                .context(3),
                [UInt8(truncatingIfNeeded: pdpType.rawValue >> 8), UInt8(truncatingIfNeeded: pdpType.rawValue)],
                to: &out
            )
        }
        if let nsapi {
            DERWriter.appendOctets(.context(4), [nsapi], to: &out)
        }
        if let additionalPDPAddress, additionalPDPAddress.isEncodable {
            Self.appendDataNodeAddress(additionalPDPAddress, tag: 5, to: &out)
        }
        return out
    }

    /// Appends `partyInformation [9] SET OF PartyInformation` holding this party (qualifier 3: gPRS-Target in UMTS,
    /// gPRSorEPS-Target in EPS); nothing if the party has no field that can be encoded.
    func appendPartyInformation(to out: inout [UInt8]) {
        let identity = identityContent
        let gprs = gprsParametersContent
        guard !identity.isEmpty || !gprs.isEmpty else {
            return
        }
        let gprsElement = DERWriter.elementLength(contentLength: gprs.count)
        let services = gprs.isEmpty ? 0 : DERWriter.elementLength(contentLength: gprsElement)
        let partyContent = 3 + DERWriter.elementLength(contentLength: identity.count) + services
        DERWriter.appendHeader(
            .context(9, constructed: true),
            length: DERWriter.elementLength(contentLength: partyContent),
            to: &out
        )
        DERWriter.appendHeader(0x30, length: partyContent, to: &out)
        DERWriter.appendInteger(.context(0), 3, to: &out)
        DERWriter.appendHeader(.context(1, constructed: true), length: identity.count, to: &out)
        out.append(contentsOf: identity)
        if !gprs.isEmpty {
            DERWriter.appendHeader(.context(4, constructed: true), length: gprsElement, to: &out)
            DERWriter.appendHeader(.context(1, constructed: true), length: gprs.count, to: &out)
            out.append(contentsOf: gprs)
        }
    }

    /// Appends `[tag] DataNodeAddress` (a CHOICE, so explicit) holding `ipAddress [1] IPAddress`.
    static func appendDataNodeAddress(_ address: IRIAddress, tag: UInt8, to out: inout [UInt8]) {
        DERWriter.appendHeader(
            .context(tag, constructed: true),
            length: DERWriter.elementLength(contentLength: address.contentLength),
            to: &out
        )
        address.append(.context(1, constructed: true), to: &out)
    }
}

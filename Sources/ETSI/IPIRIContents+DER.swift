/// DER encoding of ``IPIRIContents``: the SEQUENCE content octets, fields in tag order.
extension IPIRIContents {
    /// Appends the content octets of the `IPIRIContents` SEQUENCE.
    func appendContent(to out: inout [UInt8]) {
        DERWriter.appendInteger(.context(0), UInt64(accessEventType.rawValue), to: &out)
        DERWriter.appendOctets(.context(1), targetUsername.utf8, to: &out)
        DERWriter.appendInteger(.context(2), UInt64(internetAccessType.rawValue), to: &out)
        DERWriter.appendInteger(.context(3), UInt64(iPVersion.rawValue), to: &out)
        if let targetIPAddress, targetIPAddress.isEncodable {
            targetIPAddress.append(.context(4, constructed: true), to: &out)
        }
        if let targetNetworkID {
            let octets = DERString.prefix(targetNetworkID, maxOctets: 20)
            if !octets.isEmpty {
                DERWriter.appendOctets(.context(5), octets, to: &out)
            }
        }
        if let pOPPortNumber {
            DERWriter.appendInteger(.context(8), UInt64(pOPPortNumber), to: &out)
        }
        if let startTime {
            Self.appendTime(startTime, tag: 10, to: &out)
        }
        if let endTime {
            Self.appendTime(endTime, tag: 11, to: &out)
        }
        if let endReason {
            DERWriter.appendInteger(.context(12), UInt64(endReason.rawValue), to: &out)
        }
        if let octetsReceived {
            DERWriter.appendInteger(.context(13), octetsReceived, to: &out)
        }
        if let octetsTransmitted {
            DERWriter.appendInteger(.context(14), octetsTransmitted, to: &out)
        }
        if let pOPIdentifier {
            let octets = DERString.prefix(pOPIdentifier, maxOctets: 128)
            if !octets.isEmpty {
                DERWriter.appendHeader(
                    .context(18, constructed: true),
                    length: DERWriter.elementLength(contentLength: octets.count),
                    to: &out
                )
                DERWriter.appendOctets(.context(0), octets, to: &out)
            }
        }
        if let pOPIPAddress, pOPIPAddress.isEncodable {
            pOPIPAddress.append(.context(19, constructed: true), to: &out)
        }
        if let additionalIPAddress, additionalIPAddress.isEncodable {
            additionalIPAddress.append(.context(21, constructed: true), to: &out)
        }
    }

    private static func appendTime(_ time: Timestamp, tag: UInt8, to out: inout [UInt8]) {
        DERWriter.appendHeader(.context(tag), length: time.generalizedTimeLength, to: &out)
        time.appendGeneralizedTime(to: &out)
    }
}

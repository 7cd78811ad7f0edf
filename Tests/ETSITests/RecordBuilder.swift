import ETSI

/// Builds whole records through the public API, the way the sequencer does.
enum RecordBuilder {
    /// The PSHeader of every golden vector.
    static let goldenHeader = PSHeaderTemplate(
        profile: .current,
        liid: "LIID-0001",
        authorizationCountryCode: "NZ",
        operatorIdentifier: "wand",
        networkElementIdentifier: "col1",
        deliveryCountryCode: "NZ"
    )

    /// One PS-PDU with `payload` as its payload element; checks that ``PSPDUWriter/encodedLength`` is exact.
    static func record(
        _ header: PSHeaderTemplate = goldenHeader,
        cin: UInt32 = 7,
        sequence: UInt64,
        time: Timestamp,
        payload: [UInt8]
    ) -> [UInt8] {
        let length = PSPDUWriter.encodedLength(
            header: header,
            cin: cin,
            sequence: sequence,
            time: time,
            payloadLength: payload.count
        )
        var out: [UInt8] = []
        out.reserveCapacity(length)
        payload.withUnsafeBytes { buffer in
            PSPDUWriter.write(header: header, cin: cin, sequence: sequence, time: time, payload: buffer, into: &out)
        }
        return out.count == length ? out : []
    }

    /// The payload element of an IPCC record.
    static func ipcc(_ direction: PayloadDirection, packet: [UInt8], profile: ETSIProfile = .current) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(IPCCPayload.encodedLength(ipPacketLength: packet.count))
        packet.withUnsafeBytes { IPCCPayload.write(profile: profile, direction: direction, ipPacket: $0, into: &out) }
        return out
    }
}

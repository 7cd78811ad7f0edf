/// Builds GTPv2-C messages (TS 29.274) and GTP-U G-PDUs (TS 29.281) for crafted mobile captures.
public enum GTPMessages {
    /// A GTPv2-C message with a TEID in its header: `elements` already encoded.
    public static func v2(type: UInt8, teid: UInt32, sequence: UInt32, elements: [UInt8]) -> [UInt8] {
        let length = 8 + elements.count
        return [0x48, type, UInt8(length >> 8), UInt8(length & 0xFF)] + CraftedCapture.u32(teid)
            + [UInt8(sequence >> 16 & 0xFF), UInt8(sequence >> 8 & 0xFF), UInt8(sequence & 0xFF), 0] + elements
    }

    /// One information element.
    public static func element(_ type: UInt8, instance: UInt8 = 0, _ value: [UInt8]) -> [UInt8] {
        [type, UInt8(value.count >> 8), UInt8(value.count & 0xFF), instance] + value
    }

    /// Digits as TBCD (filler F).
    public static func tbcd(_ digits: String) -> [UInt8] {
        let values = digits.utf8.map { $0 - 0x30 }
        return stride(from: 0, to: values.count, by: 2).map { index in
            values[index] | (index + 1 < values.count ? values[index + 1] << 4 : 0xF0)
        }
    }

    /// An F-TEID with an IPv4 address.
    public static func fteid(interface: UInt8, teid: UInt32, address: [UInt8], instance: UInt8 = 0) -> [UInt8] {
        element(87, instance: instance, [0x80 | interface] + CraftedCapture.u32(teid) + address)
    }

    /// A Bearer Context with an EBI (5 by default) and the given F-TEIDs (and a cause, in a response).
    public static func bearer(fteids: [UInt8], cause: UInt8? = nil, ebi: UInt8 = 5) -> [UInt8] {
        element(93, element(73, [ebi]) + (cause.map { element(2, [$0, 0]) } ?? []) + fteids)
    }

    /// A Create Session Request from an SGW on S5/S8: identities, APN, the SGW's control and user F-TEIDs.
    public static func createSessionRequest(
        imsi: String,
        msisdn: String,
        sequence: UInt32,
        controlTEID: UInt32,
        control: [UInt8],
        userTEID: UInt32,
        user: [UInt8]
    ) -> [UInt8] {
        v2(
            type: 32,
            teid: 0,
            sequence: sequence,
            elements: element(1, tbcd(imsi)) + element(76, tbcd(msisdn)) + element(82, [6])
                + fteid(interface: 6, teid: controlTEID, address: control) + element(71, [8] + Array("internet".utf8))
                + element(99, [1]) + element(79, [1, 0, 0, 0, 0])
                + bearer(fteids: fteid(interface: 4, teid: userTEID, address: user, instance: 2))
        )
    }

    /// The accepting Create Session Response from a PGW: the PDN address, the PGW's control and user F-TEIDs.
    public static func createSessionResponse(
        sequence: UInt32,
        peerTEID: UInt32,
        controlTEID: UInt32,
        control: [UInt8],
        userTEID: UInt32,
        user: [UInt8],
        pdn: [UInt8]
    ) -> [UInt8] {
        v2(
            type: 33,
            teid: peerTEID,
            sequence: sequence,
            elements: element(2, [16, 0]) + fteid(interface: 7, teid: controlTEID, address: control, instance: 1)
                + element(79, [1] + pdn)
                + bearer(fteids: fteid(interface: 5, teid: userTEID, address: user, instance: 2), cause: 16)
        )
    }

    /// A Delete Session Request (`request`) or its accepting response.
    public static func deleteSession(request: Bool, teid: UInt32, sequence: UInt32) -> [UInt8] {
        v2(
            type: request ? 36 : 37,
            teid: teid,
            sequence: sequence,
            elements: request ? element(73, [5]) : element(2, [16, 0])
        )
    }

    /// A G-PDU carrying `inner` to `teid`.
    public static func gpdu(teid: UInt32, inner: [UInt8]) -> [UInt8] {
        [0x30, 0xFF, UInt8(inner.count >> 8), UInt8(inner.count & 0xFF)] + CraftedCapture.u32(teid) + inner
    }
}

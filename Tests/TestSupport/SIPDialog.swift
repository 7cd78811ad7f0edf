/// A crafted INVITE dialog (RFC 3261): the caller's requests (INVITE, ACK, BYE, re-INVITE, ...) with fresh Via
/// branches and increasing CSeq, and the callee's responses with its To tag and Contact.
public struct SIPDialog: Sendable {
    /// The Call-ID.
    public var callID: String
    /// The side that sends the INVITE and the in-dialog requests.
    public var caller: SIPParty
    /// The side the INVITE is addressed to.
    public var callee: SIPParty
    /// The Request-URI of the initial INVITE.
    public var requestURI: String
    /// `UDP` or `TCP` (Via and Contact).
    public var transport: String
    /// Fields added to every request after the standard ones (e.g. `Session-ID`, `P-Asserted-Identity`).
    public var extraFields: [SIPMessageText.Field]
    /// Fields added to every response after the copied ones (e.g. `Session-ID`).
    public var responseFields: [SIPMessageText.Field] = []
    /// The CSeq number of the last request.
    public private(set) var cseq: Int
    private var branches = 0

    /// A dialog that has not sent anything yet; the Request-URI defaults to the callee's URI.
    public init(
        callID: String,
        caller: SIPParty,
        callee: SIPParty,
        requestURI: String? = nil,
        transport: String = "UDP",
        extraFields: [SIPMessageText.Field] = [],
        firstCSeq: Int = 1
    ) {
        self.callID = callID
        self.caller = caller
        self.callee = callee
        self.requestURI = requestURI ?? callee.uri
        self.transport = transport
        self.extraFields = extraFields
        cseq = firstCSeq - 1
    }

    /// The initial INVITE, with `offer` as its body.
    public mutating func invite(offer: SIPSessionDescription?) -> SIPMessageText {
        request("INVITE", uri: requestURI, inDialog: false, sdp: offer)
    }

    /// A request outside a dialog (To untagged, to the Request-URI, CSeq + 1), e.g. REGISTER or MESSAGE.
    public mutating func outOfDialog(_ method: String) -> SIPMessageText {
        request(method, uri: requestURI, inDialog: false, sdp: nil)
    }

    /// A new request inside the dialog (To tagged, CSeq + 1), e.g. BYE, re-INVITE (with `sdp`), INFO.
    public mutating func request(_ method: String, sdp: SIPSessionDescription? = nil) -> SIPMessageText {
        request(method, uri: calleeContactURI, inDialog: true, sdp: sdp)
    }

    /// The ACK for a 2xx response to the INVITE whose CSeq number is `inviteCSeq` (default: the last request's).
    public mutating func ack(inviteCSeq: Int? = nil) -> SIPMessageText {
        branches += 1
        let number = inviteCSeq ?? cseq
        return SIPMessageText(
            startLine: "ACK \(calleeContactURI) SIP/2.0",
            fields: headFields(method: "ACK", number: number, toTagged: true)
        )
    }

    /// The callee's response to `request`: To tagged for anything but 100, Contact on 1xx/2xx to INVITE, and
    /// `sdp` as the body.
    public func response(
        _ code: Int,
        to request: SIPMessageText,
        sdp: SIPSessionDescription? = nil
    )
        -> SIPMessageText
    {
        var extra: [SIPMessageText.Field] = []
        if code > 100 && code < 300 && request.method == "INVITE" {
            extra.append(SIPMessageText.Field("Contact", callee.contact(transport: transport)))
        }
        let response = request.response(code, toTag: code == 100 ? nil : callee.tag, extra: extra + responseFields)
        guard let sdp else { return response }
        return response.with(body: sdp.bytes, contentType: "application/sdp")
    }

    private var calleeContactURI: String {
        String(callee.contact(transport: transport).dropFirst().dropLast())
    }

    private mutating func request(
        _ method: String,
        uri: String,
        inDialog: Bool,
        sdp: SIPSessionDescription?
    )
        -> SIPMessageText
    {
        cseq += 1
        branches += 1
        var fields = headFields(method: method, number: cseq, toTagged: inDialog)
        if method == "INVITE" {
            fields.append(SIPMessageText.Field("Contact", caller.contact(transport: transport)))
        }
        let message = SIPMessageText(startLine: "\(method) \(uri) SIP/2.0", fields: fields + extraFields)
        guard let sdp else { return message }
        return message.with(body: sdp.bytes, contentType: "application/sdp")
    }

    private func headFields(method: String, number: Int, toTagged: Bool) -> [SIPMessageText.Field] {
        let branch = "z9hG4bK\(callID.hashValueStable % 1_000_000)x\(branches)"
        return [
            SIPMessageText.Field("Via", "SIP/2.0/\(transport) \(caller.signalling);branch=\(branch)"),
            SIPMessageText.Field("Max-Forwards", "70"),
            SIPMessageText.Field("From", "\(caller.nameAddress);tag=\(caller.tag)"),
            SIPMessageText.Field("To", callee.nameAddress + (toTagged ? ";tag=\(callee.tag)" : "")),
            SIPMessageText.Field("Call-ID", callID),
            SIPMessageText.Field("CSeq", "\(number) \(method)"),
        ]
    }
}

extension String {
    /// A hash that is the same in every process (Swift's `hashValue` is seeded per process).
    var hashValueStable: Int {
        var hash: UInt32 = 2_166_136_261
        for byte in utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash)
    }
}

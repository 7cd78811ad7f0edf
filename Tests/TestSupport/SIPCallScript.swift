/// One crafted call leg seen between the caller and its peer: the caller's requests go to `peer` (its proxy, or the
/// callee), the responses come from it, and the media flows between the SDP endpoints. Keeps what was sent, in
/// order, for the tests' expectations.
public struct SIPCallScript: Sendable {
    /// The dialog that numbers and words the messages.
    public var dialog: SIPDialog
    /// Where the caller sends its SIP and the responses come from (its proxy, or the callee itself).
    public var peer: SIPEndpoint
    /// Every SIP message written, in capture order.
    public private(set) var messages: [SIPSent] = []
    /// Every RTP and RTCP packet written, in capture order.
    public private(set) var media: [SIPSent] = []

    /// A leg that has sent nothing yet.
    public init(dialog: SIPDialog, peer: SIPEndpoint) {
        self.dialog = dialog
        self.peer = peer
    }

    /// Sends `message` from the caller to the peer (over UDP, or TCP when the dialog says so); over UDP in IPv4
    /// fragments of `fragmentSize` bytes when given.
    @discardableResult
    public mutating func fromCaller(
        _ message: SIPMessageText,
        fragmentSize: Int? = nil,
        in capture: inout SIPCallCapture
    ) -> SIPSent {
        if let fragmentSize {
            let sent = capture.fragmented(
                message.bytes,
                from: dialog.caller.signalling,
                to: peer,
                fragmentSize: fragmentSize
            )
            messages.append(sent)
            return sent
        }
        return send(message, from: dialog.caller.signalling, to: peer, in: &capture)
    }

    /// Sends `message` from the peer to the caller.
    @discardableResult
    public mutating func toCaller(_ message: SIPMessageText, in capture: inout SIPCallCapture) -> SIPSent {
        send(message, from: peer, to: dialog.caller.signalling, in: &capture)
    }

    /// INVITE with `offer`, the `provisional` responses (100, 180 unless told), 200 with `answer`, ACK.
    public mutating func establish(
        offer: SIPSessionDescription,
        answer: SIPSessionDescription,
        provisional: [Int] = [100, 180],
        in capture: inout SIPCallCapture
    ) {
        let invite = dialog.invite(offer: offer)
        fromCaller(invite, in: &capture)
        for code in provisional {
            capture.wait(milliseconds: 50)
            toCaller(dialog.response(code, to: invite), in: &capture)
        }
        capture.wait(milliseconds: 200)
        toCaller(dialog.response(200, to: invite, sdp: answer), in: &capture)
        fromCaller(dialog.ack(), in: &capture)
    }

    /// A re-INVITE with `offer`, 200 with `answer`, ACK.
    public mutating func reinvite(
        offer: SIPSessionDescription,
        answer: SIPSessionDescription,
        in capture: inout SIPCallCapture
    ) {
        let invite = dialog.request("INVITE", sdp: offer)
        fromCaller(invite, in: &capture)
        toCaller(dialog.response(200, to: invite, sdp: answer), in: &capture)
        fromCaller(dialog.ack(), in: &capture)
    }

    /// BYE from the caller and the 200 to it.
    public mutating func hangUp(in capture: inout SIPCallCapture) {
        capture.wait(milliseconds: 20)
        let bye = dialog.request("BYE")
        fromCaller(bye, in: &capture)
        toCaller(dialog.response(200, to: bye), in: &capture)
    }

    /// `count` RTP packets alternately from the offer's media endpoint to the answer's and back.
    public mutating func rtp(
        offer: SIPSessionDescription,
        answer: SIPSessionDescription,
        count: Int,
        in capture: inout SIPCallCapture
    ) {
        media += capture.rtp(between: offer.media, and: answer.media, count: count)
    }

    /// One RTCP sender report each way between the offer's and the answer's RTCP endpoints.
    public mutating func rtcp(
        offer: SIPSessionDescription,
        answer: SIPSessionDescription,
        in capture: inout SIPCallCapture
    ) {
        media.append(capture.rtcp(from: offer.rtcp, to: answer.rtcp, rtpSource: offer.media))
        media.append(capture.rtcp(from: answer.rtcp, to: offer.rtcp, rtpSource: answer.media))
    }

    /// Records media the test wrote itself as part of this call.
    public mutating func note(media sent: [SIPSent]) {
        media += sent
    }

    private mutating func send(
        _ message: SIPMessageText,
        from: SIPEndpoint,
        to: SIPEndpoint,
        in capture: inout SIPCallCapture
    ) -> SIPSent {
        let sent =
            dialog.transport == "TCP"
            ? capture.tcp(message.bytes, from: from, to: to) : capture.sip(message, from: from, to: to)
        messages.append(sent)
        return sent
    }
}

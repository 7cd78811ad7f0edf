import TestSupport
import Testing

/// A call forwarded by a B2BUA: leg 1 carol -> proxy to bob (the target), leg 2 proxy -> dave with its own Call-ID
/// and no trace of bob, joined to leg 1 by the SDP `o=` line or by the Session-ID header (RFC 7329). Both legs'
/// IRIs and leg 2's RTP go to bob's LIID under one CIN.
@Suite(.serialized)
struct VoIPForwardedCallTests {
    let liid = "VOIP-BOB"
    let relay = SIPEndpoint(VoIPCast.proxy.address, 30000)
    let sessionID = "ab30317f1a784dc48ff824d0d3715d86"

    /// Leg 2 repeats leg 1's offer `o=` (username, sess-id, address; version + 1); no Session-ID.
    @Test func legsJoinedByOrigin() throws {
        let leg1Offer = VoIPCast.sdp("carol", session: 7001, media: SIPEndpoint(VoIPCast.carolHost, 40000))
        var leg2Offer = leg1Offer
        leg2Offer.version += 1
        leg2Offer.media = relay
        try forwardedCall(leg1Offer: leg1Offer, leg2Offer: leg2Offer, sessionHeader: [], "joined by o=")
    }

    /// Leg 2 has its own `o=`; both legs carry the same Session-ID.
    @Test func legsJoinedBySessionID() throws {
        let leg1Offer = VoIPCast.sdp("carol", session: 7001, media: SIPEndpoint(VoIPCast.carolHost, 40000))
        let leg2Offer = VoIPCast.sdp("b2bua", session: 9002, media: relay)
        let header = [SIPMessageText.Field("Session-ID", sessionID)]
        try forwardedCall(leg1Offer: leg1Offer, leg2Offer: leg2Offer, sessionHeader: header, "joined by Session-ID")
    }

    /// Writes both legs (INVITE L1, 100 L1, INVITE L2, 100 L2, 180 L2, 180 L1, 200 L2, ACK L2, 200 L1, ACK L1,
    /// 20 RTP between dave and the relay, BYE L1, 200 L1, BYE L2, 200 L2) and checks the delivery. Which 200 to BYE
    /// ends a joined call is a judgement: either the first (nothing after it) or the last of both legs (the others
    /// CONTINUE) passes.
    private func forwardedCall(
        leg1Offer: SIPSessionDescription,
        leg2Offer: SIPSessionDescription,
        sessionHeader: [SIPMessageText.Field],
        _ what: String,
        name: String = #function
    ) throws {
        let proxy = VoIPCast.proxy
        let bobAtProxy = SIPParty(uri: "sip:bob@example.net", tag: "b2b-1", signalling: proxy)
        let b2bua = SIPParty(uri: "sip:b2bua@proxy.example.net", tag: "b2b-2", signalling: proxy)
        var leg1Dialog = SIPDialog(
            callID: "fwd-leg1-7001@198.51.100.21",
            caller: VoIPCast.carol(),
            callee: bobAtProxy,
            extraFields: sessionHeader
        )
        leg1Dialog.responseFields = sessionHeader
        var leg2Dialog = SIPDialog(
            callID: "b2b-leg2-9001@192.0.2.10",
            caller: b2bua,
            callee: VoIPCast.dave(),
            extraFields: sessionHeader
        )
        leg2Dialog.responseFields = sessionHeader
        var leg1 = SIPCallScript(dialog: leg1Dialog, peer: proxy)
        var leg2 = SIPCallScript(dialog: leg2Dialog, peer: VoIPCast.dave().signalling)
        let leg1Answer = VoIPCast.sdp("b2bua", session: 9001, media: relay.with(port: 30002))
        let leg2Answer = VoIPCast.sdp("dave", session: 8001, media: SIPEndpoint(VoIPCast.daveHost, 50000))

        var capture = SIPCallCapture()
        var order: [SIPSent] = []
        let invite1 = leg1.dialog.invite(offer: leg1Offer)
        order.append(leg1.fromCaller(invite1, in: &capture))
        order.append(leg1.toCaller(leg1.dialog.response(100, to: invite1), in: &capture))
        let invite2 = leg2.dialog.invite(offer: leg2Offer)
        order.append(leg2.fromCaller(invite2, in: &capture))
        order.append(leg2.toCaller(leg2.dialog.response(100, to: invite2), in: &capture))
        order.append(leg2.toCaller(leg2.dialog.response(180, to: invite2), in: &capture))
        order.append(leg1.toCaller(leg1.dialog.response(180, to: invite1), in: &capture))
        order.append(leg2.toCaller(leg2.dialog.response(200, to: invite2, sdp: leg2Answer), in: &capture))
        order.append(leg2.fromCaller(leg2.dialog.ack(), in: &capture))
        order.append(leg1.toCaller(leg1.dialog.response(200, to: invite1, sdp: leg1Answer), in: &capture))
        order.append(leg1.fromCaller(leg1.dialog.ack(), in: &capture))
        leg2.rtp(offer: leg2Offer, answer: leg2Answer, count: 20, in: &capture)
        let bye1 = leg1.dialog.request("BYE")
        let teardown = [
            leg1.fromCaller(bye1, in: &capture), leg1.toCaller(leg1.dialog.response(200, to: bye1), in: &capture),
        ]
        let bye2 = leg2.dialog.request("BYE")
        let teardown2 = [
            leg2.fromCaller(bye2, in: &capture), leg2.toCaller(leg2.dialog.response(200, to: bye2), in: &capture),
        ]
        let leg2Text = leg2.messages.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        #expect(!leg2Text.contains("bob"), "leg 2 must not name bob")

        let warrant = VoIPWarrantSpec(liid: liid, agency: "LEA-A", sipURIs: ["sip:bob@example.net"])
        let outcome = try VoIPRun(capture, warrants: [warrant], name: name)
        outcome.expectClean()
        let setup = VoIPExpect.call(order, ended: false)
        let firstEnds = VoIPExpect.call(order + teardown).suffix(2)
        let lastEnds = VoIPExpect.call(order + teardown + teardown2).suffix(4)
        let iris = outcome.iris(liid)
        VoIPExpect.iris(iris, setup + (iris.count == setup.count + 4 ? lastEnds : firstEnds), what)
        VoIPExpect.ccs(outcome.ccs(liid), leg2.media, targetSide: nil, what)
        #expect(outcome.cins(liid).count == 1, "\(what): CINs \(outcome.cins(liid))")
    }
}

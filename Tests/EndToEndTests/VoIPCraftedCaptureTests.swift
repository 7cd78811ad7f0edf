import TestSupport
import Testing

/// Crafted SIP signalling through the built binary to the independent decoder: a retransmitted INVITE, an INVITE
/// in IPv4 fragments, and SIP over TCP with messages split across and packed into segments.
@Suite(.serialized)
struct VoIPCraftedCaptureTests {
    let liid = "VOIP-ALICE"
    let offer = VoIPCast.sdp("alice", session: 1001, media: SIPEndpoint(VoIPCast.aliceHost, 40000))
    let answer = VoIPCast.sdp("bob", session: 2001, media: SIPEndpoint(VoIPCast.bobHost, 50000))

    var aliceWarrant: VoIPWarrantSpec {
        VoIPWarrantSpec(liid: liid, agency: "LEA-A", sipURIs: ["sip:alice@example.net"])
    }

    /// INVITE, the same INVITE 500 ms later, 100, 180, 200, ACK, 20 RTP each way, BYE, 200: every message an IRI
    /// (the retransmission a CONTINUE), all 40 RTP packets as CCs, one CIN.
    @Test func retransmittedInviteLosesNothing() throws {
        var capture = SIPCallCapture()
        let dialog = SIPDialog(callID: "retx-1@198.51.100.20", caller: VoIPCast.alice(), callee: VoIPCast.bob())
        var call = SIPCallScript(dialog: dialog, peer: VoIPCast.proxy)
        let invite = call.dialog.invite(offer: offer)
        call.fromCaller(invite, in: &capture)
        capture.wait(milliseconds: 500)
        call.fromCaller(invite, in: &capture)
        for code in [100, 180] { call.toCaller(call.dialog.response(code, to: invite), in: &capture) }
        call.toCaller(call.dialog.response(200, to: invite, sdp: answer), in: &capture)
        call.fromCaller(call.dialog.ack(), in: &capture)
        call.rtp(offer: offer, answer: answer, count: 40, in: &capture)
        call.hangUp(in: &capture)

        let outcome = try VoIPRun(capture, warrants: [aliceWarrant])
        outcome.expectClean()
        #expect(call.messages.count == 8 && call.media.count == 40)
        VoIPExpect.iris(outcome.iris(liid), VoIPExpect.call(call.messages), "retransmitted INVITE")
        VoIPExpect.ccs(outcome.ccs(liid), call.media, targetSide: [offer.media], "retransmitted INVITE")
        #expect(outcome.cins(liid).count == 1, "CINs \(outcome.cins(liid))")
    }

    /// An INVITE of about 2500 bytes sent as IPv4 fragments (1480 bytes: two, 1000 bytes: three), then 200 (SDP),
    /// ACK, RTP, BYE, 200: the BEGIN IRI holds the whole INVITE and every RTP packet is a CC.
    @Test(arguments: [1480, 1000])
    func fragmentedInviteIsReassembled(fragmentSize: Int) throws {
        var capture = SIPCallCapture()
        let dialog = SIPDialog(
            callID: "frag-\(fragmentSize)@198.51.100.20",
            caller: VoIPCast.alice(),
            callee: VoIPCast.bob()
        )
        var call = SIPCallScript(dialog: dialog, peer: VoIPCast.proxy)
        let padding = String(repeating: "0123456789abcdef", count: 120)
        let invite = call.dialog.invite(offer: offer).adding(SIPMessageText.Field("X-Padding", padding))
        #expect(invite.bytes.count > 2400 && invite.bytes.count < 2600, "INVITE is \(invite.bytes.count) bytes")
        call.fromCaller(invite, fragmentSize: fragmentSize, in: &capture)
        call.toCaller(call.dialog.response(200, to: invite, sdp: answer), in: &capture)
        call.fromCaller(call.dialog.ack(), in: &capture)
        call.rtp(offer: offer, answer: answer, count: 20, in: &capture)
        call.hangUp(in: &capture)

        let outcome = try VoIPRun(capture, warrants: [aliceWarrant], name: "fragmented-\(fragmentSize)")
        outcome.expectClean()
        let iris = outcome.iris(liid)
        #expect(iris.first?.sipContent?.count == invite.bytes.count, "BEGIN sIPContent length")
        VoIPExpect.iris(iris, VoIPExpect.call(call.messages), "fragmented INVITE")
        VoIPExpect.ccs(outcome.ccs(liid), call.media, targetSide: [offer.media], "fragmented INVITE")
        #expect(outcome.cins(liid).count == 1, "CINs \(outcome.cins(liid))")
    }

    /// The basic call with SIP over TCP to port 5060: the INVITE split across two segments, the 100 and the 180 in
    /// one segment. The IRIs are the same as over UDP, one per message.
    @Test func sipOverTCP() throws {
        var capture = SIPCallCapture()
        let client = SIPEndpoint(VoIPCast.aliceHost, 49_152)
        let proxy = VoIPCast.proxy
        var dialog = SIPDialog(
            callID: "tcp-1@198.51.100.20",
            caller: VoIPCast.alice(),
            callee: VoIPCast.bob(),
            transport: "TCP"
        )
        capture.tcpConnect(from: client, to: proxy)
        let inviteText = dialog.invite(offer: offer)
        let invite = inviteText.bytes
        capture.tcp(Array(invite[..<150]), from: client, to: proxy)
        capture.tcp(Array(invite[150...]), from: client, to: proxy)
        let trying = dialog.response(100, to: inviteText).bytes
        let ringing = dialog.response(180, to: inviteText).bytes
        capture.tcp(trying + ringing, from: proxy, to: client)
        let ok = dialog.response(200, to: inviteText, sdp: answer).bytes
        capture.tcp(ok, from: proxy, to: client)
        let ack = dialog.ack().bytes
        capture.tcp(ack, from: client, to: proxy)
        let media = capture.rtp(between: offer.media, and: answer.media, count: 20)
        let byeText = dialog.request("BYE")
        capture.tcp(byeText.bytes, from: client, to: proxy)
        let byeOK = dialog.response(200, to: byeText).bytes
        capture.tcp(byeOK, from: proxy, to: client)

        let outcome = try VoIPRun(capture, warrants: [aliceWarrant])
        outcome.expectClean()
        let up = { (bytes: [UInt8]) in SIPSent(bytes: bytes, from: client, to: proxy) }
        let down = { (bytes: [UInt8]) in SIPSent(bytes: bytes, from: proxy, to: client) }
        let messages = [up(invite), down(trying), down(ringing), down(ok), up(ack), up(byeText.bytes), down(byeOK)]
        VoIPExpect.iris(outcome.iris(liid), VoIPExpect.call(messages), "SIP over TCP")
        VoIPExpect.ccs(outcome.ccs(liid), media, targetSide: [offer.media], "SIP over TCP")
        #expect(outcome.cins(liid).count == 1, "CINs \(outcome.cins(liid))")
    }
}

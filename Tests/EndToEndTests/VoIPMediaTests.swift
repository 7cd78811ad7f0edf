import TestSupport
import Testing

/// Crafted calls about media through the built binary: a call without BYE that expires, RTCP on port + 1 and on
/// an `a=rtcp:` port, and a re-INVITE moving the media.
@Suite(.serialized)
struct VoIPMediaTests {
    let liid = "VOIP-ALICE"
    let proxy = VoIPCast.proxy

    var aliceWarrant: VoIPWarrantSpec {
        VoIPWarrantSpec(liid: liid, agency: "LEA-A", sipURIs: ["sip:alice@example.net"])
    }

    func dialog(_ callID: String) -> SIPDialog {
        SIPDialog(callID: callID, caller: VoIPCast.alice(), callee: VoIPCast.bob())
    }

    /// INVITE, 200, ACK, 10 RTP each way, 100 s of silence, 3 more RTP on the same 4-tuple and an unrelated packet,
    /// with `--call-idle-timeout 30`: no END, only the first 20 RTP as CCs, and the summary counts 1 expired call.
    @Test func callWithoutByeExpires() throws {
        let offer = VoIPCast.sdp("alice", session: 1001, media: SIPEndpoint(VoIPCast.aliceHost, 40000))
        let answer = VoIPCast.sdp("bob", session: 2001, media: SIPEndpoint(VoIPCast.bobHost, 50000))
        var capture = SIPCallCapture()
        var call = SIPCallScript(dialog: dialog("nobye-1@198.51.100.20"), peer: proxy)
        call.establish(offer: offer, answer: answer, provisional: [], in: &capture)
        call.rtp(offer: offer, answer: answer, count: 20, in: &capture)
        capture.wait(milliseconds: 100_000)
        let late = capture.rtp(between: offer.media, and: answer.media, count: 3)
        capture.udp(
            [0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0],
            from: SIPEndpoint([198, 51, 100, 99], 33333),
            to: SIPEndpoint([203, 0, 113, 53], 53)
        )

        let outcome = try VoIPRun(capture, warrants: [aliceWarrant], flags: ["--call-idle-timeout", "30"])
        outcome.expectClean()
        VoIPExpect.iris(outcome.iris(liid), VoIPExpect.call(call.messages, ended: false), "call without BYE")
        VoIPExpect.ccs(outcome.ccs(liid), call.media, unwanted: late, targetSide: [offer.media], "call without BYE")
        let counters = outcome.run.standardError.firstMatch(
            of: /calls:?\s+(\d+) intercepted, (\d+) ended, (\d+) expired/
        )
        #expect(counters != nil, "no call counters in the summary: \(outcome.run.standardError)")
        #expect(counters.map { Int($0.1) } == 1, "calls intercepted: \(outcome.run.standardError)")
        #expect(counters.map { Int($0.3) } == 1, "calls expired: \(outcome.run.standardError)")
    }

    /// Call 1 with RTCP on the RTP port + 1, call 2 with `a=rtcp:50123` in the offer: 20 RTP and 4 RTCP sender
    /// reports per call, every one a CC of that call's CIN.
    @Test func rtcpIsInterceptedWithRTP() throws {
        let offerPorts: [(rtp: UInt16, rtcp: UInt16?)] = [(40000, nil), (42000, 50123)]
        var capture = SIPCallCapture()
        var calls: [SIPCallScript] = []
        for (index, ports) in offerPorts.enumerated() {
            let offer = VoIPCast.sdp(
                "alice",
                session: 1001 + UInt64(index),
                media: SIPEndpoint(VoIPCast.aliceHost, ports.rtp),
                rtcpPort: ports.rtcp
            )
            let answer = VoIPCast.sdp(
                "bob",
                session: 2001 + UInt64(index),
                media: SIPEndpoint(VoIPCast.bobHost, 50000 + 2 * UInt16(index))
            )
            var call = SIPCallScript(dialog: dialog("rtcp-\(index)@198.51.100.20"), peer: proxy)
            call.establish(offer: offer, answer: answer, in: &capture)
            call.rtp(offer: offer, answer: answer, count: 10, in: &capture)
            call.rtcp(offer: offer, answer: answer, in: &capture)
            call.rtp(offer: offer, answer: answer, count: 10, in: &capture)
            call.rtcp(offer: offer, answer: answer, in: &capture)
            call.hangUp(in: &capture)
            calls.append(call)
        }

        let outcome = try VoIPRun(capture, warrants: [aliceWarrant])
        outcome.expectClean()
        #expect(outcome.cins(liid).count == 2, "CINs \(outcome.cins(liid))")
        for (index, call) in calls.enumerated() {
            let cin = try #require(call.messages.first.flatMap { outcome.cin(liid, of: $0) }, "call \(index) CIN")
            let alice = Set(call.media.filter { $0.from.address == VoIPCast.aliceHost }.map(\.from))
            VoIPExpect.iris(outcome.iris(liid, cin: cin), VoIPExpect.call(call.messages), "RTCP call \(index)")
            VoIPExpect.ccs(outcome.ccs(liid, cin: cin), call.media, targetSide: alice, "RTCP call \(index)")
        }
    }

    /// Call on ports 40000/50000, 5 RTP, re-INVITE (same o= sess-id, version + 1) moving both sides to
    /// 42000/52000, 5 RTP on the new ports, 3 RTP on the old ports after the 200, BYE, 200: 10 CCs (not the 3
    /// stale ones), one BEGIN, one END, the rest CONTINUE.
    @Test func reinviteMovesTheMedia() throws {
        let offer = VoIPCast.sdp("alice", session: 1001, media: SIPEndpoint(VoIPCast.aliceHost, 40000))
        let answer = VoIPCast.sdp("bob", session: 2001, media: SIPEndpoint(VoIPCast.bobHost, 50000))
        let newOffer = offer.moved(to: offer.media.with(port: 42000))
        let newAnswer = answer.moved(to: answer.media.with(port: 52000))
        var capture = SIPCallCapture()
        var call = SIPCallScript(dialog: dialog("reinvite-1@198.51.100.20"), peer: proxy)
        call.establish(offer: offer, answer: answer, in: &capture)
        call.rtp(offer: offer, answer: answer, count: 5, in: &capture)
        call.reinvite(offer: newOffer, answer: newAnswer, in: &capture)
        call.rtp(offer: newOffer, answer: newAnswer, count: 5, in: &capture)
        let stale = capture.rtp(between: offer.media, and: answer.media, count: 3)
        call.hangUp(in: &capture)

        let outcome = try VoIPRun(capture, warrants: [aliceWarrant])
        outcome.expectClean()
        #expect(call.messages.count == 10 && call.media.count == 10)
        VoIPExpect.iris(outcome.iris(liid), VoIPExpect.call(call.messages), "re-INVITE")
        VoIPExpect.ccs(
            outcome.ccs(liid),
            call.media,
            unwanted: stale,
            targetSide: [offer.media, newOffer.media],
            "re-INVITE"
        )
        #expect(outcome.cins(liid).count == 1, "CINs \(outcome.cins(liid))")
    }
}

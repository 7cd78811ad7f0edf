import TestSupport
import Testing

/// Who is a target in crafted SIP through the built binary: two targets in one call, REGISTER and MESSAGE of a
/// target, a non-target call among malformed SIP, and a tel target with a suffix wildcard.
@Suite(.serialized)
struct VoIPTargetTests {
    let proxy = VoIPCast.proxy
    let aliceOffer = VoIPCast.sdp("alice", session: 1001, media: SIPEndpoint(VoIPCast.aliceHost, 40000))
    let bobAnswer = VoIPCast.sdp("bob", session: 2001, media: SIPEndpoint(VoIPCast.bobHost, 50000))

    /// alice calls bob; LIID A (agency LEA-A) for alice and LIID B (agency LEA-B) for bob each get every IRI and
    /// every CC, fromTarget for their own target's media.
    @Test func twoTargetsInOneCall() throws {
        var capture = SIPCallCapture()
        let dialog = SIPDialog(callID: "two-1@198.51.100.20", caller: VoIPCast.alice(), callee: VoIPCast.bob())
        let call = VoIPCast.basicCall(dialog, offer: aliceOffer, answer: bobAnswer, rtp: 20, in: &capture)
        let warrants = [
            VoIPWarrantSpec(liid: "VOIP-A", agency: "LEA-A", sipURIs: ["sip:alice@example.net"]),
            VoIPWarrantSpec(liid: "VOIP-B", agency: "LEA-B", sipURIs: ["sip:bob@example.net"]),
        ]

        let outcome = try VoIPRun(capture, warrants: warrants)
        outcome.expectClean()
        for (liid, side) in [("VOIP-A", aliceOffer.media), ("VOIP-B", bobAnswer.media)] {
            VoIPExpect.iris(outcome.iris(liid), VoIPExpect.call(call.messages), liid)
            VoIPExpect.ccs(outcome.ccs(liid), call.media, targetSide: [side], liid)
            #expect(outcome.cins(liid).count == 1, "\(liid) CINs \(outcome.cins(liid))")
        }
    }

    /// alice REGISTERs (401 challenge, REGISTER with Authorization, 200), then sends bob a MESSAGE (200): six
    /// IRI-REPORTs, no CC.
    @Test func registerAndMessageAreReported() throws {
        let alice = VoIPCast.alice(tag: "r1")
        let registrar = SIPParty(uri: "sip:alice@example.net", tag: "reg1", signalling: proxy)
        var register = SIPDialog(
            callID: "reg-1@198.51.100.20",
            caller: alice,
            callee: registrar,
            requestURI: "sip:example.net"
        )
        let contact = SIPMessageText.Field("Contact", "<sip:alice@198.51.100.20:5060>")
        let expires = SIPMessageText.Field("Expires", "3600")
        let nonce = "5f8a1c2e9b7d40a3"
        var capture = SIPCallCapture()
        var messages: [SIPSent] = []

        let first = register.outOfDialog("REGISTER").adding(contact).adding(expires)
        messages.append(capture.sip(first, from: alice.signalling, to: proxy))
        let challenge = register.response(401, to: first).adding(
            SIPMessageText.Field(
                "WWW-Authenticate",
                "Digest realm=\"example.net\", nonce=\"\(nonce)\", algorithm=MD5, qop=\"auth\""
            )
        )
        messages.append(capture.sip(challenge, from: proxy, to: alice.signalling))
        let authorization = SIPMessageText.Field(
            "Authorization",
            "Digest username=\"alice\", realm=\"example.net\", nonce=\"\(nonce)\", uri=\"sip:example.net\", "
                + "response=\"6629fae49393a05397450978507c4ef1\", algorithm=MD5, qop=auth, nc=00000001, "
                + "cnonce=\"0a4f113b\""
        )
        let second = register.outOfDialog("REGISTER").adding(contact).adding(expires).adding(authorization)
        messages.append(capture.sip(second, from: alice.signalling, to: proxy))
        let registered = register.response(200, to: second).adding(
            SIPMessageText.Field("Contact", "<sip:alice@198.51.100.20:5060>;expires=3600")
        )
        messages.append(capture.sip(registered, from: proxy, to: alice.signalling))

        var chat = SIPDialog(callID: "msg-1@198.51.100.20", caller: VoIPCast.alice(tag: "m1"), callee: VoIPCast.bob())
        let text = chat.outOfDialog("MESSAGE").with(body: Array("Hello Bob".utf8), contentType: "text/plain")
        messages.append(capture.sip(text, from: alice.signalling, to: proxy))
        messages.append(capture.sip(chat.response(200, to: text), from: proxy, to: alice.signalling))

        let liid = "VOIP-ALICE"
        let outcome = try VoIPRun(
            capture,
            warrants: [VoIPWarrantSpec(liid: liid, agency: "LEA-A", sipURIs: ["sip:alice@example.net"])]
        )
        outcome.expectClean()
        #expect(outcome.iris(liid).count == messages.count, "IRI count")
        for (transaction, what) in [(messages[..<4], "REGISTER"), (messages[4...], "MESSAGE")] {
            let cin = transaction.first.flatMap { outcome.cin(liid, of: $0) }
            #expect(cin != nil, "\(what): no IRI carries the first request")
            guard let cin else { continue }
            VoIPExpect.iris(outcome.iris(liid, cin: cin), VoIPExpect.reports(Array(transaction)), what)
        }
        #expect(outcome.ccs(liid).isEmpty, "CCs: \(outcome.ccs(liid).count)")
    }

    /// A carol -> dave call among random datagrams on 5060, an INVITE from alice whose Content-Length exceeds its
    /// datagram (RFC 3261 §18.3: discarded), and messages with a negative and a non-numeric Content-Length: no
    /// record for alice's LIID, and `run` exits 0.
    @Test func nonTargetCallAndMalformedSIP() throws {
        var capture = SIPCallCapture()
        let carolOffer = VoIPCast.sdp("carol", session: 3001, media: SIPEndpoint(VoIPCast.carolHost, 40000))
        let daveAnswer = VoIPCast.sdp("dave", session: 4001, media: SIPEndpoint(VoIPCast.daveHost, 50000))
        let dialog = SIPDialog(callID: "other-1@198.51.100.21", caller: VoIPCast.carol(), callee: VoIPCast.dave())
        var call = SIPCallScript(dialog: dialog, peer: proxy)
        call.establish(offer: carolOffer, answer: daveAnswer, in: &capture)
        var generator = SeededGenerator(seed: 4)
        let stranger = SIPEndpoint([198, 51, 100, 66], 5060)
        for size in [1, 64, 700] {
            capture.udp((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }, from: stranger, to: proxy)
        }
        var aliceDialog = SIPDialog(callID: "bad-1@198.51.100.20", caller: VoIPCast.alice(), callee: VoIPCast.bob())
        var tooLong = aliceDialog.invite(offer: aliceOffer)
        tooLong.contentLength = "4000"
        capture.sip(tooLong, from: VoIPCast.alice().signalling, to: proxy)
        for length in ["-5", "abc"] {
            var bad = call.dialog.request("INFO").with(body: Array("x=1".utf8), contentType: "text/plain")
            bad.contentLength = length
            capture.sip(bad, from: VoIPCast.carol().signalling, to: proxy)
        }
        call.rtp(offer: carolOffer, answer: daveAnswer, count: 20, in: &capture)
        call.hangUp(in: &capture)

        let liid = "VOIP-ALICE"
        let outcome = try VoIPRun(
            capture,
            warrants: [VoIPWarrantSpec(liid: liid, agency: "LEA-A", sipURIs: ["sip:alice@example.net"])]
        )
        outcome.expectClean()
        let got = outcome.records.map { "\($0.liid) \($0.kind) \($0.sipSummary ?? $0.direction ?? "")" }
        #expect(got.isEmpty, "records: \(got)")
    }

    /// Warrant `--tel '*3257781'`: a call From `sip:+643257781@example.net;user=phone` and another To
    /// `tel:00643257781` are both intercepted, each its own CIN.
    @Test func telTargetWithSuffixWildcard() throws {
        let e164 = SIPParty(
            uri: "sip:+643257781@example.net;user=phone",
            tag: "t1",
            signalling: SIPEndpoint([198, 51, 100, 22], 5060)
        )
        let national = SIPParty(uri: "tel:00643257781", tag: "t2", signalling: SIPEndpoint([203, 0, 113, 32], 5060))
        let offer1 = VoIPCast.sdp("e164", session: 5001, media: e164.signalling.with(port: 40000))
        let offer2 = VoIPCast.sdp("carol", session: 3001, media: SIPEndpoint(VoIPCast.carolHost, 40000))
        let answer2 = VoIPCast.sdp("national", session: 6001, media: national.signalling.with(port: 50000))
        var capture = SIPCallCapture()
        let first = VoIPCast.basicCall(
            SIPDialog(callID: "tel-1@198.51.100.22", caller: e164, callee: VoIPCast.bob()),
            offer: offer1,
            answer: bobAnswer,
            rtp: 10,
            in: &capture
        )
        let second = VoIPCast.basicCall(
            SIPDialog(
                callID: "tel-2@198.51.100.21",
                caller: VoIPCast.carol(),
                callee: national,
                requestURI: "sip:00643257781@example.net;user=phone"
            ),
            offer: offer2,
            answer: answer2,
            rtp: 10,
            in: &capture
        )

        let liid = "VOIP-TEL"
        let outcome = try VoIPRun(
            capture,
            warrants: [VoIPWarrantSpec(liid: liid, agency: "LEA-A", tels: ["*3257781"])]
        )
        outcome.expectClean()
        #expect(outcome.cins(liid).count == 2, "CINs \(outcome.cins(liid))")
        for (call, side, what) in [(first, offer1.media, "From E.164"), (second, answer2.media, "To tel:")] {
            let cin = call.messages.first.flatMap { outcome.cin(liid, of: $0) }
            #expect(cin != nil, "\(what): no IRI carries the INVITE")
            guard let cin else { continue }
            VoIPExpect.iris(outcome.iris(liid, cin: cin), VoIPExpect.call(call.messages), what)
            VoIPExpect.ccs(outcome.ccs(liid, cin: cin), call.media, targetSide: [side], what)
        }
    }
}

import TestSupport
import Testing

/// The VoIP settings of `run` on crafted SIP: which headers identify a target (`--sip-identities`), media of NAT'd
/// clients (`--sip-nat-media`), and bad values refused with one line naming the flag.
@Suite(.serialized)
struct VoIPSettingsTests {
    let liid = "VOIP-ALICE"

    var aliceWarrant: VoIPWarrantSpec {
        VoIPWarrantSpec(liid: liid, agency: "LEA-A", sipURIs: ["sip:alice@example.net"])
    }

    /// Three calls naming alice in From only, in To only, and in P-Asserted-Identity only: the Call-IDs
    /// intercepted follow `--sip-identities` (all headers by default).
    @Test(arguments: [
        ([], ["from-1", "to-1", "pai-1"]), (["--sip-identities", "to"], ["to-1"]),
        (["--sip-identities", "from,pai"], ["from-1", "pai-1"]),
    ])
    func identityHeadersFollowTheSetting(flags: [String], intercepted: [String]) throws {
        let alice = VoIPCast.alice()
        let carol = VoIPCast.carol()
        let dave = VoIPCast.dave()
        let pai = [SIPMessageText.Field("P-Asserted-Identity", "\"Alice\" <sip:alice@example.net>")]
        let dialogs = [
            SIPDialog(callID: "from-1", caller: alice, callee: dave),
            SIPDialog(callID: "to-1", caller: carol, callee: VoIPCast.alice(tag: "a2")),
            SIPDialog(callID: "pai-1", caller: carol, callee: dave, extraFields: pai),
        ]
        var capture = SIPCallCapture()
        var calls: [String: SIPCallScript] = [:]
        for (index, dialog) in dialogs.enumerated() {
            let port = UInt16(40000 + 2 * index)
            let offer = VoIPCast.sdp(
                "caller",
                session: 100 + UInt64(index),
                media: dialog.caller.signalling.with(port: port)
            )
            let answer = VoIPCast.sdp(
                "callee",
                session: 200 + UInt64(index),
                media: SIPEndpoint(VoIPCast.daveHost, port)
            )
            calls[dialog.callID] = VoIPCast.basicCall(dialog, offer: offer, answer: answer, rtp: 4, in: &capture)
        }

        let outcome = try VoIPRun(
            capture,
            warrants: [aliceWarrant],
            flags: flags,
            name: "identities-\(intercepted.count)"
        )
        outcome.expectClean()
        let callIDs = Set(outcome.iris(liid).compactMap { $0.sipHeader("Call-ID", compact: "i") })
        #expect(callIDs == Set(intercepted), "\(flags): intercepted calls")
        for callID in intercepted {
            guard let call = calls[callID], let invite = call.messages.first,
                let cin = outcome.cin(liid, of: invite)
            else { continue }
            VoIPExpect.iris(outcome.iris(liid, cin: cin), VoIPExpect.call(call.messages), "\(flags) \(callID)")
            VoIPExpect.ccs(outcome.ccs(liid, cin: cin), call.media, targetSide: nil, "\(flags) \(callID)")
        }
        #expect(outcome.cins(liid).count == intercepted.count, "\(flags): CINs")
    }

    /// alice calls bob directly; both SDPs show private addresses (10.0.0.5, 10.1.0.7) while the RTP flows between
    /// the public addresses their SIP came from, on the SDP ports. With NAT media on (the default) all 20 RTP are
    /// CCs; with it off none is. The IRIs are the same either way.
    @Test(arguments: ["on", "off"])
    func natMediaFollowsTheSIPSource(setting: String) throws {
        let bob = VoIPCast.bob()
        let dialog = SIPDialog(callID: "nat-1@10.0.0.5", caller: VoIPCast.alice(), callee: bob)
        let offer = SIPSessionDescription(
            username: "alice",
            sessionID: 1001,
            media: SIPEndpoint([10, 0, 0, 5], 40000)
        )
        let answer = SIPSessionDescription(username: "bob", sessionID: 2001, media: SIPEndpoint([10, 1, 0, 7], 50000))
        let alicePublic = SIPEndpoint(VoIPCast.aliceHost, 40000)
        var capture = SIPCallCapture()
        var call = SIPCallScript(dialog: dialog, peer: bob.signalling)
        call.establish(offer: offer, answer: answer, in: &capture)
        call.note(media: capture.rtp(between: alicePublic, and: SIPEndpoint(VoIPCast.bobHost, 50000), count: 20))
        call.hangUp(in: &capture)

        let outcome = try VoIPRun(
            capture,
            warrants: [aliceWarrant],
            flags: ["--sip-nat-media", setting],
            sipServers: ["192.0.2.10:5060", "\(bob.signalling)"],
            name: "nat-\(setting)"
        )
        outcome.expectClean()
        VoIPExpect.iris(outcome.iris(liid), VoIPExpect.call(call.messages), "NAT media \(setting)")
        let expected = setting == "on" ? call.media : []
        VoIPExpect.ccs(
            outcome.ccs(liid),
            expected,
            unwanted: call.media,
            targetSide: [alicePublic],
            "NAT media \(setting)"
        )
    }

    /// Bad values of the VoIP flags of `run` (given as `--flag=value`): non-zero exit, and the first line of
    /// standard error names the flag and the value.
    @Test(arguments: [
        ("--call-idle-timeout", "-1"), ("--call-idle-timeout", "soon"), ("--sip-identities", "to,cc"),
        ("--sip-identities", ""), ("--sip-nat-media", "maybe"),
    ])
    func badValuesAreRefused(flag: String, value: String) throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let pcap = appliance.directory + "/empty.pcap"
        try SIPCallCapture().write(to: pcap)
        let run = try appliance.run(["run", "--pcap", pcap, "--retry", "1", "\(flag)=\(value)"])
        #expect(run.status != 0, "\(flag)=\(value): exit status")
        let first = run.standardError.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains(flag) && first.contains(value), "\(flag)=\(value): \(run.standardError)")
    }
}

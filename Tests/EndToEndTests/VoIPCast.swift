import TestSupport

/// The people, proxy and media endpoints of the crafted VoIP scenarios (documentation address ranges).
enum VoIPCast {
    static let proxy = VoIPRun.proxy
    static let aliceHost: [UInt8] = [198, 51, 100, 20]
    static let carolHost: [UInt8] = [198, 51, 100, 21]
    static let bobHost: [UInt8] = [203, 0, 113, 30]
    static let daveHost: [UInt8] = [203, 0, 113, 31]

    /// alice@example.net at 198.51.100.20 (a target in most scenarios).
    static func alice(tag: String = "a11ce") -> SIPParty {
        SIPParty(
            uri: "sip:alice@example.net",
            displayName: "Alice",
            tag: tag,
            signalling: SIPEndpoint(aliceHost, 5060)
        )
    }

    /// bob@example.net at 203.0.113.30.
    static func bob(tag: String = "b0b") -> SIPParty {
        SIPParty(uri: "sip:bob@example.net", displayName: "Bob", tag: tag, signalling: SIPEndpoint(bobHost, 5060))
    }

    /// carol@example.net at 198.51.100.21 (never a target).
    static func carol(tag: String = "ca401") -> SIPParty {
        SIPParty(uri: "sip:carol@example.net", tag: tag, signalling: SIPEndpoint(carolHost, 5060))
    }

    /// dave@example.net at 203.0.113.31 (never a target).
    static func dave(tag: String = "da4e") -> SIPParty {
        SIPParty(uri: "sip:dave@example.net", tag: tag, signalling: SIPEndpoint(daveHost, 5060))
    }

    /// An SDP whose `o=` names the media host.
    static func sdp(
        _ username: String,
        session: UInt64,
        media: SIPEndpoint,
        rtcpPort: UInt16? = nil
    )
        -> SIPSessionDescription
    {
        SIPSessionDescription(username: username, sessionID: session, media: media, rtcpPort: rtcpPort)
    }

    /// INVITE (offer), 100, 180, 200 (answer), ACK, `rtp` RTP packets alternately between the SDP endpoints,
    /// BYE, 200 — the caller's SIP to and from the proxy.
    static func basicCall(
        _ dialog: SIPDialog,
        offer: SIPSessionDescription,
        answer: SIPSessionDescription,
        rtp: Int,
        in capture: inout SIPCallCapture
    ) -> SIPCallScript {
        var call = SIPCallScript(dialog: dialog, peer: proxy)
        call.establish(offer: offer, answer: answer, in: &capture)
        call.rtp(offer: offer, answer: answer, count: rtp, in: &capture)
        call.hangUp(in: &capture)
        return call
    }
}

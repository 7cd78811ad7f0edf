import Packets
import Protocols
import Testing

@Suite("SIPParser on hand-written messages")
struct SIPParserTests {
    @Test("compact header forms expand to their long names")
    func compactHeaders() throws {
        let bytes = SIPTestSupport.text([
            "INVITE sip:bob@example.net SIP/2.0",
            "v: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-2",
            "f: <sip:alice@example.net>;tag=x9",
            "t: sip:bob@example.net",
            "i: compact-1",
            "m: <sip:alice@192.0.2.1>",
            "k: timer",
            "CSeq: 2 INVITE",
            "c: application/sdp",
            "l: \(SIPTestSupport.sdpOffer.utf8.count)",
            "",
            SIPTestSupport.sdpOffer,
        ])
        let message = try SIPTestSupport.parse(bytes).get()
        #expect(message.callID == "compact-1")
        #expect(message.from?.uri.canonical == "alice@example.net" && message.from?.tag == "x9")
        #expect(message.to?.uri.user == "bob")
        #expect(message.value(of: "Via") == "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-2")
        #expect(message.value(of: "contact") == "<sip:alice@192.0.2.1>")
        #expect(message.value(of: "SUPPORTED") == "timer" && message.value(of: "k") == "timer")
        #expect(message.contentType == "application/sdp")
        #expect(message.sdpBody == Array(SIPTestSupport.sdpOffer.utf8))
    }

    @Test("folded header lines are joined; names are case-insensitive")
    func foldedHeaders() throws {
        let bytes = SIPTestSupport.message([
            "OPTIONS sip:carol@example.net SIP/2.0",
            "sUBJECT: I know you're there,",
            "         pick up the phone",
            "\tand talk to me!",
            "CALL-ID: folded-1",
            "cseq: 3 OPTIONS",
        ])
        let message = try SIPTestSupport.parse(bytes).get()
        #expect(message.value(of: "subject") == "I know you're there, pick up the phone and talk to me!")
        #expect(message.callID == "folded-1" && message.cseq == SIPCSeq(number: 3, method: "OPTIONS"))
        #expect(message.body.isEmpty)
    }

    @Test("identity headers, credentials and Session-ID")
    func identities() throws {
        let bytes = SIPTestSupport.message([
            "INVITE tel:+6432557781 SIP/2.0",
            "From: sip:+6431234567@example.net;user=phone;tag=88",
            "To: <tel:+64-3-255-7781>",
            "P-Asserted-Identity: \"Eve, E.\" <sip:eve@example.org>, <tel:+6435550000>",
            "P-Preferred-Identity: <sips:eve@[2001:db8::1]:5061>",
            "Remote-Party-ID: \"Eve\" <sip:eve@example.org>;party=calling;screen=yes",
            "Authorization: Digest username=\"eve\", realm=\"example.org\", nonce=\"n\"",
            "Proxy-Authorization: Digest realm=\"x\",username=\"eve.proxy\"",
            "Session-ID: AB30317F1A784DC48FF824D0D3715D86;remote=00000000000000000000000000000000",
            "Call-ID: ids-1",
        ])
        let message = try SIPTestSupport.parse(bytes).get()
        #expect(message.requestURI?.scheme == .tel && message.requestURI?.user == "+6432557781")
        #expect(message.from?.uri.user == "+6431234567" && message.from?.tag == "88")
        #expect(message.to?.uri.canonical == "+6432557781" && message.to?.uri.host == nil)
        let asserted = message.pAssertedIdentities
        #expect(asserted.count == 2)
        #expect(asserted.first?.displayName == "Eve, E." && asserted.first?.uri.canonical == "eve@example.org")
        #expect(asserted.last?.uri == SIPURI("tel:+6435550000"))
        let preferred = try #require(message.pPreferredIdentities.first)
        #expect(preferred.uri.scheme == .sips && preferred.uri.host == "[2001:db8::1]" && preferred.uri.port == 5061)
        #expect(message.remotePartyIDs.first?.uri.user == "eve")
        #expect(message.authorizationUsername == "eve" && message.proxyAuthorizationUsername == "eve.proxy")
        #expect(message.sessionID == "ab30317f1a784dc48ff824d0d3715d86")
    }

    @Test(
        "SIP URIs",
        arguments: [
            ("sip:alice@example.net", "sip:alice@example.net", "alice", "example.net", nil),
            (
                "SIP:alice:secret@EXAMPLE.net:5070;transport=tcp?subject=x", "sip:alice@example.net", "alice",
                "example.net", 5070
            ),
            ("sips:[2001:db8::5]", "sips:[2001:db8::5]", nil, "[2001:db8::5]", nil),
            (
                "sip:+64123;npdi@gw.example.net;user=phone", "sip:+64123;npdi@gw.example.net", "+64123;npdi",
                "gw.example.net", nil
            ),
            ("tel:+64-3-(325)-7781;phone-context=example.net", "tel:+6433257781", "+6433257781", nil, nil),
        ] as [(String, String, String?, String?, UInt16?)]
    )
    func uris(text: String, description: String, user: String?, host: String?, port: UInt16?) throws {
        let uri = try #require(SIPURI(text))
        #expect(uri.description == description)
        #expect(uri.user == user && uri.host == host && uri.port == port)
    }

    @Test(
        "not URIs",
        arguments: ["", "http://example.net", "sip:", "sip:@host", "sip:a@host:99999", "tel:xyz", "tel:"]
    )
    func notURIs(text: String) {
        #expect(SIPURI(text) == nil)
    }

    @Test("multipart/mixed: the application/sdp part is found")
    func multipart() throws {
        let body = [
            "--unique-boundary-1",
            "Content-Type: application/isup;version=itu-t92+",
            "",
            "isup-bytes",
            "--unique-boundary-1",
            "Content-Type: application/sdp",
            "Content-Disposition: session",
            "",
            SIPTestSupport.sdpOffer,
            "--unique-boundary-1--",
            "",
        ].joined(separator: "\r\n")
        let bytes = SIPTestSupport.message(
            [
                "INVITE sip:bob@example.net SIP/2.0",
                "Call-ID: multi-1",
                "Content-Type: multipart/mixed;boundary=\"unique-boundary-1\"",
            ],
            body: body
        )
        let message = try SIPTestSupport.parse(bytes).get()
        #expect(message.contentType == "multipart/mixed")
        let sdp = try #require(message.sdpBody)
        #expect(sdp == Array(SIPTestSupport.sdpOffer.utf8))
        #expect(try SIPTestSupport.parseSDP(sdp).get().media.first?.port == 40000)
    }

    @Test("Content-Length decides where the body ends; without it the body is the rest")
    func contentLength() throws {
        let shorter = SIPTestSupport.message(["BYE sip:a@b SIP/2.0", "Call-ID: c"], body: "abcdef", contentLength: 3)
        #expect(try SIPTestSupport.parse(shorter).get().body == Array("abc".utf8))
        let none = SIPTestSupport.message(["BYE sip:a@b SIP/2.0"], body: "xyz", contentLength: nil)
        #expect(try SIPTestSupport.parse(none).get().body == Array("xyz".utf8))
        let lf = Array("\r\n\r\nSIP/2.0 486 Busy Here\nCall-ID: lf\nContent-Length: 0\n\n".utf8)
        let busy = try SIPTestSupport.parse(lf).get()
        #expect(busy.statusCode == 486 && busy.reasonPhrase == "Busy Here" && busy.callID == "lf")
    }

    @Test(
        "malformed messages are errors",
        arguments: [
            ("\r\n\r\n", SIPError.empty),
            ("INVITE sip:a@b SIP/2.0\r\nCall-ID: x\r\n", .truncatedHeaders),
            ("HELLO\r\n\r\n", .badStartLine),
            ("SIP/2.0 99 Low\r\n\r\n", .badStartLine),
            ("INVITE sip:a@b SIP/3.0\r\n\r\n", .badStartLine),
            ("INVITE sip:a@b SIP/2.0\r\nNoColon\r\n\r\n", .badHeader),
            ("INVITE sip:a@b SIP/2.0\r\nCall-ID:\r\n\r\n", .badCallID),
            ("INVITE sip:a@b SIP/2.0\r\nContent-Length: 1x\r\n\r\n", .badContentLength),
            ("INVITE sip:a@b SIP/2.0\r\nl: -5\r\n\r\n", .badContentLength),
            ("INVITE sip:a@b SIP/2.0\r\nl: 10\r\n\r\nshort", .truncatedBody),
        ] as [(String, SIPError)]
    )
    func malformed(text: String, error: SIPError) {
        #expect(SIPTestSupport.parse(Array(text.utf8)) == .failure(error))
    }
}

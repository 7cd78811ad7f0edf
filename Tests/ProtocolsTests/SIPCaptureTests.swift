import Packets
import Protocols
import Testing

@Suite("SIPParser on the test captures")
struct SIPCaptureTests {
    @Test("sip-call: every SIP message parses, with the calls' Call-IDs, CSeqs and parties")
    func sipCall() throws {
        let payloads = try SIPTestSupport.sipPayloads("sip-call.pcap")
        #expect(payloads.count == 14)
        var messages: [Int: SIPMessage] = [:]
        for (frame, payload) in payloads {
            messages[frame] = try SIPTestSupport.parse(payload).get()
        }
        #expect(messages.keys.sorted() == [1, 2, 3, 4, 5, 478, 479, 480, 481, 482, 483, 484, 957, 958])

        let invite = try #require(messages[1])
        #expect(invite.method == "INVITE")
        #expect(invite.requestURI == SIPURI("sip:bob@example.net"))
        #expect(invite.callID == "1-23188@127.0.30.1")
        #expect(invite.cseq == SIPCSeq(number: 1, method: "INVITE"))
        let from = try #require(invite.from)
        #expect(from.uri.user == "alice" && from.uri.host == "example.net" && from.uri.canonical == "alice@example.net")
        #expect(from.displayName == "alice" && from.tag == "23188SIPpTag001")
        #expect(invite.to?.uri.user == "bob" && invite.to?.tag == nil)
        #expect(invite.contentType == "application/sdp" && invite.body.count == 191)

        let ok = try #require(messages[4])
        #expect(ok.statusCode == 200 && ok.reasonPhrase == "OK" && ok.method == nil)
        #expect(ok.cseq?.method == "INVITE" && ok.to?.tag == "23168SIPpTag011")
        #expect(messages[2]?.statusCode == 100 && messages[3]?.statusCode == 180)
        #expect(messages[5]?.method == "ACK" && messages[478]?.method == "BYE")
        #expect(messages[479]?.cseq?.method == "BYE" && messages[479]?.statusCode == 200)

        let second = try #require(messages[480])
        #expect(second.callID == "1-23301@127.0.30.2")
        #expect(second.from?.uri.user == "carol" && second.to?.uri.user == "dave")
        let callOne = [1, 2, 3, 4, 5, 478, 479].compactMap { messages[$0]?.callID }
        #expect(Set(callOne) == ["1-23188@127.0.30.1"] && callOne.count == 7)
        let callTwo = [480, 481, 482, 483, 484, 957, 958].compactMap { messages[$0]?.callID }
        #expect(Set(callTwo) == ["1-23301@127.0.30.2"] && callTwo.count == 7)
    }

    @Test("sip-call: the SDP offer and answer give the RTP endpoints seen in the capture's RTP packets")
    func sipCallMedia() throws {
        let datagrams = try SIPTestSupport.datagrams("sip-call.pcap")
        var endpoints: [Int: SDPEndpoint] = [:]
        for datagram in datagrams where [1, 4, 480, 483].contains(datagram.frame) {
            let message = try SIPTestSupport.parse(datagram.payload).get()
            let sdp = try SIPTestSupport.parseSDP(try #require(message.sdpBody)).get()
            #expect(sdp.media.count == 1)
            endpoints[datagram.frame] = try #require(sdp.media.first?.rtpEndpoint)
        }
        let offer = try #require(endpoints[1])
        let answer = try #require(endpoints[4])
        #expect(offer == SDPEndpoint(address: try #require(IPAddress("127.0.30.1")), port: 16000))
        #expect(answer == SDPEndpoint(address: try #require(IPAddress("127.0.0.3")), port: 6000))
        #expect(endpoints[480]?.port == 16002 && endpoints[483]?.port == 6000)

        let rtpSources = datagrams.filter { (6..<478).contains($0.frame) }.map {
            SDPEndpoint(address: $0.packet.source, port: $0.packet.sourcePort)
        }
        #expect(rtpSources.count == 472)
        #expect(Set(rtpSources) == [offer, answer])
        #expect(rtpSources.filter { $0 == offer }.count == 236)
    }

    @Test("malformed: each kind of broken SIP is an error, never a crash")
    func malformed() throws {
        let payloads = Dictionary(uniqueKeysWithValues: try SIPTestSupport.sipPayloads("malformed.pcap"))
        #expect(payloads.keys.sorted() == [4, 5, 7, 8, 29])
        #expect(throws: (any Error).self) { try SIPTestSupport.parse(try #require(payloads[4])).get() }
        #expect(SIPTestSupport.parse(try #require(payloads[5])) == .failure(.badCallID))
        #expect(SIPTestSupport.parse(try #require(payloads[7])) == .failure(.empty))
        #expect(SIPTestSupport.parse(try #require(payloads[8])) == .failure(.badContentLength))
        let broken = try #require(payloads[29])
        #expect(SIPTestSupport.parse(broken) == .failure(.truncatedBody))

        let separator = Array("\r\n\r\n".utf8)
        let bodyStart = try #require(
            (0...(broken.count - 4)).first { Array(broken[$0..<($0 + 4)]) == separator }
        )
        let sdp = Array(broken[(bodyStart + 4)...])
        #expect(SIPTestSupport.parseSDP(sdp) == .failure(.badOrigin))
    }
}

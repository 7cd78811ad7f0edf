import Packets
import Protocols
import Testing

@Suite("SDPParser")
struct SDPParserTests {
    private func sdp(_ lines: [String]) -> [UInt8] {
        SIPTestSupport.text(lines + [""])
    }

    @Test("origin, session connection and every m= line")
    func offer() throws {
        let session = try SIPTestSupport.parseSDP(
            sdp([
                "v=0", "o=alice 2890844526 2890844527 IN IP4 192.0.2.1", "s=call", "c=IN IP4 192.0.2.1", "t=0 0",
                "m=audio 49170 RTP/AVP 0 8 97", "a=sendrecv",
                "m=video 51372/2 RTP/AVP 31 32", "c=IN IP4 192.0.2.20/127", "a=recvonly",
            ])
        ).get()
        #expect(
            session.origin
                == SDPOrigin(
                    username: "alice",
                    sessionID: "2890844526",
                    version: 2_890_844_527,
                    addressType: "IP4",
                    address: "192.0.2.1"
                )
        )
        #expect(session.connectionAddress == IPAddress("192.0.2.1"))
        #expect(session.media.count == 2)
        let audio = session.media[0]
        #expect(audio.mediaType == "audio" && audio.transport == "RTP/AVP" && audio.formats == ["0", "8", "97"])
        #expect(audio.rtpEndpoint?.description == "192.0.2.1:49170")
        #expect(audio.rtcpEndpoint?.description == "192.0.2.1:49171")
        let video = session.media[1]
        #expect(video.portCount == 2 && video.direction == .recvonly && video.isActive)
        #expect(video.rtpEndpoint?.description == "192.0.2.20:51372")
    }

    @Test("IPv6 connection at media level, a=rtcp with and without an address")
    func ipv6AndRTCP() throws {
        let session = try SIPTestSupport.parseSDP(
            sdp([
                "v=0", "o=- 1 1 IN IP6 2001:db8::1", "s=-", "t=0 0",
                "m=audio 5004 RTP/AVP 0", "c=IN IP6 2001:DB8::10", "a=rtcp:5010",
                "m=audio 6004 RTP/AVP 0", "c=IN IP4 192.0.2.7", "a=rtcp:7010 IN IP6 2001:db8::99",
            ])
        ).get()
        #expect(session.connectionAddress == nil)
        #expect(session.media[0].rtpEndpoint?.description == "[2001:db8::10]:5004")
        #expect(session.media[0].rtcpEndpoint?.description == "[2001:db8::10]:5010")
        #expect(session.media[1].rtcpEndpoint?.description == "[2001:db8::99]:7010")
    }

    @Test("port 0 closes a stream; a=inactive at session level applies to every stream")
    func closedAndInactive() throws {
        let session = try SIPTestSupport.parseSDP(
            sdp([
                "v=0", "o=bob 5 9 IN IP4 192.0.2.2", "s=-", "t=0 0", "a=inactive",
                "m=audio 0 RTP/AVP 0", "m=video 0 RTP/AVP 31", "m=audio 3000 RTP/AVP 0", "c=IN IP4 192.0.2.2",
                "a=sendonly",
            ])
        ).get()
        #expect(session.direction == .inactive)
        #expect(
            session.media[0].isClosed && session.media[0].rtpEndpoint == nil && session.media[0].rtcpEndpoint == nil
        )
        #expect(session.media[1].direction == .inactive && !session.media[1].isActive)
        #expect(session.media[2].direction == .sendonly && session.media[2].isActive)
    }

    @Test("a re-INVITE's SDP has a higher version and moves the media")
    func reInvite() throws {
        let first = try SIPTestSupport.parseSDP(Array(SIPTestSupport.sdpOffer.utf8)).get()
        let moved = sdp([
            "v=0", "o=alice 100 2 IN IP4 192.0.2.1", "s=-", "c=IN IP4 192.0.2.1", "t=0 0",
            "m=audio 40100 RTP/AVP 0 8 101",
        ])
        let second = try SIPTestSupport.parseSDP(moved).get()
        #expect(first.origin.sessionID == second.origin.sessionID)
        #expect(second.origin.version == first.origin.version + 1)
        #expect(second.media.first?.rtpEndpoint?.port == 40100 && first.media.first?.rtpEndpoint?.port == 40000)
    }

    @Test(
        "malformed descriptions are errors",
        arguments: [
            ([], SDPError.missingVersion),
            (["o=- 1 1 IN IP4 192.0.2.1"], .missingVersion),
            (["v=0", "s=-"], .missingOrigin),
            (["v=0", "o=- 1 1 IN IP4"], .badOrigin),
            (["v=0", "o=- 1 x IN IP4 192.0.2.1"], .badOrigin),
            (["v=0", "o=- 1 1 IN IP4 1.1.1.1", "c=IN IP4 999.1.1.1"], .badConnection),
            (["v=0", "o=- 1 1 IN IP4 1.1.1.1", "c=IN IP4 999.1.1"], .badConnection),
            (["v=0", "o=- 1 1 IN IP4 1.1.1.1", "c=IN IP6 192.0.2.1"], .badConnection),
            (["v=0", "o=- 1 1 IN IP4 1.1.1.1", "c=IN IP4 1.1.1.1", "m=audio notaport RTP/AVP"], .badMedia),
            (["v=0", "o=- 1 1 IN IP4 1.1.1.1", "c=IN IP4 1.1.1.1", "m=audio 70000 RTP/AVP 0"], .badMedia),
            (["v=0", "o=- 1 1 IN IP4 1.1.1.1", "c=IN IP4 1.1.1.1", "m=audio 1"], .badMedia),
            (["v=0", "o=- 1 1 IN IP4 1.1.1.1", "c=IN IP4 1.1.1.1", "m=audio 1 RTP/AVP 0", "a=rtcp:x"], .badAttribute),
            (["v=0", "o=- 1 1 IN IP4 1.1.1.1", "m=audio 1 RTP/AVP 0"], .missingConnection),
            (["v=0", "garbage"], .badLine),
        ] as [([String], SDPError)]
    )
    func malformed(lines: [String], error: SDPError) {
        #expect(SIPTestSupport.parseSDP(sdp(lines)) == .failure(error))
    }
}

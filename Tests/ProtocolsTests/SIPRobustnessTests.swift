import Protocols
import TestSupport
import Testing

@Suite("SIP and SDP parsers on truncated and random input")
struct SIPRobustnessTests {
    @Test("every prefix of a valid INVITE is an error or a message, never a crash")
    func prefixes() throws {
        let invite = SIPTestSupport.invite
        let headerEnd = try #require(
            (0...(invite.count - 4)).first { Array(invite[$0..<($0 + 4)]) == Array("\r\n\r\n".utf8) }
        )
        for length in 0..<invite.count {
            let result = SIPTestSupport.parse(Array(invite[..<length]))
            if length < headerEnd + 4 {
                #expect(result == .failure(.empty) || result == .failure(.truncatedHeaders), "length \(length)")
            } else {
                #expect(result == .failure(.truncatedBody), "length \(length)")
            }
            _ = SIPTestSupport.parseSDP(Array(invite[(min(length, headerEnd + 4))...]))
            var splitter = SIPStreamSplitter()
            #expect(try SIPTestSupport.append(Array(invite[..<length]), to: &splitter).get().isEmpty)
        }
        let whole = try SIPTestSupport.parse(invite).get()
        #expect(whole.callID == "call-1@192.0.2.1" && whole.cseq?.number == 7)
    }

    @Test("10,000 random inputs, raw and with a SIP or SDP prefix, never crash")
    func random() {
        var generator = SeededGenerator(seed: 0x5157_5350)
        let alphabet = Array("INVITE SIP/2.0 sip: @ : ; < > \" , = v=0 o= c=IN IP4 m=audio / \r\n\t-0123456789".utf8)
        var parsed = 0
        for round in 0..<10_000 {
            let count = Int.random(in: 0...300, using: &generator)
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            }
            if round % 3 == 0 {
                bytes = Array(SIPTestSupport.invite.prefix(Int.random(in: 0...200, using: &generator))) + bytes
            }
            if case .success(let message) = SIPTestSupport.parse(bytes) {
                parsed += 1
                _ = (message.from, message.to, message.cseq, message.pAssertedIdentities, message.sdpBody)
                _ = (message.requestURI, message.sessionID, message.authorizationUsername, message.remotePartyIDs)
            }
            _ = SIPTestSupport.parseSDP(bytes)
            _ = SIPTestSupport.parseSDP(Array("v=0\r\n".utf8) + bytes)
            var splitter = SIPStreamSplitter(maximumMessageSize: 512)
            _ = SIPTestSupport.append(bytes, to: &splitter)
        }
        #expect(parsed < 10_000)
    }
}

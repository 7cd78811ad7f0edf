import Protocols

/// `parse-sip-invite` and `parse-sdp`: ``SIPParser/parse(_:)`` of an INVITE that offers audio, and
/// ``SDPParser/parse(_:)`` of its body, as the VoIP tracker does for every SIP message of a call.
///
/// The INVITE has the 12 header fields a softphone sends (Via, Max-Forwards, From, To, Call-ID, CSeq, Contact,
/// Allow, Supported, User-Agent, Content-Type, Content-Length) and a 12-line SDP offer (PCMA, PCMU and
/// telephone-event). The rings hold 16 calls' messages.
enum SIPBenchmarks {
    /// The SIP and SDP benchmarks.
    static var all: [Benchmark] {
        [
            Benchmark(name: "parse-sip-invite") { () throws(MicrobenchError) in
                try inviteLoop()
            },
            Benchmark(name: "parse-sdp") { () throws(MicrobenchError) in
                try sdpLoop()
            },
        ]
    }

    /// The SDP offer of call `index`.
    private static func offer(_ index: Int) -> String {
        [
            "v=0", "o=- \(FixedWidth.decimal(index, digits: 6)) 1 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10",
            "t=0 0", "m=audio \(40_000 + index * 2) RTP/AVP 8 0 101", "a=rtpmap:8 PCMA/8000", "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16", "a=ptime:20", "a=sendrecv",
        ].map { $0 + "\r\n" }.joined()
    }

    /// The INVITE of call `index`, carrying ``offer(_:)``.
    private static func invite(_ index: Int) -> [UInt8] {
        let number = FixedWidth.decimal(index, digits: 6)
        let body = offer(index)
        let head = [
            "INVITE sip:+6495550123@ims.example.net SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-\(number)-a1;rport",
            "Max-Forwards: 70",
            "From: \"Alice\" <sip:+6495550100@ims.example.net>;tag=f-\(number)",
            "To: <sip:+6495550123@ims.example.net>",
            "Call-ID: \(number)-c0ffee@192.0.2.10",
            "CSeq: 1 INVITE",
            "Contact: <sip:+6495550100@192.0.2.10:5060>",
            "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, PRACK, INFO",
            "Supported: 100rel, timer",
            "User-Agent: bench-ua/1.0",
            "Content-Type: application/sdp",
            "Content-Length: \(body.utf8.count)",
        ]
        return Array((head.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
    }

    private static func inviteLoop() throws(MicrobenchError) -> Benchmark.Loop {
        let ring = try InputRing((0..<16).map(invite), name: "parse-sip-invite")
        let parsed = ring.withView { view in
            (0..<ring.count).compactMap { index in try? SIPParser.parse(view[index]) }
        }
        guard parsed.count == ring.count, parsed.allSatisfy({ $0.method == "INVITE" && $0.sdpBody != nil }) else {
            throw MicrobenchError("parse-sip-invite: a message does not parse as an INVITE with SDP")
        }
        return { iterations in
            ring.withView { view in
                var checksum: UInt64 = 0
                for iteration in 0..<iterations {
                    if let message = try? SIPParser.parse(view[iteration]) {
                        checksum &+= UInt64(message.headers.count) &+ UInt64(message.body.count)
                    }
                }
                return checksum
            }
        }
    }

    private static func sdpLoop() throws(MicrobenchError) -> Benchmark.Loop {
        let ring = try InputRing((0..<16).map { Array(offer($0).utf8) }, name: "parse-sdp")
        let parsed = ring.withView { view in
            (0..<ring.count).compactMap { index in try? SDPParser.parse(view[index]) }
        }
        guard parsed.count == ring.count, parsed.allSatisfy({ $0.media.count == 1 && $0.media[0].port >= 40_000 })
        else {
            throw MicrobenchError("parse-sdp: an offer does not parse to one audio stream")
        }
        return { iterations in
            ring.withView { view in
                var checksum: UInt64 = 0
                for iteration in 0..<iterations {
                    if let session = try? SDPParser.parse(view[iteration]) {
                        checksum &+= UInt64(session.media.count) &+ UInt64(session.media.first?.port ?? 0)
                    }
                }
                return checksum
            }
        }
    }
}

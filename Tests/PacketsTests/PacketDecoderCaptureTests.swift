import Packets
import TestSupport
import Testing

@Suite("PacketDecoder on the test captures")
struct PacketDecoderCaptureTests {
    @Test(
        "every frame decodes to IPv4 with offsets inside the frame",
        arguments: [
            ("radius-basic.pcap", 345),
            ("vlan-mpls.pcap", 129),
            ("malformed.pcap", 47),
            ("sip-call.pcap", 958),
            ("smtp-session.pcap", 63),
        ]
    )
    func everyFrameDecodes(name: String, frameCount: Int) throws {
        let frames = try PcapCaptures.frames(name)
        #expect(frames.count == frameCount)
        for (index, frame) in frames.enumerated() {
            let linkType = try #require(LinkType(dlt: frame.linkType))
            let packet = try TestFrames.decode(frame.bytes, linkType).get()
            #expect(packet.ipVersion == 4, "frame \(index + 1)")
            #expect(packet.ipOffset + packet.ipLength <= frame.bytes.count)
            #expect(packet.transportOffset >= packet.ipOffset + 20)
            #expect(packet.payloadOffset >= packet.transportOffset)
            #expect(packet.payloadOffset + packet.payloadLength <= packet.ipOffset + packet.ipLength)
        }
    }

    @Test("radius-basic: the RADIUS frames carry server ports 1812/1813")
    func radiusPorts() throws {
        let frames = try PcapCaptures.frames("radius-basic.pcap")
        let server = try #require(IPAddress("127.0.0.2"))
        let radiusFrames = try frames.filter { frame in
            let packet = try TestFrames.decode(frame.bytes, .ethernet).get()
            return packet.transportProtocol == 17
                && ((packet.source == server && [1812, 1813].contains(packet.sourcePort))
                    || (packet.destination == server && [1812, 1813].contains(packet.destinationPort)))
        }
        #expect(radiusFrames.count == 24)
        let first = try TestFrames.decode(frames[0].bytes, .ethernet).get()
        #expect(first.source == IPAddress("127.0.0.9"))
        #expect(first.sourcePort == 45731 && first.destinationPort == 1812)
        #expect(first.payloadOffset == 42 && first.payloadLength == 82)
    }

    @Test("vlan-mpls: the target is found in every encapsulation")
    func vlanMPLSTarget() throws {
        let frames = try PcapCaptures.frames("vlan-mpls.pcap")
        let target = try #require(IPAddress("198.51.100.77"))
        var inSession = 0
        var afterStop = 0
        var fromTarget = 0
        var toTarget = 0
        var byEncapsulation: [String: Int] = [:]
        for (index, frame) in frames.enumerated() {
            let number = index + 1
            let packet = try TestFrames.decode(frame.bytes, .ethernet).get()
            guard packet.source == target || packet.destination == target else {
                continue
            }
            if number > 120 {
                afterStop += 1
            }
            guard number > 3 && number < 120 else {
                continue
            }
            inSession += 1
            fromTarget += packet.source == target ? 1 : 0
            toTarget += packet.destination == target ? 1 : 0
            let etherType = UInt16(frame.bytes[12]) << 8 | UInt16(frame.bytes[13])
            byEncapsulation[Self.encapsulation(etherType: etherType, ipOffset: packet.ipOffset), default: 0] += 1
        }
        #expect(inSession == 99)
        #expect(fromTarget == 58)
        #expect(toTarget == 41)
        #expect(afterStop == 6)
        #expect(
            byEncapsulation == ["untagged": 18, "dot1q": 18, "qinq": 18, "mpls1": 18, "mpls2": 27]
        )
    }

    @Test("vlan-mpls: the non-target user appears in 10 frames")
    func vlanMPLSOtherUser() throws {
        let frames = try PcapCaptures.frames("vlan-mpls.pcap")
        let other = try #require(IPAddress("198.51.100.78"))
        let count = try frames.filter { frame in
            let packet = try TestFrames.decode(frame.bytes, .ethernet).get()
            return packet.source == other || packet.destination == other
        }.count
        #expect(count == 10)
    }

    private static func encapsulation(etherType: UInt16, ipOffset: Int) -> String {
        switch (etherType, ipOffset) {
        case (0x0800, 14):
            return "untagged"
        case (0x8100, 18):
            return "dot1q"
        case (0x88A8, 22):
            return "qinq"
        case (0x8847, 18):
            return "mpls1"
        case (0x8847, 22):
            return "mpls2"
        default:
            return "other \(etherType) \(ipOffset)"
        }
    }
}

import Packets
import Testing

/// The GTP-U header read in place: plain G-PDUs, sequence numbers, extension headers, and what is not a G-PDU.
@Suite struct GTPUHeaderTests {
    func gpdu(_ bytes: [UInt8]) -> (teid: UInt32, sequence: UInt16, innerOffset: Int)? {
        bytes.withUnsafeBytes { GTPUHeader.gpdu($0) }
    }

    @Test func plainGPDU() {
        let result = gpdu([0x30, 0xFF, 0, 3, 0x12, 0x34, 0x56, 0x78, 0x45, 0, 0])
        #expect(result?.teid == 0x1234_5678 && result?.sequence == 0 && result?.innerOffset == 8)
    }

    @Test func sequenceNumberAndExtensionHeaders() {
        let withSequence = gpdu([0x32, 0xFF, 0, 6, 0, 0, 0, 9, 0x01, 0x02, 0, 0, 0x45, 0])
        #expect(withSequence?.sequence == 0x0102 && withSequence?.innerOffset == 12)
        let pduSession: [UInt8] = [0x34, 0xFF, 0, 10, 0, 0, 0, 9, 0, 0, 0, 0x85, 1, 0x10, 0x05, 0, 0x45, 0]
        #expect(gpdu(pduSession)?.innerOffset == 16)
    }

    @Test func notAGPDU() {
        #expect(gpdu([0x32, 0x01, 0, 4, 0, 0, 0, 0, 0, 1, 0, 0]) == nil, "echo request")
        #expect(gpdu([0x30, 0xFF, 0, 0, 0, 0, 0, 9]) == nil, "no inner packet")
        #expect(gpdu([0x34, 0xFF, 0, 8, 0, 0, 0, 9, 0, 0, 0, 0x85, 9, 0, 0, 0]) == nil, "extension runs past")
        #expect(gpdu([0x34, 0xFF, 0, 8, 0, 0, 0, 9, 0, 0, 0, 0x85, 0, 0, 0, 0]) == nil, "zero-length extension")
        #expect(gpdu([0x50, 0xFF, 0, 3, 0, 0, 0, 9, 0x45, 0, 0]) == nil, "version 2")
        #expect(gpdu([0x30, 0xFF, 0]) == nil, "truncated")
    }
}

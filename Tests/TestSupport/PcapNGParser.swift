/// Walks the blocks of a pcapng file: Section Header (byte order, resets interfaces), Interface Description (link
/// type, timestamp resolution), Enhanced Packet and Simple Packet blocks; other blocks are skipped.
struct PcapNGParser {
    /// What an Interface Description Block declares.
    private struct Interface {
        var linkType: Int32
        /// Timestamp units per second are 10^exponent, or 2^exponent when `isBinary`.
        var exponent: Int
        var isBinary: Bool
    }

    private let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func frames() throws(PcapFileError) -> [PcapFrame] {
        var reader = PcapByteReader(bytes: bytes, bigEndian: false)
        var interfaces: [Interface] = []
        var frames: [PcapFrame] = []
        var offset = 0
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else {
                throw .truncated(offset: offset)
            }
            let blockType = PcapByteReader(bytes: bytes, bigEndian: false).uint32(at: offset)
            if blockType == 0x0A0D_0D0A {
                let magic = PcapByteReader(bytes: bytes, bigEndian: false).uint32(at: offset + 8)
                reader = PcapByteReader(bytes: bytes, bigEndian: magic != 0x1A2B_3C4D)
                interfaces = []
            }
            let blockLength = Int(reader.uint32(at: offset + 4))
            guard blockLength >= 12, blockLength % 4 == 0, blockLength <= bytes.count - offset else {
                throw .truncated(offset: offset)
            }
            let body = (offset + 8)..<(offset + blockLength - 4)
            switch reader.uint32(at: offset) {
            case 1:
                interfaces.append(try interface(reader, body: body))
            case 6:
                frames.append(try enhancedPacket(reader, body: body, interfaces: interfaces))
            case 3:
                frames.append(try simplePacket(reader, body: body, interfaces: interfaces))
            default:
                break
            }
            offset += blockLength
        }
        return frames
    }

    private func interface(_ reader: PcapByteReader, body: Range<Int>) throws(PcapFileError) -> Interface {
        guard body.count >= 8 else {
            throw .truncated(offset: body.lowerBound)
        }
        var result = Interface(
            linkType: Int32(reader.uint16(at: body.lowerBound)),
            exponent: 6,
            isBinary: false
        )
        var option = body.lowerBound + 8
        while option + 4 <= body.upperBound {
            let code = reader.uint16(at: option)
            let length = Int(reader.uint16(at: option + 2))
            if code == 0 {
                break
            }
            if code == 9, length >= 1, option + 4 < body.upperBound {
                let resolution = bytes[option + 4]
                result.isBinary = resolution & 0x80 != 0
                result.exponent = Int(resolution & 0x7F)
            }
            option += 4 + (length + 3) / 4 * 4
        }
        return result
    }

    private func enhancedPacket(
        _ reader: PcapByteReader,
        body: Range<Int>,
        interfaces: [Interface]
    ) throws(PcapFileError) -> PcapFrame {
        guard body.count >= 20 else {
            throw .truncated(offset: body.lowerBound)
        }
        let interfaceID = Int(reader.uint32(at: body.lowerBound))
        guard interfaceID < interfaces.count else {
            throw .unknownInterface(interfaceID)
        }
        let interface = interfaces[interfaceID]
        let units =
            UInt64(reader.uint32(at: body.lowerBound + 4)) << 32 | UInt64(reader.uint32(at: body.lowerBound + 8))
        let capturedLength = Int(reader.uint32(at: body.lowerBound + 12))
        let start = body.lowerBound + 20
        guard capturedLength <= body.upperBound - start else {
            throw .truncated(offset: body.lowerBound)
        }
        return (micros(units, interface), interface.linkType, Array(bytes[start..<(start + capturedLength)]))
    }

    private func simplePacket(
        _ reader: PcapByteReader,
        body: Range<Int>,
        interfaces: [Interface]
    ) throws(PcapFileError) -> PcapFrame {
        guard body.count >= 4 else {
            throw .truncated(offset: body.lowerBound)
        }
        guard let interface = interfaces.first else {
            throw .unknownInterface(0)
        }
        let originalLength = Int(reader.uint32(at: body.lowerBound))
        let start = body.lowerBound + 4
        let capturedLength = min(originalLength, body.upperBound - start)
        return (0, interface.linkType, Array(bytes[start..<(start + capturedLength)]))
    }

    /// Converts a timestamp in the interface's units to microseconds.
    private func micros(_ units: UInt64, _ interface: Interface) -> Int64 {
        if interface.isBinary {
            let shift = UInt64(min(interface.exponent, 63))
            let whole = units >> shift
            let fraction = units & ((1 << shift) - 1)
            return Int64(truncatingIfNeeded: whole &* 1_000_000 &+ (fraction &* 1_000_000) >> shift)
        }
        var value = units
        var exponent = interface.exponent
        while exponent > 6 {
            value /= 10
            exponent -= 1
        }
        while exponent < 6 {
            value &*= 10
            exponent += 1
        }
        return Int64(truncatingIfNeeded: value)
    }
}

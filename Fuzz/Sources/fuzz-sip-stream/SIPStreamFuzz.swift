import FuzzSupport
import Protocols

/// The SIP TCP splitter on one direction of a connection, delivered in pieces; each message it frames is parsed.
/// After an error the stream is dropped, as the VoIP tracker does, and the rest starts a new one.
///
/// Input: one byte that picks how the stream is cut (see ``Chunks``), one that picks the size limit (the default
/// 65,535 bytes when even, else 64 × the byte), then the stream.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSIPStream(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    guard let seed = input.byte(), let limit = input.byte() else { return 0 }
    var splitter = limit & 1 == 0 ? SIPStreamSplitter() : SIPStreamSplitter(maximumMessageSize: 64 * Int(limit))
    for piece in Chunks(input.rest, seed: seed) {
        guard let messages = try? splitter.append(piece) else { continue }
        for bytes in messages {
            if let message = bytes.withUnsafeBytes({ try? SIPParser.parse($0) }) {
                SIPUse.use(message)
            }
        }
    }
    _ = splitter.bufferedByteCount
    return 0
}

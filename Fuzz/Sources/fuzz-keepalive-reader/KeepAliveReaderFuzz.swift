import ETSI
import FuzzSupport

/// The handover's reader of what the agency sends back (keep-alive responses), on one connection's stream
/// delivered in pieces, as the mediator's channel handler feeds it; the connection closes (the run ends) on an
/// error or when too much waits without a whole record.
///
/// Input: one byte that picks how the stream is cut (see ``Chunks``), then the stream.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeepAliveReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    guard let seed = input.byte() else { return 0 }
    var reader = HandoverReplyReader()
    var responses = 0
    for piece in Chunks(input.rest, seed: seed) {
        reader.append(piece)
        do {
            while let reply = try reader.next() {
                if case .keepAliveResponse(let record) = reply { responses += record.count }
            }
        } catch {
            return 0
        }
        if reader.isOverLimit { return 0 }
    }
    return 0
}

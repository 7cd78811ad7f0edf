import FuzzSupport
import Protocols

/// The SDP parser on one session description (a SIP message's body).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSDP(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let session = try? SDPParser.parse(input.bytes) else { return 0 }
    SDPUse.use(session)
    return 0
}

import FuzzSupport
import Protocols

/// The SIP parser on one message (a UDP payload), then everything the VoIP tracker reads of it, SDP body included.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSIP(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let message = try? SIPParser.parse(input.bytes) else { return 0 }
    SIPUse.use(message)
    return 0
}

import FuzzSupport
import Protocols

/// The RADIUS parser on one UDP payload to or from a RADIUS server.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRADIUS(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let message = try? RADIUSParser.parse(input.bytes) else { return 0 }
    _ = String(describing: message).utf8.count
    return 0
}

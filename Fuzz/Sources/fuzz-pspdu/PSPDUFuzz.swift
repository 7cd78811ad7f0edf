import ETSI
import FuzzSupport

/// The LEMF side of the handover: a connection's stream split into PS-PDUs by their strict DER framing, each record
/// summarized and checked as DER against the records we send (the DER validator), and, when that fails, read
/// leniently as the built-in LEMF does to report what it can.
///
/// Input: one byte that picks how the stream is cut (see ``Chunks``), then the stream.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPSPDU(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    guard let seed = input.byte() else { return 0 }
    var stream: [UInt8] = []
    var start = 0
    for piece in Chunks(input.rest, seed: seed) {
        stream.append(contentsOf: piece)
        while start < stream.count {
            let from = start
            let framed = stream.withUnsafeBytes { all in
                Result { () throws(DERError) in
                    try PSPDUReader.recordLength(in: UnsafeRawBufferPointer(rebasing: all[from...]))
                }
            }
            guard case .success(let length?) = framed else {
                if case .failure = framed { return 0 }
                break
            }
            start += length
            stream[from..<start].withUnsafeBytes { record in
                if (try? PSPDUReader.summarize(record)) == nil {
                    _ = try? PSPDUReader.summarize(record, lenient: true)
                }
            }
        }
    }
    return 0
}

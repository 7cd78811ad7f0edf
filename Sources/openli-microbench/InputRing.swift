/// Equal-length byte inputs stored back to back, handed to a loop in turn.
///
/// Iteration `i` gets input `i mod count` (count is a power of two, so this is a mask): different bytes on every
/// iteration keep the optimizer from hoisting a pure function of the input out of the loop, and a flat buffer
/// keeps the lookup to one multiply and add.
struct InputRing {
    /// The inputs, one after the other.
    private let storage: [UInt8]
    /// The length of every input.
    let length: Int
    /// How many inputs there are (a power of two).
    let count: Int

    /// A ring of `inputs`; their number must be a power of two and their lengths equal.
    init(_ inputs: [[UInt8]], name: String) throws(MicrobenchError) {
        guard let first = inputs.first, inputs.count & (inputs.count - 1) == 0 else {
            throw MicrobenchError("\(name): the number of inputs must be a power of two")
        }
        guard !first.isEmpty, inputs.allSatisfy({ $0.count == first.count }) else {
            throw MicrobenchError("\(name): the inputs must be non-empty and of equal length")
        }
        storage = inputs.flatMap { $0 }
        length = first.count
        count = inputs.count
    }

    /// Calls `body` with a view of the inputs that stays valid for the duration of the call.
    func withView<Result>(_ body: (View) -> Result) -> Result {
        storage.withUnsafeBytes { bytes in
            body(View(bytes: bytes, length: length, mask: count - 1))
        }
    }

    /// The inputs of a ring, as buffers.
    struct View {
        fileprivate let bytes: UnsafeRawBufferPointer
        fileprivate let length: Int
        fileprivate let mask: Int

        /// Input `iteration mod count`.
        subscript(iteration: Int) -> UnsafeRawBufferPointer {
            let start = (iteration & mask) * length
            return UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)])
        }
    }
}

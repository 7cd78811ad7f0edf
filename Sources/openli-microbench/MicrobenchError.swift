/// A benchmark whose inputs are not what it measures (a frame that does not decode, a message that does not
/// parse): a fault of the harness, reported instead of timing the error path.
struct MicrobenchError: Error {
    /// What went wrong, naming the benchmark.
    let message: String

    /// An error with its message.
    init(_ message: String) {
        self.message = message
    }
}

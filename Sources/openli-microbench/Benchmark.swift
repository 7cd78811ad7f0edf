/// One micro-benchmark: a name and how to build its timed loop.
///
/// `make` builds the inputs (outside the timing) and returns the loop. The loop runs the operation `iterations`
/// times, each time on the next of a small ring of different inputs (so the optimizer cannot hoist the work out of
/// the loop), and returns a checksum of the results (so it cannot drop the work).
struct Benchmark {
    /// Runs the operation `iterations` times and returns a checksum of what it produced.
    typealias Loop = (_ iterations: Int) -> UInt64

    /// The name on the command line and in the `micro` line.
    let name: String
    /// Builds the inputs and the loop; fails when an input does not give the expected result.
    let make: () throws(MicrobenchError) -> Loop
}

/// Every benchmark, in the order they run when none is named.
enum BenchmarkCatalog {
    /// The benchmarks of every group.
    static func all() -> [Benchmark] {
        DecodeBenchmarks.all + ClassifyBenchmarks.all + EncodeBenchmarks.all + RADIUSBenchmarks.all
            + SIPBenchmarks.all
    }
}

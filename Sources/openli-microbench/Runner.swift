/// Times a benchmark's loop: calibrates an iteration count that takes at least ``roundTime``, then runs
/// ``rounds`` rounds of it and keeps the fastest (the round least disturbed by other work on the machine).
enum Runner {
    /// The shortest round that counts.
    static let roundTime: Duration = .milliseconds(500)
    /// How many rounds are timed.
    static let rounds = 5

    /// The outcome of timing one benchmark.
    struct Measurement {
        /// Nanoseconds per operation in the fastest round.
        var nanosecondsPerOperation: Double
        /// Operations in each timed round.
        var operations: Int
        /// The sum of the loop's checksums over every run (calibration included).
        var checksum: UInt64
    }

    /// Calibrates and times `loop`.
    static func measure(_ loop: Benchmark.Loop) -> Measurement {
        var checksum: UInt64 = 0
        var iterations = 1
        var elapsed = time(loop, iterations, checksum: &checksum)
        while elapsed < .milliseconds(100) {
            iterations = scaled(iterations, elapsed: elapsed, target: .milliseconds(150))
            elapsed = time(loop, iterations, checksum: &checksum)
        }
        iterations = scaled(iterations, elapsed: elapsed, target: roundTime * 1.1)
        var best = Double.infinity
        var counted = 0
        while counted < rounds {
            elapsed = time(loop, iterations, checksum: &checksum)
            if elapsed < roundTime {
                iterations = scaled(iterations, elapsed: elapsed, target: roundTime * 1.1)
                continue
            }
            best = min(best, nanoseconds(elapsed) / Double(iterations))
            counted += 1
        }
        return Measurement(nanosecondsPerOperation: best, operations: iterations, checksum: checksum)
    }

    /// Runs `loop` once for `iterations` and returns the time it took (monotonic clock).
    private static func time(_ loop: Benchmark.Loop, _ iterations: Int, checksum: inout UInt64) -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        let sum = loop(iterations)
        let elapsed = start.duration(to: clock.now)
        checksum &+= sum
        return elapsed
    }

    /// The iteration count expected to take `target`, given that `iterations` took `elapsed`: ten times the count
    /// when that took under a millisecond (too short to extrapolate from), and never less than `iterations + 1`.
    private static func scaled(_ iterations: Int, elapsed: Duration, target: Duration) -> Int {
        let took = nanoseconds(elapsed)
        if took < 1_000_000 {
            return min(iterations, Int.max / 10) * 10
        }
        let estimate = Double(iterations) * nanoseconds(target) / took
        return max(iterations + 1, Int(min(estimate.rounded(.up), 1e15)))
    }

    /// `duration` in nanoseconds.
    static func nanoseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1e9 + Double(parts.attoseconds) / 1e9
    }
}

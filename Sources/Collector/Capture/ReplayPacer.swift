#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Paces a file replay to its packet timestamps: the first packet sets the origin, each later one is due when as
/// much wall time has passed as capture time.
struct ReplayPacer {
    private var origin: (capture: Int64, wall: Int64)?

    /// Microseconds to wait before the packet captured at `time` is due, or nil when it is due now.
    mutating func delay(for time: Int64) -> Int64? {
        let now = Self.monotonicMicros()
        guard let origin else {
            origin = (time, now)
            return nil
        }
        let due = origin.wall + (time - origin.capture)
        return due > now ? due - now : nil
    }

    /// Sleeps.
    func sleep(microseconds: Int64) {
        Self.pause(microseconds: microseconds)
    }

    /// Sleeps the calling thread.
    static func pause(microseconds: Int64) {
        usleep(UInt32(clamping: max(0, microseconds)))
    }

    /// Microseconds of the monotonic clock.
    static func monotonicMicros() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1000
    }
}

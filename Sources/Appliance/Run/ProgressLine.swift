import Collector
import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one line that refreshes every second on a terminal while `run` works: packets, packets/s, records and how
/// much of the input files has been read.
/// The timer is set up in `init` and cancelled in `stop`; the handler only reads atomics.
final class ProgressLine: @unchecked Sendable {
    private let counters: PipelineCounters
    private let timer: any DispatchSourceTimer
    private let lastPackets = Mutex<Int>(0)

    /// Starts printing to standard error, only if it is a terminal; nil otherwise.
    init?(counters: PipelineCounters) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.counters = counters
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "openli.progress"))
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in self?.print() }
        timer.resume()
    }

    private func print() {
        let packets = counters.packets.load(ordering: .relaxed)
        let rate = lastPackets.withLock { last in
            defer { last = packets }
            return packets - last
        }
        var line = "packets \(packets)  \(rate) pkt/s  records \(counters.records.load(ordering: .relaxed))"
        let size = counters.fileSize.load(ordering: .relaxed)
        if size > 0 {
            line += "  \(min(100, counters.filePosition.load(ordering: .relaxed) * 100 / size))% of input"
        }
        writeError("\r\u{1B}[K" + line)
    }

    /// Stops and clears the line.
    func stop() {
        timer.cancel()
        writeError("\r\u{1B}[K")
    }
}

/// Writes text to standard error unbuffered.
func writeError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count)
    }
}

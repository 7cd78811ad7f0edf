import Dispatch
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM, watched on a dispatch queue: each one runs `onSignal`. Both signals are unblocked first: a
/// parent may have started the process with them blocked.
final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    init(label: String, onSignal: @escaping @Sendable (Int32) -> Void) {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        let queue = DispatchQueue(label: label)
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { onSignal(number) }
            source.resume()
            return source
        }
    }

    /// Stops watching the signals.
    func cancel() {
        for source in sources { source.cancel() }
    }

    /// The run's escalation: the first SIGINT or SIGTERM shuts the service group down gracefully (the group hears
    /// it too; this logs it), a second one ends the process at once with status 128 + the signal.
    static func escalating(logger: Logger) -> SignalTrap {
        let seen = Atomic(0)
        return SignalTrap(label: "openli.run.signals") { number in
            if seen.add(1, ordering: .relaxed).newValue > 1 { exit(128 + number) }
            logger.notice("run: signal \(number): stopping capture, delivering what was read")
        }
    }
}

import Collector
import Dispatch
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM end a run cleanly: capture stops, what was read is numbered and delivered, then `run` exits.
/// A second signal exits at once. Both signals are unblocked first: a parent may have started the appliance with
/// them blocked.
final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    init(stop: StopSignal, logger: Logger) {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        let queue = DispatchQueue(label: "openli.signals")
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if stop.isRequested { exit(128 + number) }
                logger.notice("run: signal \(number): stopping capture, delivering what was read")
                stop.request()
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}

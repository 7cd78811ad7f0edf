import Dispatch
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGHUP, watched on a dispatch queue: tells the service manager `RELOADING=1`, re-reads the configuration through
/// `reloader` and applies what can change while running (``RunReload``), then `READY=1`. Without a reloader (no
/// configuration file) the settings stay as they are, and it says so.
final class ReloadTrap {
    private let source: any DispatchSourceSignal

    init(notifier: ServiceManagerNotifier?, reloader: RunReloader?, logger: Logger) {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        signal(SIGHUP, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "openli.run.reload"))
        source.setEventHandler {
            notifier?.send("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicros())")
            Self.reload(reloader, logger: logger)
            notifier?.send("READY=1")
        }
        source.resume()
    }

    /// Stops watching SIGHUP.
    func cancel() {
        source.cancel()
    }

    private static func reload(_ reloader: RunReloader?, logger: Logger) {
        guard let reloader else {
            logger.notice("run: SIGHUP: no configuration file to re-read; settings unchanged")
            return
        }
        do {
            let reload = try reloader()
            let previous = ApplianceLogging.levels.level
            ApplianceLogging.levels.level = reload.logLevel
            logger.notice("run: SIGHUP: configuration re-read; log level \(previous) -> \(reload.logLevel)")
        } catch {
            logger.error("run: SIGHUP: \(error.description); settings unchanged")
        }
    }

    private static func monotonicMicros() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }
}

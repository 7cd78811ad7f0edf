#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A dedicated OS thread: the one thread of a ``StageExecutor``.
///
/// Stages block in libpcap, on their queues and in sqlite, so they must never run on Swift's cooperative pool, whose
/// threads are as many as the cores (DESIGN §3).
public final class StageThread: @unchecked Sendable {
    // Safe to share: `thread` and `started` are written by `start` and read by `join`, both called by the one owner
    // (the executor), never at once; the body is Sendable.
    private var thread = pthread_t()
    private let body: @Sendable () -> Void
    private var started = false

    /// Prepares a thread that will run `body` once.
    public init(name: String, body: @escaping @Sendable () -> Void) {
        self.body = body
        self.name = name
    }

    /// The thread's name, for logs.
    public let name: String

    /// Starts the thread. Returns false when the system refuses to create it.
    public func start() -> Bool {
        let box = Unmanaged.passRetained(self)
        #if canImport(Darwin)
        var handle: pthread_t?
        let status = pthread_create(
            &handle,
            nil,
            { raw in
                Unmanaged<StageThread>.fromOpaque(raw).takeRetainedValue().run()
                return nil
            },
            box.toOpaque()
        )
        if let handle { thread = handle }
        #else
        let status = pthread_create(
            &thread,
            nil,
            { raw in
                guard let raw else { return nil }
                Unmanaged<StageThread>.fromOpaque(raw).takeRetainedValue().run()
                return nil
            },
            box.toOpaque()
        )
        #endif
        if status != 0 {
            box.release()
            return false
        }
        started = true
        return true
    }

    /// Names the thread (what `top -H` and `ps -L` show: at most 15 bytes) and runs the body.
    private func run() {
        #if canImport(Darwin)
        pthread_setname_np(String(name.utf8.prefix(15)) ?? "stage")
        #else
        let comm = open("/proc/thread-self/comm", O_WRONLY)
        if comm >= 0 {
            let bytes = Array(name.utf8.prefix(15))
            _ = bytes.withUnsafeBytes { write(comm, $0.baseAddress, $0.count) }
            close(comm)
        }
        #endif
        body()
    }

    /// Waits for the thread to finish.
    public func join() {
        guard started else { return }
        pthread_join(thread, nil)
        started = false
    }
}

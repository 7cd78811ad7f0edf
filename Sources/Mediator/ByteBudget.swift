#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A cap on the bytes queued for one handover connection: the producer waits while the cap is reached
/// (back-pressure), the connection releases bytes once the kernel has taken them.
public final class ByteBudget: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var released = pthread_cond_t()
    private var inUse = 0
    private var limit: Int

    /// Creates a budget of `limit` bytes.
    public init(limit: Int) {
        self.limit = max(1, limit)
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&released, nil)
    }

    deinit {
        pthread_cond_destroy(&released)
        pthread_mutex_destroy(&mutex)
    }

    /// Takes `bytes` from the budget, waiting while it is spent. A single request larger than the whole budget is
    /// let through once the budget is empty.
    public func reserve(_ bytes: Int) {
        pthread_mutex_lock(&mutex)
        while inUse > 0 && inUse + bytes > limit {
            pthread_cond_wait(&released, &mutex)
        }
        inUse += bytes
        pthread_mutex_unlock(&mutex)
    }

    /// Lowers the cap to `newLimit` (at least 1 byte) if it is below the current one.
    public func lower(to newLimit: Int) {
        pthread_mutex_lock(&mutex)
        limit = min(limit, max(1, newLimit))
        pthread_mutex_unlock(&mutex)
    }

    /// Removes the cap: nobody waits any more (the run is ending and what is produced must reach the spool).
    public func lift() {
        pthread_mutex_lock(&mutex)
        limit = Int.max
        pthread_cond_broadcast(&released)
        pthread_mutex_unlock(&mutex)
    }

    /// Gives `bytes` back.
    public func release(_ bytes: Int) {
        pthread_mutex_lock(&mutex)
        inUse = max(0, inUse - bytes)
        pthread_cond_broadcast(&released)
        pthread_mutex_unlock(&mutex)
    }

    /// Bytes currently reserved.
    public var reserved: Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return inUse
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A pthread mutex with condition variables, allocated out of line so that their addresses never move (a mutex or
/// condition stored as a Swift property and passed by `&` has no stable address).
///
/// It is the one blocking primitive of the stages' queues and executors: a thread waits on a condition with the
/// mutex held, and every other thread signals it after changing what the condition is about.
public final class ThreadCondition: @unchecked Sendable {
    // Safe to share: the pointers are fixed for the object's life and every use goes through pthread calls, which
    // are thread-safe by definition.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let conditions: UnsafeMutablePointer<pthread_cond_t>
    private let conditionCount: Int

    /// Creates a mutex with `conditions` condition variables (numbered from 0).
    public init(conditions: Int = 1) {
        conditionCount = max(1, conditions)
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        self.conditions = .allocate(capacity: conditionCount)
        for index in 0..<conditionCount {
            (self.conditions + index).initialize(to: pthread_cond_t())
            pthread_cond_init(self.conditions + index, nil)
        }
    }

    deinit {
        for index in 0..<conditionCount { pthread_cond_destroy(conditions + index) }
        conditions.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the mutex held.
    @inline(__always)
    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Waits on condition `number`; call with the mutex held (inside ``withLock(_:)``).
    public func wait(_ number: Int = 0) {
        pthread_cond_wait(conditions + number, mutex)
    }

    /// Waits on condition `number` until `deadline` (CLOCK_REALTIME); false when the deadline passed. Call with the
    /// mutex held.
    public func wait(_ number: Int = 0, until deadline: timespec) -> Bool {
        var deadline = deadline
        return pthread_cond_timedwait(conditions + number, mutex, &deadline) == 0
    }

    /// Wakes one waiter of condition `number`.
    public func signal(_ number: Int = 0) {
        pthread_cond_signal(conditions + number)
    }

    /// Wakes every waiter of condition `number`.
    public func broadcast(_ number: Int = 0) {
        pthread_cond_broadcast(conditions + number)
    }

    /// The CLOCK_REALTIME instant `milliseconds` from now, for ``wait(_:until:)``.
    public static func deadline(inMilliseconds milliseconds: Int) -> timespec {
        var deadline = timespec()
        clock_gettime(CLOCK_REALTIME, &deadline)
        let nanoseconds = Int(deadline.tv_nsec) + milliseconds % 1000 * 1_000_000
        deadline.tv_sec += milliseconds / 1000 + nanoseconds / 1_000_000_000
        deadline.tv_nsec = nanoseconds % 1_000_000_000
        return deadline
    }
}

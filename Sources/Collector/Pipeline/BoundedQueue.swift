#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking first-in first-out queue with a fixed capacity, for handing batches between pipeline threads.
///
/// Producers block while the queue is full (back-pressure, never loss); consumers block while it is empty.
/// `close()` wakes everybody: producers then fail to push, consumers drain what is left and then get `nil`.
/// One queue links exactly two stages, so no lock is ever shared between shards.
public final class BoundedQueue<Element>: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var notEmpty = pthread_cond_t()
    private var notFull = pthread_cond_t()
    private var storage: [Element?]
    private var head = 0
    private var count = 0
    private var closed = false

    /// Creates a queue holding at most `capacity` elements (at least 1).
    public init(capacity: Int) {
        storage = Array(repeating: nil, count: max(1, capacity))
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&notEmpty, nil)
        pthread_cond_init(&notFull, nil)
    }

    deinit {
        pthread_cond_destroy(&notFull)
        pthread_cond_destroy(&notEmpty)
        pthread_mutex_destroy(&mutex)
    }

    /// Appends an element, waiting while the queue is full. Returns false (and drops nothing that was queued) when
    /// the queue has been closed.
    @discardableResult
    public func push(_ element: Element) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while count == storage.count && !closed {
            pthread_cond_wait(&notFull, &mutex)
        }
        if closed { return false }
        storage[(head + count) % storage.count] = element
        count += 1
        pthread_cond_signal(&notEmpty)
        return true
    }

    /// Removes the oldest element, waiting while the queue is empty; `nil` once the queue is closed and drained.
    public func pop() -> Element? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while count == 0 && !closed {
            pthread_cond_wait(&notEmpty, &mutex)
        }
        return dequeue()
    }

    /// Adds an element unless the queue is full or closed; returns whether it was added (never waits).
    @discardableResult
    public func tryPush(_ element: Element) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if closed || count == storage.count { return false }
        storage[(head + count) % storage.count] = element
        count += 1
        pthread_cond_signal(&notEmpty)
        return true
    }

    /// Takes the oldest element, waiting at most `milliseconds` for one; nil on timeout or when closed and drained
    /// (``isFinished`` tells which).
    public func pop(waitingAtMost milliseconds: Int) -> Element? {
        var deadline = timespec()
        clock_gettime(CLOCK_REALTIME, &deadline)
        let nanoseconds = Int(deadline.tv_nsec) + milliseconds % 1000 * 1_000_000
        deadline.tv_sec += milliseconds / 1000 + nanoseconds / 1_000_000_000
        deadline.tv_nsec = nanoseconds % 1_000_000_000
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while count == 0 && !closed {
            if pthread_cond_timedwait(&notEmpty, &mutex, &deadline) != 0 { break }
        }
        return dequeue()
    }

    /// Elements waiting now (for status: a shard that falls behind has a full input queue).
    public var depth: Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return count
    }

    /// Removes the oldest element without waiting; `nil` when the queue is empty right now.
    public func tryPop() -> Element? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return dequeue()
    }

    /// Takes the head element, with the mutex held.
    private func dequeue() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head]
        storage[head] = nil
        head = (head + 1) % storage.count
        count -= 1
        pthread_cond_signal(&notFull)
        return element
    }

    /// Whether the queue is closed and nothing is left in it.
    public var isFinished: Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return closed && count == 0
    }

    /// Ends the queue: no more pushes; pops return what is left, then `nil`.
    public func close() {
        pthread_mutex_lock(&mutex)
        closed = true
        pthread_cond_broadcast(&notEmpty)
        pthread_cond_broadcast(&notFull)
        pthread_mutex_unlock(&mutex)
    }
}

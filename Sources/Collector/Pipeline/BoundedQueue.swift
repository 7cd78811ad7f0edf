import Stages

/// A blocking first-in first-out queue with a fixed capacity, for handing batches between stages.
///
/// Producers block while the queue is full (back-pressure, never loss); consumers block while it is empty.
/// `close()` wakes everybody: producers then fail to push, consumers drain what is left and then get `nil`.
/// One queue links exactly two stages (session sync's input: the stages that feed it), so no lock is ever shared
/// between shards.
public final class BoundedQueue<Element>: @unchecked Sendable {
    // Safe to share: every stored property is touched only with `condition`'s mutex held.
    private let condition = ThreadCondition(conditions: 2)
    private static var notEmpty: Int { 0 }
    private static var notFull: Int { 1 }
    private var storage: [Element?]
    private var head = 0
    private var count = 0
    private var closed = false

    /// Creates a queue holding at most `capacity` elements (at least 1).
    public init(capacity: Int) {
        storage = Array(repeating: nil, count: max(1, capacity))
    }

    /// Appends an element, waiting while the queue is full. Returns false (and drops nothing that was queued) when
    /// the queue has been closed.
    @discardableResult
    public func push(_ element: Element) -> Bool {
        condition.withLock {
            while count == storage.count && !closed { condition.wait(Self.notFull) }
            if closed { return false }
            enqueue(element)
            return true
        }
    }

    /// Removes the oldest element, waiting while the queue is empty; `nil` once the queue is closed and drained.
    public func pop() -> Element? {
        condition.withLock {
            while count == 0 && !closed { condition.wait(Self.notEmpty) }
            return dequeue()
        }
    }

    /// Adds an element unless the queue is full or closed; returns whether it was added (never waits).
    @discardableResult
    public func tryPush(_ element: Element) -> Bool {
        condition.withLock {
            if closed || count == storage.count { return false }
            enqueue(element)
            return true
        }
    }

    /// Takes the oldest element, waiting at most `milliseconds` for one; nil on timeout or when closed and drained
    /// (``isFinished`` tells which).
    public func pop(waitingAtMost milliseconds: Int) -> Element? {
        let deadline = ThreadCondition.deadline(inMilliseconds: milliseconds)
        return condition.withLock {
            while count == 0 && !closed {
                if !condition.wait(Self.notEmpty, until: deadline) { break }
            }
            return dequeue()
        }
    }

    /// Elements waiting now (for status: a shard that falls behind has a full input queue).
    public var depth: Int {
        condition.withLock { count }
    }

    /// Removes the oldest element without waiting; `nil` when the queue is empty right now.
    public func tryPop() -> Element? {
        condition.withLock { dequeue() }
    }

    /// Whether the queue is closed and nothing is left in it.
    public var isFinished: Bool {
        condition.withLock { closed && count == 0 }
    }

    /// Ends the queue: no more pushes; pops return what is left, then `nil`.
    public func close() {
        condition.withLock {
            closed = true
            condition.broadcast(Self.notEmpty)
            condition.broadcast(Self.notFull)
        }
    }

    /// Appends at the tail, with the mutex held.
    private func enqueue(_ element: Element) {
        storage[(head + count) % storage.count] = element
        count += 1
        condition.signal(Self.notEmpty)
    }

    /// Takes the head element, with the mutex held.
    private func dequeue() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head]
        storage[head] = nil
        head = (head + 1) % storage.count
        count -= 1
        condition.signal(Self.notFull)
        return element
    }
}

import Synchronization

/// Closed while a later stage cannot keep what capture would produce (a spool that refuses records, a sequence
/// journal that cannot be written): file capture then waits, live shards count every frame they read as a drop.
///
/// Each hold has a key (the stage that holds it) and a reason; the gate is open again when every hold is released.
/// Shards read it once per burst of frames with a relaxed load.
public final class CaptureGate: Sendable {
    private let holds = Mutex<[String: String]>([:])
    private let closed = Atomic<Bool>(false)
    private let closings = Atomic<Int>(0)

    /// Creates an open gate.
    public init() {}

    /// Closes the gate for `key` with `reason` (replacing that key's earlier reason).
    public func hold(_ key: String, reason: String) {
        holds.withLock { holds in
            holds[key] = reason
            closed.store(true, ordering: .releasing)
            closings.add(1, ordering: .relaxed)
        }
    }

    /// Releases `key`'s hold; the gate opens when no hold is left.
    public func release(_ key: String) {
        holds.withLock { holds in
            holds[key] = nil
            closed.store(!holds.isEmpty, ordering: .releasing)
        }
    }

    /// Whether capture must wait.
    public var isClosed: Bool { closed.load(ordering: .relaxed) }

    /// How many times a hold was taken so far: a stage blocked on a queue compares it before and after to know
    /// whether the gate closed meanwhile (the wait was then for the refusing spool).
    public var closingCount: Int { closings.load(ordering: .relaxed) }

    /// Every hold, "key: reason", sorted.
    public var reasons: [String] {
        holds.withLock { $0.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" } }
    }
}

import Synchronization

/// Closed while a later stage cannot keep what capture would produce (a spool that refuses records, a sequence
/// journal that cannot be written): file capture then waits, live shards count every frame they read as a drop.
///
/// Each hold has a key (the stage that holds it) and a reason; the gate is open again when every hold is released.
/// Shards read it once per burst of frames with a relaxed load.
public final class CaptureGate: Sendable {
    private let holds = Mutex<[String: String]>([:])
    private let closed = Atomic<Bool>(false)

    /// Creates an open gate.
    public init() {}

    /// Closes the gate for `key` with `reason` (replacing that key's earlier reason).
    public func hold(_ key: String, reason: String) {
        holds.withLock { holds in
            holds[key] = reason
            closed.store(true, ordering: .releasing)
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

    /// Every hold, "key: reason", sorted.
    public var reasons: [String] {
        holds.withLock { $0.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" } }
    }
}

import Warrants

/// What one kind of warrant contributes to `warrant add KIND` and `warrant modify`: its target options, as typed, and
/// how they become a target (or a change to one). Everything else about a warrant is shared by every kind.
public protocol WarrantTargetOptions: Sendable {
    /// The kind these options are for (``WarrantTarget/kind``).
    var kind: String { get }
    /// The kind's target options by their command-line names, for messages (`--user`, `--static-ip`, ...).
    var optionNames: [String] { get }
    /// The first option given, by its command-line name; nil when none is (`warrant modify` leaves the target be).
    var firstOption: String? { get }
    /// Options that contradict each other (`--user` and `--no-user`), as the one line that says so; nil otherwise.
    var conflict: String? { get }
    /// The target of a new warrant, each value checked and canonical, and notes for `command` (a value changed or
    /// given twice).
    func target(command: String) throws(StoreError) -> (WarrantTarget, [String])
    /// The change `warrant modify` makes to the target, its values checked, and notes for `command`.
    func edit(
        command: String
    ) throws(StoreError) -> (@Sendable (inout WarrantTarget) throws(StoreError) -> Void, [String])
}

import Warrants

/// The target options of an email warrant, as typed: `--address`, the target list (for `warrant modify`, the new
/// list).
public struct EmailTargetOptions: WarrantTargetOptions {
    /// `--address ADDRESS`, repeatable; nil when not given.
    public var addresses: [String]?

    /// Creates the options.
    public init(addresses: [String]? = nil) {
        self.addresses = addresses
    }

    public var kind: String { "email" }

    public var optionNames: [String] { ["--address"] }

    public var firstOption: String? { addresses == nil ? nil : "--address" }

    public var conflict: String? { nil }

    public func target(command: String) throws(StoreError) -> (WarrantTarget, [String]) {
        let (targets, notes) = try self.targets(command: command)
        return (.email(targets), notes)
    }

    public func edit(
        command: String
    ) throws(StoreError) -> (@Sendable (inout WarrantTarget) throws(StoreError) -> Void, [String]) {
        guard addresses != nil else {
            return ({ _ in }, [])
        }
        let (targets, notes) = try self.targets(command: command)
        return ({ target in target = .email(targets) }, notes)
    }

    /// The addresses in stored form, in the order given; one that matches the same mail as an earlier one (it
    /// differs only in case) is kept once, with a note.
    private func targets(command: String) throws(StoreError) -> ([EmailTarget], [String]) {
        var targets: [EmailTarget] = []
        var notes: [String] = []
        for text in addresses ?? [] {
            let target = try WarrantValidation.emailAddress(text, field: "--address")
            if let kept = targets.first(where: { $0.matchKey == target.matchKey }) {
                notes.append(
                    "\(command): --address \(AdminCommands.quoted(text)) is given twice (as \(kept)); kept once"
                )
            } else {
                targets.append(target)
            }
        }
        return (targets, notes)
    }
}

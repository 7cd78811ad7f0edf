import Warrants

/// The target options of a VoIP warrant, as typed: `--sip-uri` and `--tel`, which together are the target list
/// (for `warrant modify`, the new list).
public struct VoIPTargetOptions: WarrantTargetOptions {
    /// `--sip-uri URI`, repeatable; nil when not given.
    public var sipURIs: [String]?
    /// `--tel NUMBER`, repeatable; nil when not given.
    public var tels: [String]?

    /// Creates the options.
    public init(sipURIs: [String]? = nil, tels: [String]? = nil) {
        self.sipURIs = sipURIs
        self.tels = tels
    }

    public var kind: String { "voip" }

    public var optionNames: [String] { ["--sip-uri", "--tel"] }

    public var firstOption: String? {
        if sipURIs != nil { return "--sip-uri" }
        if tels != nil { return "--tel" }
        return nil
    }

    public var conflict: String? { nil }

    public func target(command: String) throws(StoreError) -> (WarrantTarget, [String]) {
        let (targets, notes) = try self.targets(command: command)
        return (.voip(targets), notes)
    }

    public func edit(
        command: String
    ) throws(StoreError) -> (@Sendable (inout WarrantTarget) throws(StoreError) -> Void, [String]) {
        guard firstOption != nil else {
            return ({ _ in }, [])
        }
        let (targets, notes) = try self.targets(command: command)
        return ({ target in target = .voip(targets) }, notes)
    }

    /// The targets, SIP URIs first, each in canonical form; one given twice is kept once, with a note.
    private func targets(command: String) throws(StoreError) -> ([VoIPTarget], [String]) {
        var targets: [VoIPTarget] = []
        var notes: [String] = []
        let given = (sipURIs ?? []).map { ("--sip-uri", $0) } + (tels ?? []).map { ("--tel", $0) }
        for (field, text) in given {
            let target =
                field == "--sip-uri"
                ? try WarrantValidation.sipURI(text, field: field) : try WarrantValidation.telNumber(text, field: field)
            if targets.contains(target) {
                notes.append(
                    "\(command): \(field) \(AdminCommands.quoted(text)) is given twice (as \(target)); kept once"
                )
            } else {
                targets.append(target)
            }
        }
        return (targets, notes)
    }
}

import Warrants

/// The target options of a mobile warrant, as typed: `--imsi`, `--msisdn` and `--imei`, which together are the
/// identity list (for `warrant modify`, the new list).
public struct MobileTargetOptions: WarrantTargetOptions {
    /// `--imsi DIGITS`, repeatable; nil when not given.
    public var imsis: [String]?
    /// `--msisdn DIGITS`, repeatable; nil when not given.
    public var msisdns: [String]?
    /// `--imei DIGITS`, repeatable; nil when not given.
    public var imeis: [String]?

    /// Creates the options.
    public init(imsis: [String]? = nil, msisdns: [String]? = nil, imeis: [String]? = nil) {
        self.imsis = imsis
        self.msisdns = msisdns
        self.imeis = imeis
    }

    public var kind: String { "mobile" }

    public var optionNames: [String] { ["--imsi", "--msisdn", "--imei"] }

    public var firstOption: String? {
        if imsis != nil { return "--imsi" }
        if msisdns != nil { return "--msisdn" }
        if imeis != nil { return "--imei" }
        return nil
    }

    public var conflict: String? { nil }

    public func target(command: String) throws(StoreError) -> (WarrantTarget, [String]) {
        let (identities, notes) = try self.identities(command: command)
        return (.mobile(identities), notes)
    }

    public func edit(
        command: String
    ) throws(StoreError) -> (@Sendable (inout WarrantTarget) throws(StoreError) -> Void, [String]) {
        guard firstOption != nil else {
            return ({ _ in }, [])
        }
        let (identities, notes) = try self.identities(command: command)
        return ({ target in target = .mobile(identities) }, notes)
    }

    /// The identities, IMSIs first, then MSISDNs, then IMEIs, each in stored form; one given twice is kept once,
    /// with a note.
    private func identities(command: String) throws(StoreError) -> ([MobileIdentity], [String]) {
        var identities: [MobileIdentity] = []
        var notes: [String] = []
        let given =
            (imsis ?? []).map { ("--imsi", $0) } + (msisdns ?? []).map { ("--msisdn", $0) }
            + (imeis ?? []).map { ("--imei", $0) }
        for (field, text) in given {
            let identity =
                switch field {
                case "--imsi": try WarrantValidation.imsi(text, field: field)
                case "--msisdn": try WarrantValidation.msisdn(text, field: field)
                default: try WarrantValidation.imei(text, field: field)
                }
            if identities.contains(identity) {
                notes.append(
                    "\(command): \(field) \(AdminCommands.quoted(text)) is given twice (as \(identity.digits)); kept once"
                )
            } else {
                identities.append(identity)
            }
        }
        return (identities, notes)
    }
}

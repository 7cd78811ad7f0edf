import Warrants

/// The target options of an IP warrant, as typed: `--user`, `--static-ip`, `--session-id`, and for `warrant modify`
/// `--no-user` and `--no-static-ip`.
public struct IPTargetOptions: WarrantTargetOptions {
    /// `--user USERNAME`.
    public var user: String?
    /// `--no-user`: the warrant no longer targets a user name (modify only).
    public var noUser: Bool
    /// `--static-ip CIDR`, repeatable; for modify, the new list (nil: unchanged).
    public var staticIPs: [String]?
    /// `--no-static-ip`: the warrant no longer targets static prefixes (modify only).
    public var noStaticIPs: Bool
    /// `--session-id N`; nil for 1 on add, unchanged on modify.
    public var sessionID: String?

    /// Creates the options.
    public init(
        user: String? = nil,
        noUser: Bool = false,
        staticIPs: [String]? = nil,
        noStaticIPs: Bool = false,
        sessionID: String? = nil
    ) {
        self.user = user
        self.noUser = noUser
        self.staticIPs = staticIPs
        self.noStaticIPs = noStaticIPs
        self.sessionID = sessionID
    }

    public var kind: String { "ip" }

    public var optionNames: [String] { ["--user", "--static-ip", "--session-id"] }

    public var firstOption: String? {
        if user != nil { return "--user" }
        if noUser { return "--no-user" }
        if staticIPs != nil { return "--static-ip" }
        if noStaticIPs { return "--no-static-ip" }
        if sessionID != nil { return "--session-id" }
        return nil
    }

    public var conflict: String? {
        if user != nil && noUser { return "--user cannot be combined with --no-user" }
        if staticIPs != nil && noStaticIPs { return "--static-ip cannot be combined with --no-static-ip" }
        return nil
    }

    public func target(command: String) throws(StoreError) -> (WarrantTarget, [String]) {
        let (prefixes, notes) = try self.prefixes(command: command)
        let target = IPTarget(
            username: try user.map { text throws(StoreError) in try WarrantValidation.username(text) },
            staticPrefixes: prefixes ?? [],
            sessionID: try sessionID.map { text throws(StoreError) in try WarrantValidation.sessionID(text) } ?? 1
        )
        return (.ip(target), notes)
    }

    public func edit(command: String) throws(StoreError) -> (@Sendable (inout WarrantTarget) -> Void, [String]) {
        let user = try user.map { text throws(StoreError) in try WarrantValidation.username(text) }
        let (prefixes, notes) = try self.prefixes(command: command)
        let sessionID = try sessionID.map { text throws(StoreError) in try WarrantValidation.sessionID(text) }
        let (noUser, noStaticIPs) = (noUser, noStaticIPs)
        let edit: @Sendable (inout WarrantTarget) -> Void = { target in
            guard var ip = target.ip else { return }
            if let user { ip.username = user }
            if noUser { ip.username = nil }
            if let prefixes { ip.staticPrefixes = prefixes }
            if noStaticIPs { ip.staticPrefixes = [] }
            if let sessionID { ip.sessionID = sessionID }
            target = .ip(ip)
        }
        return (edit, notes)
    }

    /// The `--static-ip` prefixes in canonical form, and a note for each one whose host bits were cleared.
    private func prefixes(command: String) throws(StoreError) -> ([String]?, [String]) {
        guard let staticIPs else { return (nil, []) }
        var prefixes: [String] = []
        var notes: [String] = []
        for text in staticIPs {
            let prefix = try WarrantValidation.prefix(text)
            if prefix.hostBitsCleared {
                notes.append(
                    "\(command): --static-ip \(AdminCommands.quoted(text)) has host bits set; stored as"
                        + " \(prefix.text)"
                )
            }
            prefixes.append(prefix.text)
        }
        return (prefixes, notes)
    }
}

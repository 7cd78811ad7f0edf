import Warrants

/// The target options of an IP warrant, as typed: `--user`, `--static-ip`, `--session-id`, `--mirror-id`,
/// `--mirror-vendor`, `--sink`, and for `warrant modify` `--no-user`, `--no-static-ip`, `--no-mirror-id` and
/// `--no-sink`.
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
    /// `--mirror-id N`: the intercept id of the target's vendor-mirrored packets.
    public var mirrorID: String?
    /// `--mirror-vendor jmirror|alu|cisco`: the vendor whose shim carries the id (nil: any on add, unchanged on
    /// modify).
    public var mirrorVendor: String?
    /// `--no-mirror-id`: the warrant no longer targets a mirror id (modify only).
    public var noMirrorID: Bool
    /// `--sink ADDRESS:PORT`: a raw UDP sink whose datagrams are the target's packets.
    public var sink: String?
    /// `--no-sink`: the warrant no longer takes a sink's datagrams (modify only).
    public var noSink: Bool

    /// Creates the options.
    public init(
        user: String? = nil,
        noUser: Bool = false,
        staticIPs: [String]? = nil,
        noStaticIPs: Bool = false,
        sessionID: String? = nil,
        mirrorID: String? = nil,
        mirrorVendor: String? = nil,
        noMirrorID: Bool = false,
        sink: String? = nil,
        noSink: Bool = false
    ) {
        self.user = user
        self.noUser = noUser
        self.staticIPs = staticIPs
        self.noStaticIPs = noStaticIPs
        self.sessionID = sessionID
        self.mirrorID = mirrorID
        self.mirrorVendor = mirrorVendor
        self.noMirrorID = noMirrorID
        self.sink = sink
        self.noSink = noSink
    }

    public var kind: String { "ip" }

    public var optionNames: [String] {
        ["--user", "--static-ip", "--session-id", "--mirror-id", "--mirror-vendor", "--sink"]
    }

    public var firstOption: String? {
        let given: [(String, Bool)] = [
            ("--user", user != nil), ("--no-user", noUser), ("--static-ip", staticIPs != nil),
            ("--no-static-ip", noStaticIPs), ("--session-id", sessionID != nil), ("--mirror-id", mirrorID != nil),
            ("--mirror-vendor", mirrorVendor != nil), ("--no-mirror-id", noMirrorID), ("--sink", sink != nil),
            ("--no-sink", noSink),
        ]
        return given.first(where: \.1)?.0
    }

    public var conflict: String? {
        let conflicts: [(String, Bool)] = [
            ("--user cannot be combined with --no-user", user != nil && noUser),
            ("--static-ip cannot be combined with --no-static-ip", staticIPs != nil && noStaticIPs),
            ("--mirror-id cannot be combined with --no-mirror-id", mirrorID != nil && noMirrorID),
            ("--mirror-vendor cannot be combined with --no-mirror-id", mirrorVendor != nil && noMirrorID),
            ("--sink cannot be combined with --no-sink", sink != nil && noSink),
        ]
        return conflicts.first(where: \.1)?.0
    }

    public func target(command: String) throws(StoreError) -> (WarrantTarget, [String]) {
        let (prefixes, notes) = try self.prefixes(command: command)
        let (mirrorID, vendor) = try mirror()
        if let vendor, mirrorID == nil {
            throw Self.vendorWithoutID(vendor)
        }
        let target = IPTarget(
            username: try user.map { text throws(StoreError) in try WarrantValidation.username(text) },
            staticPrefixes: prefixes ?? [],
            sessionID: try sessionID.map { text throws(StoreError) in try WarrantValidation.sessionID(text) } ?? 1,
            mirror: mirrorID.map { MirrorTarget(interceptID: $0, vendor: vendor) },
            sink: try sink.map { text throws(StoreError) in try WarrantValidation.sinkEndpoint(text) }
        )
        return (.ip(target), notes)
    }

    public func edit(
        command: String
    ) throws(StoreError) -> (@Sendable (inout WarrantTarget) throws(StoreError) -> Void, [String]) {
        let user = try user.map { text throws(StoreError) in try WarrantValidation.username(text) }
        let (prefixes, notes) = try self.prefixes(command: command)
        let sessionID = try sessionID.map { text throws(StoreError) in try WarrantValidation.sessionID(text) }
        let (mirrorID, vendor) = try mirror()
        let sink = try sink.map { text throws(StoreError) in try WarrantValidation.sinkEndpoint(text) }
        let (noUser, noStaticIPs, noMirrorID, noSink) = (noUser, noStaticIPs, noMirrorID, noSink)
        let edit: @Sendable (inout WarrantTarget) throws(StoreError) -> Void = { target throws(StoreError) in
            guard var ip = target.ip else { return }
            if let user { ip.username = user }
            if noUser { ip.username = nil }
            if let prefixes { ip.staticPrefixes = prefixes }
            if noStaticIPs { ip.staticPrefixes = [] }
            if let sessionID { ip.sessionID = sessionID }
            if let mirrorID {
                ip.mirror = MirrorTarget(interceptID: mirrorID, vendor: vendor ?? ip.mirror?.vendor)
            } else if let vendor {
                guard ip.mirror != nil else { throw Self.vendorWithoutID(vendor) }
                ip.mirror?.vendor = vendor
            }
            if noMirrorID { ip.mirror = nil }
            if let sink { ip.sink = sink }
            if noSink { ip.sink = nil }
            target = .ip(ip)
        }
        return (edit, notes)
    }

    /// `--mirror-id` and `--mirror-vendor`, checked.
    private func mirror() throws(StoreError) -> (UInt32?, MirrorVendor?) {
        (
            try mirrorID.map { text throws(StoreError) in try WarrantValidation.mirrorID(text) },
            try mirrorVendor.map { text throws(StoreError) in try WarrantValidation.mirrorVendor(text) }
        )
    }

    /// A `--mirror-vendor` without a mirror id to go with it.
    private static func vendorWithoutID(_ vendor: MirrorVendor) -> StoreError {
        StoreError(
            .invalid,
            field: "mirror_vendor",
            parts: [
                .field("mirror_vendor"), .text(" \(AdminCommands.quoted(vendor.rawValue)) needs a "),
                .field("mirror_id"), .text(" (the vendor says whose shim carries the intercept id)"),
            ]
        )
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

import TestSupport
import Testing

/// Set-up steps many end-to-end tests share.
enum E2ESetup {
    /// Adds the plaintext agency LEA-A (HI2 and HI3 at 127.0.0.1:`port`, country NZ), with keep-alives every
    /// `keepalive` seconds (answer within `keepalive - 1`) when given.
    static func addPlaintextAgency(_ appliance: ApplianceBinary, port: Int, keepalive: Int? = nil) throws {
        let endpoint = "127.0.0.1:\(port)"
        var arguments = [
            "agency", "add", "LEA-A", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ",
        ]
        if let keepalive { arguments += ["--keepalive", "\(keepalive)", "--keepalive-wait", "\(keepalive - 1)"] }
        let added = try appliance.run(arguments)
        #expect(added.status == 0, "agency add: \(added.standardError)")
    }

    /// Adds a plaintext agency (country NZ) for every agency a capture's JSON warrants name, HI2 and HI3 both at
    /// `endpoint`; returns their names, sorted.
    static func addCaptureAgencies(
        _ appliance: ApplianceBinary,
        warrants: [[String: Any]],
        endpoint: String
    ) throws -> [String] {
        let agencies = Set(warrants.compactMap { $0["agency"] as? String }).sorted()
        for agency in agencies {
            let added = try appliance.run(
                ["agency", "add", agency, "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"])
            #expect(added.status == 0, "agency add: \(added.standardError)")
        }
        return agencies
    }

    /// A Python program that sends RADIUS accounting for `liveuser` at `prefix`.5 (NAS `prefix`.9, server
    /// `prefix`.2:1813, session `session`) through real sockets: the functions `accounting(ident, status)` and the
    /// sockets `nas`, `target` (`prefix`.5) and `peer` (`prefix`.60) are defined, then `traffic` runs.
    static func liveSender(prefix: String, session: String, traffic: String) -> String {
        """
        import socket, struct, time
        def attr(t, v): return bytes([t, len(v) + 2]) + v
        def accounting(ident, status):
            body = b"".join([attr(1, b"liveuser"), attr(40, struct.pack(">I", status)),
                             attr(8, socket.inet_aton("\(prefix).5")), attr(44, b"\(session)"),
                             attr(4, socket.inet_aton("\(prefix).9"))])
            return bytes([4, ident]) + struct.pack(">H", 20 + len(body)) + b"\\x11" * 16 + body
        nas = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); nas.bind(("\(prefix).9", 0))
        target = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); target.bind(("\(prefix).5", 0))
        peer = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); peer.bind(("\(prefix).60", 0))

        """ + traffic
    }
}

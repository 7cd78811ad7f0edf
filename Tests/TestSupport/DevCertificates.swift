import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Throwaway certificates made by `Scripts/dev-certs` (the way demos and operators make them), in a folder of a
/// test's scratch directory: `ca`, `agency` (server, localhost and 127.0.0.1), `appliance` (client), `other-ca`,
/// `other-agency`, `rogue-agency` and `expired-agency`, each as `NAME.pem` and `NAME.key`.
public struct DevCertificates: Sendable {
    /// The folder that holds them (its canonical path).
    public let directory: String

    /// Runs `Scripts/dev-certs` into `<parent>/certs`.
    public init(in parent: String) throws {
        let made = try ProcessRunner.run("/bin/bash", [RepositoryLayout.script("dev-certs"), parent + "/certs"])
        guard made.status == 0 else {
            throw DecoderError(message: "dev-certs failed (\(made.status)): \(made.standardError)")
        }
        directory = Self.canonical(parent + "/certs")
    }

    /// The canonical path of the file `name` (for example `"ca.pem"`).
    public func path(_ name: String) -> String {
        Self.canonical(directory + "/" + name)
    }

    /// `path` with symbolic links, `.` and `..` resolved.
    public static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else {
            return path
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

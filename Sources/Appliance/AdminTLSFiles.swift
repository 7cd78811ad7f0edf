import NIOSSL
import Warrants

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks an agency's TLS files at `agency add`, so that a typo is refused then rather than found at `run`: each file
/// is resolved to its canonical absolute path, must be a readable regular file, and must parse (CA and certificate
/// as PEM certificates, key as a PEM private key that belongs to the certificate). Nothing read is kept or printed.
enum AdminTLSFiles {
    /// The canonical paths of the three files, or an error naming the flag and the path; `notes` gets a remark when
    /// the key file is readable by others.
    static func check(
        ca: String,
        cert: String,
        key: String,
        command: String,
        notes: inout [String]
    ) throws(ApplianceError) -> (ca: String, cert: String, key: String) {
        let caPath = try regularFile(ca, flag: "--ca", command: command)
        let certPath = try regularFile(cert, flag: "--cert", command: command)
        let keyPath = try regularFile(key, flag: "--key", command: command)
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates(try certificates(caPath, flag: "--ca", command: command))
        configuration.certificateChain = try certificates(certPath, flag: "--cert", command: command).map {
            .certificate($0)
        }
        do {
            configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyPath, format: .pem))
        } catch {
            throw ApplianceError(.usage, "\(command): --key \(keyPath) is not a PEM private key file")
        }
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw ApplianceError(.usage, "\(command): --key \(keyPath) is not the key of --cert \(certPath)")
        }
        var status = stat()
        if stat(keyPath, &status) == 0, status.st_mode & 0o077 != 0 {
            let mode = String(status.st_mode & 0o777, radix: 8)
            notes.append("\(command): --key \(keyPath) is accessible to others (mode 0\(mode)); chmod 600 it")
        }
        return (caPath, certPath, keyPath)
    }

    /// The certificates in a PEM file; at least one.
    private static func certificates(
        _ path: String,
        flag: String,
        command: String
    ) throws(ApplianceError) -> [NIOSSLCertificate] {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw ApplianceError(.usage, "\(command): \(flag) \(path) is not a PEM certificate file")
        }
        guard !certificates.isEmpty else {
            throw ApplianceError(.usage, "\(command): \(flag) \(path) is not a PEM certificate file")
        }
        return certificates
    }

    /// The canonical absolute path of `path` (symbolic links, `.` and `..` resolved), which must be a regular file
    /// the process can read.
    static func regularFile(_ path: String, flag: String, command: String) throws(ApplianceError) -> String {
        guard let resolved = realpath(path, nil) else {
            throw ApplianceError(.usage, "\(command): \(flag) \(path) cannot be read (\(lastError()))")
        }
        defer { free(resolved) }
        let canonical = String(cString: resolved)
        var status = stat()
        guard stat(canonical, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw ApplianceError(.usage, "\(command): \(flag) \(path) is not a regular file")
        }
        guard access(canonical, R_OK) == 0 else {
            throw ApplianceError(.usage, "\(command): \(flag) \(path) cannot be read (\(lastError()))")
        }
        return canonical
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

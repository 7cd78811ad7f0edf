import Foundation
import TestSupport

/// Throwaway certificates made with `openssl` for the TLS tests: a CA, a server certificate for 127.0.0.1 and a
/// client certificate signed by it, and a second CA with a client certificate of its own.
struct LEMFTestCertificates {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let directory: String

    var caPath: String { directory + "/ca.pem" }
    var serverCertificatePath: String { directory + "/server.pem" }
    var serverKeyPath: String { directory + "/server.key" }
    var clientCertificatePath: String { directory + "/client.pem" }
    var clientKeyPath: String { directory + "/client.key" }
    var otherCAPath: String { directory + "/other-ca.pem" }
    var strangerCertificatePath: String { directory + "/stranger.pem" }
    var strangerKeyPath: String { directory + "/stranger.key" }

    init() throws {
        directory =
            FileManager.default.temporaryDirectory.appendingPathComponent("lemf-certs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try makeCA("ca", subject: "/O=Test Agency/CN=LEMF Test CA")
        try makeCA("other-ca", subject: "/O=Elsewhere/CN=Other CA")
        try makeLeaf("server", ca: "ca", subject: "/CN=127.0.0.1", extensions: "subjectAltName=IP:127.0.0.1\n")
        try makeLeaf(
            "client",
            ca: "ca",
            subject: "/C=NZ/O=Test ISP/CN=appliance-test",
            extensions: "extendedKeyUsage=clientAuth\n"
        )
        try makeLeaf("stranger", ca: "other-ca", subject: "/CN=stranger", extensions: "extendedKeyUsage=clientAuth\n")
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func makeCA(_ name: String, subject: String) throws {
        try openssl([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "\(directory)/\(name).key", "-out", "\(directory)/\(name).pem", "-days", "2",
            "-subj", subject, "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
    }

    private func makeLeaf(_ name: String, ca: String, subject: String, extensions: String) throws {
        let extensionsPath = "\(directory)/\(name).ext"
        try (extensions + "basicConstraints=CA:FALSE\n").write(
            toFile: extensionsPath,
            atomically: true,
            encoding: .utf8
        )
        try openssl([
            "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "\(directory)/\(name).key", "-out", "\(directory)/\(name).csr", "-subj", subject,
        ])
        try openssl([
            "x509", "-req", "-in", "\(directory)/\(name).csr", "-CA", "\(directory)/\(ca).pem",
            "-CAkey", "\(directory)/\(ca).key", "-CAcreateserial", "-out", "\(directory)/\(name).pem",
            "-days", "2", "-extfile", extensionsPath,
        ])
    }

    private func openssl(_ arguments: [String]) throws {
        let output = try ProcessRunner.run("/usr/bin/openssl", arguments)
        guard output.status == 0 else {
            throw Failure(description: "openssl \(arguments.first ?? ""): \(output.standardError)")
        }
    }
}

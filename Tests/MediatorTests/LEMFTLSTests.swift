import ETSI
import Foundation
import Mediator
import NIOSSL
import TestSupport
import Testing

/// The built-in LEMF over TLS, with certificates from `Scripts/dev-certs`: `agency` serves, `appliance` is the client,
/// `other-agency` (from another CA) is a stranger.
@Suite("LEMF server over TLS", .serialized)
struct LEMFTLSTests {
    private static func clientContext(
        _ certificates: DevCertificates,
        certificate: String?,
        key: String?
    ) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv13
        configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificates.path("ca.pem")))
        if let certificate, let key {
            configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) }
            configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
        }
        return try NIOSSLContext(configuration: configuration)
    }

    private static func startServer(
        _ certificates: DevCertificates,
        decryptionKey: PayloadEncryptionKey? = nil,
        integrityKey: IntegrityVerifyingKey? = nil
    ) async throws -> LEMFServer {
        let files = LEMFTLSFiles(
            caPath: certificates.path("ca.pem"),
            certificatePath: certificates.path("agency.pem"),
            keyPath: certificates.path("agency.key")
        )
        var configuration = LEMFServerConfiguration(
            listen: LEMFListenAddress(host: "127.0.0.1", port: 0),
            tls: files,
            outputPath: certificates.directory + "/out.jsonl"
        )
        configuration.decryptionKey = decryptionKey
        configuration.integrityKey = integrityKey
        return try await LEMFServer.start(configuration) { _ in }
    }

    @Test("encrypted, integrity-protected records over TLS 1.3: decrypted, decoded, every check verified")
    func protectedRecords() async throws {
        let scratch = try ScratchDirectory(prefix: "lemf-tls")
        let certificates = try DevCertificates(in: scratch.path)
        let key = try PayloadEncryptionKey(fileContents: Array(IntegrityTestKeys.encryptionKeyFile.utf8))
        let signer = try IntegritySigningKey(pem: IntegrityTestKeys.ed25519Private)
        let server = try await Self.startServer(
            certificates,
            decryptionKey: key,
            integrityKey: try IntegrityVerifyingKey(pem: IntegrityTestKeys.ed25519Public)
        )
        var stream = ProtectedStream(
            liid: "LI-1",
            dataType: .iri,
            encryptionKey: key,
            hash: .sha512,
            signingKey: signer
        )
        let items = try ProtectedStream.items(of: &stream, records: 40, recordsPerHash: 16, hashesPerSignature: 2)
        let client = try Self.clientContext(
            certificates,
            certificate: certificates.path("appliance.pem"),
            key: certificates.path("appliance.key")
        )
        let expected = try VectorFiles.bytes("keepalive-response.der")
        let outcome = try await LEMFTestClient.exchange(
            port: server.boundAddress.port,
            sending: items.flatMap(\.octets) + VectorFiles.bytes("keepalive.der"),
            expecting: expected.count,
            tls: client
        )
        #expect(outcome.received == expected)
        let summary = await server.stop()
        #expect(summary.liids["LI-1"]?.iriTotal == 40)
        #expect(summary.liids["LI-1"]?.decrypted == 45)
        #expect(summary.integrity?["LI-1"]?.recordsCovered == 40)
        #expect(summary.integrity?["LI-1"]?.signaturesVerified == 2)
        #expect(summary.integrity?["LI-1"]?.isIntact == true)
        #expect(!summary.hasErrors)
    }

    @Test("TLS 1.3 with a client certificate from the CA: records decoded, keep-alive answered, subject noted")
    func mutualTLS() async throws {
        let scratch = try ScratchDirectory(prefix: "lemf-tls")
        let certificates = try DevCertificates(in: scratch.path)
        let server = try await Self.startServer(certificates)
        #expect(server.usesTLS)
        let client = try Self.clientContext(
            certificates,
            certificate: certificates.path("appliance.pem"),
            key: certificates.path("appliance.key")
        )
        let expected = try VectorFiles.bytes("keepalive-response.der")
        let outcome = try await LEMFTestClient.exchange(
            port: server.boundAddress.port,
            sending: try VectorFiles.bytes("stream-ipaccess.der") + VectorFiles.bytes("keepalive.der"),
            expecting: expected.count,
            tls: client
        )
        #expect(outcome.received == expected)
        let summary = await server.stop()
        #expect(summary.liids["LIID-0001"]?.records == 4)
        let connection = try #require(summary.connections[1])
        #expect(connection.tls)
        #expect(connection.tlsVersion == "TLS 1.3")
        #expect(connection.peerSubject == "O=openli-appliance dev, CN=openli-appliance")
        #expect(!summary.hasErrors)
    }

    @Test("a client without a certificate, or with one from another CA, is refused")
    func refusedClients() async throws {
        let scratch = try ScratchDirectory(prefix: "lemf-tls")
        let certificates = try DevCertificates(in: scratch.path)
        let server = try await Self.startServer(certificates)
        let keepAlive = try VectorFiles.bytes("keepalive.der")
        let anonymous = try Self.clientContext(certificates, certificate: nil, key: nil)
        let stranger = try Self.clientContext(
            certificates,
            certificate: certificates.path("other-agency.pem"),
            key: certificates.path("other-agency.key")
        )
        for context in [anonymous, stranger] {
            let outcome = try? await LEMFTestClient.exchange(
                port: server.boundAddress.port,
                sending: keepAlive,
                expecting: keepAlive.count,
                tls: context
            )
            #expect(outcome?.received.isEmpty ?? true)
        }
        var summary = await server.summary()
        for _ in 0..<50 where summary.refusedHandshakes < 2 {
            try await Task.sleep(for: .milliseconds(100))
            summary = await server.summary()
        }
        summary = await server.stop()
        #expect(summary.refusedHandshakes == 2)
        #expect(summary.liids.isEmpty)
        #expect(summary.connections.values.allSatisfy { $0.failure?.hasPrefix("refused") == true })
        #expect(summary.hasErrors)
    }

    @Test("a certificate file that is not PEM is a usage error")
    func badMaterial() async throws {
        let scratch = try ScratchDirectory(prefix: "lemf-tls")
        let certificates = try DevCertificates(in: scratch.path)
        let notPEM = scratch.file("agency.txt")
        try "not a certificate\n".write(toFile: notPEM, atomically: true, encoding: .utf8)
        let files = LEMFTLSFiles(
            caPath: certificates.path("ca.pem"),
            certificatePath: notPEM,
            keyPath: certificates.path("agency.key")
        )
        let configuration = LEMFServerConfiguration(listen: LEMFListenAddress(host: "127.0.0.1", port: 0), tls: files)
        await #expect(throws: LEMFError.self) {
            _ = try await LEMFServer.start(configuration) { _ in }
        }
    }
}

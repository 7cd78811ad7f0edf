import Mediator

/// `openli-appliance lemf`: runs the built-in LEMF until SIGINT or SIGTERM (or until its listening socket fails),
/// then prints the per-LIID summary on standard error.
public enum LEMFRunner {
    /// Serves and returns the exit status: 0 when no error was seen, 1 otherwise (with `--verify-integrity`, a
    /// LIID whose integrity is not proven is an error). Throws for bad options and key files (exit 2) and a socket
    /// that cannot be bound (exit 1).
    public static func run(_ options: LEMFOptions) async throws(ApplianceError) -> Int32 {
        let configuration = try configuration(from: options)
        let server: LEMFServer
        do {
            server = try await LEMFServer.start(configuration) { StandardError.writeLine($0) }
        } catch {
            throw ApplianceError(error.code == .usage ? .usage : .runtime, "lemf: \(error.description)")
        }
        let mode = server.usesTLS ? "tls" : "plaintext"
        StandardError.writeLine("lemf: listening on \(server.boundAddress) (\(mode))")
        let signals = SignalTrap(label: "openli.lemf.signals") { number in
            StandardError.writeLine("lemf: signal \(number): stopping")
            server.stopListening()
        }
        let requested = await server.waitUntilListenerCloses()
        signals.cancel()
        if !requested {
            StandardError.writeLine("lemf: the listening socket closed unexpectedly; stopping")
        }
        let summary = await server.stop()
        for line in summary.render() {
            StandardError.writeLine(line)
        }
        return summary.hasErrors ? 1 : 0
    }

    /// Checks the options and turns them into the server's configuration.
    static func configuration(from options: LEMFOptions) throws(ApplianceError) -> LEMFServerConfiguration {
        let listen: LEMFListenAddress
        do {
            listen = try LEMFListenAddress(parsing: options.listen)
        } catch {
            throw ApplianceError(.usage, "lemf: \(error.description)")
        }
        var configuration = LEMFServerConfiguration(listen: listen, outputPath: options.outputPath)
        configuration.derOutputPath = options.derOutputPath
        configuration.decryptionKey = try options.decryptionKeyPath.map { path throws(ApplianceError) in
            try LEMFKeyFiles.encryptionKey(path, option: "--decryption-key-file", command: "lemf")
        }
        configuration.integrityKey = try options.integrityKeyPath.map { path throws(ApplianceError) in
            try LEMFKeyFiles.verifyingKey(path, option: "--verify-integrity", command: "lemf")
        }
        switch (options.caPath, options.certificatePath, options.keyPath) {
        case (nil, nil, nil):
            guard !options.requireClientCertificate else {
                throw ApplianceError(.usage, "lemf: --require-client-cert needs TLS (--ca, --cert and --key)")
            }
        case (let ca?, let certificate?, let key?):
            configuration.tls = LEMFTLSFiles(caPath: ca, certificatePath: certificate, keyPath: key)
        default:
            throw ApplianceError(.usage, "lemf: give all of --ca, --cert and --key for TLS, or none for plaintext")
        }
        return configuration
    }
}

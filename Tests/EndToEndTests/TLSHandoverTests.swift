import Foundation
import TestSupport
import Testing

/// Handover over TLS 1.3 with mutual authentication, against the built-in LEMF, with certificates from
/// Scripts/dev-certs.
@Suite(.serialized)
struct TLSHandoverTests {
    func configure(
        _ appliance: ApplianceBinary,
        port: Int,
        certificates: DevCertificates,
        clientCertificate: String = "appliance"
    ) throws -> CaptureScenario {
        let scenario = try CaptureScenario("radius-basic")
        let endpoint = "127.0.0.1:\(port)"
        let added = try appliance.run([
            "agency", "add", "LEA-A", "--hi2", endpoint, "--hi3", endpoint, "--country", "NZ",
            "--ca", certificates.path("ca.pem"), "--cert", certificates.path("\(clientCertificate).pem"),
            "--key", certificates.path("\(clientCertificate).key"), "--server-name", "localhost",
            "--keepalive", "2", "--keepalive-wait", "1",
        ])
        #expect(added.status == 0, "agency add: \(added.standardError)")
        try appliance.run(["server", "add", "radius"] + scenario.radiusServers)
        try appliance.run(["warrant", "add", "ip", "SHR-RB-ALICE", "--agency", "LEA-A", "--user", "alice"])
        return scenario
    }

    @Test func mutuallyAuthenticatedTLS13DeliversEveryRecord() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let certificates = try DevCertificates(in: appliance.directory)
        let lemf = try LEMFProcess(appliance: appliance, certificates: certificates)
        let scenario = try configure(appliance, port: lemf.port, certificates: certificates)
        let run = try appliance.run([
            "run", "--pcap", scenario.pcapPath, "--spool", appliance.directory + "/spool", "--retry", "1",
        ])
        #expect(run.status == 0, "run: \(run.standardError)")
        #expect(run.standardError.contains("TLS"))
        #expect(!run.standardError.contains("PLAINTEXT"))
        let status = try appliance.run(["status", "--spool", appliance.directory + "/spool"])
        #expect(
            status.standardOutput.contains("tlsv13") || status.standardOutput.contains("TLS v1.3")
                || status.standardOutput.lowercased().contains("1.3"),
            "status: \(status.standardOutput)"
        )
        let (lemfStatus, summary) = lemf.stop()
        #expect(lemfStatus == 0, "lemf: \(summary)")
        let streams = completeStreams(lemf.records())
        #expect(streams.gapless)
        #expect(streams.iris == 4)
        #expect(streams.ccs == 72)
    }

    @Test func anAgencyCertificateFromAnotherCAIsRefused() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let certificates = try DevCertificates(in: appliance.directory)
        let impostor = try BackgroundProcess(
            appliance.path,
            [
                "lemf", "--listen", "127.0.0.1:0", "--ca", certificates.path("other-ca.pem"),
                "--cert", certificates.path("other-agency.pem"), "--key", certificates.path("other-agency.key"),
            ]
        )
        let port = try #require(impostor.waitForError(#"listening on [^ ]+:(\d+)"#).flatMap { Int($0) })
        let scenario = try configure(appliance, port: port, certificates: certificates)
        let run = try appliance.run([
            "run", "--pcap", scenario.pcapPath, "--spool", appliance.directory + "/spool", "--retry", "1",
            "--drain-timeout", "3",
        ])
        #expect(run.status == 3, "run: \(run.standardError)")
        #expect(run.standardError.contains("UNDELIVERED"))
        impostor.interrupt()
        #expect(!impostor.standardError.contains("IRI 1"))
    }

    @Test func aMissingClientCertificateMakesTheAgencyUnusableNotPlaintext() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let certificates = try DevCertificates(in: appliance.directory)
        let lemf = try LEMFProcess(appliance: appliance, certificates: certificates)
        let scenario = try configure(appliance, port: lemf.port, certificates: certificates)
        try FileManager.default.removeItem(atPath: certificates.path("appliance.pem"))
        let run = try appliance.run([
            "run", "--pcap", scenario.pcapPath, "--spool", appliance.directory + "/spool", "--drain-timeout", "2",
        ])
        #expect(run.status == 3)
        #expect(run.standardError.contains("unusable"))
        _ = lemf.stop()
        #expect(lemf.records().isEmpty)
    }
}

import Foundation
import TestSupport
import Testing

/// The agency's certificate must name the agency: `--server-name` when it is set (an IP name equal to the connected
/// address is not enough), else the host the connection goes to. A refusal is logged as ours, with the check that
/// failed, and no record leaves.
@Suite(.serialized)
struct AgencyNameCheckTests {
    /// Adds LEA-A at `host`:`port` over TLS (with `serverName` if given) and one IP warrant; returns the capture.
    func configure(
        _ appliance: ApplianceBinary,
        host: String = "127.0.0.1",
        port: Int,
        serverName: String?,
        certificates: DevCertificates
    ) throws -> CaptureScenario {
        let scenario = try CaptureScenario("radius-basic")
        let endpoint = "\(host):\(port)"
        var arguments = [
            "agency", "add", "LEA-A", "--hi2", endpoint, "--hi3", endpoint, "--country", "NZ",
            "--ca", certificates.path("ca.pem"), "--cert", certificates.path("appliance.pem"),
            "--key", certificates.path("appliance.key"), "--keepalive", "2", "--keepalive-wait", "1",
        ]
        if let serverName { arguments += ["--server-name", serverName] }
        let added = try appliance.run(arguments)
        #expect(added.status == 0, "agency add: \(added.standardError)")
        try appliance.run(["server", "add", "radius"] + scenario.radiusServers)
        try appliance.run(["warrant", "add", "ip", "SHR-RB-ALICE", "--agency", "LEA-A", "--user", "alice"])
        return scenario
    }

    /// Runs the capture against a LEMF presenting `serverCertificate`; returns the run and what the LEMF received.
    func deliver(
        serverCertificate: String,
        serverName: String?,
        host: String = "127.0.0.1"
    ) throws -> (run: ProcessOutput, records: Int) {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let certificates = try DevCertificates(in: appliance.directory)
        let lemf = try LEMFProcess(
            appliance: appliance,
            certificates: certificates,
            serverCertificate: serverCertificate
        )
        let scenario = try configure(
            appliance,
            host: host,
            port: lemf.port,
            serverName: serverName,
            certificates: certificates
        )
        let run = try appliance.run(["run", "--pcap", scenario.pcapPath, "--retry", "1", "--drain-timeout", "3"])
        _ = lemf.stop()
        return (run, lemf.records().filter { $0.kind == "IRI" || $0.kind == "CC" }.count)
    }

    @Test func aCertificateForAnotherNameIsRefusedEvenWithTheConnectedAddressInIt() throws {
        let (run, records) = try deliver(serverCertificate: "rogue-agency", serverName: "lemf.lea.example")
        #expect(run.status == 3, "run: \(run.standardError)")
        #expect(records == 0)
        #expect(run.standardError.contains("REFUSED the agency's certificate: name check failed"))
        #expect(run.standardError.contains("lemf.lea.example"))
        #expect(run.standardError.contains("DNS:rogue.example"))
    }

    @Test func theStockCertificateIsRefusedForAWrongServerName() throws {
        let (run, records) = try deliver(serverCertificate: "agency", serverName: "wrong.example")
        #expect(run.status == 3, "run: \(run.standardError)")
        #expect(records == 0)
        #expect(run.standardError.contains("REFUSED the agency's certificate: name check failed"))
    }

    @Test func theRightServerNameIsAccepted() throws {
        let (run, records) = try deliver(serverCertificate: "agency", serverName: "localhost")
        #expect(run.status == 0, "run: \(run.standardError)")
        #expect(records == 76)
    }

    @Test func withoutAServerNameTheConnectedAddressMustBeInTheCertificate() throws {
        let (run, records) = try deliver(serverCertificate: "rogue-agency", serverName: nil)
        #expect(run.status == 0, "run: \(run.standardError)")
        #expect(records == 76)
    }

    @Test func withoutAServerNameTheConnectedHostNameMustBeInTheCertificate() throws {
        let (run, records) = try deliver(serverCertificate: "rogue-agency", serverName: nil, host: "localhost")
        #expect(run.status == 3, "run: \(run.standardError)")
        #expect(records == 0)
        #expect(run.standardError.contains("expected localhost"))
    }

    @Test func aCertificateFromAnotherCAIsLoggedAsOurRefusalOfAnUnknownCA() throws {
        let (run, records) = try deliver(serverCertificate: "other-agency", serverName: "localhost")
        #expect(run.status == 3, "run: \(run.standardError)")
        #expect(records == 0)
        #expect(run.standardError.contains("REFUSED the agency's certificate: its certificate is not issued by"))
        #expect(run.standardError.contains("UNKNOWN CA"))
        #expect(!run.standardError.contains("the agency sent"))
    }

    @Test func anExpiredCertificateIsLoggedAsExpired() throws {
        let (run, records) = try deliver(serverCertificate: "expired-agency", serverName: "localhost")
        #expect(run.status == 3, "run: \(run.standardError)")
        #expect(records == 0)
        #expect(run.standardError.contains("REFUSED the agency's certificate: its certificate EXPIRED on 2021-01-01"))
    }
}

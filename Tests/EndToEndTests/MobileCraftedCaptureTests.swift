import Foundation
import TestSupport
import Testing

/// Mobile cases the captures do not show, crafted: a newer create for the same subscriber and bearer replaces the
/// session, the PDN address's traffic outside GTP (an SGi tap) is IPCC on the session's CIN, a TEID that another
/// endpoint also uses is not confused, a silent session times out, and a warrant added while the subscriber is
/// attached (paced replay) starts with start-of-interception.
@Suite(.serialized)
struct MobileCraftedCaptureTests {
    static let sgwC: [UInt8] = [10, 9, 0, 1]
    static let pgwC: [UInt8] = [10, 9, 0, 2]
    static let sgwU: [UInt8] = [10, 9, 0, 11]
    static let pgwU: [UInt8] = [10, 9, 0, 12]
    static let internet: [UInt8] = [203, 0, 113, 9]

    static func udp(_ from: [UInt8], _ to: [UInt8], _ sourcePort: UInt16, _ port: UInt16, _ payload: [UInt8]) -> [UInt8]
    {
        CraftedCapture.ipv4(
            from: from,
            to: to,
            protocol: 17,
            payload: CraftedCapture.udp(sourcePort: sourcePort, destinationPort: port, payload: payload)
        )
    }

    /// An inner packet between the subscriber and the internet.
    static func inner(_ pdn: [UInt8], uplink: Bool, _ tag: UInt8) -> [UInt8] {
        uplink ? udp(pdn, internet, 40000, 53, [tag]) : udp(internet, pdn, 53, 40000, [tag])
    }

    /// Create Session Request and Response for a subscriber (its TEIDs derived from `base`).
    static func attach(_ capture: inout CraftedCapture, imsi: String, base: UInt32, sequence: UInt32, pdn: [UInt8]) {
        capture.add(
            ipPacket: udp(
                sgwC,
                pgwC,
                2123,
                2123,
                GTPMessages.createSessionRequest(
                    imsi: imsi,
                    msisdn: "4477" + imsi.suffix(8),
                    sequence: sequence,
                    controlTEID: base,
                    control: sgwC,
                    userTEID: base + 0x10,
                    user: sgwU
                )
            )
        )
        capture.add(
            ipPacket: udp(
                pgwC,
                sgwC,
                2123,
                2123,
                GTPMessages.createSessionResponse(
                    sequence: sequence,
                    peerTEID: base,
                    controlTEID: base + 0x100,
                    control: pgwC,
                    userTEID: base + 0x110,
                    user: pgwU,
                    pdn: pdn
                )
            )
        )
    }

    /// G-PDUs: uplink to the PGW-U TEID, downlink to the SGW-U TEID.
    static func traffic(_ capture: inout CraftedCapture, base: UInt32, pdn: [UInt8], up: Int, down: Int) {
        for index in 0..<up {
            capture.add(
                ipPacket: udp(
                    sgwU,
                    pgwU,
                    2152,
                    2152,
                    GTPMessages.gpdu(teid: base + 0x110, inner: inner(pdn, uplink: true, UInt8(index)))
                )
            )
        }
        for index in 0..<down {
            capture.add(
                ipPacket: udp(
                    pgwU,
                    sgwU,
                    2152,
                    2152,
                    GTPMessages.gpdu(teid: base + 0x10, inner: inner(pdn, uplink: false, UInt8(index)))
                )
            )
        }
    }

    @Test func replacementSGiTrafficTEIDReuseAndTimeout() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let path = appliance.directory + "/mobile-crafted.pcap"
        var capture = CraftedCapture()
        let pdn: [UInt8] = [100, 64, 0, 1]
        Self.attach(&capture, imsi: "001010000000001", base: 0x1000, sequence: 1, pdn: pdn)
        Self.attach(&capture, imsi: "001010000000002", base: 0x0F00, sequence: 2, pdn: [100, 64, 0, 2])
        Self.traffic(&capture, base: 0x1000, pdn: pdn, up: 3, down: 2)
        capture.add(
            ipPacket: Self.udp(
                Self.sgwU,
                Self.pgwU,
                2152,
                2152,
                GTPMessages.gpdu(teid: 0x1010, inner: Self.inner([100, 64, 0, 2], uplink: true, 9))
            )
        )
        Self.attach(&capture, imsi: "001010000000001", base: 0x2000, sequence: 3, pdn: pdn)
        Self.traffic(&capture, base: 0x1000, pdn: pdn, up: 1, down: 1)
        Self.traffic(&capture, base: 0x2000, pdn: pdn, up: 1, down: 1)
        capture.add(ipPacket: Self.inner(pdn, uplink: false, 77))
        capture.timeMicros += 130_000_000
        capture.add(ipPacket: Self.udp(Self.internet, [192, 0, 2, 1], 1, 2, [0]))
        try capture.write(to: path)

        let lemf = try RecordCheckListener()
        let endpoint = "127.0.0.1:\(lemf.port)"
        for arguments in [
            ["agency", "add", "LEA", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"],
            ["server", "add", "gtp", "10.9.0.1", "10.9.0.2"],
            ["warrant", "add", "mobile", "MOB-A", "--agency", "LEA", "--imsi", "001010000000001"],
        ] {
            let result = try appliance.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        let run = try appliance.run(["run", "--pcap", path, "--retry", "1", "--gtp-session-timeout", "30"])
        #expect(run.status == 0, "run: \(run.standardError)")
        #expect(run.standardError.contains("2 expired"), "summary: \(run.standardError)")
        let (json, log) = lemf.finish(closedConnections: 2)
        #expect(log.contains(" 0 error(s)"), "record-check: \(log)")
        let records = json.compactMap(DecodedRecord.init).filter { $0.kind != "TRI" && $0.liid == "MOB-A" }
        let cins = Array(Set(records.map(\.cin))).sorted()
        #expect(cins == [0x1000, 0x2000])
        func iris(_ cin: Int) -> [String] {
            records.filter { $0.kind == "IRI" && $0.cin == cin }.sorted { $0.sequence < $1.sequence }
                .map { "\($0.iriType ?? "?") \($0.event ?? "?")" }
        }
        #expect(iris(0x1000) == ["iRI-Begin bearerActivation", "iRI-End bearerDeactivation"])
        #expect(iris(0x2000) == ["iRI-Begin bearerActivation", "iRI-End bearerDeactivation"])
        let ccs = records.filter { $0.kind == "CC" }
        #expect(ccs.filter { $0.cin == 0x1000 }.count == 5, "the first session's G-PDUs, not the other TEID users'")
        #expect(ccs.filter { $0.cin == 0x1000 && $0.direction == "fromTarget" }.count == 3)
        #expect(ccs.filter { $0.cin == 0x2000 }.count == 3, "two G-PDUs and the SGi-side packet")
    }

    @Test func aWarrantAddedWhileAttachedStartsWithStartOfInterception() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let path = appliance.directory + "/mobile-paced.pcap"
        var capture = CraftedCapture()
        let pdn: [UInt8] = [100, 64, 0, 7]
        Self.attach(&capture, imsi: "001010000000007", base: 0x7000, sequence: 1, pdn: pdn)
        for _ in 0..<60 {
            capture.timeMicros += 100_000
            Self.traffic(&capture, base: 0x7000, pdn: pdn, up: 1, down: 0)
        }
        capture.add(
            ipPacket: Self.udp(
                Self.sgwC,
                Self.pgwC,
                2123,
                2123,
                GTPMessages.deleteSession(request: true, teid: 0x7100, sequence: 9)
            )
        )
        capture.add(
            ipPacket: Self.udp(
                Self.pgwC,
                Self.sgwC,
                2123,
                2123,
                GTPMessages.deleteSession(request: false, teid: 0x7000, sequence: 9)
            )
        )
        try capture.write(to: path)
        let lemf = try RecordCheckListener()
        let endpoint = "127.0.0.1:\(lemf.port)"
        try appliance.run([
            "agency", "add", "LEA", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ",
        ])
        try appliance.run(["server", "add", "gtp", "10.9.0.1", "10.9.0.2"])
        let run = try BackgroundProcess(
            appliance.path,
            [
                "run", "--pcap", path, "--realtime", "--retry", "1", "--spool", appliance.spoolDirectory, "--db",
                appliance.databasePath,
            ]
        )
        Thread.sleep(forTimeInterval: 2.5)
        #expect(
            try appliance.run(["warrant", "add", "mobile", "MOB-LIVE", "--agency", "LEA", "--msisdn", "+447700000007"])
                .status == 0
        )
        #expect(run.wait(timeout: 60) == 0, "run: \(run.standardError)")
        let (json, log) = lemf.finish(closedConnections: 2)
        #expect(log.contains(" 0 error(s)"), "record-check: \(log)")
        let records = json.compactMap(DecodedRecord.init).filter { $0.liid == "MOB-LIVE" && $0.kind != "TRI" }
        let iris = records.filter { $0.kind == "IRI" }.sorted { $0.sequence < $1.sequence }
        #expect(
            iris.map { "\($0.iriType ?? "?") \($0.event ?? "?")" } == [
                "iRI-Begin startOfInterceptionWithActiveBearer", "iRI-End bearerDeactivation",
            ]
        )
        let ccs = records.filter { $0.kind == "CC" }.count
        #expect(ccs > 5 && ccs < 55, "only the G-PDUs after the warrant: \(ccs)")
    }

    @Test func aDedicatedBearerIsFollowedFromItsCreationToItsDeletion() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let path = appliance.directory + "/mobile-bearer.pcap"
        var capture = CraftedCapture()
        let pdn: [UInt8] = [100, 64, 0, 9]
        Self.attach(&capture, imsi: "001010000000009", base: 0x3000, sequence: 1, pdn: pdn)
        let createBearer = GTPMessages.v2(
            type: 95,
            teid: 0x3000,
            sequence: 0x100,
            elements: GTPMessages.element(73, [5])
                + GTPMessages.bearer(
                    fteids: GTPMessages.fteid(interface: 5, teid: 0x3600, address: Self.pgwU, instance: 1),
                    ebi: 0
                )
        )
        let bearerCreated = GTPMessages.v2(
            type: 96,
            teid: 0x3100,
            sequence: 0x100,
            elements: GTPMessages.element(2, [16, 0])
                + GTPMessages.bearer(
                    fteids: GTPMessages.fteid(interface: 4, teid: 0x3500, address: Self.sgwU, instance: 2),
                    cause: 16,
                    ebi: 6
                )
        )
        capture.add(ipPacket: Self.udp(Self.pgwC, Self.sgwC, 2123, 2123, createBearer))
        capture.add(ipPacket: Self.udp(Self.sgwC, Self.pgwC, 2123, 2123, bearerCreated))
        for tag: UInt8 in [1, 2] {
            capture.add(
                ipPacket: Self.udp(
                    Self.sgwU,
                    Self.pgwU,
                    2152,
                    2152,
                    GTPMessages.gpdu(teid: 0x3600, inner: Self.inner(pdn, uplink: true, tag))
                )
            )
        }
        capture.add(
            ipPacket: Self.udp(
                Self.pgwU,
                Self.sgwU,
                2152,
                2152,
                GTPMessages.gpdu(teid: 0x3500, inner: Self.inner(pdn, uplink: false, 3))
            )
        )
        let deleteBearer = GTPMessages.v2(
            type: 99,
            teid: 0x3000,
            sequence: 0x101,
            elements: GTPMessages.element(73, instance: 1, [6])
        )
        let bearerDeleted = GTPMessages.v2(
            type: 100,
            teid: 0x3100,
            sequence: 0x101,
            elements: GTPMessages.element(2, [16, 0])
        )
        capture.add(ipPacket: Self.udp(Self.pgwC, Self.sgwC, 2123, 2123, deleteBearer))
        capture.add(ipPacket: Self.udp(Self.sgwC, Self.pgwC, 2123, 2123, bearerDeleted))
        capture.add(
            ipPacket: Self.udp(
                Self.sgwU,
                Self.pgwU,
                2152,
                2152,
                GTPMessages.gpdu(teid: 0x3600, inner: Self.inner(pdn, uplink: true, 4))
            )
        )
        Self.traffic(&capture, base: 0x3000, pdn: pdn, up: 1, down: 0)
        try capture.write(to: path)

        let lemf = try RecordCheckListener()
        let endpoint = "127.0.0.1:\(lemf.port)"
        for arguments in [
            ["agency", "add", "LEA", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"],
            ["server", "add", "gtp", "10.9.0.1", "10.9.0.2"],
            ["warrant", "add", "mobile", "MOB-B", "--agency", "LEA", "--imsi", "001010000000009"],
        ] {
            let result = try appliance.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        let run = try appliance.run(["run", "--pcap", path, "--retry", "1"])
        #expect(run.status == 0, "run: \(run.standardError)")
        let (json, log) = lemf.finish(closedConnections: 2)
        #expect(log.contains(" 0 error(s)"), "record-check: \(log)")
        let records = json.compactMap(DecodedRecord.init).filter { $0.kind != "TRI" && $0.liid == "MOB-B" }
        let iris = records.filter { $0.kind == "IRI" }.sorted { $0.sequence < $1.sequence }
        #expect(
            iris.map { "\($0.iriType ?? "?") \($0.event ?? "?")" } == [
                "iRI-Begin bearerActivation", "iRI-Continue bearerModification", "iRI-Continue bearerModification",
            ]
        )
        let ccs = records.filter { $0.kind == "CC" }
        #expect(ccs.count == 4, "the dedicated bearer's three G-PDUs and the default bearer's last one")
        #expect(ccs.filter { $0.direction == "toTarget" }.count == 1)
    }
}

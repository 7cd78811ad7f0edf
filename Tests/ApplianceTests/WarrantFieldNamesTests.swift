import Appliance
import Foundation
import Testing
import Warrants

/// The store names a warrant's fields in its own terms; the commands name the options the operator typed.
@Suite struct WarrantFieldNamesTests {
    private func scratchStore() throws -> (AdminCommands, String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("fields-\(UUID().uuidString)").path
        let commands = AdminCommands(
            databasePath: base + "/warrants.sqlite",
            actor: AuditActor(user: "tester", command: "test")
        )
        var agency = AgencyAddRequest(name: "acme", hi2: "127.0.0.1:9001", hi3: "127.0.0.1:9002")
        agency.country = "NZ"
        agency.plaintext = true
        _ = try commands.addAgency(agency)
        return (commands, base)
    }

    @Test func aStoreRefusalNamesTheOptions() throws {
        let (commands, base) = try scratchStore()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let ip = WarrantAddRequest(liid: "L1", agency: "acme", target: IPTargetOptions(staticIPs: []))
        let needsTarget = "warrant add: a warrant needs a target: --user, --static-ip, --mirror-id or --sink"
        #expect(throws: ApplianceError(.usage, needsTarget)) {
            try commands.addWarrant(ip)
        }
        let voip = WarrantAddRequest(liid: "V1", agency: "acme", target: VoIPTargetOptions(sipURIs: [], tels: []))
        #expect(throws: ApplianceError(.usage, "warrant add: a warrant needs a target: --sip-uri or --tel")) {
            try commands.addWarrant(voip)
        }
        let email = WarrantAddRequest(liid: "E1", agency: "acme", target: EmailTargetOptions(addresses: []))
        #expect(throws: ApplianceError(.usage, "warrant add: a warrant needs a target: --address")) {
            try commands.addWarrant(email)
        }
        let mobile = WarrantAddRequest(liid: "M1", agency: "acme", target: MobileTargetOptions())
        #expect(throws: ApplianceError(.usage, "warrant add: a warrant needs a target: --imsi, --msisdn or --imei")) {
            try commands.addWarrant(mobile)
        }
        let short = WarrantAddRequest(liid: "M2", agency: "acme", target: MobileTargetOptions(imeis: ["123"]))
        #expect(throws: ApplianceError(.usage, "warrant add: --imei \"123\" is not an IMEI (14-16 digits)")) {
            try commands.addWarrant(short)
        }
        let window = WarrantAddRequest(
            liid: "L2",
            agency: "acme",
            target: IPTargetOptions(user: "bob"),
            start: "2030-01-01T00:00:00Z",
            end: "2029-01-01T00:00:00Z",
            allowPast: true
        )
        #expect(
            throws: ApplianceError(
                .usage,
                "warrant add: --end \"2029-01-01T00:00:00Z\" is not after --start \"2030-01-01T00:00:00Z\""
            )
        ) {
            try commands.addWarrant(window)
        }
    }

    @Test func oneKindsOptionsDoNotApplyToAnother() throws {
        let (commands, base) = try scratchStore()
        defer { try? FileManager.default.removeItem(atPath: base) }
        _ = try commands.addWarrant(WarrantAddRequest(liid: "L1", agency: "acme", target: IPTargetOptions(user: "bob")))
        let request = WarrantModifyRequest(
            liid: "L1",
            targets: [IPTargetOptions(), VoIPTargetOptions(tels: ["+6432"])]
        )
        #expect(throws: ApplianceError(.usage, "warrant modify: --tel does not apply to IP warrant \"L1\"")) {
            try commands.modifyWarrant(request)
        }
        _ = try commands.addWarrant(
            WarrantAddRequest(liid: "E1", agency: "acme", target: EmailTargetOptions(addresses: ["erin@example.org"]))
        )
        let email = WarrantModifyRequest(liid: "E1", targets: [IPTargetOptions(user: "bob"), EmailTargetOptions()])
        #expect(throws: ApplianceError(.usage, "warrant modify: --user does not apply to email warrant \"E1\"")) {
            try commands.modifyWarrant(email)
        }
        _ = try commands.addWarrant(
            WarrantAddRequest(liid: "M1", agency: "acme", target: MobileTargetOptions(msisdns: ["+6421555123"]))
        )
        let mobile = WarrantModifyRequest(
            liid: "M1",
            targets: [EmailTargetOptions(addresses: ["erin@example.org"]), MobileTargetOptions()]
        )
        #expect(throws: ApplianceError(.usage, "warrant modify: --address does not apply to mobile warrant \"M1\"")) {
            try commands.modifyWarrant(mobile)
        }
        let imsi = WarrantModifyRequest(
            liid: "E1",
            targets: [EmailTargetOptions(), MobileTargetOptions(imsis: ["123456"])]
        )
        #expect(throws: ApplianceError(.usage, "warrant modify: --imsi does not apply to email warrant \"E1\"")) {
            try commands.modifyWarrant(imsi)
        }
    }
}

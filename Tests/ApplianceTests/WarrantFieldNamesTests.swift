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
        #expect(throws: ApplianceError(.usage, "warrant add: a warrant needs a target: --user or --static-ip")) {
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
    }
}

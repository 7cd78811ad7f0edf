import Foundation
import GRDB
import Warrants

/// A fresh directory under the system's temporary directory, removed when the value goes away.
final class ScratchDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("warrants-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A path inside the directory.
    func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Opens a store at `name` as the test actor.
    func store(_ name: String = "warrants.sqlite") throws -> WarrantStore {
        try WarrantStore(path: file(name), actor: .tester)
    }

    /// Runs raw SQL on the file, as someone with access to the file (not through the store).
    func raw(_ sql: String, in name: String = "warrants.sqlite") throws {
        let queue = try DatabaseQueue(path: file(name))
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    /// The permission bits of a file.
    func mode(_ name: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: file(name))
        return (attributes[.posixPermissions] as? Int) ?? -1
    }
}

extension AuditActor {
    static let tester = AuditActor(user: "tester", command: "openli-appliance test")
}

/// Sample records.
enum Sample {
    static func agency(_ name: String = "acme", country: String? = "NZ") -> Agency {
        Agency(
            name: name,
            hi2: Endpoint(host: "127.0.0.1", port: 9001),
            hi3: Endpoint(host: "::1", port: 9002),
            countryCode: country,
            plaintext: true
        )
    }

    static func warrant(_ liid: String = "LIID1", agency: String = "acme") -> IPWarrant {
        IPWarrant(
            liid: liid,
            agency: agency,
            username: "bob@isp.example",
            staticPrefixes: ["198.51.100.7"],
            authorizationCountryCode: "nz",
            deliveryCountryCode: "NZ"
        )
    }
}

/// The error `body` throws, or nil.
func storeError(_ body: () throws(StoreError) -> Void) -> StoreError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

import Appliance
import Foundation
import Testing

/// `run`'s check of the store and spool modes, on real files: owner-only passes, anything the group or others may
/// read, write or enter is refused with one line naming the path, the mode and the fix.
@Suite struct StoreAtRestCheckTests {
    /// A scratch directory (0700) with a store file, its audit key and a spool holding one file, all owner-only.
    final class Layout {
        let base: String
        var options: RunOptions

        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("at-rest-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(
                atPath: base + "/warrants.spool/LEA-A",
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
            options = RunOptions(databasePath: base + "/warrants.sqlite")
            for file in ["warrants.sqlite", "warrants.sqlite.audit-key", "warrants.spool/LEA-A/hi3.spool"] {
                #expect(
                    FileManager.default.createFile(
                        atPath: base + "/" + file,
                        contents: Data("x".utf8),
                        attributes: [.posixPermissions: 0o600]
                    )
                )
            }
        }

        deinit {
            try? FileManager.default.removeItem(atPath: base)
        }

        func chmod(_ name: String, _ mode: Int) throws {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: base + "/" + name)
        }
    }

    @Test func ownerOnlyFilesPassAndMissingOnesToo() throws {
        let layout = try Layout()
        try StoreAtRest.check(layout.options)
        try FileManager.default.removeItem(atPath: layout.base + "/warrants.spool")
        try StoreAtRest.check(layout.options)
    }

    @Test(arguments: [
        ("warrants.sqlite", 0o644, "600"), ("warrants.sqlite", 0o620, "600"),
        ("warrants.sqlite.audit-key", 0o604, "600"),
        ("warrants.spool", 0o755, "700"), ("warrants.spool", 0o1777, "700"), ("warrants.spool/LEA-A", 0o710, "700"),
        ("warrants.spool/LEA-A/hi3.spool", 0o640, "600"),
    ])
    func anythingOpenToGroupOrOthersIsRefused(_ name: String, _ mode: Int, _ fix: String) throws {
        let layout = try Layout()
        try layout.chmod(name, mode)
        let path = layout.base + "/" + name
        let shown = String(mode, radix: 8)
        #expect(
            throws: ApplianceError(
                .usage,
                "run: \(path) is open to group or others (mode 0\(shown)); chmod \(fix) \(path)"
            )
        ) {
            try StoreAtRest.check(layout.options)
        }
    }

    @Test func aWALFileOpenToOthersIsRefused() throws {
        let layout = try Layout()
        let wal = layout.options.databasePath + "-wal"
        #expect(FileManager.default.createFile(atPath: wal, contents: nil, attributes: [.posixPermissions: 0o644]))
        #expect(throws: ApplianceError(.usage, "run: \(wal) is open to group or others (mode 0644); chmod 600 \(wal)"))
        {
            try StoreAtRest.check(layout.options)
        }
    }
}

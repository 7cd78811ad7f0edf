import Foundation
import TestSupport

/// `openli-appliance lemf` run by a test: listens on 127.0.0.1, writes one JSON line per record to a file.
struct LEMFProcess {
    let process: BackgroundProcess
    let port: Int
    let outPath: String

    /// Starts it on `port` (0: any) with TLS material from `certificates` (nil: plaintext), presenting the server
    /// certificate `serverCertificate` (`agency`, `rogue-agency`, ... of Scripts/dev-certs), with `extraArguments`
    /// (`--verify-integrity FILE`, ...) added.
    init(
        appliance: ApplianceBinary,
        port: Int = 0,
        certificates: DevCertificates? = nil,
        serverCertificate: String = "agency",
        name: String = "lemf",
        extraArguments: [String] = []
    )
        throws
    {
        outPath = appliance.directory + "/\(name)-\(UUID().uuidString).jsonl"
        var arguments = ["lemf", "--listen", "127.0.0.1:\(port)", "--out", outPath]
        if let certificates {
            arguments += [
                "--ca", certificates.path("ca.pem"), "--cert", certificates.path("\(serverCertificate).pem"), "--key",
                certificates.path("\(serverCertificate).key"),
            ]
        }
        process = try BackgroundProcess(appliance.path, arguments + extraArguments)
        guard let bound = process.waitForError(#"listening on [^ ]+:(\d+)"#), let number = Int(bound) else {
            throw DecoderError(message: "lemf did not start: \(process.standardError)")
        }
        self.port = number
    }

    /// Stops it (SIGINT) and returns its exit status and summary.
    func stop() -> (status: Int32, summary: String) {
        let status = process.interrupt()
        return (status, process.standardError)
    }

    /// The records it wrote: (LIID, CIN, kind, sequence number, redelivery).
    func records() -> [(liid: String, cin: Int, kind: String, seq: Int, redelivery: Bool)] {
        guard let text = try? String(contentsOfFile: outPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let liid = object["liid"] as? String, let kind = object["kind"] as? String
            else { return nil }
            return (
                liid, object["cin"] as? Int ?? -1, kind, object["seq"] as? Int ?? -1,
                object["redelivery"] as? Bool ?? false
            )
        }
    }
}

/// Checks that the union of several receivers' records has, per (LIID, CIN, kind), every number from 0 up with no
/// gap; returns the distinct records per kind.
func completeStreams(
    _ records: [(liid: String, cin: Int, kind: String, seq: Int, redelivery: Bool)]
) -> (
    gapless: Bool, iris: Int, ccs: Int
) {
    var seen: [String: Set<Int>] = [:]
    for record in records where record.kind == "IRI" || record.kind == "CC" {
        seen["\(record.liid)|\(record.cin)|\(record.kind)", default: []].insert(record.seq)
    }
    let gapless = seen.values.allSatisfy { $0 == Set(0..<$0.count) }
    let iris = seen.filter { $0.key.hasSuffix("|IRI") }.values.reduce(0) { $0 + $1.count }
    let ccs = seen.filter { $0.key.hasSuffix("|CC") }.values.reduce(0) { $0 + $1.count }
    return (gapless, iris, ccs)
}

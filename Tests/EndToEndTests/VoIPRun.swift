import Foundation
import TestSupport
import Testing

/// A VoIP warrant as `warrant add voip` takes it.
struct VoIPWarrantSpec {
    var liid: String
    var agency: String
    var sipURIs: [String] = []
    var tels: [String] = []
}

/// A crafted capture through the built binary: agencies, the SIP server and the warrants configured with the CLI,
/// `run --pcap FILE --retry 1 [flags]`, the records delivered to the independent decoder.
struct VoIPRun {
    /// The SIP proxy and registrar of every crafted scenario.
    static let proxy = SIPEndpoint([192, 0, 2, 10], 5060)

    /// What `run` printed and how it ended.
    let run: ProcessOutput
    /// The decoder's standard error (its errors and summary).
    let decoderLog: String
    /// Decoded IRIs and CCs (no TRIs), in arrival order.
    let records: [DecodedRecord]
    /// JSON lines that did not read as a record.
    let unreadable: Int
    /// The LIIDs configured.
    let liids: [String]

    /// Writes `capture` into a scratch directory (and, when `$OPENLI_E2E_KEEP_PCAPS` names a directory, a copy
    /// there named after the test), configures the store and runs the appliance on it.
    init(
        _ capture: SIPCallCapture,
        warrants: [VoIPWarrantSpec],
        flags: [String] = [],
        sipServers: [String] = ["192.0.2.10:5060"],
        name: String = #function
    ) throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let pcap = appliance.directory + "/crafted.pcap"
        try capture.write(to: pcap)
        if let keep = ProcessInfo.processInfo.environment["OPENLI_E2E_KEEP_PCAPS"] {
            let file = name.prefix { $0 != "(" }
            try capture.write(to: "\(keep)/\(file)\(flags.isEmpty ? "" : "-" + flags.joined(separator: "_")).pcap")
        }
        let lemf = try RecordCheckListener()
        let endpoint = "127.0.0.1:\(lemf.port)"
        let agencies = Array(Set(warrants.map(\.agency))).sorted()
        for agency in agencies {
            let added = try appliance.run(
                ["agency", "add", agency, "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"])
            #expect(added.status == 0, "agency add: \(added.standardError)")
        }
        let server = try appliance.run(["server", "add", "sip"] + sipServers)
        #expect(server.status == 0, "server add sip: \(server.standardError)")
        for warrant in warrants {
            let targets = warrant.sipURIs.flatMap { ["--sip-uri", $0] } + warrant.tels.flatMap { ["--tel", $0] }
            let added = try appliance.run(
                ["warrant", "add", "voip", warrant.liid, "--agency", warrant.agency] + targets
                    + ["--auth-cc", "NZ", "--delivery-cc", "NZ"]
            )
            #expect(added.status == 0, "warrant add voip: \(added.standardError)")
        }
        run = try appliance.run(["run", "--pcap", pcap, "--retry", "1"] + flags)
        let (json, log) = lemf.finish(closedConnections: 2 * agencies.count)
        decoderLog = log
        let decoded = json.compactMap(DecodedRecord.init)
        unreadable = json.count - decoded.count
        records = decoded.filter { $0.kind != "TRI" }
        liids = warrants.map(\.liid)
    }

    /// The common checks of every scenario: `run` exits 0 with its summary, the decoder found no error, every
    /// record names a configured LIID and a CIN in 1..<2^31.
    func expectClean(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 0, "run: \(run.standardError)", sourceLocation: sourceLocation)
        #expect(
            run.standardError.contains("openli-appliance run: summary"),
            "run: \(run.standardError)",
            sourceLocation: sourceLocation
        )
        #expect(!decoderLog.contains("CHECK FAILED"), "record-check: \(decoderLog)", sourceLocation: sourceLocation)
        #expect(decoderLog.contains(" 0 error(s)"), "record-check: \(decoderLog)", sourceLocation: sourceLocation)
        #expect(unreadable == 0, "\(unreadable) decoder lines were not records", sourceLocation: sourceLocation)
        let strangers = Set(records.map(\.liid)).subtracting(liids)
        #expect(strangers.isEmpty, "records for unknown LIIDs \(strangers)", sourceLocation: sourceLocation)
        let badCINs = records.filter { $0.cin <= 0 || $0.cin >= 1 << 31 }.map(\.cin)
        #expect(badCINs.isEmpty, "CINs out of range: \(badCINs)", sourceLocation: sourceLocation)
    }

    /// The IRIs of `liid` (of one CIN when given), by CIN and then sequence number.
    func iris(_ liid: String, cin: Int? = nil) -> [DecodedRecord] {
        records.filter { $0.liid == liid && $0.kind == "IRI" && (cin == nil || $0.cin == cin) }
            .sorted { ($0.cin, $0.sequence) < ($1.cin, $1.sequence) }
    }

    /// The CCs of `liid` (of one CIN when given), in arrival order.
    func ccs(_ liid: String, cin: Int? = nil) -> [DecodedRecord] {
        records.filter { $0.liid == liid && $0.kind == "CC" && (cin == nil || $0.cin == cin) }
    }

    /// The distinct CINs of `liid`'s records.
    func cins(_ liid: String) -> Set<Int> {
        Set(records.filter { $0.liid == liid }.map(\.cin))
    }

    /// The CIN of the IRI of `liid` that carries `message`.
    func cin(_ liid: String, of message: SIPSent) -> Int? {
        records.first { $0.liid == liid && $0.sipContent == message.bytes }?.cin
    }
}

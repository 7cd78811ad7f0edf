import Foundation
import TestSupport
import Testing

/// `run --metrics`: Prometheus text exposition scraped while a run works and parsed with `prometheus_client`'s
/// parser; its counters agree with the run's summary, and no label or value carries a LIID, a user name or an
/// address of the capture.
@Suite(.serialized)
struct MetricsScrapeTests {
    /// Scrapes `argv[1]` every 0.2 s until the run stops answering (or `argv[2]` seconds pass), asks once for
    /// another path, and prints the last scrape parsed, the number of scrapes and the other path's status as JSON.
    static let scraper = """
        import json, sys, time, urllib.error, urllib.request
        from prometheus_client.parser import text_string_to_metric_families
        url, deadline = sys.argv[1], time.time() + float(sys.argv[2])
        last, scrapes, other = None, 0, None
        while time.time() < deadline:
            try:
                text = urllib.request.urlopen(url, timeout=5).read().decode()
            except Exception:
                if last is not None:
                    break
                time.sleep(0.1)
                continue
            samples = [{"name": s.name, "labels": s.labels, "value": s.value}
                       for family in text_string_to_metric_families(text) for s in family.samples]
            last, scrapes = {"text": text, "samples": samples}, scrapes + 1
            if other is None:
                try:
                    other = urllib.request.urlopen(url.replace("/metrics", "/status"), timeout=5).status
                except urllib.error.HTTPError as error:
                    other = error.code
            time.sleep(0.2)
        print(json.dumps({"last": last, "scrapes": scrapes, "other": other}))
        """

    @Test func scrapedDuringARunTheCountersAgreeWithTheSummaryAndNameNoTarget() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let scenario = try CaptureScenario("radius-basic")
        let probe = try LEMFProcess(appliance: appliance, name: "probe")
        let deadPort = probe.port
        _ = probe.stop()
        let agencies = Set(scenario.warrants.map(\.agency)).sorted()
        for agency in agencies {
            let endpoint = "127.0.0.1:\(deadPort)"
            let added = try appliance.run(
                ["agency", "add", agency, "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"])
            #expect(added.status == 0, "agency add: \(added.standardError)")
        }
        _ = try appliance.run(["server", "add", "radius"] + scenario.radiusServers)
        for warrant in scenario.warrants {
            _ = try appliance.run([
                "warrant", "add", "ip", warrant.liid, "--agency", warrant.agency, "--user", warrant.user,
            ])
        }
        let run = try BackgroundProcess(
            appliance.path,
            [
                "run", "--pcap", scenario.pcapPath, "--retry", "1", "--drain-timeout", "4", "--metrics",
                "127.0.0.1:0", "--spool", appliance.spoolDirectory, "--db", appliance.databasePath,
            ]
        )
        let announced = try #require(
            run.waitForError("metrics at http://127\\.0\\.0\\.1:[0-9]+/metrics"),
            "run: \(run.standardError)"
        )
        let url = "http://" + announced.dropFirst("metrics at http://".count)
        let scrape = try BackgroundProcess("/usr/bin/env", ["python3", "-c", Self.scraper, String(url), "60"])
        #expect(run.wait(timeout: 60) == 3, "run: \(run.standardError)")
        #expect(scrape.wait(timeout: 60) == 0, "scrape: \(scrape.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(scrape.standardOutput.utf8)) as? [String: Any]
        )
        #expect((report["scrapes"] as? Int ?? 0) >= 2)
        #expect(report["other"] as? Int == 404)
        let last = try #require(report["last"] as? [String: Any])
        let samples = try #require(last["samples"] as? [[String: Any]])
        let summary = run.standardError
        #expect(Self.value(samples, "openli_appliance_captured_packets_total") == Self.summary(summary, "packets"))
        #expect(Self.value(samples, "openli_appliance_records_sequenced_total") == Self.summary(summary, "records"))
        #expect(Self.value(samples, "openli_appliance_records_total") == Self.summary(summary, "records"))
        #expect(Self.value(samples, "openli_appliance_records_unacknowledged") == Self.summary(summary, "records"))
        #expect(
            Self.value(samples, "openli_appliance_sessions_opened_total", ["kind": "ip"])
                == Self.summary(summary, "sessions +opened")
        )
        for agency in agencies {
            #expect(Self.value(samples, "openli_appliance_records_total", ["agency": agency]) ?? 0 > 0)
            #expect(Self.value(samples, "openli_appliance_handover_connected", ["agency": agency]) == 0)
        }
        let classified = Self.value(samples, "openli_appliance_shard_packets_total", ["source": "file"]) ?? 0
        #expect(classified > 0 && classified <= Self.summary(summary, "packets") ?? 0)
        let text = try #require(last["text"] as? String)
        for secret in try Self.secrets(of: "radius-basic") {
            #expect(!text.contains(secret), "the metrics name \(secret)")
        }
    }

    @Test func aBadAddressIsRefusedWithExitStatus2() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let run = try appliance.run(["run", "--pcap", try Self.emptyCapture(appliance), "--metrics", "9464"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("--metrics \"9464\" is not HOST:PORT"), "\(run.standardError)")
    }

    @Test func aPortInUseIsRefusedWithExitStatus1() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance, name: "holder")
        defer { _ = lemf.stop() }
        try E2ESetup.addPlaintextAgency(appliance, port: lemf.port)
        let run = try appliance.run([
            "run", "--pcap", try Self.emptyCapture(appliance), "--metrics", "127.0.0.1:\(lemf.port)",
        ])
        #expect(run.status == 1)
        #expect(run.standardError.contains("--metrics 127.0.0.1:\(lemf.port): cannot listen: the port is in use"))
    }

    static func emptyCapture(_ appliance: ApplianceBinary) throws -> String {
        let path = appliance.directory + "/empty.pcap"
        try CraftedCapture().write(to: path)
        return path
    }

    /// The sum of a metric's samples whose labels include `labels`; nil when there is none.
    static func value(_ samples: [[String: Any]], _ name: String, _ labels: [String: String] = [:]) -> Int? {
        let matching = samples.filter { sample in
            let own = sample["labels"] as? [String: String] ?? [:]
            return sample["name"] as? String == name && labels.allSatisfy { own[$0.key] == $0.value }
        }
        guard !matching.isEmpty else { return nil }
        return matching.reduce(0) { $0 + Int(($1["value"] as? Double) ?? 0) }
    }

    /// The first number after a summary line's heading (`packets      345 in ...`).
    static func summary(_ text: String, _ heading: String) -> Int? {
        guard let regex = try? NSRegularExpression(pattern: "\\n  \(heading) +([0-9]+)"),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return Int(text[range])
    }

    /// The capture's LIIDs, target user names and every address its JSON names.
    static func secrets(of capture: String) throws -> Set<String> {
        let data = try Data(contentsOf: URL(fileURLWithPath: PcapCaptures.path("\(capture).json")))
        var found = Set<String>()
        func walk(_ value: Any, key: String?) {
            if let object = value as? [String: Any] {
                for (key, inner) in object { walk(inner, key: key) }
            } else if let list = value as? [Any] {
                for inner in list { walk(inner, key: key) }
            } else if let text = value as? String {
                let isAddress =
                    text.range(of: "^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$", options: .regularExpression) != nil
                    || (text.contains(":") && text.range(of: "^[0-9a-fA-F:]+$", options: .regularExpression) != nil)
                if isAddress || key == "liid" || key == "user" || key == "value" { found.insert(text) }
            }
        }
        walk(try JSONSerialization.jsonObject(with: data), key: nil)
        return found
    }
}

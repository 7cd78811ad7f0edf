import Foundation
import TestSupport
import Testing

/// `run --metrics` while an agency answers keep-alives: the round-trip histogram is exposed with its buckets, sum
/// and count, labelled by agency and handover only.
@Suite(.serialized)
struct MetricsKeepAliveTests {
    /// Scrapes `argv[1]` once and prints the keep-alive histogram's samples as JSON.
    static let scraper = """
        import json, sys, urllib.request
        from prometheus_client.parser import text_string_to_metric_families
        text = urllib.request.urlopen(sys.argv[1], timeout=5).read().decode()
        print(json.dumps([{"name": s.name, "labels": s.labels, "value": s.value}
                          for family in text_string_to_metric_families(text)
                          if family.name == "openli_appliance_keepalive_round_trip_seconds"
                          for s in family.samples]))
        """

    @Test func answeredKeepAlivesFillTheRoundTripHistogram() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try LEMFProcess(appliance: appliance)
        try E2ESetup.addPlaintextAgency(appliance, port: lemf.port, keepalive: 2)
        try appliance.run(["server", "add", "radius", BulkSessionCapture.radiusServer])
        try appliance.run(["warrant", "add", "ip", "KA-DANA", "--agency", "LEA-A", "--user", "dana"])
        let capture = appliance.directory + "/slow.pcap"
        try BulkSessionCapture.write(to: capture, packets: 300, payloadBytes: 100, spacingMicros: 100_000)
        let run = try BackgroundProcess(
            appliance.path,
            [
                "run", "--pcap", capture, "--realtime", "--metrics", "127.0.0.1:0", "--spool",
                appliance.spoolDirectory, "--db", appliance.databasePath,
            ]
        )
        let announced = try #require(
            run.waitForError("metrics at http://127\\.0\\.0\\.1:[0-9]+/metrics"),
            "run: \(run.standardError)"
        )
        Thread.sleep(forTimeInterval: 6)
        let url = "http://" + announced.dropFirst("metrics at http://".count)
        let scrape = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", Self.scraper, String(url)])
        #expect(scrape.status == 0, "scrape: \(scrape.standardError)")
        #expect(run.terminate(timeout: 30) == 0, "run: \(run.standardError)")
        _ = lemf.stop()
        let samples = try #require(
            try JSONSerialization.jsonObject(with: Data(scrape.standardOutput.utf8)) as? [[String: Any]]
        )
        let count = MetricsScrapeTests.value(samples, "openli_appliance_keepalive_round_trip_seconds_count") ?? 0
        #expect(count >= 1, "keep-alives answered: \(samples)")
        let buckets = samples.filter { $0["name"] as? String == "openli_appliance_keepalive_round_trip_seconds_bucket" }
        #expect(buckets.contains { ($0["labels"] as? [String: String])?["le"] == "+Inf" })
        let infinite = buckets.filter { ($0["labels"] as? [String: String])?["le"] == "+Inf" }
        #expect(MetricsScrapeTests.value(infinite, "openli_appliance_keepalive_round_trip_seconds_bucket") == count)
        let labels = Set(samples.flatMap { ($0["labels"] as? [String: String] ?? [:]).keys })
        #expect(labels.isSubset(of: ["agency", "handover", "le"]), "labels: \(labels)")
    }
}

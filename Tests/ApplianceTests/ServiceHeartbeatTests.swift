import Collector
import Synchronization
import TestSupport
import Testing

@testable import Appliance

/// The heartbeat's pings to the service manager follow the pipeline: READY once session sync has turned, WATCHDOG
/// only while it goes on turning (a stalled pipeline gets none, so systemd restarts it), STOPPING at the end.
@Suite struct ServiceHeartbeatTests {
    @Test func watchdogPingsStopWhileThePipelineIsStalledAndResumeWhenItMoves() async throws {
        let socket = try NotifySocket()
        defer { socket.close() }
        let notifier = try #require(ServiceManagerNotifier(socketName: socket.environmentValue))
        let counters = PipelineCounters()
        let heartbeat = ServiceHeartbeat(notifier: notifier, counters: counters, watchdogMicros: 40_000)
        let running = Task { try await heartbeat.run() }
        try await Task.sleep(for: .milliseconds(100))
        #expect(socket.received.isEmpty, "no READY before the pipeline runs")
        counters.syncTicks.add(1, ordering: .relaxed)
        let ready = try #require(socket.wait(for: "READY=1", timeout: 5))
        try await Task.sleep(for: .milliseconds(300))
        let stalled = socket.received.dropFirst(ready + 1).filter { $0 == "WATCHDOG=1" }.count
        #expect(stalled == 1, "one ping at READY, none while sync does not turn")
        for _ in 0..<15 {
            counters.syncTicks.add(1, ordering: .relaxed)
            try await Task.sleep(for: .milliseconds(20))
        }
        let moving = socket.received.dropFirst(ready + 1).filter { $0 == "WATCHDOG=1" }.count
        #expect(moving >= 4, "pings while sync turns: \(moving - 1)")
        running.cancel()
        try await running.value
        #expect(socket.wait(for: "STOPPING=1", timeout: 5) != nil)
    }

    @Test func aNotifierNeedsAPathOrAnAbstractName() {
        #expect(ServiceManagerNotifier(socketName: "") == nil)
        #expect(ServiceManagerNotifier(socketName: "relative/socket") == nil)
        #expect(ServiceManagerNotifier(socketName: "/" + String(repeating: "x", count: 200)) == nil)
        #expect(ServiceManagerNotifier(socketName: "/run/systemd/notify") != nil)
    }
}

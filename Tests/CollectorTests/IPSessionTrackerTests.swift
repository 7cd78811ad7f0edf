import Collector
import ETSI
import Packets
import Protocols
import Testing

/// Session-tracking behaviour that the test captures do not show: silent log-offs, idle expiry, warrant windows
/// opening and closing during a session, static-address warrants and NAS restarts.
struct IPSessionTrackerTests {
    @Test func acceptThenStartKeepsOneCINAndStopEndsTheSession() throws {
        var harness = try TrackerHarness(warrants: [TrackerHarness.warrant("L1", user: "alice")])
        harness.login("alice", address: "198.51.100.1", at: 100)
        harness.accounting(.start, user: "alice", session: "S1", address: "198.51.100.1", at: 101)
        harness.accounting(.interimUpdate, user: "alice", session: "S1", address: "198.51.100.1", at: 200)
        harness.accounting(.stop, user: "alice", session: "S1", address: "198.51.100.1", at: 300)
        let iris = try harness.iris()
        #expect(iris.map(\.type) == [.report, .begin, .continue, .end])
        #expect(iris.map(\.event) == [.accessAttempt, .accessAccept, .interimUpdate, .accessEnd])
        #expect(Set(iris.map(\.cin)).count == 1)
        #expect(harness.routes("198.51.100.1").isEmpty)
    }

    @Test func addressGivenToAnotherUserEndsTheFirstSessionSilently() throws {
        var harness = try TrackerHarness(warrants: [TrackerHarness.warrant("L1", user: "alice")])
        harness.accounting(.start, user: "alice", session: "A", address: "198.51.100.1", at: 100)
        #expect(harness.routes("198.51.100.1").count == 1)
        harness.accounting(.start, user: "bob", session: "B", address: "198.51.100.1", at: 200)
        let iris = try harness.iris()
        #expect(iris.map(\.type) == [.begin, .end])
        #expect(harness.routes("198.51.100.1").isEmpty)
        #expect(harness.tracker.statistics.silentLogoffs == 1)
    }

    @Test func sessionWithoutAccountingExpiresAfterTheIdleTimeout() throws {
        var harness = try TrackerHarness(
            warrants: [TrackerHarness.warrant("L1", user: "alice")],
            idleTimeoutSeconds: 600
        )
        harness.accounting(.start, user: "alice", session: "A", address: "198.51.100.1", at: 1000)
        harness.tracker.advance(to: 1500 * TrackerHarness.second)
        #expect(harness.routes("198.51.100.1").count == 1)
        harness.tracker.advance(to: 1700 * TrackerHarness.second)
        #expect(try harness.iris().map(\.type) == [.begin, .end])
        #expect(harness.routes("198.51.100.1").isEmpty)
        #expect(harness.tracker.statistics.expired == 1)
    }

    @Test func warrantWindowOpeningAndClosingDuringASession() throws {
        var harness = try TrackerHarness(warrants: [TrackerHarness.warrant("L1", user: "alice", start: 500, end: 900)])
        harness.accounting(.start, user: "alice", session: "A", address: "198.51.100.1", at: 100)
        #expect(try harness.iris().isEmpty)
        harness.tracker.advance(to: 600 * TrackerHarness.second)
        let opened = try harness.iris()
        #expect(opened.map(\.type) == [.begin])
        #expect(opened.map(\.event) == [.startOfInterceptionWithSessionActive])
        harness.tracker.advance(to: 950 * TrackerHarness.second)
        let closed = try harness.iris()
        #expect(closed.map(\.type) == [.report])
        #expect(closed.map(\.event) == [.endOfInterceptionWithSessionActive])
        harness.accounting(.stop, user: "alice", session: "A", address: "198.51.100.1", at: 1000)
        #expect(try harness.iris().isEmpty)
        #expect(harness.routes("198.51.100.1").isEmpty)
    }

    @Test func staticAddressWarrantBeginsWhenItsWindowOpens() throws {
        var harness = try TrackerHarness(warrants: [
            TrackerHarness.warrant("STATIC", prefixes: ["203.0.113.0/24"], start: 50, end: 80)
        ])
        harness.advance(to: 10)
        #expect(try harness.iris().isEmpty)
        harness.advance(to: 60)
        let begun = try harness.iris()
        #expect(begun.map(\.type) == [.begin])
        #expect(begun.map(\.cin) == [42])
        let routes = harness.routes("203.0.113.77")
        #expect(routes.map(\.cin) == [42])
        #expect(routes.first?.covers(60 * TrackerHarness.second) == true)
        #expect(routes.first?.covers(80 * TrackerHarness.second) == false)
        harness.advance(to: 90)
        #expect(try harness.iris().map(\.event) == [.endOfInterceptionWithSessionActive])
        #expect(harness.notifications == ["STATIC", "STATIC"])
    }

    @Test func accountingOnFromTheNASEndsItsSessions() throws {
        var harness = try TrackerHarness(warrants: [TrackerHarness.warrant("L1", user: "alice")])
        harness.accounting(.start, user: "alice", session: "A", address: "198.51.100.1", at: 100)
        var restart = RADIUSMessage(
            code: .accountingRequest,
            identifier: 99,
            authenticator: Array(repeating: 0, count: 16)
        )
        restart.acctStatusType = .accountingOn
        harness.tracker.handle(
            restart,
            client: TrackerHarness.nas,
            clientPort: 4001,
            timeMicros: 200 * TrackerHarness.second
        )
        #expect(try harness.iris().map(\.type) == [.begin, .end])
        #expect(harness.tracker.statistics.nasRestarts == 1)
    }

    @Test func aWarrantOutsideItsWindowGetsNoIRIAndItsRoutesCoverNoPacket() throws {
        var harness = try TrackerHarness(warrants: [
            TrackerHarness.warrant("L1", user: "alice"), TrackerHarness.warrant("L2", user: "alice", end: 50),
        ])
        harness.accounting(.start, user: "alice", session: "A", address: "198.51.100.1", at: 100)
        let iris = try harness.iris()
        #expect(iris.map(\.liid) == ["L1"])
        let routes = harness.routes("198.51.100.1")
        #expect(routes.count == 2)
        #expect(routes.filter { $0.covers(100 * TrackerHarness.second) }.count == 1)
    }

    @Test func ipv6PrefixSessionsMatchEveryAddressInThePrefix() throws {
        var harness = try TrackerHarness(warrants: [TrackerHarness.warrant("L1", user: "carol")])
        var message = RADIUSMessage(
            code: .accountingRequest,
            identifier: 7,
            authenticator: Array(repeating: 0, count: 16)
        )
        message.userName = "carol"
        message.acctStatusType = .start
        message.acctSessionID = "V6"
        message.delegatedIPv6Prefix = IPPrefix("2001:db8:42::/56")
        harness.tracker.handle(message, client: TrackerHarness.nas, clientPort: 4001, timeMicros: 100)
        #expect(harness.routes("2001:db8:42:ff::1").count == 1)
        #expect(harness.routes("2001:db8:43::1").isEmpty)
        _ = try harness.iris()
    }
}

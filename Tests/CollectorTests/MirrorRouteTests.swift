import Collector
import ETSI
import Packets
import Protocols
import Testing
import Warrants

/// How the IP tracker routes mirror and sink warrants: a mirror id under its vendor's shim format (every format
/// without a vendor), a raw sink with the warrant's session id; a mirror warrant that also names a user gets its IRIs
/// from RADIUS but no address routes, so nothing is delivered twice.
struct MirrorRouteTests {
    private func mirrorWarrant(_ liid: String, user: String?, id: UInt32, vendor: MirrorVendor?) -> Warrant {
        var warrant = TrackerHarness.warrant(liid, user: user)
        warrant.target = .ip(
            IPTarget(username: user, sessionID: 42, mirror: MirrorTarget(interceptID: id, vendor: vendor))
        )
        return warrant
    }

    private func routes(_ harness: TrackerHarness) -> MatchRoutes {
        var routes = MatchRoutes()
        harness.tracker.contribute(to: &routes)
        return routes
    }

    @Test func aMirrorWarrantWithAUserGetsIRIsButNoAddressRoutes() throws {
        var harness = try TrackerHarness(warrants: [mirrorWarrant("M1", user: "alice", id: 51234, vendor: .jmirror)])
        harness.login("alice", address: "198.51.100.1", at: 100)
        harness.accounting(.start, user: "alice", session: "S1", address: "198.51.100.1", at: 101)
        #expect(harness.routes("198.51.100.1").isEmpty)
        #expect(try harness.iris().map(\.type) == [.report, .begin])
        let mirrors = routes(harness).mirrors
        #expect(Array(mirrors.keys) == [MirrorKey(format: .jmirror, interceptID: 51234)])
        #expect(mirrors.values.first?.map(\.interceptIndex) == [0])
    }

    @Test func aMirrorIDWithoutAVendorIsRoutedUnderEveryShimFormat() throws {
        let harness = try TrackerHarness(warrants: [mirrorWarrant("M2", user: nil, id: 7, vendor: nil)])
        let keys = Set(routes(harness).mirrors.keys)
        #expect(keys == Set(MirrorShimFormat.allCases.map { MirrorKey(format: $0, interceptID: 7) }))
    }

    @Test func aRawSinkWarrantIsRoutedByItsSinkWithItsSessionID() throws {
        var warrant = TrackerHarness.warrant("S1")
        warrant.target = .ip(IPTarget(sessionID: 9, sink: Endpoint(host: "127.0.0.1", port: 9000)))
        let harness = try TrackerHarness(warrants: [warrant])
        let sinks = routes(harness).sinks
        let sink = ServerEndpoint(address: try #require(IPAddress("127.0.0.1")), port: 9000)
        #expect(sinks[sink]?.map(\.cin) == [9])
        #expect(routes(harness).mirrors.isEmpty)
    }
}

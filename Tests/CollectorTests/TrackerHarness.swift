import Collector
import ETSI
import Packets
import Protocols
import Warrants

/// Drives an `IPSessionTracker` with hand-made RADIUS messages and reads back what it produced.
struct TrackerHarness {
    static let nas = IPAddress.v4(0xC000_0209)
    static let second: Int64 = 1_000_000
    let tracker: IPSessionTracker
    let plan: InterceptPlan
    var identifier: UInt8 = 0
    /// LIIDs of the HI1 notifications seen by `iris()`, in order.
    var notifications: [String] = []
    /// Emits the HI1 notifications when warrant windows open and close, as session sync does.
    var notifier: HI1Notifier
    private var hi1: [IRIRecord] = []

    init(warrants: [Warrant], idleTimeoutSeconds: Int64 = 3600) throws {
        let endpoint = Endpoint(host: "127.0.0.1", port: 9)
        let snapshot = StoreSnapshot(
            changeID: 1,
            agencies: [Agency(name: "LEA", hi2: endpoint, hi3: endpoint, countryCode: "NZ", plaintext: true)],
            warrants: warrants,
            servers: [KnownServer(kind: .radius, address: "192.0.2.2", port: 1812)]
        )
        plan = try InterceptPlan(
            snapshot: snapshot,
            operatorIdentifier: "op",
            networkElementIdentifier: "ne"
        )
        tracker = IPSessionTracker(plan: plan, idleTimeoutMicros: idleTimeoutSeconds * Self.second)
        notifier = HI1Notifier(plan: plan)
    }

    /// Moves the tracker's and the notifier's clocks to `seconds`, as session sync does at every frame.
    mutating func advance(to seconds: Int64) {
        tracker.advance(to: seconds * Self.second)
        notifier.advance(to: seconds * Self.second, into: &hi1)
    }

    static func warrant(
        _ liid: String,
        user: String? = nil,
        prefixes: [String] = [],
        start: Int64? = nil,
        end: Int64? = nil
    ) -> Warrant {
        Warrant(
            liid: liid,
            agency: "LEA",
            target: .ip(IPTarget(username: user, staticPrefixes: prefixes, sessionID: 42)),
            authorizationCountryCode: "NZ",
            deliveryCountryCode: "NZ",
            startMicros: start.map { $0 * second },
            endMicros: end.map { $0 * second }
        )
    }

    /// Access-Request then Access-Accept with a framed address, at `time` seconds.
    mutating func login(_ user: String, address: String, at time: Int64) {
        identifier &+= 1
        var request = RADIUSMessage(
            code: .accessRequest,
            identifier: identifier,
            authenticator: Array(repeating: identifier, count: 16)
        )
        request.userName = user
        tracker.handle(request, client: Self.nas, clientPort: 4000, timeMicros: time * Self.second)
        var accept = RADIUSMessage(
            code: .accessAccept,
            identifier: identifier,
            authenticator: Array(repeating: 0, count: 16)
        )
        accept.framedIPAddress = IPAddress(address)
        tracker.handle(accept, client: Self.nas, clientPort: 4000, timeMicros: time * Self.second + 1)
    }

    /// An Accounting-Request of `status` for `user`'s session `session`.
    mutating func accounting(_ status: AcctStatusType, user: String, session: String, address: String, at time: Int64) {
        identifier &+= 1
        var message = RADIUSMessage(
            code: .accountingRequest,
            identifier: identifier,
            authenticator: Array(repeating: 0, count: 16)
        )
        message.userName = user
        message.acctStatusType = status
        message.acctSessionID = session
        message.framedIPAddress = IPAddress(address)
        message.acctTerminateCause = status == .stop ? 1 : nil
        tracker.handle(message, client: Self.nas, clientPort: 4001, timeMicros: time * Self.second)
    }

    /// The IRIs produced since the last call, as (LIID, type, event, CIN); HI1 notifications go to
    /// `notifications`.
    mutating func iris() throws -> [(liid: String, type: IRIType?, event: IPIRIContents.AccessEventType?, cin: UInt32)]
    {
        var all: [IRIRecord] = []
        tracker.takeIRIs(into: &all)
        all += hi1
        hi1 = []
        notifications += all.filter { $0.kind == .hi1 }.map { plan.intercepts[Int($0.interceptIndex)].liid }
        return try all.filter { $0.kind != .hi1 }.map { iri in
            let intercept = plan.intercepts[Int(iri.interceptIndex)]
            var record: [UInt8] = []
            iri.payload.withUnsafeBytes { payload in
                PSPDUWriter.write(
                    header: intercept.header,
                    cin: iri.cin,
                    sequence: 0,
                    time: Timestamp(epochMicros: iri.timeMicros),
                    payload: payload,
                    into: &record
                )
            }
            let summary = try record.withUnsafeBytes { try PSPDUReader.summarize($0) }
            return (intercept.liid, summary.iriType, summary.accessEventType, iri.cin)
        }
    }

    /// The CC routes the match table holds for an address.
    func routes(_ address: String) -> [CCRoute] {
        guard let parsed = IPAddress(address) else { return [] }
        var routes = MatchRoutes()
        tracker.contribute(to: &routes)
        return MatchTable(routes: routes, servers: [:], plan: plan).routes(for: parsed) ?? []
    }
}

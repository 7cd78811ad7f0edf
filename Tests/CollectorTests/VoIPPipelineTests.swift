import Collector
import ETSI
import Foundation
import TestSupport
import Testing
import Warrants

/// The collector pipeline on the sipp test capture with a VoIP warrant: SIP parsed on the capture thread, the
/// call followed, its RTP matched in the shards, read back with the strict ETSI reader.
struct VoIPPipelineTests {
    func run(
        targets: [VoIPTarget],
        settings: VoIPSettings = VoIPSettings()
    ) async throws -> (PipelineTests.CollectingSink, PipelineResult) {
        let endpoint = Endpoint(host: "127.0.0.1", port: 9)
        let snapshot = StoreSnapshot(
            changeID: 1,
            agencies: [Agency(name: "LEA", hi2: endpoint, hi3: endpoint, countryCode: "NZ", plaintext: true)],
            warrants: [
                Warrant(
                    liid: "SIP-1",
                    agency: "LEA",
                    target: .voip(targets),
                    authorizationCountryCode: "NZ",
                    deliveryCountryCode: "NZ"
                )
            ],
            servers: [KnownServer(kind: .sip, address: "127.0.0.3", port: 5060)]
        )
        let plan = try InterceptPlan(snapshot: snapshot, operatorIdentifier: "op", networkElementIdentifier: "ne")
        let sink = PipelineTests.CollectingSink()
        let pipeline = Pipeline(
            plan: plan,
            settings: PipelineSettings(shards: 2, sessionIdleTimeoutMicros: 0, voip: settings)
        )
        let source = try PcapSource(file: PcapCaptures.path("sip-call.pcap"))
        let result = try await pipeline.run(sources: [source], sink: sink)
        #expect(result.captureError == nil)
        return (sink, result)
    }

    @Test func callerTargetGetsEveryMessageAndEveryRTPPacket() async throws {
        let target = try #require(VoIPTarget(sipURI: "sip:alice@example.net"))
        let (sink, result) = try await run(targets: [target])
        let iris = try sink.records(.hi2).filter { $0.kind == .iri }
        let ccs = try sink.records(.hi3)
        #expect(iris.map(\.iriType) == [.begin] + Array(repeating: .continue, count: 5) + [.end])
        #expect(iris.map(\.sequence) == Array(0..<7))
        #expect(ccs.count == 472)
        #expect(ccs.filter { $0.payloadDirection == .fromTarget }.count == 236)
        #expect(ccs.filter { $0.payloadDirection == .toTarget }.count == 236)
        #expect(Set((iris + ccs).map(\.cin)).count == 1)
        #expect(result.calls.callsIntercepted == 1)
        #expect(result.calls.callsEnded == 1)
        #expect(result.calls.sipMessages == 14)
    }

    @Test func calleeTargetSeesTheMediaTheOtherWay() async throws {
        let target = try #require(VoIPTarget(sipURI: "sip:bob@*"))
        let (sink, _) = try await run(targets: [target])
        let ccs = try sink.records(.hi3)
        #expect(ccs.count == 472)
        #expect(ccs.filter { $0.payloadDirection == .fromTarget }.count == 236)
        #expect(try sink.records(.hi2).filter { $0.kind == .iri }.count == 7)
    }

    @Test func fromHeaderIgnoredWhenNotAnIdentity() async throws {
        let target = try #require(VoIPTarget(sipURI: "sip:alice@example.net"))
        let without = VoIPSettings(identityHeaders: [.to, .pai, .ppi, .rpid, .auth])
        let (sink, result) = try await run(targets: [target], settings: without)
        #expect(try sink.records(.hi2).filter { $0.kind == .iri }.isEmpty)
        #expect(try sink.records(.hi3).isEmpty)
        #expect(result.calls.callsIntercepted == 0)
    }
}

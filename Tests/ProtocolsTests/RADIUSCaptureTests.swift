import Packets
import Protocols
import Testing

@Suite("RADIUSParser on the test captures")
struct RADIUSCaptureTests {
    @Test("radius-basic: every RADIUS packet parses, with the attributes FreeRADIUS sent")
    func radiusBasic() throws {
        let payloads = try RADIUSTestSupport.radiusPayloads("radius-basic.pcap")
        #expect(payloads.count == 24)
        var messages: [Int: RADIUSMessage] = [:]
        for (frame, payload) in payloads {
            messages[frame] = try RADIUSTestSupport.parse(payload).get()
        }

        let request = try #require(messages[1])
        #expect(request.code == .accessRequest)
        #expect(request.identifier == 150)
        #expect(request.userName == "alice")
        #expect(request.nasIPAddress == IPAddress("127.0.0.9"))
        #expect(request.nasPort == 101)
        #expect(request.callingStationID == "02-00-00-00-00-65")
        #expect(request.authenticator.count == 16 && request.authenticator.first == 0x61)

        let accept = try #require(messages[2])
        #expect(accept.code == .accessAccept && accept.identifier == 150)
        #expect(accept.framedIPAddress == IPAddress("127.0.10.11"))
        #expect(accept.userName == nil)

        let start = try #require(messages[7])
        #expect(start.code == .accountingRequest)
        #expect(start.acctStatusType == .start && start.acctStatusTypeRaw == 1)
        #expect(start.acctSessionID == "5F3A0001")
        #expect(start.userName == "alice")
        #expect(start.framedIPAddress == IPAddress("127.0.10.11"))
        #expect(start.acctInputOctets == nil)

        let interim = try #require(messages[121])
        #expect(interim.acctStatusType == .interimUpdate && interim.acctSessionID == "5F3A0001")

        let stop = try #require(messages[235])
        #expect(stop.acctStatusType == .stop)
        #expect(stop.acctSessionID == "5F3A0001")
        #expect(stop.acctTerminateCause == 1)
        #expect(stop.acctInputOctets == 20_000)
        #expect(stop.acctOutputOctets == 50_000)

        #expect(try #require(messages[8]).code == .accountingResponse)
        let statuses = messages.values.compactMap(\.acctStatusType)
        #expect(statuses.filter { $0 == .start }.count == 3)
        #expect(statuses.filter { $0 == .interimUpdate }.count == 3)
        #expect(statuses.filter { $0 == .stop }.count == 3)
        #expect(Set(messages.values.compactMap(\.acctSessionID)) == ["5F3A0001", "5F3A0002", "5F3A0003"])
    }

    @Test("malformed: the valid session parses and each kind of junk fails as it should")
    func malformed() throws {
        let payloads = try RADIUSTestSupport.radiusPayloads("malformed.pcap")
        let expected: [Int: RADIUSError?] = [
            1: nil, 2: nil,
            3: .badAttribute,
            6: .badLength,
            9: nil, 10: nil,
            23: .badLength,
            24: .badAttribute,
            25: .tooShort,
            26: .badAttribute,
            27: .tooShort,
            28: .badLength,
            37: nil, 38: nil,
            39: .badLength,
            42: nil, 43: nil,
        ]
        #expect(payloads.map(\.0) == expected.keys.sorted())
        for (frame, payload) in payloads {
            let result = RADIUSTestSupport.parse(payload)
            switch expected[frame] {
            case .some(.some(let error)):
                #expect(result == .failure(error), "frame \(frame)")
            default:
                #expect((try? result.get()) != nil, "frame \(frame)")
            }
        }
        let stop = try RADIUSTestSupport.parse(try #require(payloads.first { $0.0 == 42 }).1).get()
        #expect(stop.userName == "maltarget" && stop.acctStatusType == .stop && stop.acctSessionID == "MAL-A-1")
        #expect(stop.framedIPAddress == IPAddress("198.51.100.150"))
        let accept = try RADIUSTestSupport.parse(try #require(payloads.first { $0.0 == 2 }).1).get()
        #expect(accept.framedIPAddress == IPAddress("198.51.100.150"))
    }
}

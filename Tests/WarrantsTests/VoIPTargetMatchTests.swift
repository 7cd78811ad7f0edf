import Testing
import Warrants

/// How a VoIP target compares with the parties seen in SIP: user@host, user at any host, numbers exact and by
/// suffix, tel URIs and SIP URIs with a number as user.
struct VoIPTargetMatchTests {
    @Test func sipTargetMatchesItsUserAtItsHostOnly() throws {
        let target = try #require(VoIPTarget(sipURI: "sip:alice@Example.NET"))
        #expect(target.description == "sip:alice@example.net")
        #expect(target.matches(user: "alice", host: "example.net"))
        #expect(!target.matches(user: "alice", host: "example.org"))
        #expect(!target.matches(user: "Alice", host: "example.net"))
        #expect(!target.matches(user: "alice", host: nil))
        #expect(!target.matches(user: nil, host: "example.net"))
    }

    @Test func wildcardHostMatchesAnyHost() throws {
        let target = try #require(VoIPTarget(sipURI: "sip:alice@*"))
        #expect(target.description == "sip:alice@*")
        #expect(target.matches(user: "alice", host: "example.org"))
        #expect(target.matches(user: "alice", host: "[2001:db8::1]"))
        #expect(!target.matches(user: "bob", host: "example.org"))
    }

    @Test func suffixNumberMatchesEveryPrefixForm() throws {
        let target = try #require(VoIPTarget(telNumber: "*3257781"))
        #expect(target.description == "tel:*3257781")
        #expect(target.matches(user: "+643257781", host: nil))
        #expect(target.matches(user: "00643257781", host: nil))
        #expect(target.matches(user: "+64-3-257-781", host: "example.net"))
        #expect(!target.matches(user: "+643257782", host: nil))
        #expect(!target.matches(user: "alice", host: "example.net"))
    }

    @Test func exactNumberTreatsPlusAndDoubleZeroAlike() throws {
        let target = try #require(VoIPTarget(telNumber: "tel:+64 3 257 781"))
        #expect(target.description == "tel:+643257781")
        #expect(target.matches(user: "+643257781", host: nil))
        #expect(target.matches(user: "00643257781", host: "example.net"))
        #expect(!target.matches(user: "3257781", host: nil))
    }

    @Test(arguments: ["alice@example.net", "sip:@example.net", "sip:alice", "sip:al ice@example.net", "sip:a@b;c"])
    func malformedSIPURIsAreRefused(text: String) {
        #expect(VoIPTarget(sipURI: text) == nil)
    }

    @Test(arguments: ["", "12", "+*123", "12a45", "+", "*"])
    func malformedNumbersAreRefused(text: String) {
        #expect(VoIPTarget(telNumber: text) == nil)
    }

    @Test func storedTextRoundTrips() throws {
        for text in ["sip:alice@example.net", "sip:alice@*", "tel:+643257781", "tel:*3257781"] {
            #expect(VoIPTarget(stored: text)?.description == text)
        }
    }
}

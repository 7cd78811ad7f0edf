import Mediator
import Testing

@Suite("LEMF listen address")
struct LEMFListenAddressTests {
    @Test(
        "HOST:PORT and [IPv6]:PORT parse",
        arguments: [
            ("127.0.0.1:0", "127.0.0.1", 0),
            ("localhost:4000", "localhost", 4000),
            ("[::1]:65535", "::1", 65_535),
        ]
    )
    func valid(text: String, host: String, port: Int) throws {
        let address = try LEMFListenAddress(parsing: text)
        #expect(address.host == host)
        #expect(address.port == port)
        #expect(address.description == text)
    }

    @Test(
        "anything else is a usage error",
        arguments: ["", "4000", ":4000", "host:", "host:65536", "::1:80", "[]:1", "h:+1"]
    )
    func invalid(text: String) {
        #expect(throws: LEMFError.self) { try LEMFListenAddress(parsing: text) }
    }
}

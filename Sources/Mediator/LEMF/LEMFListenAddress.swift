/// The `HOST:PORT` the built-in LEMF listens on (`[v6-address]:PORT` for IPv6; port 0 asks for any free port).
public struct LEMFListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// Host name or address, without brackets.
    public var host: String
    /// TCP port, 0...65535.
    public var port: Int

    /// Creates an address from its parts.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT` or `[IPv6]:PORT`.
    public init(parsing text: String) throws(LEMFError) {
        let bad = LEMFError(.usage, "--listen \"\(text)\" is not HOST:PORT (use [ADDRESS]:PORT for IPv6)")
        guard let colon = text.lastIndex(of: ":") else {
            throw bad
        }
        var host = Substring(text[..<colon])
        let portText = text[text.index(after: colon)...]
        if host.hasPrefix("[") {
            guard host.hasSuffix("]"), host.count > 2 else {
                throw bad
            }
            host = host.dropFirst().dropLast()
        } else if host.contains(":") {
            throw bad
        }
        guard !host.isEmpty, !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
            let port = Int(portText), port <= 65_535
        else {
            throw bad
        }
        self.host = String(host)
        self.port = port
    }

    /// `HOST:PORT`, with brackets around an IPv6 address.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

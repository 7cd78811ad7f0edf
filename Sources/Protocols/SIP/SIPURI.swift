/// A SIP, SIPS or tel URI (RFC 3261 section 19.1, RFC 3966), reduced to what identifies a party.
public struct SIPURI: Sendable, Hashable, CustomStringConvertible {
    /// The URI scheme.
    public enum Scheme: String, Sendable, Hashable {
        /// `sip:`
        case sip
        /// `sips:`
        case sips
        /// `tel:`
        case tel
    }

    /// The scheme.
    public var scheme: Scheme
    /// The user part (without password) of a SIP URI, or the number of a tel URI with visual separators removed.
    public var user: String?
    /// The host of a SIP URI in lower case (an IPv6 reference keeps its brackets); nil for tel.
    public var host: String?
    /// The port of a SIP URI, when given.
    public var port: UInt16?

    /// `user@host` for a SIP URI with a user, the host alone without one, and the number for a tel URI.
    public var canonical: String {
        switch (user, host) {
        case (.some(let user), .some(let host)):
            return user + "@" + host
        case (.some(let user), .none):
            return user
        case (.none, .some(let host)):
            return host
        case (.none, .none):
            return ""
        }
    }

    /// The scheme followed by ``canonical``, for example `sip:alice@example.net`.
    public var description: String {
        scheme.rawValue + ":" + canonical
    }

    /// Parses `text`; nil when it is not a sip:, sips: or tel: URI with a valid host, port or number.
    public init?(_ text: some StringProtocol) {
        let trimmed = SIPText.trim(Substring(text))
        guard let colon = trimmed.firstIndex(of: ":"),
            let scheme = Scheme(rawValue: trimmed[..<colon].lowercased())
        else {
            return nil
        }
        self.scheme = scheme
        let rest = trimmed[trimmed.index(after: colon)...]
        if scheme == .tel {
            guard let number = Self.telNumber(rest) else {
                return nil
            }
            user = number
            return
        }
        let withoutHeaders = rest.prefix { $0 != "?" }
        var hostPart = withoutHeaders
        if let at = withoutHeaders.lastIndex(of: "@") {
            let userInfo = withoutHeaders[..<at].prefix { $0 != ":" }
            guard !userInfo.isEmpty else {
                return nil
            }
            user = String(userInfo)
            hostPart = withoutHeaders[withoutHeaders.index(after: at)...]
        }
        guard let (host, port) = Self.hostPort(hostPart.prefix { $0 != ";" }) else {
            return nil
        }
        self.host = host
        self.port = port
    }

    /// The host (lower case) and optional port of `text`.
    private static func hostPort(_ text: Substring) -> (String, UInt16?)? {
        var hostText = text
        var portText: Substring?
        if text.first == "[" {
            guard let close = text.firstIndex(of: "]") else {
                return nil
            }
            hostText = text[...close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else {
                    return nil
                }
                portText = after.dropFirst()
            }
        } else if let colon = text.firstIndex(of: ":") {
            hostText = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !hostText.isEmpty, !hostText.contains(where: { $0 == " " || $0 == "\t" || $0 == "<" || $0 == ">" })
        else {
            return nil
        }
        guard let portText else {
            return (hostText.lowercased(), nil)
        }
        guard let port = SIPText.port(portText) else {
            return nil
        }
        return (hostText.lowercased(), port)
    }

    /// The digits (and `+ * #`, hex letters) of a tel URI before its parameters, visual separators removed.
    private static func telNumber(_ text: Substring) -> String? {
        var number = ""
        for character in text.prefix(while: { $0 != ";" }) {
            switch character {
            case "-", ".", "(", ")":
                continue
            case "0"..."9", "+", "*", "#", "A"..."F", "a"..."f":
                number.append(character)
            default:
                return nil
            }
        }
        return number.isEmpty ? nil : number
    }
}

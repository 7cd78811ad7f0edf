import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks that the agency's certificate names the agency, after the TLS library has checked its chain and dates.
///
/// With `--server-name` the certificate must carry that name as a DNS subject alternative name (or as an IP
/// alternative name when the server name is an address literal), whatever other names it carries: an IP name equal
/// to the connected address is not enough. Without it, the certificate must name the host the connection was made
/// to (its DNS name, or its address as an IP alternative name). A leading `*.` in a DNS name matches one label.
enum TLSPeerIdentity {
    /// Why the certificate does not name the expected peer, or nil when it does.
    static func mismatch(of certificate: NIOSSLCertificate, expected name: String) -> String? {
        let names = certificate._subjectAlternativeNames()
        if let address = addressBytes(name) {
            let found = names.contains { $0.nameType == .ipAddress && Array($0.contents) == address }
            return found ? nil : "its certificate has no IP name \(name) (it names \(describe(certificate)))"
        }
        let wanted = name.lowercased()
        let found = names.contains { entry in
            guard entry.nameType == .dnsName else { return false }
            return matches(pattern: String(decoding: Array(entry.contents), as: UTF8.self).lowercased(), wanted)
        }
        return found ? nil : "its certificate does not carry the name \(name) (it names \(describe(certificate)))"
    }

    /// The certificate's subject alternative names, `DNS:...` and `IP:...`, for logs.
    static func describe(_ certificate: NIOSSLCertificate) -> String {
        let names = certificate._subjectAlternativeNames().compactMap { entry -> String? in
            let bytes = Array(entry.contents)
            switch entry.nameType {
            case .dnsName: return "DNS:" + String(decoding: bytes, as: UTF8.self)
            case .ipAddress: return "IP:" + addressText(bytes)
            default: return nil
            }
        }
        return names.isEmpty ? "no alternative names" : names.joined(separator: ", ")
    }

    /// Whether `host` is an IPv4 or IPv6 address literal (no SNI name is sent for it).
    static func isAddress(_ host: String) -> Bool {
        addressBytes(host) != nil
    }

    private static func matches(pattern: String, _ name: String) -> Bool {
        if pattern == name { return true }
        guard pattern.hasPrefix("*."), let dot = name.firstIndex(of: ".") else { return false }
        let suffix = pattern.dropFirst(2)
        return !suffix.isEmpty && name[name.index(after: dot)...] == suffix && dot != name.startIndex
    }

    private static func addressBytes(_ text: String) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: 16)
        if bytes.withUnsafeMutableBytes({ inet_pton(AF_INET, text, $0.baseAddress) }) == 1 {
            return Array(bytes.prefix(4))
        }
        if bytes.withUnsafeMutableBytes({ inet_pton(AF_INET6, text, $0.baseAddress) }) == 1 { return bytes }
        return nil
    }

    private static func addressText(_ bytes: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        guard bytes.count == 4 || bytes.count == 16,
            bytes.withUnsafeBytes({ inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count)) }) != nil
        else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

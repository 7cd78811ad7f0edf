import Packets
import Protocols

/// What the VoIP tracker reads of a parsed SIP message: its identities, its parties and its session description.
public enum SIPUse {
    /// Reads `message` as the VoIP tracker does; returns a value that depends on all of it.
    @discardableResult
    public static func use(_ message: SIPMessage) -> Int {
        var used = message.method?.utf8.count ?? message.statusCode ?? 0
        used &+= message.reasonPhrase?.utf8.count ?? 0
        used &+= message.requestURI?.description.utf8.count ?? 0
        used &+= message.callID?.utf8.count ?? 0
        used &+= Int(message.cseq?.number ?? 0)
        let parties = [message.from, message.to].compactMap { $0 }
        for party in parties + message.pAssertedIdentities + message.pPreferredIdentities + message.remotePartyIDs {
            used &+= party.uri.description.utf8.count &+ (party.tag?.utf8.count ?? 0)
        }
        used &+= message.authorizationUsername?.utf8.count ?? 0
        used &+= message.proxyAuthorizationUsername?.utf8.count ?? 0
        used &+= message.sessionID?.utf8.count ?? 0
        used &+= message.contentType?.utf8.count ?? 0
        if let body = message.sdpBody, let session = body.withUnsafeBytes({ try? SDPParser.parse($0) }) {
            used &+= SDPUse.use(session)
        }
        return used
    }
}

/// What the VoIP tracker reads of a parsed session description: its origin, addresses and media streams.
public enum SDPUse {
    /// Reads `session` as the VoIP tracker does; returns a value that depends on all of it.
    @discardableResult
    public static func use(_ session: SDPSession) -> Int {
        let origin = session.origin
        var used = "\(origin.username) \(origin.sessionID) \(origin.addressType) \(origin.address)".utf8.count
        used &+= session.connectionAddress?.description.utf8.count ?? 0
        for stream in session.media {
            used &+= String(describing: stream).utf8.count
        }
        return used
    }
}

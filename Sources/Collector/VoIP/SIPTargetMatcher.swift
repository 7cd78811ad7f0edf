import Protocols
import Warrants

/// Which VoIP intercepts a SIP message concerns, and whether each one's target sent the message.
///
/// Parties are read from the headers the settings name. In a request, From, P-Asserted-Identity,
/// P-Preferred-Identity, Remote-Party-ID and the Authorization user name name the sender and To the recipient; in a
/// response, To and the identity headers name the responder (the sender) and From the recipient.
struct SIPTargetMatcher {
    /// One intercept whose target takes part in a message.
    struct Match: Equatable {
        /// Index of the intercept in the plan.
        var interceptIndex: Int32
        /// Whether the target is the message's sender.
        var targetSent: Bool
    }

    let headers: Set<SIPIdentityHeader>

    /// The active VoIP intercepts of `plan` whose targets appear in `message`, each once (sender side first).
    func matches(_ message: SIPMessage, plan: InterceptPlan) -> [Match] {
        if plan.voipIntercepts.isEmpty { return [] }
        let isRequest = message.method != nil
        var parties: [(uri: SIPURI, sent: Bool)] = []
        if headers.contains(.to), let to = message.to { parties.append((to.uri, !isRequest)) }
        if headers.contains(.from), let from = message.from { parties.append((from.uri, isRequest)) }
        if headers.contains(.pai) { parties += message.pAssertedIdentities.map { ($0.uri, true) } }
        if headers.contains(.ppi) { parties += message.pPreferredIdentities.map { ($0.uri, true) } }
        if headers.contains(.rpid) { parties += message.remotePartyIDs.map { ($0.uri, true) } }
        if headers.contains(.auth) {
            let realmHost = message.from?.uri.host
            for name in [message.authorizationUsername, message.proxyAuthorizationUsername].compactMap({ $0 }) {
                if let uri = Self.authorizationParty(name, defaultHost: realmHost) { parties.append((uri, true)) }
            }
        }
        var found: [Match] = []
        for (uri, sent) in parties.sorted(by: { $0.sent && !$1.sent }) {
            for index in plan.voipIntercepts where !found.contains(where: { $0.interceptIndex == index }) {
                let intercept = plan.intercepts[Int(index)]
                if intercept.voipTargets.contains(where: { $0.matches(user: uri.user, host: uri.host) }) {
                    found.append(Match(interceptIndex: index, targetSent: sent))
                }
            }
        }
        return found
    }

    /// A digest user name as a party: `user@host` as given, or a bare user at the host of the From URI.
    private static func authorizationParty(_ name: String, defaultHost: String?) -> SIPURI? {
        if name.contains("@") { return SIPURI("sip:" + name) }
        guard let defaultHost else { return nil }
        return SIPURI("sip:\(name)@\(defaultHost)")
    }
}

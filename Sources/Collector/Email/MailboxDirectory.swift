import Protocols
import Warrants

/// The email warrants' mailboxes, as the mail parsers ask about them: which intercepts a name seen on the wire (an
/// address in any case, or a log-on name without a domain, completed with the default domain) belongs to.
final class MailboxDirectory: MailTargetLookup {
    private var byMailbox: [String: [Int32]]
    private let defaultDomain: String?

    init(plan: InterceptPlan, defaultDomain: String?) {
        byMailbox = plan.interceptsByMailbox
        self.defaultDomain = defaultDomain.map { EmailTarget.matchKey(of: $0) }
    }

    /// Takes the mailboxes of a new plan.
    func update(_ plan: InterceptPlan) {
        byMailbox = plan.interceptsByMailbox
    }

    /// Whether no email warrant is active.
    var isEmpty: Bool { byMailbox.isEmpty }

    /// The mailbox a name stands for: in comparison form, a bare log-on name completed with the default domain.
    func mailbox(of name: String) -> String {
        let key = EmailTarget.matchKey(of: name)
        if let defaultDomain, !key.utf8.contains(UInt8(ascii: "@")) { return key + "@" + defaultDomain }
        return key
    }

    /// The intercepts whose warrants name the mailbox `name` stands for.
    func intercepts(of name: String) -> [Int32] {
        byMailbox.isEmpty ? [] : byMailbox[mailbox(of: name)] ?? []
    }

    func isTarget(_ address: String) -> Bool {
        !byMailbox.isEmpty && byMailbox[mailbox(of: address)] != nil
    }
}

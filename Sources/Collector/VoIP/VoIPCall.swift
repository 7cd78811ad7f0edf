import Packets

/// One dialog of a call: a Call-ID with its caller's tag, its initial INVITE and its media.
struct CallLeg {
    /// The From tag of the initial INVITE: requests carrying it come from the caller.
    var callerTag: String?
    /// The CSeq number of the initial INVITE (a new one after a 401/407 challenge).
    var inviteCSeq: UInt32
    /// Whether a 2xx answered the initial INVITE.
    var confirmed = false
    /// Whether the leg is over (200 to BYE or CANCEL, or a final failure of the initial INVITE).
    var ended = false
    /// The media the leg agreed on.
    var media = MediaNegotiation()
}

/// A call the VoIP tracker intercepts: one or more legs (a B2BUA or a forwarding proxy makes several) joined into
/// one CIN, the intercepts whose targets take part, and when it was last active.
final class VoIPCall {
    /// One intercept on the call.
    struct Party: Equatable {
        /// Index of the intercept in the plan.
        var interceptIndex: Int32
        /// Whether the target is on the caller's side.
        var targetIsCaller: Bool
        /// Whether the intercept's IRI-BEGIN went out.
        var begun = false
    }

    /// The call's communication identity number (from the first leg's Call-ID).
    let cin: UInt32
    /// Legs by Call-ID.
    var legs: [String: CallLeg] = [:]
    /// The intercepts on the call.
    var parties: [Party] = []
    /// `o=` lines (without version) of the offers of the legs' initial INVITEs: a new leg with one of them joins.
    var origins: Set<String> = []
    /// Session-ID values (RFC 7329) seen on the legs: a new leg with one of them joins.
    var sessionIDs: Set<String> = []
    /// Capture time of the last SIP message of the call.
    var lastSignalMicros: Int64
    /// Capture time of the last media datagram, kept by the shards.
    let activity: CallActivity

    init(cin: UInt32, timeMicros: Int64) {
        self.cin = cin
        lastSignalMicros = timeMicros
        activity = CallActivity(timeMicros: timeMicros)
    }

    /// When SIP or media of the call was last seen.
    var lastActiveMicros: Int64 {
        max(lastSignalMicros, activity.lastTimeMicros)
    }

    /// Whether every leg is over.
    var isOver: Bool {
        legs.values.allSatisfy(\.ended)
    }

    /// Adds an intercept unless it is already on the call.
    func add(interceptIndex: Int32, targetIsCaller: Bool) {
        guard !parties.contains(where: { $0.interceptIndex == interceptIndex }) else { return }
        parties.append(Party(interceptIndex: interceptIndex, targetIsCaller: targetIsCaller))
    }
}

/// The values of the Acct-Status-Type attribute (RFC 2866) that the appliance acts on.
public enum AcctStatusType: UInt32, Sendable {
    /// Start (1): a session begins.
    case start = 1
    /// Stop (2): a session ends.
    case stop = 2
    /// Interim-Update (3): a session continues.
    case interimUpdate = 3
    /// Accounting-On (7): the NAS has started; its earlier sessions are gone.
    case accountingOn = 7
    /// Accounting-Off (8): the NAS is stopping; all its sessions end.
    case accountingOff = 8
}

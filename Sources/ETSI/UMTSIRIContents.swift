/// The fields of a UMTS (GTPv1) IRI that the appliance reports: `IRI-Parameters` of UmtsHI2Operations (3GPP TS 33.108
/// r16 version-1), in the order of the module:
///
/// ```asn1
/// IRI-Parameters ::= SEQUENCE {
///     hi2DomainId [0] OBJECT IDENTIFIER,
///     iRIversion [23] ENUMERATED { version2(2), ..., lastVersion(8) } OPTIONAL,    -- lastVersion
///     lawfulInterceptionIdentifier [1] LawfulInterceptionIdentifier,
///     timeStamp [3] TimeStamp,
///     initiator [4] ENUMERATED { not-Available(0), originating-Target(1), terminating-Target(2), ... } OPTIONAL,
///     locationOfTheTarget [8] Location OPTIONAL,
///     partyInformation [9] SET SIZE (1..10) OF PartyInformation OPTIONAL,
///     ...
///     gPRSCorrelationNumber [18] GPRSCorrelationNumber OPTIONAL,
///     gPRSevent [20] GPRSEvent OPTIONAL,
///     sgsnAddress [21] DataNodeAddress OPTIONAL,
///     gPRSOperationErrorCode [22] GPRSOperationErrorCode OPTIONAL,
///     ggsnAddress [24] DataNodeAddress OPTIONAL,
///     networkIdentifier [26] Network-Identifier OPTIONAL,
///     ... }
/// ```
///
/// The encoder (``UMTSIRIPayload``) adds hi2DomainId, iRIversion, the LIID and the time stamp.
public struct UMTSIRIContents: Sendable, Equatable {
    /// `GPRSEvent` (the values GTPv1 sessions produce).
    public enum Event: Int, Sendable {
        /// A PDP context was activated (the accepted Create PDP Context; a rejected one is an IRI-REPORT).
        case pdpContextActivation = 1
        /// Interception started on an active PDP context.
        case startOfInterceptionWithPDPContextActive = 2
        /// A PDP context was deactivated.
        case pdpContextDeactivation = 4
        /// The target attached.
        case gprsAttach = 5
        /// The target detached.
        case gprsDetach = 6
        /// The target's location changed.
        case locationInfoUpdate = 10
        /// A PDP context was modified.
        case pdpContextModification = 13
        /// Interception started on an attached target.
        case startOfInterceptionWithMSAttached = 15
    }

    /// What happened (`gPRSevent`).
    public var event: Event
    /// The session's CIN; its decimal digits are `gPRSCorrelationNumber` (see the CCs' `correlation-Number`).
    public var correlationNumber: UInt32
    /// Who started it.
    public var initiator: MobileInitiator?
    /// Where the target is.
    public var location: MobileLocation?
    /// The target's identities and PDP context.
    public var party: MobileParty
    /// The SGSN's address (`sgsnAddress`).
    public var sgsnAddress: IRIAddress?
    /// The GGSN's address (`ggsnAddress`).
    public var ggsnAddress: IRIAddress?
    /// Why an activation failed: the SM cause without its IEI (`gPRSOperationErrorCode`).
    public var operationErrorCode: [UInt8]?
    /// `networkIdentifier`'s `operator-Identifier` (at most 5 octets are sent); nil or empty leaves the whole
    /// `networkIdentifier` out.
    public var operatorIdentifier: String?
    /// `networkIdentifier`'s `network-Element-Identifier` as `iP-Address`: the address of the node that saw the event.
    public var networkElementAddress: IRIAddress?

    /// Creates the contents of an event.
    public init(event: Event, correlationNumber: UInt32, party: MobileParty = MobileParty()) {
        self.event = event
        self.correlationNumber = correlationNumber
        self.party = party
    }

    /// The fields both mobile modules share.
    var common: MobileIRIParameters {
        MobileIRIParameters(
            initiator: initiator,
            location: location,
            party: party,
            correlationNumber: correlationNumber,
            event: event.rawValue,
            sgsnAddress: sgsnAddress,
            operationErrorCode: operationErrorCode,
            ggsnAddress: ggsnAddress,
            operatorIdentifier: operatorIdentifier,
            networkElementAddress: networkElementAddress
        )
    }
}

/// The fields of an EPS (GTPv2) IRI that the appliance reports: `IRI-Parameters` of EpsHI2Operations (3GPP TS 33.108
/// r16 version-1), in the order of the module:
///
/// ```asn1
/// IRI-Parameters ::= SEQUENCE {
///     hi2epsDomainId [0] OBJECT IDENTIFIER,
///     lawfulInterceptionIdentifier [1] LawfulInterceptionIdentifier,
///     timeStamp [3] TimeStamp,
///     initiator [4] ENUMERATED { not-Available(0), originating-Target(1), terminating-Target(2), ... } OPTIONAL,
///     locationOfTheTarget [8] Location OPTIONAL,                  -- not sent: GTPv2's ULI goes in [36]
///     partyInformation [9] SET SIZE (1..10) OF PartyInformation OPTIONAL,
///     ...
///     ePSCorrelationNumber [18] EPSCorrelationNumber OPTIONAL,
///     ePSevent [20] EPSEvent OPTIONAL,
///     sgsnAddress [21] DataNodeAddress OPTIONAL,
///     gPRSOperationErrorCode [22] GPRSOperationErrorCode OPTIONAL,
///     ggsnAddress [24] DataNodeAddress OPTIONAL,                  -- the PGW
///     networkIdentifier [26] Network-Identifier OPTIONAL,
///     ...,
///     ePS-GTPV2-specificParameters [36] EPS-GTPV2-SpecificParameters OPTIONAL,
///     ... }
/// ```
///
/// The module has no iRIversion and no GTP-version field: GTPv2 shows as the use of `[36]`. The encoder
/// (``EPSIRIPayload``) adds hi2epsDomainId, the LIID and the time stamp.
public struct EPSIRIContents: Sendable, Equatable {
    /// `EPSEvent` (the values GTP sessions produce).
    public enum Event: Int, Sendable {
        /// A PDP context was activated (GTPv1 through an EPS core).
        case pdpContextActivation = 1
        /// Interception started on an active PDP context.
        case startOfInterceptionWithPDPContextActive = 2
        /// A PDP context was deactivated.
        case pdpContextDeactivation = 4
        /// A PDP context was modified.
        case pdpContextModification = 13
        /// The target attached to E-UTRAN.
        case eUTRANAttach = 16
        /// The target detached from E-UTRAN.
        case eUTRANDetach = 17
        /// A bearer was activated (the accepted Create Session or Create Bearer; a rejected one is an IRI-REPORT).
        case bearerActivation = 18
        /// Interception started on an active bearer.
        case startOfInterceptionWithActiveBearer = 19
        /// A bearer was modified (Modify Bearer, Update Bearer).
        case bearerModification = 20
        /// A bearer was deactivated (Delete Session, Delete Bearer).
        case bearerDeactivation = 21
        /// The UE asked to modify its bearer resources.
        case uERequestedBearerResourceModification = 22
        /// The UE asked for PDN connectivity.
        case uERequestedPDNConnectivity = 23
        /// The UE asked to disconnect from the PDN.
        case uERequestedPDNDisconnection = 24
        /// The target's tracking area changed.
        case trackingAreaEpsLocationUpdate = 25
    }

    /// What happened (`ePSevent`).
    public var event: Event
    /// The session's CIN; its decimal digits are `ePSCorrelationNumber` (see the CCs' `correlation-Number`).
    public var correlationNumber: UInt32
    /// Who started it.
    public var initiator: MobileInitiator?
    /// The target's identities and PDN connection (`gPRS-parameters` holds the PDN address, APN and PDP type).
    public var party: MobileParty
    /// The SGSN's address (`sgsnAddress`), for GTPv1 through an EPS core.
    public var sgsnAddress: IRIAddress?
    /// The PDN gateway's address (`ggsnAddress`).
    public var ggsnAddress: IRIAddress?
    /// Why an activation failed: the cause without its IEI (`gPRSOperationErrorCode`).
    public var operationErrorCode: [UInt8]?
    /// `networkIdentifier`'s `operator-Identifier` (at most 5 octets are sent); nil or empty leaves the whole
    /// `networkIdentifier` out.
    public var operatorIdentifier: String?
    /// `networkIdentifier`'s `network-Element-Identifier` as `iP-Address`: the address of the node that saw the event.
    public var networkElementAddress: IRIAddress?
    /// The GTPv2 elements of the message (`ePS-GTPV2-specificParameters`), nil to leave `[36]` out.
    public var gtpv2: EPSGTPv2Parameters?

    /// Creates the contents of an event.
    public init(
        event: Event,
        correlationNumber: UInt32,
        party: MobileParty = MobileParty(),
        gtpv2: EPSGTPv2Parameters? = nil
    ) {
        self.event = event
        self.correlationNumber = correlationNumber
        self.party = party
        self.gtpv2 = gtpv2
    }

    /// The fields both mobile modules share.
    var common: MobileIRIParameters {
        MobileIRIParameters(
            initiator: initiator,
            location: nil,
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

/// The header fields of one PS-PDU and what kind of payload it carries, as ``PSPDUReader`` reads them back.
public struct PSPDUSummary: Sendable, Equatable {
    /// The payload alternative of the record.
    public enum Kind: Sendable, Equatable {
        /// `iRIPayloadSequence [0]`.
        case iri
        /// `cCPayloadSequence [1]`.
        case cc
        /// `tRIPayload [2]`.
        case tri
        /// `hI1-Operation [3]` carrying a liActivated, liDeactivated or liModified notification.
        case hi1(HI1Payload.Operation)
        /// Any other alternative (other HI1 operations, encryption container, ...), by tag number.
        case other(UInt32)
    }

    /// The `TRIPayload` alternative of a TRI record.
    public enum TRIMessage: Sendable, Equatable {
        /// `keep-alive [3]`.
        case keepAlive
        /// `keep-aliveResponse [4]`.
        case keepAliveResponse
        /// `cINReset [7]`: the header's CIN starts its numbering again.
        case cinReset
        /// Any other alternative, by tag number.
        case other(UInt32)
    }

    /// The whole record's size in octets.
    public var length: Int
    /// `lawfulInterceptionIdentifier`, decoded as UTF-8.
    public var liid: String
    /// `li-psDomainId`, dotted (e.g. `0.4.0.2.2.5.1.43`).
    public var domainID: String
    /// `communicationIdentityNumber`, if present.
    public var cin: UInt32?
    /// `sequenceNumber`.
    public var sequence: UInt64
    /// `microSecondTimeStamp`, or else `timeStamp`, if either is present.
    public var time: Timestamp?
    /// The payload alternative.
    public var kind: Kind
    /// The first IRIPayload's `iRIType`, for IRI records.
    public var iriType: IRIType?
    /// The first IRIPayload's `accessEventType`, for IPIRI records.
    public var accessEventType: IPIRIContents.AccessEventType?
    /// The first CCPayload's `payloadDirection`, for CC records.
    public var payloadDirection: PayloadDirection?
    /// The TRI alternative, for TRI records.
    public var triMessage: TRIMessage?

    /// Creates a summary; ``PSPDUReader`` fills the rest.
    public init(length: Int, liid: String, domainID: String, cin: UInt32?, sequence: UInt64, kind: Kind) {
        self.length = length
        self.liid = liid
        self.domainID = domainID
        self.cin = cin
        self.sequence = sequence
        self.kind = kind
    }
}

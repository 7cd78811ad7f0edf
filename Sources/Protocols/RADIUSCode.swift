/// The Code field of a RADIUS packet (RFC 2865, 2866, 5176, 5997).
public enum RADIUSCode: UInt8, Sendable {
    /// Access-Request (1).
    case accessRequest = 1
    /// Access-Accept (2).
    case accessAccept = 2
    /// Access-Reject (3).
    case accessReject = 3
    /// Accounting-Request (4).
    case accountingRequest = 4
    /// Accounting-Response (5).
    case accountingResponse = 5
    /// Access-Challenge (11).
    case accessChallenge = 11
    /// Status-Server (12).
    case statusServer = 12
    /// Status-Client (13).
    case statusClient = 13
    /// Disconnect-Request (40).
    case disconnectRequest = 40
    /// Disconnect-ACK (41).
    case disconnectACK = 41
    /// Disconnect-NAK (42).
    case disconnectNAK = 42
    /// CoA-Request (43).
    case coaRequest = 43
    /// CoA-ACK (44).
    case coaACK = 44
    /// CoA-NAK (45).
    case coaNAK = 45
}

import ETSI

/// Why a connection's byte stream can no longer be split into PS-PDUs. The stream is framed only by the records'
/// own DER lengths, so after any of these the rest of the connection is unreadable.
public enum LEMFStreamError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The next octets are not the start of a DER PS-PDU (wrong tag, malformed or non-minimal length).
    case notDER(DERError)
    /// More than the limit is buffered and still no whole record: a length that is garbage or hostile.
    case recordTooLong(buffered: Int, limit: Int)

    /// One line for the operator.
    public var description: String {
        switch self {
        case .notDER(let error):
            "not a DER PS-PDU (\(error))"
        case .recordTooLong(let buffered, let limit):
            "no whole record in \(buffered) octets (limit \(limit))"
        }
    }
}

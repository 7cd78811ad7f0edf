/// Counters of the mobile (GTP) tracker, for the summary and status.
public struct MobileStatistics: Sendable {
    /// GTP-C messages taken, by type name (`create_session_request`, `echo_request`, ...).
    public var messages: [String: Int] = [:]
    /// Sessions (PDN connections, PDP contexts) opened by an accepted create.
    public var opened = 0
    /// Accepted modifications (Modify Bearer, Update PDP Context, Create/Update/Delete Bearer).
    public var modified = 0
    /// Sessions closed by a delete (or replaced by a newer create for the same subscriber and bearer).
    public var closed = 0
    /// Creates the network rejected.
    public var rejected = 0
    /// Sessions ended after the session timeout without control traffic.
    public var expired = 0
    /// Requests no response answered within the request timeout.
    public var unansweredRequests = 0
    /// Responses to no request the tracker saw.
    public var unmatchedResponses = 0
    /// Messages about a session the tracker does not know.
    public var unknownSessions = 0
    /// Sessions open now.
    public var open = 0
    /// Tunnel endpoints of intercepted sessions followed now.
    public var tunnels = 0
}

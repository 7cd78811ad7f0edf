import Packets
import Protocols

/// The media one dialog (call leg) has agreed on through SDP offers and answers, from both sides.
///
/// An SDP body from a side with no offer outstanding is an offer; one from the other side then answers it and the
/// two become the agreed media. While an offer is outstanding, the flows it proposes are followed as well as the
/// agreed ones, so media that moves at a re-INVITE is not missed in between. A body that repeats a side's previous
/// one (a retransmission, or a 200 repeating a 183's answer) changes nothing.
struct MediaNegotiation {
    /// One side's media streams (in m= line order) and the extra address its media may use behind NAT.
    struct Side: Equatable {
        var streams: [SDPMediaStream] = []
        var natAddress: IPAddress?
    }

    /// A flow between the caller's and the callee's endpoint of one stream.
    struct Flow: Hashable {
        var caller: SDPEndpoint
        var callee: SDPEndpoint
    }

    private(set) var caller = Side()
    private(set) var callee = Side()
    private var pending: (fromCaller: Bool, side: Side)?
    private var lastSession: [Bool: SDPSession] = [:]

    /// Takes an SDP body sent by the caller (`fromCaller`) or the callee; returns whether the flows changed.
    mutating func take(_ session: SDPSession, fromCaller: Bool, natAddress: IPAddress?) -> Bool {
        if let previous = lastSession[fromCaller], previous == session { return false }
        lastSession[fromCaller] = session
        let side = Side(streams: session.media, natAddress: natAddress)
        if let offer = pending, offer.fromCaller != fromCaller {
            if fromCaller {
                caller = side
                callee = offer.side
            } else {
                caller = offer.side
                callee = side
            }
            pending = nil
        } else {
            pending = (fromCaller, side)
        }
        return true
    }

    /// Every RTP and RTCP flow to follow now: the agreed streams paired by position, and those of an outstanding
    /// offer paired with the other side's agreed streams. Closed streams (port 0, `a=inactive`) have none.
    var flows: Set<Flow> {
        var result = Set<Flow>()
        Self.pair(caller, callee, into: &result)
        if let offer = pending {
            if offer.fromCaller {
                Self.pair(offer.side, callee, into: &result)
            } else {
                Self.pair(caller, offer.side, into: &result)
            }
        }
        return result
    }

    private static func pair(_ caller: Side, _ callee: Side, into result: inout Set<Flow>) {
        for (mine, theirs) in zip(caller.streams, callee.streams) where mine.isActive && theirs.isActive {
            let callerRTP = endpoints(mine.rtpEndpoint, nat: caller.natAddress)
            let calleeRTP = endpoints(theirs.rtpEndpoint, nat: callee.natAddress)
            let callerRTCP = endpoints(mine.rtcpEndpoint, nat: caller.natAddress)
            let calleeRTCP = endpoints(theirs.rtcpEndpoint, nat: callee.natAddress)
            for one in callerRTP { for other in calleeRTP { result.insert(Flow(caller: one, callee: other)) } }
            for one in callerRTCP { for other in calleeRTCP { result.insert(Flow(caller: one, callee: other)) } }
        }
    }

    /// The endpoint, and the same port at the NAT address when there is one.
    private static func endpoints(_ endpoint: SDPEndpoint?, nat: IPAddress?) -> [SDPEndpoint] {
        guard let endpoint else { return [] }
        guard let nat, nat != endpoint.address else { return [endpoint] }
        return [endpoint, SDPEndpoint(address: nat, port: endpoint.port)]
    }
}

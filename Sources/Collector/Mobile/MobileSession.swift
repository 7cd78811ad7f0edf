import Packets
import Protocols

/// One PDN connection (GTPv2) or PDP context (GTPv1) of a subscriber: its identities, addresses and tunnels, and the
/// intercepts it concerns.
final class MobileSession {
    /// One user-plane endpoint of a bearer.
    struct Tunnel {
        /// The bearer (EBI) or PDP context (NSAPI).
        var bearer: UInt8
        /// Whether G-PDUs sent to it are uplink (from the target).
        var uplink: Bool
        /// The address and TEID G-PDUs are sent to.
        var endpoint: TunnelEndpoint
    }

    /// GTP version (1: UMTS IRIs and CCs; 2: EPS).
    let version: UInt8
    /// The communication identity number: the access side's control TEID, as OpenLI derives it.
    let cin: UInt32
    var imsi: String?
    var msisdn: String?
    var imei: String?
    var apn: String?
    var ratType: UInt8?
    var userLocation: [UInt8]?
    var apnAMBR: [UInt8]?
    /// The addresses the subscriber was given.
    var pdn: PDNAddress
    /// The default bearer (EBI) or the PDP context's NSAPI.
    var bearerID: UInt8?
    /// Both sides' control endpoints (how later messages find the session).
    var controlEndpoints: [TunnelEndpoint]
    /// The network side's control address (the PGW or GGSN), for the IRIs.
    var gatewayAddress: IPAddress?
    /// The access side's control address (the SGW or SGSN), for the IRIs.
    var accessAddress: IPAddress?
    /// The user-plane endpoints: G-PDUs sent to an uplink one come from the target, to a downlink one go to it.
    var tunnels: [Tunnel] = []
    /// Capture time of the session's last control message.
    var lastMicros: Int64
    /// The intercepts the session's IRIs began for.
    var parties: [Int32] = []

    init(version: UInt8, cin: UInt32, request: ControlMessage, response: ControlMessage, timeMicros: Int64) {
        self.version = version
        self.cin = cin
        (imsi, msisdn, imei, apn) = (request.imsi, request.msisdn, request.imei, request.apn ?? response.apn)
        (ratType, userLocation) = (request.ratType, request.userLocation)
        apnAMBR = response.apnAMBR ?? request.apnAMBR
        pdn = response.pdn ?? PDNAddress()
        bearerID = request.bearerID ?? response.bearerID
        controlEndpoints = request.controlEndpoints + response.controlEndpoints
        accessAddress = request.controlEndpoints.first?.address
        gatewayAddress = response.controlEndpoints.first?.address
        lastMicros = timeMicros
        addTunnels(request: request, response: response, networkInitiated: false)
    }

    /// The identities the session's subscriber has, as warrants name them (`imsi:...`, `msisdn:...`, `imei:...`).
    var identityKeys: [String] {
        [imsi.map { "imsi:" + $0 }, msisdn.map { "msisdn:" + $0 }, imei.map { "imei:" + $0 }].compactMap { $0 }
    }

    /// Takes the user-plane endpoints an accepted exchange announced: the access side's receive downlink, the
    /// network side's uplink. In a UE-initiated procedure the request comes from the access side; in a
    /// network-initiated one (Create or Update Bearer) from the network side.
    func addTunnels(request: ControlMessage, response: ControlMessage, networkInitiated: Bool) {
        let access = networkInitiated ? response : request
        let network = networkInitiated ? request : response
        // A network-initiated Create Bearer Request names its new bearer 0; the response gives it its EBI.
        let assigned = response.userEndpoints.first?.bearer ?? 0
        for (bearer, endpoint) in access.userEndpoints {
            replace(bearer == 0 ? assigned : bearer, uplink: false, endpoint)
        }
        for (bearer, endpoint) in network.userEndpoints {
            replace(bearer == 0 ? assigned : bearer, uplink: true, endpoint)
        }
    }

    /// Drops a bearer's tunnels.
    func removeBearer(_ bearer: UInt8) {
        tunnels.removeAll { $0.bearer == bearer }
    }

    /// Puts an endpoint in place of the bearer's endpoint of the same direction and address family.
    private func replace(_ bearer: UInt8, uplink: Bool, _ endpoint: TunnelEndpoint) {
        tunnels.removeAll {
            $0.bearer == bearer && $0.uplink == uplink && $0.endpoint.address.isIPv4 == endpoint.address.isIPv4
        }
        tunnels.append(Tunnel(bearer: bearer, uplink: uplink, endpoint: endpoint))
    }
}

import Foundation
import TestSupport

/// One of the test captures with its `.json`: the warrants and servers to configure, and what must come out.
struct CaptureScenario {
    struct Warrant {
        var liid: String
        var agency: String
        var user: String
        var authCC: String
    }

    struct Expected {
        var iriTypes: [String]
        var events: [String]
        var ccTotal: Int
        var fromTarget: Int
        var toTarget: Int
        var cins: Int
    }

    let name: String
    let pcapPath: String
    let warrants: [Warrant]
    let radiusServers: [String]
    let expected: [String: Expected]

    init(_ name: String) throws {
        self.name = name
        pcapPath = PcapCaptures.path("\(name).pcap")
        let data = try Data(contentsOf: URL(fileURLWithPath: PcapCaptures.path("\(name).json")))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let warrantList = json["warrants"] as? [[String: Any]] ?? []
        warrants = warrantList.compactMap { item in
            guard let liid = item["liid"] as? String, let agency = item["agency"] as? String,
                let target = item["target"] as? [String: Any], let user = target["value"] as? String
            else { return nil }
            return Warrant(liid: liid, agency: agency, user: user, authCC: item["authcc"] as? String ?? "NZ")
        }
        let servers = (json["known_servers"] as? [String: Any])?["radius"] as? [[String: Any]] ?? []
        radiusServers = servers.flatMap { server -> [String] in
            let address = server["ip"] as? String ?? ""
            let host = address.contains(":") ? "[\(address)]" : address
            return ["\(host):\(server["auth_port"] as? Int ?? 1812)", "\(host):\(server["acct_port"] as? Int ?? 1813)"]
        }
        var expected: [String: Expected] = [:]
        for (liid, value) in json["expected"] as? [String: Any] ?? [:] {
            guard let entry = value as? [String: Any], let sessions = entry["sessions"] as? [[String: Any]] else {
                continue
            }
            var result = Expected(iriTypes: [], events: [], ccTotal: 0, fromTarget: 0, toTarget: 0, cins: 0)
            for session in sessions {
                for iri in session["iris"] as? [[String: Any]] ?? [] {
                    guard let type = iri["iri"] as? String, let event = iri["event"] as? String else { continue }
                    result.iriTypes.append(type)
                    result.events.append(event)
                }
                let window = session["cc_between_access_accept_and_stop"] as? [String: Any] ?? [:]
                result.ccTotal += window["total"] as? Int ?? 0
                result.fromTarget += window["from_target"] as? Int ?? 0
                result.toTarget += window["to_target"] as? Int ?? 0
            }
            result.cins = entry["distinct_cins"] as? Int ?? sessions.count
            expected[liid] = result
        }
        self.expected = expected
    }

    /// Agency names the warrants use, sorted.
    var agencies: [String] { Array(Set(warrants.map(\.agency))).sorted() }
}

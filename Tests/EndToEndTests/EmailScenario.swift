import Foundation
import TestSupport

/// One of the mail captures with its `.json`: the servers and email warrants to configure, and per LIID the IRI
/// events that must come (in order), the EmailCCs, and the sessions that must give nothing.
struct EmailScenario {
    struct Warrant {
        var liid: String
        var agency: String
        var address: String
    }

    struct Event {
        var names: [String]
        var optional: Bool
        var types: [String]
    }

    struct Expected {
        var events: [Event]
        var messageCCs: Int
        var clientPorts: Set<Int>
        var contentHashes: [String]
    }

    let pcapPath: String
    let servers: [(kind: String, endpoint: String)]
    let warrants: [Warrant]
    let expected: [String: Expected]

    static let etsiNames = [
        "IRI-BEGIN": "iRI-Begin", "IRI-CONTINUE": "iRI-Continue", "IRI-END": "iRI-End", "IRI-REPORT": "iRI-Report",
    ]

    init(_ name: String) throws {
        pcapPath = PcapCaptures.path("\(name).pcap")
        let data = try Data(contentsOf: URL(fileURLWithPath: PcapCaptures.path("\(name).json")))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        var servers: [(String, String)] = []
        for (kind, list) in json["known_servers"] as? [String: Any] ?? [:] {
            for server in list as? [[String: Any]] ?? [] {
                servers.append((kind, "\(server["ip"] as? String ?? ""):\(server["port"] as? Int ?? 0)"))
            }
        }
        self.servers = servers
        warrants = (json["warrants"] as? [[String: Any]] ?? []).compactMap { item in
            guard let liid = item["liid"] as? String, let agency = item["agency"] as? String,
                let address = (item["target"] as? [String: Any])?["value"] as? String
            else { return nil }
            return Warrant(liid: liid, agency: agency, address: address)
        }
        var expected: [String: Expected] = [:]
        for (liid, value) in json["expected"] as? [String: Any] ?? [:] {
            let sessions = (value as? [String: Any])?["intercepted_sessions"] as? [[String: Any]] ?? []
            var result = Expected(events: [], messageCCs: 0, clientPorts: [], contentHashes: [])
            for session in sessions {
                for event in session["events"] as? [[String: Any]] ?? [] {
                    let name = (event["event"] as? String ?? "").split(separator: " ").first.map(String.init) ?? ""
                    let names = [name] + (event["event_alternatives"] as? [String] ?? [])
                    let text = ([event["iri"] as? String ?? ""] + (event["iri_alternatives"] as? [String] ?? []))
                        .joined(separator: " ")
                    let types = ["BEGIN", "CONTINUE", "END", "REPORT"].filter { text.contains($0) }.map { "IRI-" + $0 }
                    result.events.append(
                        Event(
                            names: names,
                            optional: event["optional"] as? Bool ?? false,
                            types: types.compactMap { Self.etsiNames[$0] }
                        )
                    )
                    if let hash = event["content_sha256"] as? String { result.contentHashes.append(hash) }
                }
                result.messageCCs += session["message_ccs"] as? Int ?? 0
                if let port = (session["client"] as? String)?.split(separator: ":").last.flatMap({ Int($0) }) {
                    result.clientPorts.insert(port)
                }
            }
            expected[liid] = result
        }
        self.expected = expected
    }

    /// Agency names the warrants use, sorted.
    var agencies: [String] { Array(Set(warrants.map(\.agency))).sorted() }
}

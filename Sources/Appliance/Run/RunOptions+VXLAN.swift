import Packets

extension RunOptions {
    /// The most VXLAN ports a run listens for, 4789 included.
    public static let maximumVXLANPorts = 8

    /// The decapsulation settings for `run --vxlan-port` values: 4789 and each given port (1-65535, repeats
    /// ignored), at most ``maximumVXLANPorts`` in all.
    public static func decapsulation(vxlanPorts extra: [Int]) throws(ApplianceError) -> DecapsulationSettings {
        var ports = DecapsulationSettings.standard.vxlanPorts
        for port in extra {
            guard let value = UInt16(exactly: port), value != 0 else {
                throw ApplianceError(.usage, "run: --vxlan-port \(port) is not in 1...65535")
            }
            if !ports.contains(value) { ports.append(value) }
        }
        guard ports.count <= maximumVXLANPorts else {
            throw ApplianceError(
                .usage,
                "run: --vxlan-port names \(ports.count) VXLAN ports with 4789; at most \(maximumVXLANPorts) are allowed"
            )
        }
        return DecapsulationSettings(vxlanPorts: ports)
    }
}

import Appliance
import Packets
import Testing

/// `run --vxlan-port`: the ports added to 4789, checked before the run starts.
@Suite struct VXLANPortOptionTests {
    @Test("4789 always; given ports added once each, in order")
    func portsAdded() throws {
        #expect(try RunOptions.decapsulation(vxlanPorts: []) == .standard)
        let settings = try RunOptions.decapsulation(vxlanPorts: [8472, 4789, 8472, 65_535, 1])
        #expect(settings.vxlanPorts == [4789, 8472, 65_535, 1])
        #expect(try RunOptions.decapsulation(vxlanPorts: Array(1...7)).vxlanPorts.count == 8)
    }

    @Test("out of range or more than 8 ports in all: one usage line", arguments: [[0], [65_536], [-1], Array(1...8)])
    func refused(ports: [Int]) {
        #expect(throws: ApplianceError.self) { try RunOptions.decapsulation(vxlanPorts: ports) }
        do {
            _ = try RunOptions.decapsulation(vxlanPorts: ports)
        } catch {
            #expect(error.code == .usage && error.message.hasPrefix("run: --vxlan-port "))
            #expect(!error.message.contains("\n"))
        }
    }
}

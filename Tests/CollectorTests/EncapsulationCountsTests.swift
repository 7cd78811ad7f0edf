import Collector
import Packets
import Testing

@Suite struct EncapsulationCountsTests {
    @Test("a frame counts once for each kind it was inside; stages add up")
    func counting() {
        var counts = EncapsulationCounts()
        #expect(counts.isEmpty)
        counts.add(.vxlan)
        counts.add([.vxlan, .gre])
        counts.add(.erspanTypeIII)
        var other = EncapsulationCounts()
        other.add(.erspanTypeII)
        other.add(.gre)
        counts.add(other)
        let byName = Encapsulations.named.map { counts.frames(inside: $0.kind) }
        #expect(byName == [2, 2, 0, 1, 1])
        #expect(counts.frames(inside: []) == 0 && !counts.isEmpty)
    }
}

/// Octets held by sequence number until something claims them, with the oldest first in line to be let go: the
/// records waiting for their hash TRI, the hash TRIs waiting for their signature.
struct HeldItems: Sendable {
    private var items: [UInt64: [UInt8]] = [:]
    private var arrival: [UInt64] = []
    private var head = 0

    /// How many items are held.
    var count: Int { items.count }

    /// The item held under `number`, if any.
    subscript(number: UInt64) -> [UInt8]? { items[number] }

    /// Holds `octets` under `number` (a number not held).
    mutating func hold(_ octets: [UInt8], as number: UInt64) {
        items[number] = octets
        arrival.append(number)
    }

    /// Takes the item held under `number`.
    mutating func take(_ number: UInt64) -> [UInt8]? {
        let octets = items.removeValue(forKey: number)
        compact()
        return octets
    }

    /// Takes the item held longest.
    mutating func takeOldest() -> (number: UInt64, octets: [UInt8])? {
        while head < arrival.count {
            let number = arrival[head]
            head += 1
            if let octets = items.removeValue(forKey: number) {
                compact()
                return (number, octets)
            }
        }
        compact()
        return nil
    }

    /// Takes everything, in number order.
    mutating func takeAll() -> [(number: UInt64, octets: [UInt8])] {
        let all = items.sorted { $0.key < $1.key }.map { (number: $0.key, octets: $0.value) }
        self = HeldItems()
        return all
    }

    /// Keeps the arrival list at most about twice as long as what is held: numbers taken out of line are
    /// dropped from it now and then.
    private mutating func compact() {
        if items.isEmpty {
            arrival.removeAll(keepingCapacity: true)
            head = 0
        } else if arrival.count - head > 2 * items.count + 64 {
            arrival = arrival[head...].filter { items[$0] != nil }
            head = 0
        }
    }
}

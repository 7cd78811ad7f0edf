import Collector
import Mediator

/// Connects the sequencer's output to the embedded mediator's connections.
struct MediatorSink: RecordSink {
    let mediator: Mediator

    func deliver(agencyIndex: Int, handover: Handover, bytes: [UInt8], records: Int) {
        mediator.send(agencyIndex: agencyIndex, interface: handover.rawValue, bytes: bytes, records: records)
    }
}

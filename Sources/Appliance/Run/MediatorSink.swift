import Collector
import ETSI
import Mediator

/// Connects the sequencer's output to the embedded mediator's connections.
struct MediatorSink: RecordSink {
    let mediator: Mediator

    func deliver(agency: String, handover: Handover, bytes: [UInt8], records: Int) {
        mediator.send(agency: agency, handover: handover, bytes: bytes, records: records)
    }
}

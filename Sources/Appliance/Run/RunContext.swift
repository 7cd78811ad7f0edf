import Collector
import Logging
import Mediator

/// What every service of a run works with: the options it was started with, the collector's pipeline, the
/// mediator and the logger.
struct RunContext: Sendable {
    let options: RunOptions
    let pipeline: Pipeline
    let mediator: Mediator
    let logger: Logger
}

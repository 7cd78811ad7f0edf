import Foundation
import Stages
import Testing

/// Stage actors run on their executor's own thread, never on the cooperative pool, and in the order their jobs
/// were queued.
struct StageExecutorTests {
    actor Probe {
        nonisolated let executor: StageExecutor
        nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
        private var seen: [Int] = []

        init(executor: StageExecutor) {
            self.executor = executor
        }

        /// The name of the thread this runs on (what `ps -L` shows).
        func threadName() -> String {
            let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
            return name.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func note(_ value: Int) {
            seen.append(value)
        }

        func notes() -> [Int] { seen }
    }

    @Test func anActorOnAStageExecutorRunsOnTheStagesOwnThread() async throws {
        let executors = StageExecutors()
        defer { executors.shutdownAll() }
        let probe = Probe(executor: try executors.start("probe-stage"))
        #expect(await probe.threadName() == "probe-stage")
        for value in 0..<100 { await probe.note(value) }
        #expect(await probe.notes() == Array(0..<100))
    }

    @Test func shuttingDownWaitsForTheQueuedJobsAndEndsTheThread() async throws {
        let executor = try StageExecutor(name: "short-stage")
        let probe = Probe(executor: executor)
        await probe.note(1)
        executor.shutdown()
        let threads = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").map {
            (try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8)) ?? ""
        }
        #expect(!threads.contains { $0.hasPrefix("short-stage") })
    }
}

import Collector
import Testing

/// The queue between pipeline stages: order, a full queue refusing `tryPush` without waiting, a timed pop that
/// returns on timeout, and close releasing a waiting consumer.
struct BoundedQueueTests {
    @Test func keepsOrderAndRefusesWhenFullWithoutWaiting() {
        let queue = BoundedQueue<Int>(capacity: 2)
        #expect(queue.tryPush(1))
        #expect(queue.tryPush(2))
        #expect(!queue.tryPush(3))
        #expect(queue.depth == 2)
        #expect(queue.pop() == 1)
        #expect(queue.tryPush(4))
        #expect(queue.tryPop() == 2)
        #expect(queue.tryPop() == 4)
        #expect(queue.tryPop() == nil)
    }

    @Test func timedPopReturnsNilOnTimeoutAndAfterClose() {
        let queue = BoundedQueue<Int>(capacity: 1)
        #expect(queue.pop(waitingAtMost: 50) == nil)
        #expect(!queue.isFinished)
        queue.push(7)
        queue.close()
        #expect(queue.pop(waitingAtMost: 50) == 7)
        #expect(queue.pop(waitingAtMost: 50) == nil)
        #expect(queue.isFinished)
        #expect(!queue.tryPush(8))
    }
}

import Calculators
import Foundation
import Screen
import Testing

/// The panes' work queue: one computation per pane at a time, the newest request wins, a
/// superseded or cancelled computation delivers nothing.
@Suite struct CalculationQueueTests {
    /// Records what was computed and delivered; the first computation waits for `gate`.
    final class Probe: @unchecked Sendable {  // every access holds `lock`
        let lock = NSLock()
        var computed: [Double] = []
        var delivered: [Int] = []
        let gate = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
    }

    static func request(_ sw2: Double) -> CalculatorRequest {
        var settings = CalculatorSettings(.meanField)
        _ = settings.apply(["sw2=\(sw2)"])
        return CalculatorRequest(settings: settings, figureSize: Size(width: 0, height: 0), part: .numbers)
    }

    static func queue(_ probe: Probe) -> CalculationQueue {
        CalculationQueue(compute: { request, isCancelled, _ in
            let sw2 = request.settings.number("sw2")
            probe.lock.withLock { probe.computed.append(sw2) }
            if sw2 == 1 { probe.gate.wait() }  // the slow one
            return isCancelled() ? nil : CalculatorOutput(rows: [], figure: nil)
        }, deliver: { _, generation, _ in
            probe.lock.withLock { probe.delivered.append(generation) }
            probe.done.signal()
        })
    }

    @Test func theNewestRequestWinsAndASupersededOneDeliversNothing() {
        let probe = Probe()
        let queue = Self.queue(probe)
        queue.submit(paneID: 1, generation: 1, Self.request(1))
        // Wait until the slow one has started, then type through it.
        while probe.lock.withLock({ probe.computed.isEmpty }) { usleep(1000) }
        queue.submit(paneID: 1, generation: 2, Self.request(2))
        queue.submit(paneID: 1, generation: 3, Self.request(3))
        probe.gate.signal()
        #expect(probe.done.wait(timeout: .now() + 10) == .success)
        usleep(50_000)
        probe.lock.withLock {
            #expect(probe.computed == [1, 3], "request 2 was replaced before it started")
            #expect(probe.delivered == [3], "request 1 was superseded while it ran")
        }
    }

    @Test func aCancelledPaneDeliversNothing() {
        let probe = Probe()
        let queue = Self.queue(probe)
        queue.submit(paneID: 7, generation: 1, Self.request(1))
        while probe.lock.withLock({ probe.computed.isEmpty }) { usleep(1000) }
        queue.submit(paneID: 7, generation: 2, Self.request(2))
        queue.cancel(paneID: 7)
        probe.gate.signal()
        #expect(probe.done.wait(timeout: .now() + 0.5) == .timedOut)
        probe.lock.withLock { #expect(probe.delivered.isEmpty && probe.computed == [1]) }
        // The same pane opened again computes as usual.
        queue.submit(paneID: 7, generation: 3, Self.request(3))
        #expect(probe.done.wait(timeout: .now() + 10) == .success)
    }

    /// The engine itself stops a slow ξ_c grid when asked.
    @Test func theEngineStopsWhenCancelled() {
        var settings = CalculatorSettings(.phase)
        _ = settings.apply(["quantity=xi_c"])
        let request = CalculatorRequest(settings: settings, figureSize: Size(width: 60, height: 20))
        #expect(CalculatorEngine.run(request, isCancelled: { true }) == nil)
    }
}

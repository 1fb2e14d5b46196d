import Foundation

/// Runs calculator requests off the caller's thread, one at a time per pane: a request that
/// arrives while the pane's previous one runs waits, replacing any request already waiting,
/// and the running one is asked to stop (`CalculatorEngine.run` checks between its steps), so
/// typing through a slow grid computes only the last value asked for. `cancel` drops what
/// waits and stops what runs. Finished results go to `deliver`, on the worker's thread.
public final class CalculationQueue: @unchecked Sendable {  // every access to `panes` holds `lock`
    private struct Pane {
        var running = false
        var waiting: (generation: Int, request: CalculatorRequest)?
        var cancelled = false
    }

    private let lock = NSLock()
    private var panes: [Int: Pane] = [:]
    private let deliver: @Sendable (_ paneID: Int, _ generation: Int, CalculatorOutput) -> Void
    private let compute: Compute

    /// A computation: the request, whether to stop, and where to send the numbers early.
    public typealias Compute = @Sendable (CalculatorRequest, _ isCancelled: @Sendable () -> Bool,
                                          _ numbers: @escaping (CalculatorOutput) -> Void) -> CalculatorOutput?

    public init(
        compute: @escaping Compute = { CalculatorEngine.run($0, isCancelled: $1, numbers: $2) },
        deliver: @escaping @Sendable (_ paneID: Int, _ generation: Int, CalculatorOutput) -> Void
    ) {
        self.compute = compute
        self.deliver = deliver
    }

    public func submit(paneID: Int, generation: Int, _ request: CalculatorRequest) {
        let start = lock.withLock { () -> Bool in
            var pane = panes[paneID] ?? Pane()
            defer { panes[paneID] = pane }
            pane.cancelled = false
            if pane.running {
                pane.waiting = (generation, request)
                return false
            }
            pane.running = true
            return true
        }
        if start { run(paneID: paneID, first: (generation, request)) }
    }

    /// Drops the pane's waiting request and stops its running one (the pane closed).
    public func cancel(paneID: Int) {
        lock.withLock {
            panes[paneID]?.waiting = nil
            panes[paneID]?.cancelled = true
        }
    }

    private func run(paneID: Int, first: (generation: Int, request: CalculatorRequest)) {
        Thread.detachNewThread { [self] in
            var job: (generation: Int, request: CalculatorRequest)? = first
            while let (generation, request) = job {
                // Superseded (a newer request waits) or cancelled: stop early.
                let isCancelled: @Sendable () -> Bool = { [self] in
                    lock.withLock { panes[paneID].map { $0.waiting != nil || $0.cancelled } ?? true }
                }
                let early = { [self] (output: CalculatorOutput) in deliver(paneID, generation, output) }
                if let output = compute(request, isCancelled, early), !isCancelled() { deliver(paneID, generation, output) }
                job = lock.withLock {
                    let next = panes[paneID]?.waiting
                    panes[paneID]?.waiting = nil
                    if next == nil { panes[paneID]?.running = false }
                    return next
                }
            }
        }
    }
}

import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores in contiguous chunks; order is kept.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 64 else { return map(transform) }
        let chunks = Swift.min(count, ProcessInfoCores.count * 4)
        let results = ResultSlots<T>(count: count)
        let input = self
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * input.count / chunks
            let end = (chunk + 1) * input.count / chunks
            for index in start..<end { results.set(index, transform(input[index])) }
        }
        return results.values()
    }
}

enum ProcessInfoCores {
    static let count: Int = {
        #if canImport(Glibc)
        return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }()
}

#if canImport(Glibc)
import Glibc
#endif

/// Slots written once each from different threads; each index is written by exactly one
/// iteration, so no two threads touch the same slot.
private final class ResultSlots<T>: @unchecked Sendable {
    // A raw buffer rather than an Array property: writing an Array stored in a class from
    // several threads would trip Swift's exclusivity checks even on distinct indices.
    private let storage: UnsafeMutableBufferPointer<T?>
    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    func set(_ index: Int, _ value: T) { storage[index] = value }
    func values() -> [T] { storage.map { $0! } }
}

import Dispatch

/// Full-text search over a garden's notes. Built from a loaded `Garden` (separately from
/// loading, when search is first needed) and immutable afterwards, so it can be shared.
///
/// The index holds each searchable field as one contiguous folded byte buffer (see
/// `SearchFolding`): every note's text end to end, each followed by a 0 byte, with the offset
/// where each note's text starts. A query scans the buffers with `memmem`, one term at a time,
/// and scores only the notes that match. For 10,000 notes of 2 KB that is ~20 MB of bytes and
/// no per-word structures, so building is one pass over the text. The notes are split into
/// one shard per core; shards are built and searched in parallel.
public struct SearchIndex: Sendable {
    /// The notes, in the garden's order; a note's position here is its number in the shards.
    let notes: [Note]
    /// Consecutive runs of notes, covering them all in order.
    let shards: [SearchShard]

    public init(_ garden: Garden) {
        self.init(notes: garden.notes)
    }

    init(notes: [Note], shardCount: Int = ProcessInfoCores.count) {
        self.notes = notes
        // Below a few hundred notes a thread costs more than it saves.
        let count = notes.count < 512 ? 1 : max(1, shardCount)
        let ranges = (0..<count).map { shard in
            (shard * notes.count / count)..<((shard + 1) * notes.count / count)
        }
        shards = ranges.concurrentMap { SearchShard(notes: notes, range: $0) }
    }

    public var noteCount: Int { notes.count }

    /// Bytes held by the index's buffers (for the benchmark and the memory budget).
    public var indexedBytes: Int {
        shards.reduce(0) { total, shard in total + shard.fields.reduce(0) { $0 + $1.bytes.count + 4 * $1.starts.count } }
    }

    /// The shard holding note `position`, and the note's number within it.
    func locate(_ position: Int) -> (shard: SearchShard, local: Int) {
        let shard = shards.last { $0.firstNote <= position }!
        return (shard, position - shard.firstNote)
    }
}

extension Array where Element: Sendable {
    /// `map` with every element on its own thread; for a few large work items (the
    /// `parallelMap` in Parallel.swift runs small arrays on one thread).
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = Slots<T>(count: count)
        let input = self
        DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, transform(input[$0])) }
        return slots.values
    }
}

/// Results written once each from different threads, each index by exactly one thread.
private final class Slots<T>: @unchecked Sendable {
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
    var values: [T] { storage.map { $0! } }
}

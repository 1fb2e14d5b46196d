#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The matches of one term in one field of one note.
struct MatchRun {
    /// Matches counted per note, field and term once a whole-word match is among them; past
    /// this the count no longer moves the score much (log), and stopping keeps common terms
    /// cheap.
    static let cap = 6

    var sum = 0.0
    var best = 0.0
    var count = 0

    @inline(__always)
    mutating func add(_ quality: Double) {
        sum += quality
        count += 1
        if quality > best { best = quality }
    }

    /// Enough matches seen: `cap` with a whole-word one among them, or four times as many
    /// (a letter or fragment found inside every other word).
    var isFull: Bool { count >= Self.cap && (best == 1 || count >= 4 * Self.cap) }

    /// The field's weight times the best match's quality (1 whole word, 0.6 word start, 0.1
    /// inside a word) plus a slowly growing bonus for more matches, so that many body matches
    /// never outweigh one title match: with weights 12 and 1, a body needs e^44 matches.
    func score(weight: Double) -> Double {
        best > 0 ? weight * (best + 0.25 * log(1 + sum)) : 0
    }
}

extension SearchShard {
    /// The notes (numbered within the shard) that contain every term, with their scores.
    func matches(_ terms: [[UInt8]]) -> [(Int, Double)] {
        var tally = Tally(noteCount: noteCount)
        for (termIndex, term) in terms.enumerated() {
            var only: [Int]?
            if termIndex > 0 {
                let survivors = tally.survivors(of: termIndex - 1)
                if survivors.isEmpty { return [] }
                // Few notes left: look inside them only, rather than through every buffer.
                if survivors.count * 4 < noteCount { only = survivors }
            }
            for (field, text) in zip(SearchField.allCases, fields) {
                tally.count(term, termIndex: termIndex, in: text, weight: field.weight, only: only)
            }
        }
        return tally.survivors(of: terms.count - 1).map { ($0, tally.scores[$0]) }
    }
}

/// Scores accumulated over one query. A note is still in the running after term t when
/// `lastTerm[note] == t`: each term only counts for notes that matched every earlier term.
struct Tally {
    var scores: [Double]
    var lastTerm: [Int32]

    init(noteCount: Int) {
        scores = Array(repeating: 0, count: noteCount)
        lastTerm = Array(repeating: -1, count: noteCount)
    }

    func survivors(of termIndex: Int) -> [Int] {
        lastTerm.indices.filter { lastTerm[$0] == Int32(termIndex) }
    }

    /// Adds the matches of one term in one field: in every note's text, or only in the notes
    /// `only` lists (when few notes are left, looking inside them beats scanning everything).
    mutating func count(_ term: [UInt8], termIndex: Int, in text: FieldText, weight: Double, only: [Int]?) {
        guard !term.isEmpty else { return }
        let previous = Int32(termIndex - 1), current = Int32(termIndex)
        text.bytes.withUnsafeBufferPointer { bytes in
            text.starts.withUnsafeBufferPointer { starts in
                scores.withUnsafeMutableBufferPointer { scores in
                    lastTerm.withUnsafeMutableBufferPointer { lastTerm in
                        let matcher = Matcher(bytes: bytes, term: term)
                        func eligible(_ note: Int) -> Bool { lastTerm[note] == previous || lastTerm[note] == current }
                        func credit(_ note: Int, _ run: MatchRun) {
                            guard run.best > 0 else { return }
                            scores[note] += run.score(weight: weight)
                            lastTerm[note] = current
                        }
                        if let only {
                            for note in only where eligible(note) {
                                var run = MatchRun()
                                var cursor = Int(starts[note])
                                let end = Int(starts[note + 1]) - 1
                                while !run.isFull, let (offset, quality) = matcher.next(from: cursor, end: end) {
                                    run.add(quality)
                                    cursor = offset + term.count
                                }
                                credit(note, run)
                            }
                            return
                        }
                        // One pass over the whole buffer; matches come in note order.
                        var note = 0
                        var noteEnd = Int(starts[1])
                        var run = MatchRun()
                        var cursor = 1
                        while let (offset, quality) = matcher.next(from: cursor, end: bytes.count) {
                            cursor = offset + term.count
                            if offset >= noteEnd {
                                credit(note, run)
                                run = MatchRun()
                                while Int(starts[note + 1]) <= offset { note += 1 }
                                noteEnd = Int(starts[note + 1])
                                if !eligible(note) {
                                    cursor = noteEnd  // out of the running: skip its text
                                    continue
                                }
                            } else if !eligible(note) {
                                cursor = noteEnd
                                continue
                            }
                            run.add(quality)
                            if run.isFull { cursor = noteEnd }
                        }
                        credit(note, run)
                    }
                }
            }
        }
    }
}

/// Finds one term in a folded buffer and grades each occurrence.
///
/// The search compares 16 positions at a time (SIMD): a position is a candidate when the
/// term's first byte is there and its last byte is where it would end; only candidates are
/// compared in full (W. Muła, "SIMD-friendly algorithms for substring searching", 2016). On
/// prose this beats glibc's `memmem` several times over for short common terms ("the"),
/// which match every few dozen bytes, where `memmem`'s per-call setup dominates.
struct Matcher {
    let bytes: UnsafeBufferPointer<UInt8>
    let term: [UInt8]
    let startsWord: Bool
    let endsWord: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, term: [UInt8]) {
        self.bytes = bytes
        self.term = term
        startsWord = SearchFolding.isWordByte(term[0])
        endsWord = SearchFolding.isWordByte(term[term.count - 1])
    }

    /// The first occurrence at or after `from` that ends by `end`, with its quality: 1 for a
    /// whole word, 0.6 at the start of a word, 0.1 inside a word.
    @inline(__always)
    func next(from: Int, end: Int) -> (offset: Int, quality: Double)? {
        let count = term.count
        guard from + count <= end else { return nil }
        let found = term.withUnsafeBufferPointer { find($0, from: from, end: end) }
        guard let offset = found else { return nil }
        // The buffer starts with a 0 and every note ends with one, so both neighbours exist.
        let atStart = !startsWord || !SearchFolding.isWordByte(bytes[offset - 1])
        let atEnd = !endsWord || !SearchFolding.isWordByte(bytes[offset + count])
        return (offset, atStart ? (atEnd ? 1.0 : 0.6) : 0.1)
    }

    @inline(__always)
    private func find(_ needle: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        let count = needle.count
        let lastOffset = count - 1
        var position = from
        let first = SIMD16<UInt8>(repeating: needle[0]), last = SIMD16<UInt8>(repeating: needle[lastOffset])
        // Blocks whose 16 candidate starts all end before `end`.
        while position + lastOffset + 16 <= end {
            let starts = base.loadUnaligned(fromByteOffset: position, as: SIMD16<UInt8>.self)
            let ends = base.loadUnaligned(fromByteOffset: position + lastOffset, as: SIMD16<UInt8>.self)
            var mask = Self.bits(starts .== first .& ends .== last)
            while mask != 0 {
                let candidate = position + mask.trailingZeroBitCount
                if count <= 2 || memcmp(base + candidate + 1, needle.baseAddress! + 1, count - 2) == 0 { return candidate }
                mask &= mask - 1
            }
            position += 16
        }
        while position + count <= end {
            if bytes[position] == needle[0], memcmp(base + position, needle.baseAddress!, count) == 0 { return position }
            position += 1
        }
        return nil
    }

    /// Bit k set when lane k of the mask is.
    @inline(__always)
    private static func bits(_ mask: SIMDMask<SIMD16<Int8>>) -> UInt32 {
        let weights = SIMD16<UInt8>(1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128)
        let lanes = SIMD16<UInt8>(truncatingIfNeeded: unsafeBitCast(mask, to: SIMD16<Int8>.self)) & weights
        return UInt32(lanes.lowHalf.wrappedSum()) | UInt32(lanes.highHalf.wrappedSum()) << 8
    }}

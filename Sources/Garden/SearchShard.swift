/// The folded text of a run of consecutive notes, one buffer per field.
struct SearchShard: Sendable {
    /// The position in the garden's notes of this shard's note 0.
    let firstNote: Int
    let noteCount: Int
    /// One per `SearchField.allCases`, in that order.
    let fields: [FieldText]

    init(notes: [Note], range: Range<Int>) {
        firstNote = range.lowerBound
        noteCount = range.count
        fields = SearchField.allCases.map { field in
            var builder = FieldText.Builder(capacity: Self.room(for: field, notes: notes[range]), noteCount: range.count)
            for note in notes[range] { builder.add(field.segments(of: note), joiner: field.joiner) }
            let text = builder.finished
            #if DEBUG
            text.checkInvariants(noteCount: range.count)
            #endif
            return text
        }
    }

    var titles: FieldText { fields[0] }

    /// Bytes to reserve so that the buffer never grows (growing doubles it): folding does not
    /// lengthen text much (see `SearchFolding.fold`), and the fold of the last piece briefly
    /// needs twice its length.
    private static func room(for field: SearchField, notes: ArraySlice<Note>) -> Int {
        var total = 1, largest = 0
        for note in notes {
            let segments = field.segments(of: note)
            for segment in segments {
                total += segment.utf8.count
                largest = max(largest, segment.utf8.count)
            }
            total += 1 + max(0, segments.count - 1) * field.joiner.utf8.count
        }
        return total + total / 8 + 2 * largest + 16
    }
}

/// The folded text of one field for every note of a shard.
struct FieldText: Sendable {
    /// Folded text: a 0 byte, then each note's text followed by a 0 byte.
    var bytes: [UInt8]
    /// `starts[i]` is where note i's text begins; `starts[noteCount]` is one past the last 0.
    var starts: [Int32]

    struct Builder {
        var text: FieldText

        init(capacity: Int, noteCount: Int) {
            text = FieldText(bytes: [SearchFolding.separator], starts: [])
            text.bytes.reserveCapacity(capacity)
            text.starts.reserveCapacity(noteCount + 1)
        }

        /// Folding is stateless across calls (only the last byte written matters), so folding
        /// the pieces one after another gives the same bytes as folding the `joined` text,
        /// which is what `SearchSnippet` does to map a match back.
        mutating func add(_ segments: [Substring], joiner: String) {
            precondition(text.bytes.count < Int32.max / 2, "a shard holds less than 1 GB of text")
            text.starts.append(Int32(text.bytes.count))
            for (index, segment) in segments.enumerated() {
                if index > 0 { SearchFolding.fold(joiner[...], into: &text.bytes) }
                SearchFolding.fold(segment, into: &text.bytes)
            }
            text.bytes.append(SearchFolding.separator)
        }

        var finished: FieldText {
            var result = text
            result.starts.append(Int32(result.bytes.count))
            return result
        }
    }

    /// Note i's folded text, without its closing 0.
    func range(of note: Int) -> Range<Int> { Int(starts[note])..<(Int(starts[note + 1]) - 1) }

    func checkInvariants(noteCount: Int) {
        precondition(starts.count == noteCount + 1, "one start per note plus the end")
        precondition(bytes.first == SearchFolding.separator && bytes.last == SearchFolding.separator)
        precondition(zip(starts, starts.dropFirst()).allSatisfy { $0 < $1 }, "starts increase")
        precondition(starts.dropFirst().allSatisfy { bytes[Int($0) - 1] == SearchFolding.separator })
    }
}

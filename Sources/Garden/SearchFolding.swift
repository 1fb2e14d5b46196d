/// How search compares text: both the indexed text and the query are folded to lowercase
/// ASCII where a Latin letter has an ASCII base (é → e, ß → ss, ő → o), typographic quotes and
/// dashes become their ASCII forms, combining marks are dropped, and every run of whitespace
/// or control characters becomes one space. Letters of other scripts are lowercased and kept
/// as UTF-8.
enum SearchFolding {
    /// Folds UTF-8 `text` onto the end of `out`. When `map` is given, it receives, for every
    /// byte appended to `out`, the offset in `text` of the character that produced it, so that
    /// a match in the folded text can be shown in the original.
    static func fold(_ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], map: UnsafeMutablePointer<[Int32]>? = nil) {
        let oldCount = out.count
        // No character folds to more than 1.5 times its UTF-8 length (Ⱥ, 2 bytes, lowercases to
        // ⱥ, 3 bytes), so twice the input is room enough.
        let room = 2 * text.count + 4
        out.append(contentsOf: repeatElement(0, count: room))
        var origins: [Int32] = []
        if map != nil { origins = Array(repeating: 0, count: room) }
        let written = out.withUnsafeMutableBufferPointer { buffer in
            origins.withUnsafeMutableBufferPointer { origins in
                let lastWasSpace = oldCount > 0 && (buffer[oldCount - 1] == space || buffer[oldCount - 1] == separator)
                return fold(text, into: buffer.baseAddress! + oldCount, origins: map == nil ? nil : origins.baseAddress!,
                            lastWasSpace: lastWasSpace)
            }
        }
        out.removeLast(room - written)
        map?.pointee += origins.prefix(written)
    }

    /// The loop of `fold`: writes at `out` (which has room enough) and returns the count.
    private static func fold(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>,
                             origins: UnsafeMutablePointer<Int32>?, lastWasSpace: Bool) -> Int {
        var lastWasSpace = lastWasSpace
        var written = 0
        var index = 0
        let count = text.count
        @inline(__always) func emit(_ byte: UInt8, from origin: Int) {
            out[written] = byte
            origins?[written] = Int32(origin)
            written += 1
        }
        return asciiTable.withUnsafeBufferPointer { table in
            while index < count {
                let byte = text[index]
                if byte < 0x80 {
                    let folded = table[Int(byte)]
                    if folded != space {
                        emit(folded, from: index)
                        lastWasSpace = false
                    } else if !lastWasSpace {
                        emit(space, from: index)
                        lastWasSpace = true
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = decode(text, at: index)
                let start = index
                index += length
                switch foldScalar(scalar) {
                case .drop:
                    continue
                case .space:
                    if !lastWasSpace { emit(space, from: start) }
                    lastWasSpace = true
                case .ascii(let replacement):
                    for byte in replacement.utf8 { emit(byte, from: start) }
                    lastWasSpace = false
                case .keep(let scalar):
                    for byte in UTF8.encode(scalar)! { emit(byte, from: start) }
                    lastWasSpace = false
                }
            }
            return written
        }
    }

    /// Folds a string onto the end of `out` (see the buffer version for `map`).
    static func fold(_ text: Substring, into out: inout [UInt8], map: UnsafeMutablePointer<[Int32]>? = nil) {
        var text = text
        text.withUTF8 { fold($0, into: &out, map: map) }
    }

    /// The folded bytes of a whole string (used for query terms).
    static func fold(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        fold(text[...], into: &out)
        return out
    }

    static let space = UInt8(ascii: " ")
    /// Ends every note's text in an index buffer, so that no match spans two notes.
    static let separator: UInt8 = 0

    /// Letters and digits, and every byte of a non-ASCII character: what words are made of.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool { wordTable[Int(byte)] }

    // MARK: Tables

    private static let asciiTable: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x41...0x5A: return UInt8(byte) + 0x20
        case 0x00...0x20, 0x7F: return space  // whitespace and C0 controls, NUL included
        default: return UInt8(byte)
        }
    }

    private static let wordTable: [Bool] = (0..<256).map { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
    }

    /// ASCII bases of U+00C0…U+017F (Latin-1 Supplement and Latin Extended-A), one word per
    /// code point; from Unicode's compatibility decomposition with marks removed, plus the
    /// letters that have none (ß, æ, ø, ł, đ, þ, œ, ı).
    private static let latinTable: [Substring] = ("a a a a a a ae c e e e e i i i i d n o o o o o x o u u u u y th ss "
        + "a a a a a a ae c e e e e i i i i d n o o o o o / o u u u u y th y "
        + "a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g g g g g h h h h "
        + "i i i i i i i i i i ij ij j j k k k l l l l l l l l l l n n n n n n n n n "
        + "o o o o o o oe oe r r r r r r s s s s s s s s t t t t t t u u u u u u u u u u u u "
        + "w w y y y z z z z z z s").split(separator: " ")

    // MARK: Scalars

    private enum Folded {
        case drop
        case space
        case ascii(Substring)
        case keep(Unicode.Scalar)
    }

    private static func foldScalar(_ scalar: Unicode.Scalar) -> Folded {
        let value = scalar.value
        switch value {
        case 0x80...0x9F, 0xA0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .space
        case 0xC0...0x17F: return .ascii(latinTable[Int(value - 0xC0)])
        case 0x300...0x36F, 0x200B...0x200D, 0xFEFF, 0xAD: return .drop  // combining marks, zero-width
        case 0x2010...0x2015, 0x2212: return .ascii("-")
        case 0x2018, 0x2019, 0x201B: return .ascii("'")
        case 0x201C, 0x201D, 0x201F: return .ascii("\"")
        case 0xFB00: return .ascii("ff")
        case 0xFB01: return .ascii("fi")
        case 0xFB02: return .ascii("fl")
        case 0xFB03: return .ascii("ffi")
        case 0xFB04: return .ascii("ffl")
        default:
            guard scalar.properties.changesWhenLowercased,
                  let lower = scalar.properties.lowercaseMapping.unicodeScalars.first else { return .keep(scalar) }
            return .keep(lower)
        }
    }

    /// Decodes the scalar starting at `index` of valid UTF-8 (Swift strings always are).
    @inline(__always)
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(text[index])
        func continuation(_ offset: Int) -> UInt32 {
            index + offset < text.count ? UInt32(text[index + offset] & 0x3F) : 0
        }
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            (value, length) = ((lead & 0x1F) << 6 | continuation(1), 2)
        } else if lead < 0xF0 {
            (value, length) = ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
        } else {
            (value, length) = ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

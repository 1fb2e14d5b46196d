/// The characters of the three canvas kinds, indexed by a cell's dot bits (bit = y·across + x).
enum CanvasGlyphs {
    static func glyph(_ kind: CanvasKind, _ bits: UInt16) -> String {
        switch kind {
        case .braille: return braille[Int(bits)]
        case .block: return block[Int(bits)]
        case .ascii: return ascii[Int(bits)]
        }
    }

    /// Braille: the canvas's 2×4 bits rearranged into Unicode's dot numbering (dots 1–3 and
    /// 4–6 down the two columns, 7 and 8 at the bottom).
    static let braille: [String] = (0..<256).map { bits in
        let dotValue = [0x01, 0x08, 0x02, 0x10, 0x04, 0x20, 0x40, 0x80]  // canvas bit → Unicode dot
        var code = 0
        for bit in 0..<8 where bits & (1 << bit) != 0 { code |= dotValue[bit] }
        return String(Character(Unicode.Scalar(0x2800 + code)!))
    }

    /// Quadrants: bit 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right.
    static let block: [String] = [" ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█"]

    /// ASCII shapes as 3×3 masks (rows top to bottom, written as three 3-bit rows, left dot
    /// first). Every one of the 512 patterns is drawn with the character whose mask differs in
    /// the fewest dots (the first listed on a tie), so a line keeps its direction.
    static let asciiShapes: [(Character, [String])] = [
        ("-", ["000111000", "111000000"]),
        ("_", ["000000111"]),
        ("|", ["010010010", "100100100", "001001001"]),
        ("/", ["001010100", "001010000", "000010100", "011010110"]),
        ("\\", ["100010001", "100010000", "000010001", "110010011"]),
        ("'", ["010000000", "100000000", "001000000"]),
        (".", ["000000010", "000010000", "000000100", "000000001"]),
        (":", ["010000010"]),
        ("+", ["010111010"]),
        ("x", ["101010101"]),
        ("#", ["111111111", "111111000", "000111111"]),
    ]

    static let ascii: [String] = (0..<512).map { bits in
        if bits == 0 { return " " }
        var best: Character = "#"
        var fewest = Int.max
        for (character, masks) in asciiShapes {
            for mask in masks {
                // The mask string reads top-left first; bit = y·3 + x.
                var value = 0
                for (index, digit) in mask.enumerated() where digit == "1" { value |= 1 << index }
                let distance = (value ^ bits).nonzeroBitCount
                if distance < fewest {
                    fewest = distance
                    best = character
                }
            }
        }
        return String(best)
    }
}

/// What to hand ncurses for one cell's grapheme cluster.
///
/// ncurses keeps one spacing character per cell plus at most four zero-width ones
/// (`CCHARW_MAX` = 5), silently dropping any further spacing character, and moves its cursor
/// by glibc's `wcwidth` of the first. So a cluster is passed whole when it is one spacing
/// character and its marks (e + U+0301, 中, ⣿, 😀); otherwise the cell keeps what ncurses can
/// show: an emoji with a skin tone or a ZWJ sequence keeps its first emoji (a dangling ZWJ
/// removed). The view measures with `DisplayWidth`, which gives two columns to a few clusters
/// whose first scalar glibc calls one column wide (U+263A + U+FE0F, flags made of regional
/// indicators); drawn as is, ncurses' idea of the cursor would be one column off the
/// terminal's and the rest of the row would shift, so they are drawn as their first scalar
/// plus a blank in the continuation cell.
struct CursesCellText: Equatable {
    var scalars: [Unicode.Scalar]
    /// Draw a blank in the next (continuation) cell.
    var padsContinuation: Bool

    static let maximumScalars = 5
    private static let zeroWidthJoiner: Unicode.Scalar = "\u{200D}"

    /// `columns` is the cell's width in the buffer (2 when a continuation follows);
    /// `width` is the scalar width ncurses uses (glibc's `wcwidth`).
    static func plan(_ text: String, columns: Int, width: (Unicode.Scalar) -> Int) -> CursesCellText {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { return CursesCellText(scalars: [" "], padsContinuation: false) }
        let firstWidth = width(first)
        if firstWidth <= 0 {  // no spacing character to anchor the cell (a stray mark)
            return CursesCellText(scalars: [" "], padsContinuation: columns == 2)
        }
        if firstWidth < columns { return CursesCellText(scalars: [first], padsContinuation: true) }
        var kept = [first]
        for scalar in scalars.dropFirst() {
            guard width(scalar) == 0, kept.count < maximumScalars else { break }
            kept.append(scalar)
        }
        if kept.count < scalars.count {
            while kept.count > 1, kept.last == zeroWidthJoiner { kept.removeLast() }
        }
        return CursesCellText(scalars: kept, padsContinuation: false)
    }
}

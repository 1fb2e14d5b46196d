import Screen

/// The default looks, meant for dark and light backgrounds alike: the background stays the
/// terminal's own (−1) except where a band must stand out (selection, match, status mode,
/// overlays).
extension Palette {
    private typealias A = Appearance

    /// xterm 256 colours: 24 dark blue, 39/75 sky blues, 71 green, 109 grey-teal, 140 lilac,
    /// 178/220 yellows, 186 khaki, 203 soft red, 208/214 oranges, 236–252 the grey ramp.
    static let table256: [Role: Appearance] = [
        .text: A(),
        .muted: A(foreground: 245),
        .heading1: A(foreground: 39, bold: true),
        .heading2: A(foreground: 75, bold: true),
        .heading3: A(foreground: 110, bold: true),
        .code: A(foreground: 186),
        .quote: A(foreground: 109, italic: true),
        .link: A(foreground: 75, underline: true),
        .wikiLink: A(foreground: 80, underline: true),
        .match: A(foreground: 16, background: 220),
        .selection: A(foreground: 231, background: 24, bold: true),
        .selectionInactive: A(background: 238),
        .statusBar: A(reverse: true),
        .statusMode: A(foreground: 16, background: 75, bold: true),
        .border: A(foreground: 240),
        .title: A(bold: true),
        .read: A(foreground: 71),
        .reading: A(foreground: 178),
        .unread: A(),
        .tag: A(foreground: 140),
        .error: A(foreground: 203, bold: true),
        .warning: A(foreground: 208),
        .overlay: A(foreground: 252, background: 236),
    ].merging(plots256) { old, _ in old }

    /// Plots: six series colours that stay apart on dark and light backgrounds; red for what
    /// is drawn over the data (no step of the heat ramp is red); a viridis-like heat ramp
    /// (dark purple → blue → teal → green → yellow) picked from the xterm cube, which reads
    /// from low to high in grey-scale too.
    private static let plots256: [Role: Appearance] = [
        .series1: A(foreground: 75), .series2: A(foreground: 214), .series3: A(foreground: 114),
        .series4: A(foreground: 176), .series5: A(foreground: 80), .series6: A(foreground: 186),
        .highlight: A(foreground: 196, bold: true),
        .reference: A(foreground: 244),
        .heat0: A(foreground: 53), .heat1: A(foreground: 54), .heat2: A(foreground: 60), .heat3: A(foreground: 24),
        .heat4: A(foreground: 30), .heat5: A(foreground: 36), .heat6: A(foreground: 72), .heat7: A(foreground: 77),
        .heat8: A(foreground: 148), .heat9: A(foreground: 220),
    ]

    /// ANSI colours: 0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white;
    /// 8–15 their bright forms (8 is grey).
    static let table16: [Role: Appearance] = [
        .text: A(),
        .muted: A(foreground: 8),
        .heading1: A(foreground: 14, bold: true),
        .heading2: A(foreground: 12, bold: true),
        .heading3: A(bold: true),
        .code: A(foreground: 3),
        .quote: A(foreground: 6, italic: true),
        .link: A(foreground: 6, underline: true),
        .wikiLink: A(foreground: 14, underline: true),
        .match: A(foreground: 0, background: 3),
        .selection: A(foreground: 15, background: 4, bold: true),
        .selectionInactive: A(foreground: 0, background: 7),
        .statusBar: A(reverse: true),
        .statusMode: A(foreground: 0, background: 6, bold: true),
        .border: A(foreground: 8),
        .title: A(bold: true),
        .read: A(foreground: 2),
        .reading: A(foreground: 3),
        .unread: A(),
        .tag: A(foreground: 5),
        .error: A(foreground: 1, bold: true),
        .warning: A(foreground: 3, bold: true),
        .overlay: A(foreground: 15, background: 0),
    ].merging(plots16) { old, _ in old }

    /// With 16 colours a heat map is drawn with shading characters as well (see `HeatStyle`),
    /// so its ramp (blue → cyan → green → yellow → red) only has to add to them.
    private static let plots16: [Role: Appearance] = [
        .series1: A(foreground: 12), .series2: A(foreground: 11), .series3: A(foreground: 10),
        .series4: A(foreground: 13), .series5: A(foreground: 14), .series6: A(foreground: 9),
        .highlight: A(foreground: 9, bold: true),
        .reference: A(foreground: 8),
        .heat0: A(foreground: 4), .heat1: A(foreground: 12), .heat2: A(foreground: 6), .heat3: A(foreground: 14),
        .heat4: A(foreground: 2), .heat5: A(foreground: 10), .heat6: A(foreground: 3), .heat7: A(foreground: 11),
        .heat8: A(foreground: 1), .heat9: A(foreground: 9),
    ]

    /// No colours: bold, dim, underline and reverse only. Selection and status bar are
    /// reversed so they stay visible; a match is bold and underlined so it stays distinct
    /// inside a selected row; an inactive selection is underlined.
    static let tableMonochrome: [Role: Appearance] = [
        .text: A(),
        .muted: A(dim: true),
        .heading1: A(bold: true, underline: true),
        .heading2: A(bold: true),
        .heading3: A(bold: true),
        .code: A(),
        .quote: A(italic: true),
        .link: A(underline: true),
        .wikiLink: A(underline: true),
        .match: A(bold: true, underline: true),
        .selection: A(reverse: true),
        .selectionInactive: A(underline: true),
        .statusBar: A(reverse: true),
        .statusMode: A(bold: true, reverse: true),
        .border: A(dim: true),
        .title: A(bold: true),
        .read: A(),
        .reading: A(bold: true),
        .unread: A(),
        .tag: A(underline: true),
        .error: A(bold: true),
        .warning: A(bold: true),
        .overlay: A(),
    ].merging(plotsMonochrome) { old, _ in old }

    /// Without colour the series differ by their direct labels and the legend's order, and a
    /// heat map's shading characters carry its values.
    private static let plotsMonochrome: [Role: Appearance] = [
        .series1: A(), .series2: A(), .series3: A(), .series4: A(), .series5: A(), .series6: A(),
        .highlight: A(bold: true),
        .reference: A(dim: true),
        .heat0: A(), .heat1: A(), .heat2: A(), .heat3: A(), .heat4: A(), .heat5: A(), .heat6: A(), .heat7: A(),
        .heat8: A(), .heat9: A(),
    ]
}

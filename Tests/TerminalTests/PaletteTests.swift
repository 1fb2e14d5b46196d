import Screen
import Testing
@testable import Terminal

@Suite struct PaletteTests {
    @Test(arguments: ColorDepth.allCases)
    func everyRoleHasAnEntry(depth: ColorDepth) {
        let palette = Palette(depth: depth)
        for role in Role.allCases {
            #expect(palette.defines(role), "\(role) at depth \(depth.rawValue)")
        }
    }

    @Test(arguments: ColorDepth.allCases)
    func bandsStandOutFromText(depth: ColorDepth) {
        let palette = Palette(depth: depth)
        for role: Role in [.selection, .selectionInactive, .statusBar, .statusMode, .match, .heading1, .link, .error] {
            #expect(!palette.appearance(for: role).isPlain, "\(role) at depth \(depth.rawValue)")
        }
        #expect(palette.appearance(for: .text).isPlain)
    }

    @Test func noColourUsesAttributesOnly() {
        let palette = Palette(depth: .none)
        for role in Role.allCases {
            let look = palette.appearance(for: role)
            #expect(look.foreground == Appearance.defaultColor && look.background == Appearance.defaultColor, "\(role)")
        }
        #expect(palette.appearance(for: .selection).reverse)
        #expect(palette.appearance(for: .statusBar).reverse)
        #expect(palette.appearance(for: .match) != palette.appearance(for: .selection))
    }

    @Test func colourNumbersFitTheirDepth() {
        for role in Role.allCases {
            let sixteen = Palette(depth: .sixteen).appearance(for: role)
            #expect((-1...15).contains(sixteen.foreground) && (-1...15).contains(sixteen.background), "\(role)")
            let full = Palette(depth: .full256).appearance(for: role)
            #expect((-1...255).contains(full.foreground) && (-1...255).contains(full.background), "\(role)")
        }
    }

    @Test func styleAttributesAddToTheRole() {
        let palette = Palette(depth: .full256)
        let look = palette.appearance(for: Style(.code, bold: true, underline: true, strikethrough: true))
        #expect(look.foreground == palette.appearance(for: .code).foreground)
        #expect(look.bold && look.underline && look.dim && !look.reverse)
    }

    // MARK: Eight-colour terminals

    @Test func brightColoursFitEightColours() {
        let grey = Appearance(foreground: 8).fitted(colors: 8)
        #expect(grey == Appearance(dim: true))
        let brightCyan = Appearance(foreground: 14, background: 12).fitted(colors: 8)
        #expect(brightCyan == Appearance(foreground: 6, background: 4, bold: true))
        #expect(Appearance(foreground: 14).fitted(colors: 16) == Appearance(foreground: 14))
    }

    // MARK: Depth resolution

    @Test func depthFromTheTerminal() {
        #expect(ColorDepth.resolve(requested: nil, colors: 256, noColor: nil) == .full256)
        #expect(ColorDepth.resolve(requested: nil, colors: 16, noColor: nil) == .sixteen)
        #expect(ColorDepth.resolve(requested: nil, colors: 8, noColor: nil) == .sixteen)
        #expect(ColorDepth.resolve(requested: nil, colors: 0, noColor: nil) == .none)
    }

    @Test func noColorAndRequests() {
        #expect(ColorDepth.resolve(requested: nil, colors: 256, noColor: "1") == .none)
        #expect(ColorDepth.resolve(requested: nil, colors: 256, noColor: "") == .full256)
        #expect(ColorDepth.resolve(requested: .sixteen, colors: 256, noColor: "1") == .sixteen)
        #expect(ColorDepth.resolve(requested: .full256, colors: 8, noColor: nil) == .sixteen)
        #expect(ColorDepth(rawValue: "256") == .full256 && ColorDepth(rawValue: "16") == .sixteen)
    }

    // MARK: Colour pairs

    @Test func pairsAreAllocatedOncePerCombination() {
        var pairs = ColorPairs(limit: 3, defaultColors: true)
        var calls: [(Int16, Int16, Int16)] = []
        let initPair = { (n: Int16, f: Int16, b: Int16) -> Bool in calls.append((n, f, b)); return true }
        #expect(pairs.number(foreground: -1, background: -1, initPair: initPair) == 0)
        #expect(pairs.number(foreground: 3, background: -1, initPair: initPair) == 1)
        #expect(pairs.number(foreground: 3, background: -1, initPair: initPair) == 1)
        #expect(pairs.number(foreground: 0, background: 3, initPair: initPair) == 2)
        #expect(pairs.number(foreground: 1, background: 2, initPair: initPair) == 0)  // beyond COLOR_PAIRS
        #expect(calls.count == 2)
    }

    @Test func withoutDefaultColoursMinusOneBecomesWhiteOnBlack() {
        var pairs = ColorPairs(limit: 64, defaultColors: false)
        var seen: (Int16, Int16)?
        _ = pairs.number(foreground: -1, background: 4) { _, f, b in seen = (f, b); return true }
        #expect(seen?.0 == 7 && seen?.1 == 4)
    }
}

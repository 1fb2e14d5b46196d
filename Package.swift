// swift-tools-version: 6.1
// Trellis: a terminal knowledge-garden browser for deep-learning-theory researchers.
import PackageDescription

let package = Package(
    name: "Trellis",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trellis", targets: ["trellis"]),
        .executable(name: "trellis-bench", targets: ["trellis-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.0"),
    ],
    targets: [
        // Debian's C libraries, reached through module maps (see DECISIONS.md).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
        .systemLibrary(name: "CLapack", path: "Sources/CLapack"),

        // Cells, styles, display width, keys: what the view draws into (pure).
        .target(name: "Screen"),
        // Terminal plots: canvases, axes and ticks, line plots, heat maps (pure: data in, cells out).
        .target(name: "Plot", dependencies: ["Screen"]),
        // cmark-gfm's tree, copied into plain Swift values behind one lock, and laid out as
        // styled, wrapped lines.
        .target(name: "Markdown", dependencies: ["CCmarkGFM", "Screen"]),
        // The garden on disk: format, loader, immutable model, search, safe writes.
        .target(name: "Garden", dependencies: ["Yams"]),
        // Reads the owner's existing pages and turns them into garden notes.
        .target(name: "Importer", dependencies: ["Garden", "Markdown", "Yams"]),
        // Pure numerics: Gaussian expectations, mean field, kernels (no I/O, no UI; LAPACK for linear algebra).
        .target(
            name: "SignalProp",
            dependencies: ["CLapack", .product(name: "RealModule", package: "swift-numerics")]),

        // The calculators' standard figures (phase diagram, trajectories, kernels, spectra,
        // learning curves, depth scales): SignalProp's numbers as Plot values.
        .target(name: "Figures", dependencies: ["SignalProp", "Plot", "Screen"]),

        // The calculators' one table (parameters, checks, number format) and the computations
        // the panes and blocks ask for (pure).
        .target(name: "Calculators", dependencies: ["SignalProp", "Figures", "Plot", "Screen"]),

        // The terminal UI's state, messages, keymap, update and view (pure: no terminal I/O).
        .target(name: "App", dependencies: ["Garden", "Markdown", "Screen", "SignalProp", "Plot", "Calculators"]),
        // The only code that talks to ncurses: presents a ScreenBuffer, reads keys and mouse.
        .target(name: "Terminal", dependencies: ["CNcursesw", "Screen"]),

        .executableTarget(
            name: "trellis",
            dependencies: [
                "Garden", "Importer", "Markdown", "SignalProp", "App", "Screen", "Terminal", "Plot", "Figures", "Calculators",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "trellis-bench",
            dependencies: [
                "Garden", "Yams", "SignalProp", "App", "Screen", "Plot", "Figures", "Terminal", "Calculators",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // What the snapshot tests share (recorded pictures beside each test target).
        .target(name: "SnapshotSupport", dependencies: ["Screen"], path: "Tests/SnapshotSupport"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "CNcursesw"]),
        .testTarget(name: "GardenTests", dependencies: ["Garden"]),
        .testTarget(name: "ImporterTests", dependencies: ["Importer", "Garden"], exclude: ["Fixtures"]),
        .testTarget(name: "SignalPropTests", dependencies: ["SignalProp"]),
        .testTarget(name: "CLITests", dependencies: ["trellis", "Garden"]),
        .testTarget(name: "ScreenTests", dependencies: ["Screen"]),
        // Snapshots/*.txt are read through #filePath, not bundled.
        .testTarget(name: "PlotTests", dependencies: ["Plot", "Screen", "SnapshotSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "Plot", "Screen", "SignalProp"]),
        // Snapshots/*.txt are read through #filePath, not bundled.
        .testTarget(name: "AppTests", dependencies: ["App", "Calculators", "Garden", "Markdown", "Screen", "SnapshotSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "CalculatorsTests", dependencies: ["Calculators", "SignalProp", "Garden", "Screen"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Screen"]),
    ]
)

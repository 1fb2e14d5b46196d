import CCmarkGFM
import Foundation  // NSLock

/// Parses GitHub-flavoured Markdown with Debian's cmark-gfm (extensions: table, strikethrough,
/// tasklist, autolink) and copies the tree into plain Swift values.
///
/// Front matter is not understood here (cmark reads `---` YAML as a thematic break and a setext
/// heading): callers strip it first and add its line count to the lines they report.
public enum Markdown {
    /// cmark-gfm is not thread-safe: the installed library keeps parser state in process-wide
    /// tables, and parsing from two threads at once gave wrong trees (thousands in 20 000, see
    /// shared/notes/platform.md). Every call into cmark, from extension registration to freeing
    /// the tree, runs while holding this lock.
    private static let lock = NSLock()

    /// Registers the core extensions with cmark's global registry. A `static let` is
    /// initialised exactly once; it is first touched while holding `lock`.
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// The GitHub extensions every parse attaches, by their registry names.
    private static let extensionNames = ["table", "strikethrough", "tasklist", "autolink"]

    /// Parses `text`. Lines in the result are 1-based and relative to `text`. Never fails:
    /// any string is a Markdown document; constructs this module does not model (footnotes,
    /// future extensions) degrade to their plain text.
    public static func parse(_ text: String) -> MarkdownDocument {
        lock.withLock { parseLocked(text) }
    }

    /// The body of ``parse(_:)``; the caller holds `lock`.
    private static func parseLocked(_ text: String) -> MarkdownDocument {
        _ = registration
        // CMARK_OPT_DEFAULT: no smart punctuation, no footnotes. CMARK_OPT_UNSAFE only affects
        // HTML rendering, which this module never does: raw HTML is kept verbatim.
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return MarkdownDocument(blocks: []) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            // nil only if the library was built without the extension; parse without it.
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        // cmark_node_free(document) frees the whole tree, so the copy must finish first.
        guard let document = cmark_parser_finish(parser) else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(document) }
        let converter = CmarkConverter(types: ExtensionNodeTypes())
        return MarkdownDocument(blocks: converter.blocks(childrenOf: document, depth: 0))
    }
}

/// A folder of the garden. Its `index.md` gives the title, the position among its siblings
/// (`order`), calculators that belong with it, and prose.
public struct Topic: Sendable, Equatable, Identifiable {
    /// The folder's path relative to the garden root, "" for the root.
    public var id: String
    public var title: String
    public var order: Int?
    /// Calculators this topic offers (`kernel`, `meanfield`, `phase-diagram`).
    public var calculators: [String]
    public var parent: String?
    /// Sub-topic ids in display order.
    public var children: [String]
    /// Notes whose folder is this topic or that list it in `topics:`, in display order.
    public var noteIDs: [String]
    /// The index file's path relative to the root, when there is one.
    public var indexPath: String?
    public var frontMatter: YAMLValue
    public var prose: Substring
    /// Depth below the root (the root is 0).
    public var depth: Int
}

extension Topic {
    /// Whether the browser shows this topic's sub-topics from the start (`expanded: true`).
    public var startsExpanded: Bool { frontMatter["expanded"]?.bool == true }

    /// A readable title from a folder or file name: `mean-field_theory` → "Mean field theory".
    public static func title(fromSlug slug: String) -> String {
        let words = slug.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = words.first else { return slug }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst().map(String.init)).joined(separator: " ")
    }
}

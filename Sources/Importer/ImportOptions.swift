import Garden

/// How pages are placed into the garden.
public struct ImportOptions: Sendable {
    /// The topic id the pages land in ("" for the garden root).
    public var under: String = ""
    /// A title for the `under` topic when the import creates it.
    public var underTitle: String?
    /// Section title (any case) → topic id: where a page's section goes instead of a new
    /// sub-topic of `under` ("NTK" → "core/models/nngp-ntk").
    public var places: [String: String] = [:]
    /// Text as written (any case) → paper title it stands for ("Jacot's paper" → "Neural
    /// Tangent Kernel: …"). The written text is kept in the source record.
    public var aliases: [String: String] = [:]
    /// Topic id → calculators it offers, written into its index when it has none.
    public var calculators: [String: [String]] = [:]
    /// Topic id → calculator blocks (`calc …` / `plot …` commands) its page shows, each added
    /// as a ```trellis fence to the page's prose unless it is there already.
    public var blocks: [String: [String]] = [:]
    /// Topics whose sub-topics the browser shows from the start (`expanded: true`).
    public var expanded: Set<String> = []
    /// The name recorded as `page:` in sources; default: the page's title, else its file name.
    public var pageName: String?

    public init() {}

    public mutating func place(section: String, at topic: String) {
        places[TitleKey.of(section)] = topic.trimmingSlashes
    }

    public mutating func expand(_ topic: String) {
        expanded.insert(topic.trimmingSlashes)
    }

    public mutating func addBlock(_ command: String, to topic: String) {
        blocks[topic.trimmingSlashes, default: []].append(command)
    }

    public mutating func alias(_ written: String, as title: String) {
        aliases[TitleKey.of(written)] = title
    }
}

extension String {
    var trimmingSlashes: String {
        var s = self[...]
        while s.first == "/" { s = s.dropFirst() }
        while s.last == "/" { s = s.dropLast() }
        return s == "." ? "" : String(s)
    }
}

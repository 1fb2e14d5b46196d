/// Path and text helpers shared by the garden, the importer and the command line.
extension String {
    /// The last path component.
    public var fileName: String {
        // Fast path on bytes: after the last "/" when the path does not end in one.
        if let last = utf8.last, last != UInt8(ascii: "/") {
            guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return self }
            return String(self[utf8.index(after: slash)...])
        }
        return split(separator: "/").last.map(String.init) ?? self
    }
    /// Everything before the last path component ("" at the top).
    public var folder: String {
        guard let slash = lastIndex(of: "/") else { return "" }
        return String(self[..<slash])
    }
    public var droppingExtension: String {
        guard let dot = lastIndex(of: "."), dot != startIndex else { return self }
        return String(self[..<dot])
    }

    /// The text without whitespace at either end.
    public var trimmed: String { String(self[...].trimmingWhitespace()) }
}

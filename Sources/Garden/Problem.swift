/// Something wrong with one file of the garden. The loader never stops at a problem: the file
/// is skipped or loaded as far as it can be, and the problem is listed by `trellis check`.
public struct Problem: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    /// The file's path relative to the garden root.
    public var path: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int? = nil, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.severity = severity
        self.message = message
    }

    /// `path:line: severity: message`, the shape compilers use, so editors can jump to it.
    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): \(severity.rawValue): \(message)"
    }
}

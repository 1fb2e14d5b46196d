import RealModule

/// A function of t written as text (`exp(t)`, `t^2 + 0.5*arccos(-t)`), parsed into a tree by a
/// small recursive-descent parser and evaluated by walking it: nothing is executed.
///
/// Grammar: sum := product (('+' | '-') product)*; product := unary (('*' | '/') unary)*;
/// unary := '-' unary | power; power := atom ('^' unary)?; atom := number | 't' | 'pi' |
/// name '(' sum ')' | '(' sum ')'. Functions: exp, log, sqrt, sin, cos, arcsin, arccos, abs.
public indirect enum Expression: Sendable, Equatable {
    case number(Double)
    case variable
    case negate(Expression)
    case binary(Character, Expression, Expression)
    case function(String, Expression)

    public static let functions = ["exp", "log", "sqrt", "sin", "cos", "arcsin", "arccos", "abs"]

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var message: String
        /// 1-based character position in the text.
        public var position: Int
        public var description: String { "\(message) at character \(position)" }
    }

    public init(parsing text: String) throws(ParseError) {
        var parser = Parser(Array(text.unicodeScalars))
        self = try parser.sum()
        parser.skipSpaces()
        if parser.index < parser.characters.count {
            throw parser.error("unexpected '\(parser.characters[parser.index])'")
        }
    }

    public func evaluate(_ t: Double) -> Double {
        switch self {
        case .number(let value): return value
        case .variable: return t
        case .negate(let inner): return -inner.evaluate(t)
        case .binary(let op, let left, let right):
            let a = left.evaluate(t), b = right.evaluate(t)
            switch op {
            case "+": return a + b
            case "-": return a - b
            case "*": return a * b
            case "/": return a / b
            default:
                // An integer exponent works for a negative base too (t^2 at t < 0).
                if b == b.rounded(), Swift.abs(b) < 0x1p31 { return Double.pow(a, Int(b)) }
                return Double.pow(a, b)
            }
        case .function(let name, let inner):
            let x = inner.evaluate(t)
            switch name {
            case "exp": return Double.exp(x)
            case "log": return Double.log(x)
            case "sqrt": return x.squareRoot()
            case "sin": return Double.sin(x)
            case "cos": return Double.cos(x)
            case "arcsin": return Double.asin(x)
            case "arccos": return Double.acos(x)
            default: return Swift.abs(x)
            }
        }
    }

    private struct Parser {
        let characters: [Unicode.Scalar]
        var index = 0
        var depth = 0

        init(_ characters: [Unicode.Scalar]) { self.characters = characters }

        func error(_ message: String) -> ParseError { ParseError(message: message, position: index + 1) }

        mutating func skipSpaces() {
            while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        }

        mutating func peek() -> Unicode.Scalar? {
            skipSpaces()
            return index < characters.count ? characters[index] : nil
        }

        mutating func sum() throws(ParseError) -> Expression {
            depth += 1
            defer { depth -= 1 }
            // Nesting deeper than this is not a function anyone means; refuse it before the stack does.
            guard depth < 200 else { throw error("expression nested too deeply") }
            var result = try product()
            while let next = peek(), next == "+" || next == "-" {
                index += 1
                result = .binary(Character(next), result, try product())
            }
            return result
        }

        mutating func product() throws(ParseError) -> Expression {
            var result = try unary()
            while let next = peek(), next == "*" || next == "/" {
                index += 1
                result = .binary(Character(next), result, try unary())
            }
            return result
        }

        mutating func unary() throws(ParseError) -> Expression {
            if peek() == "-" {
                index += 1
                depth += 1
                defer { depth -= 1 }
                guard depth < 200 else { throw error("expression nested too deeply") }
                return .negate(try unary())
            }
            if peek() == "+" {
                index += 1
                return try unary()
            }
            return try power()
        }

        mutating func power() throws(ParseError) -> Expression {
            let base = try atom()
            if peek() == "^" {
                index += 1
                return .binary("^", base, try unary())
            }
            return base
        }

        mutating func atom() throws(ParseError) -> Expression {
            guard let next = peek() else { throw error("expected a number, t or a function") }
            if next == "(" {
                index += 1
                let inner = try sum()
                guard peek() == ")" else { throw error("expected ')'") }
                index += 1
                return inner
            }
            if next.properties.numericType != nil || next == "." { return try number() }
            if next.properties.isAlphabetic {
                let start = index
                while index < characters.count, characters[index].properties.isAlphabetic { index += 1 }
                let name = String(String.UnicodeScalarView(characters[start..<index]))
                if name == "t" { return .variable }
                if name == "pi" { return .number(Double.pi) }
                guard Expression.functions.contains(name) else {
                    index = start
                    throw error("unknown name '\(name)' (use t, pi, numbers and \(Expression.functions.joined(separator: ", ")))")
                }
                guard peek() == "(" else { throw error("expected '(' after \(name)") }
                index += 1
                let argument = try sum()
                guard peek() == ")" else { throw error("expected ')'") }
                index += 1
                return .function(name, argument)
            }
            throw error("unexpected '\(next)'")
        }

        mutating func number() throws(ParseError) -> Expression {
            let start = index
            while index < characters.count, characters[index].properties.numericType != nil || characters[index] == "." { index += 1 }
            if index < characters.count, characters[index] == "e" || characters[index] == "E" {
                var end = index + 1
                if end < characters.count, characters[end] == "+" || characters[end] == "-" { end += 1 }
                if end < characters.count, characters[end].properties.numericType != nil {
                    index = end
                    while index < characters.count, characters[index].properties.numericType != nil { index += 1 }
                }
            }
            let text = String(String.UnicodeScalarView(characters[start..<index]))
            guard text.unicodeScalars.allSatisfy({ $0.isASCII }), let value = Double(text) else {
                index = start
                throw error("'\(text)' is not a number")
            }
            return .number(value)
        }
    }
}

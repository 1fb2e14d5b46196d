/// Text in a plot (titles, axis titles, series names, legend entries) in two spellings:
/// Unicode for UTF-8 terminals (`σw²`, `χ₁`) and plain ASCII for the rest (`sw2`, `chi1`).
/// Without an explicit ASCII spelling, the Unicode one is transliterated.
public struct PlotText: Sendable, Equatable, ExpressibleByStringLiteral {
    public var unicode: String
    public var ascii: String

    public init(_ unicode: String, ascii: String? = nil) {
        self.unicode = unicode
        self.ascii = ascii ?? PlotText.transliterated(unicode)
    }

    public init(stringLiteral value: String) { self.init(value) }

    public func text(ascii useASCII: Bool) -> String { useASCII ? ascii : unicode }

    public var isEmpty: Bool { unicode.isEmpty }

    /// The symbols of this field in ASCII (σw² → sw2, χ₁ → chi1, ξ_c → xi_c); anything else
    /// outside ASCII becomes `?`.
    public static func transliterated(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isASCII {
                result.append(character)
            } else if let replacement = asciiSpellings[character] {
                result += replacement
            } else {
                result += "?"
            }
        }
        return result
    }

    static let asciiSpellings: [Character: String] = {
        var table: [Character: String] = [
            "σ": "s", "χ": "chi", "ξ": "xi", "θ": "theta", "Θ": "Theta", "μ": "mu", "κ": "kappa", "λ": "lambda",
            "φ": "phi", "ε": "eps", "δ": "delta", "π": "pi", "ℓ": "l", "∇": "grad", "∞": "inf", "·": "*",
            "×": "x", "−": "-", "–": "-", "—": "-", "≈": "~", "≤": "<=", "≥": ">=", "→": "->", "…": "...",
            "◆": "X", "•": "o", "⁻": "-", "ₗ": "l", "ᵢ": "i", "ₙ": "n", "’": "'", "‖": "||", "√": "sqrt",
        ]
        for (offset, superscript) in ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"].enumerated() {
            table[Character(superscript)] = String(offset)
        }
        for (offset, lowered) in ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"].enumerated() {
            table[Character(lowered)] = String(offset)
        }
        return table
    }()
}

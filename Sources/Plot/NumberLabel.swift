import Foundation

/// How tick values are printed: short, exact for the value the tick stands for, and the same
/// number of decimals along one axis.
public enum NumberLabel {
    /// Labels for nice values n·q·10^z: as many decimals as the step needs, fixed-point for
    /// everyday magnitudes and `2.5e-13` style beyond them.
    static func linear(_ labels: ExtendedWilkinson.Labels) -> [String] {
        let values = labels.values
        // The lowest decimal digit the labels use: 2.5·10^z needs one more than 10^z.
        let lowestDigit = labels.z - (labels.q == 2.5 ? 1 : 0)
        let largest = values.map(abs).max() ?? 0
        if lowestDigit >= -4 && largest < 1e6 {
            let decimals = max(0, -lowestDigit)
            return values.map { fixed($0, decimals: decimals) }
        }
        return values.map { value in
            guard value != 0 else { return "0" }
            let exponent = Int(Foundation.log10(abs(value)).rounded(.down))
            return scientific(value, decimals: max(0, exponent - lowestDigit))
        }
    }

    /// One value on its own (an axis end, a colour bar end): up to four (or `significant`)
    /// significant digits.
    public static func plain(_ value: Double, significant: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e-4 && magnitude < 1e6 {
            var text = String(format: "%.\(significant)g", value)
            if text.contains("e") {
                text = fixed(value, decimals: max(0, significant - 1 - Int(Foundation.log10(magnitude).rounded(.down))))
            }
            return trimmedZeros(text)
        }
        return scientific(value, decimals: significant - 1)
    }

    /// 10^decade: `0.01`, `1`, `1000` when `plain`, else `10⁻¹²` (Unicode) or `1e-12`.
    static func power(of decade: Int, plain: Bool, ascii: Bool) -> String {
        if decade == 0 { return "1" }
        if plain { return decade > 0 ? "1" + String(repeating: "0", count: decade) : "0." + String(repeating: "0", count: -decade - 1) + "1" }
        if ascii { return "1e\(decade)" }
        return "10" + superscript(decade)
    }

    static func superscript(_ number: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(abs(number)).map { digits[Int(String($0))!] }
        return (number < 0 ? "⁻" : "") + String(body)
    }

    static func fixed(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        // −0.0 from rounding a tiny negative prints as 0.
        return text.allSatisfy({ "-0.".contains($0) }) ? String(text.dropFirst(text.hasPrefix("-") ? 1 : 0)) : text
    }

    /// `2.5e-13`, `1e6`: mantissa with `decimals` digits and trailing zeros dropped, the
    /// exponent without a plus sign or leading zeros.
    static func scientific(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)e", value)
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = trimmedZeros(String(text[..<e]))
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        return mantissa + "e" + String(exponent)
    }

    static func trimmedZeros(_ text: String) -> String {
        guard text.contains("."), !text.contains("e") else { return text }
        var result = Substring(text)
        while result.last == "0" { result = result.dropLast() }
        if result.last == "." { result = result.dropLast() }
        return String(result)
    }
}

import Foundation
import Markdown
import Screen
import SignalProp

/// A calculator opened from the palette, shown in the reading pane.
public enum CalculatorRequest: Sendable, Equatable {
    case meanField(MeanFieldParameters)
}

struct CalculatorProblem: Error {
    var message: String
}

/// `:calc meanfield phi=NAME sw2=X sb2=Y [q0=X] [c0=X] [alpha=X]`: the mean-field fixed point,
/// χ₁, depth scales and phase, computed by the same engine as `trellis calc meanfield`.
enum CalculatorPage {
    static func request(from text: String) -> Result<CalculatorRequest, CalculatorProblem> {
        let words = text.split(separator: " ").map(String.init)
        guard words.first == "meanfield" else {
            return .failure(CalculatorProblem(message: "calc takes meanfield phi=NAME sw2=X sb2=Y (the CLI has the rest)"))
        }
        var values: [String: String] = [:]
        for word in words.dropFirst() {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return .failure(CalculatorProblem(message: "write key=value, not \(word)")) }
            values[parts[0]] = parts[1]
        }
        func number(_ key: String, default value: Double?) -> Result<Double, CalculatorProblem> {
            guard let text = values[key] else {
                return value.map { .success($0) } ?? .failure(CalculatorProblem(message: "calc meanfield needs \(key)=…"))
            }
            guard let number = Double(text), number.isFinite else {
                return .failure(CalculatorProblem(message: "\(key) must be a finite number, not \(text)"))
            }
            return .success(number)
        }
        let unknown = Set(values.keys).subtracting(["phi", "sw2", "sb2", "q0", "c0", "alpha"])
        if let key = unknown.sorted().first { return .failure(CalculatorProblem(message: "unknown parameter \(key)")) }
        let alpha: Double?
        switch values["alpha"].map({ _ in number("alpha", default: nil) }) {
        case .failure(let problem)?: return .failure(problem)
        case .success(let value)?: alpha = value
        case nil: alpha = nil
        }
        guard let activation = Activation(name: values["phi"] ?? "tanh", alpha: alpha) else {
            return .failure(CalculatorProblem(message: "unknown activation \(values["phi"] ?? ""): " + Activation.names.joined(separator: ", ")))
        }
        do {
            let sw2 = try number("sw2", default: nil).get()
            let sb2 = try number("sb2", default: nil).get()
            let q0 = try number("q0", default: 1).get()
            let c0 = try number("c0", default: 0.5).get()
            guard sw2 > 0, sb2 >= 0, q0 > 0, (-1...1).contains(c0) else {
                return .failure(CalculatorProblem(message: "need sw2 > 0, sb2 ≥ 0, q0 > 0 and c0 in [-1, 1]"))
            }
            return .success(.meanField(MeanFieldParameters(activation: activation, sw2: sw2, sb2: sb2, q0: q0, c0: c0)))
        } catch {
            return .failure(error)
        }
    }

    static func document(_ request: CalculatorRequest, width: Int) -> RenderedDocument {
        switch request {
        case .meanField(let parameters):
            let result = MeanField(parameters).compute()
            var lines: [[Span]] = [
                [Span("Mean field: \(parameters.activation.name)", Style(.heading1, bold: true))],
                [Span("σw² = \(format(parameters.sw2)), σb² = \(format(parameters.sb2)), q₀ = \(format(parameters.q0)), c₀ = \(format(parameters.c0))", Style(.muted))],
                [],
            ]
            let rows: [(String, Double?, String)] = [
                ("q*", result.qstar, "fixed point of the length map"),
                ("χ₁", result.chi1, "gradient factor per layer"),
                ("c*", result.cstar, "fixed point of the correlation map"),
                ("χ_c", result.chiC, "slope of the correlation map at c*"),
                ("ξ_q", result.xiQ, "depth scale of lengths"),
                ("ξ_c", result.xiC, "depth scale of correlations"),
                ("ξ_∇", result.xiGrad, "depth scale of gradients"),
            ]
            // Meanings beside the numbers when they all fit, else each on a line of its own.
            let inline = width >= 5 + 23 + (rows.map { DisplayWidth.of($0.2) }.max() ?? 0)
            for (name, value, meaning) in rows {
                let number = value.map(format) ?? "—"
                let quantity = [Span(name.padding(5), Style(.code)), Span(number.padding(23))]
                if inline {
                    lines.append(quantity + [Span(meaning, Style(.muted))])
                } else {
                    lines.append(quantity)
                    lines.append([Span("     " + meaning, Style(.muted))])
                }
            }
            lines.append([])
            lines.append([Span("phase ", Style(.code)), Span(result.phase.rawValue, Style(.heading2, bold: true))])
            if !result.flags.isEmpty {
                lines.append([Span("flags ", Style(.code)), Span(result.flags.map(\.rawValue).joined(separator: ", "), Style(.warning))])
            }
            lines.append([])
            lines.append([Span("The same numbers as JSON: trellis calc meanfield --phi \(parameters.activation.name) --sw2 \(format(parameters.sw2)) --sb2 \(format(parameters.sb2)) --json", Style(.muted))])
            var document = RenderedDocument()
            for line in lines {
                // An empty line wraps to one blank line.
                document.lines += TextWrap.wrap(line, width: width, indent: [Span("      ")]).map { RenderedLine($0) }
            }
            return document
        }
    }

    /// 15 significant digits: what the calculators promise.
    static func format(_ value: Double) -> String {
        if value.isInfinite { return value > 0 ? "∞" : "−∞" }
        return String(format: "%.15g", value)
    }
}

extension String {
    func padding(_ width: Int) -> String {
        let shown = DisplayWidth.of(self)
        return shown >= width ? self + " " : self + String(repeating: " ", count: width - shown)
    }
}

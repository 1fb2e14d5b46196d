import SignalProp

/// The rows of the mean-field calculator's results, one table for `trellis calc meanfield`
/// and the browser's mean-field pane (same quantities, same digits, same words).
public enum MeanFieldReport {
    public struct Row: Sendable, Equatable {
        public var name: String
        public var value: String
        public var meaning: String

        public init(name: String, value: String, meaning: String) {
            self.name = name
            self.value = value
            self.meaning = meaning
        }
    }

    public static func rows(_ result: MeanFieldResult) -> [Row] {
        let n = NumberFormat.number
        var rows = [
            Row(name: "q*", value: n(result.qstar), meaning: "fixed point of the length map"),
            Row(name: "χ₁", value: n(result.chi1), meaning: "gradient factor per layer (slope of C at c = 1)"),
            Row(name: "c*", value: n(result.cstar), meaning: "fixed point of the correlation map"),
            Row(name: "χ_c", value: n(result.chiC), meaning: "slope of C at c*"),
            Row(name: "dF/dq", value: n(result.dFdq), meaning: "slope of the length map at q*"),
            Row(name: "ξ_q", value: n(result.xiQ), meaning: "depth scale of lengths"),
            Row(name: "ξ_c", value: n(result.xiC), meaning: "depth scale of correlations"),
            Row(name: "ξ_∇", value: n(result.xiGrad), meaning: "depth scale of gradients (negative: exploding)"),
            Row(name: "q layers", value: NumberFormat.count(result.qLayers), meaning: "layers until |q − q*| ≤ 1e-6·q*"),
        ]
        if let layers = result.cLayers { rows.append(Row(name: "c layers", value: String(layers), meaning: "layers until |c − c*| ≤ 1e-6")) }
        rows.append(Row(name: "phase", value: result.phase.rawValue, meaning: ""))
        if !result.flags.isEmpty { rows.append(Row(name: "flags", value: result.flags.map(\.rawValue).joined(separator: ", "), meaning: "")) }
        return rows
    }
}

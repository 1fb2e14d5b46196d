import ArgumentParser
import Foundation
import SignalProp

struct BoundaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boundary",
        abstract: "The order-to-chaos boundary χ₁ = 1: the critical σw² at given σb².")

    @OptionGroup var activation: ActivationOptions
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Bias variance σb²: a number, a list 0,0.05,0.1 or range:FROM,TO,COUNT.", valueName: "values"))
    var sb2: String
    @Flag(help: "Print JSON: one object, or an array of objects for a list.") var json = false

    func validate() throws {
        _ = try activation.activation()
        _ = try values()
    }

    /// The σb² values, and whether they were given as a list (then JSON is an array).
    func values() throws -> (values: [Double], isList: Bool) {
        let values = try ValueList.parse(sb2, option: "--sb2")
        for value in values.values { try CalcInput.variance(value, "--sb2") }
        return values
    }

    func run() throws {
        let phi = try activation.activation()
        let (values, isList) = try values()
        let results = OrderChaosBoundary(phi).crossings(sb2: values)
        if json {
            let objects = results.map { crossing -> JSON in
                var object = activation.echo(phi)
                object.merge(Self.json(crossing)) { _, new in new }
                return .object(object)
            }
            Output.print((isList ? JSON.array(objects) : objects[0]).rendered())
        } else {
            Output.print(Self.table(results, activation: phi))
        }
    }

    static func json(_ crossing: BoundaryCrossings) -> [String: JSON] {
        [
            "sb2": .double(crossing.sb2),
            "sw2_crit": .quantity(crossing.critical?.sw2),
            "qstar_crit": .quantity(crossing.critical?.qstar),
            "points": .array(crossing.points.map { .object(["sw2": .quantity($0.sw2), "qstar": .quantity($0.qstar)]) }),
        ]
    }

    static func table(_ results: [BoundaryCrossings], activation: Activation) -> [String] {
        var lines = ["Order-to-chaos boundary (χ₁ = 1): \(activation.name)", ""]
        let rows = [("σb²", "critical σw²", "q*")] + results.map { crossing -> (String, String, String) in
            let sb2 = CalcFormat.number(crossing.sb2)
            guard let critical = crossing.critical else { return (sb2, "none", "χ₁ = 1 is not crossed") }
            var qstar = CalcFormat.number(critical.qstar)
            if critical.qstar == nil { qstar = "every q is fixed" }
            if crossing.points.count > 1 {
                qstar += "  (\(crossing.points.count) crossings: σw² = "
                    + crossing.points.map { CalcFormat.number($0.sw2) }.joined(separator: ", ") + ")"
            }
            return (sb2, CalcFormat.number(critical.sw2), qstar)
        }
        lines += CalcFormat.table(rows)
        return lines
    }
}

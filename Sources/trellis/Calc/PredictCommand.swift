import ArgumentParser
import Foundation
import SignalProp

struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predictions of the infinite-width network: the NNGP posterior or the NTK gradient-descent ensemble.")

    @OptionGroup var network: NetworkOptions
    @Option(parsing: .unconditional, help: "nngp (Bayesian posterior) or ntk (trained ensemble, t = ∞).") var kernel: String
    @Option(parsing: .unconditional, help: ArgumentHelp("Training inputs as a JSON list of rows.", valueName: "json")) var xtrain: String
    @Option(parsing: .unconditional, help: ArgumentHelp("Training targets as a JSON list of numbers.", valueName: "json")) var ytrain: String
    @Option(parsing: .unconditional, help: ArgumentHelp("Test inputs as a JSON list of rows.", valueName: "json")) var xtest: String
    @Option(parsing: .unconditional, help: "Ridge added to the training kernel's diagonal (absolute unless --ridge-relative).") var ridge: Double = 0
    @Flag(help: "The ridge is relative: r·tr(K)/n, neural-tangents' diag_reg.") var ridgeRelative = false
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws { _ = try inputs() }

    func inputs() throws -> (PredictionKernel, KernelParameters, Matrix, [Double], Matrix) {
        let parameters = try network.parameters()
        guard let which = PredictionKernel(rawValue: kernel) else {
            throw ValidationError("--kernel must be nngp or ntk, not '\(kernel)'")
        }
        try CalcInput.variance(ridge, "--ridge")
        let train = try MatrixInput.parse(json: xtrain, option: "--xtrain")
        let targets = try MatrixInput.parseVector(json: ytrain, option: "--ytrain")
        let test = try MatrixInput.parse(json: xtest, option: "--xtest")
        guard targets.count == train.rows else {
            throw ValidationError("--ytrain has \(targets.count) targets but --xtrain has \(train.rows) inputs")
        }
        guard test.columns == train.columns else {
            throw ValidationError("--xtest: inputs have dimension \(test.columns) but --xtrain has \(train.columns)")
        }
        return (which, parameters, train, targets, test)
    }

    func run() throws {
        let (which, parameters, train, targets, test) = try inputs()
        let prediction: Prediction
        do {
            prediction = try Predictor(parameters).predict(
                kernel: which, train: train, targets: targets, test: test, ridge: ridge, relative: ridgeRelative)
        } catch .notPositiveDefinite {
            throw RuntimeError("the training kernel is not positive definite (duplicate inputs, or too deep in the ordered phase); add a ridge with --ridge")
        } catch {
            throw RuntimeError("linear algebra failed: \(error)")
        }
        if prediction.conditionNumber > Predictor.illConditioned {
            Output.error(String(format: "warning: the regularised training kernel has condition number %.2g: the predictions may have lost about %d of 16 digits; a larger --ridge helps",
                                prediction.conditionNumber, Int(log10(prediction.conditionNumber).rounded())))
        }
        if json {
            var object = NetworkOptions.echo(parameters)
            object.merge([
                "kernel": .string(which.rawValue), "ridge": .double(ridge), "ridge_relative": .bool(ridgeRelative),
                "ridge_used": .double(prediction.ridge), "condition_number": .quantity(prediction.conditionNumber),
                "xtrain": .matrix(train), "ytrain": .array(targets.map(JSON.double)), "xtest": .matrix(test),
                "mean": .array(prediction.mean.map(JSON.quantity)), "cov": .matrix(prediction.covariance),
            ]) { _, new in new }
            Output.print(JSON.object(object).rendered())
        } else {
            var lines = ["Prediction (\(which == .nngp ? "NNGP posterior" : "NTK ensemble, t = ∞")): \(parameters.activation.name), depth \(parameters.depth)"
                + ", ridge \(CalcFormat.number(prediction.ridge)), condition number \(String(format: "%.3g", prediction.conditionNumber))", ""]
            let rows = [("test", "mean", "std")] + prediction.mean.indices.map { i in
                (String(i + 1), CalcFormat.number(prediction.mean[i]), CalcFormat.number(max(0, prediction.covariance[i, i]).squareRoot()))
            }
            lines += CalcFormat.table(rows)
            lines += ["", "covariance:"] + CalcFormat.matrix(prediction.covariance)
            Output.print(lines)
        }
    }
}

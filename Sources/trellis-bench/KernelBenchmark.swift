import ArgumentParser
import Foundation
import SignalProp

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `trellis-bench kernels`: NNGP and NTK matrices (relu, n = 2000; tanh, n = 500, by the Mehler
/// series) and one NTK-ensemble prediction, timed in this process, then the same computations
/// by neural-tangents (scripts/peer-kernels-nt.py in .venv-nt) on the same inputs, with the
/// differences between the two; the tanh kernels are also checked against quadrature on a
/// subset, and the relu run's peak memory is compared with the size of an n×n matrix.
struct KernelBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernels",
        abstract: "Measure NNGP/NTK matrices and an NTK-ensemble prediction against neural-tangents.")

    @Option(help: "Inputs of the relu kernels.") var n = 2000
    @Option(help: "Inputs of the tanh kernels.") var tanhN = 500
    @Option(help: "Input dimension.") var dimension = 100
    @Option(help: "Hidden layers of the kernels.") var depth = 10
    @Option(help: "σw² of the relu network.") var reluSw2 = 2.0
    @Option(help: "σb² of the relu network.") var reluSb2 = 0.1
    @Option(help: "σw² of the tanh network.") var tanhSw2 = 1.5
    @Option(help: "σb² of the tanh network.") var tanhSb2 = 0.05
    @Option(help: "Training inputs of the prediction (the first of the relu inputs).") var train = 2000
    @Option(help: "Test inputs of the prediction.") var test = 100
    @Option(help: "Hidden layers (relu) of the prediction's network.") var predictDepth = 3
    @Option(help: "Relative ridge of the prediction (neural-tangents' diag_reg).") var ridge = 1e-3
    @Option(help: "Tanh inputs checked against quadrature (that many evenly spaced inputs, all pairs).") var check = 20
    @Option(help: "Timed Trellis runs of each case (the median is reported).") var runs = 3
    @Option(help: "Timed peer runs of the relu kernels and the prediction (after a warm-up call).") var peerRuns = 3
    @Option(help: "Timed peer runs of the tanh kernels (after a one-block warm-up; one run takes minutes).")
    var tanhPeerRuns = 1
    @Option(help: "Gauss–Hermite points per axis of neural-tangents' ElementwiseNumerical (tanh).") var deg = 101
    @Option(help: "Block size of nt.batch for the tanh kernels (0: one jitted call, deg²·n² doubles of memory).")
    var tanhBatch = 50
    @Option(help: "Seed of the inputs (SplitMix64, Box–Muller).") var seed: UInt64 = 1
    @Option(help: "The peer script (default: scripts/peer-kernels-nt.py, looked up from here and from the binary).")
    var peer: String?
    @Option(help: "The peer's Python (default: .venv-nt/bin/python, looked up like the script).") var python: String?
    @Flag(help: "Skip neural-tangents.") var noPeer = false

    static let reluSpeedTarget = 2.0
    static let tanhSpeedTarget = 10.0
    static let tanhAccuracyTarget = 1e-10
    /// Peak resident growth of the relu case, in n×n matrices.
    static let memoryTarget = 6.0

    func validate() throws {
        guard n >= 2, tanhN >= 2, dimension >= 1, depth >= 1, predictDepth >= 1, test >= 1, runs >= 1,
              peerRuns >= 1, tanhPeerRuns >= 1, deg >= 1, tanhBatch >= 0
        else { throw ValidationError("sizes, depths and runs must be positive") }
        guard train >= 2, train <= n else { throw ValidationError("--train must be in 2...--n (the training inputs are the relu inputs)") }
        guard check >= 2, check <= tanhN else { throw ValidationError("--check must be in 2...--tanh-n") }
        guard noPeer || tanhBatch == 0 || tanhN % tanhBatch == 0 else { throw ValidationError("--tanh-batch must divide --tanh-n") }
    }

    func run() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("kernels: stax NTK parameterisation, [Dense, φ] × depth, Dense (K¹ = σw²⟨x,x'⟩/d + σb²); \(cores) cores;"
              + " load average \(MeanFieldBenchmark.loadAverage()) at the start")
        print("wall ms on the monotonic clock; cpu ms = the process's user+sys over all threads; median of the runs;")
        print("others = the largest share of the machine's \(cores) cores that other processes used during a run (/proc/stat)")
        print("")

        // Inputs: standard normal entries, so the norms differ (|x|²/d ≈ 1 ± 0.14).
        var generator = SplitMix64(seed: seed)
        let x = Self.normal(rows: n, columns: dimension, &generator)
        let tanhX = Self.normal(rows: tanhN, columns: dimension, &generator)
        let testX = Self.normal(rows: test, columns: dimension, &generator)
        let trainX = Matrix(rows: train, columns: dimension, values: Array(x.values[0..<(train * dimension)]))
        // Targets: a smooth function of the input plus a little noise.
        let targets = (0..<train).map { i in
            Double.tanh((trainX[i, 0] + trainX[i, 1] - trainX[i, 2]) / 3.0.squareRoot()) + 0.1 * Self.gaussian(&generator)
        }
        let norms = (0..<n).map { i in (0..<dimension).reduce(0.0) { $0 + x[i, $1] * x[i, $1] } / Double(dimension) }
        print("inputs: standard normal entries in R^\(dimension) (SplitMix64 seed \(seed), Box–Muller); relu |x|²/d from"
              + " \(fixed(norms.min()!)) to \(fixed(norms.max()!)); \(test) test inputs, targets tanh((x₀ + x₁ − x₂)/√3) + 0.1·N(0,1)")
        print("")

        let relu = KernelParameters(activation: .relu, depth: depth, sw2: reluSw2, sb2: reluSb2)
        let tanh = KernelParameters(activation: .tanh, depth: depth, sw2: tanhSw2, sb2: tanhSb2)
        let predictNetwork = KernelParameters(activation: .relu, depth: predictDepth, sw2: reluSw2, sb2: reluSb2)
        print("Trellis (release build, this process)")
        print(Self.header())
        fflush(nil)

        // 1. relu first, so that the peak resident set is this case's.
        let baseline = Measure.residentMegabytes(), peakBefore = Measure.peakMegabytes()
        var reluTimings = Runs()
        var reluResult: KernelMatrices?
        var peakFirst: Double?
        for run in 0..<runs {
            reluResult = nil  // the previous run's matrices are not held during the next,
            Self.releaseFreeMemory()  // nor kept resident by malloc
            reluResult = Self.timeProcess(&reluTimings) { NeuralKernels(relu).compute(x) }
            if run == 0 { peakFirst = Measure.peakMegabytes() }
        }
        let peakAll = Measure.peakMegabytes()
        let reluKernels = reluResult!
        print(Self.line("relu \(n)×\(n) K, Θ", reluTimings))
        fflush(nil)

        // 2. tanh (Mehler series).
        var tanhTimings = Runs()
        var tanhResult: KernelMatrices?
        for _ in 0..<runs {
            tanhResult = nil
            Self.releaseFreeMemory()
            tanhResult = Self.timeProcess(&tanhTimings) { NeuralKernels(tanh).compute(tanhX) }
        }
        let tanhKernels = tanhResult!
        print(Self.line("tanh \(tanhN)×\(tanhN) K, Θ", tanhTimings))
        fflush(nil)

        // 3. The prediction.
        var predictTimings = Runs()
        var prediction: Prediction?
        for _ in 0..<runs {
            prediction = nil
            Self.releaseFreeMemory()
            prediction = try Self.timeProcess(&predictTimings) {
                try Predictor(predictNetwork).predict(kernel: .ntk, train: trainX, targets: targets, test: testX,
                                                     ridge: ridge, relative: true)
            }
        }
        let ours = prediction!
        print(Self.line("predict NTK \(train)→\(test)", predictTimings))
        print("  (relu depth \(predictDepth), ridge \(sci(ridge)) relative = \(sci(ours.ridge)) absolute;"
              + " condition number \(sci(ours.conditionNumber)))")
        print("  where a prediction's time goes (the same steps as Predictor.predict, timed one by one in one more run): "
              + (try Self.predictBreakdown(predictNetwork, train: trainX, targets: targets, test: testX, ridge: ridge)))
        print("")
        fflush(nil)

        // 4. Memory of case 1.
        let matrixMB = Double(n * n * 8) / 1_048_576
        print("memory, relu \(n)×\(n) (one n×n matrix of doubles = \(Table.number(matrixMB, digits: 1)) MB; the result is 2,"
              + " a layer needs the previous one's 2 as well):")
        if let baseline, let peakBefore, let peakFirst, let peakAll {
            print("  VmRSS before \(Table.number(baseline, digits: 1)) MB (VmHWM \(Table.number(peakBefore, digits: 1)) MB);"
                  + " VmHWM after the first run \(Table.number(peakFirst, digits: 1)) MB, after \(runs) runs \(Table.number(peakAll, digits: 1)) MB")
            let growth = peakAll - baseline
            print("  peak − baseline = \(Table.number(peakFirst - baseline, digits: 1)) MB (first run),"
                  + " \(Table.number(growth, digits: 1)) MB (all runs) = \(Table.number(growth / matrixMB, digits: 2)) n×n matrices"
                  + "   target: a few (≤ \(Int(Self.memoryTarget))) \(growth / matrixMB <= Self.memoryTarget ? "ok" : "MISSED")")
        } else {
            print("  not available (no /proc/self/status)")
        }
        print("")
        fflush(nil)

        // 5. Tanh against quadrature on a subset.
        let subset = (0..<check).map { $0 * tanhN / check }
        let small = Matrix(subset.map { tanhX.rowArrays[$0] })
        let (exact, exactMs) = Measure.milliseconds { NeuralKernels(tanh, method: .quadrature).compute(small) }
        let trellisSubK = Self.submatrix(tanhKernels.nngp, subset), trellisSubTheta = Self.submatrix(tanhKernels.ntk, subset)
        let subK = Difference(trellisSubK, exact.nngp), subTheta = Difference(trellisSubTheta, exact.ntk)
        let worst = Swift.max(subK.mixed, subTheta.mixed)
        print("tanh accuracy: \(check) inputs (every \(tanhN / check)th), all \(check * check) pairs, against"
              + " NeuralKernels(method: .quadrature) (2-D quadrature per entry and layer; \(Int(exactMs)) ms):")
        print("  difference = |a − b| / max(1, |b|), b the quadrature   target ≤ \(sci(Self.tanhAccuracyTarget))")
        print("  Trellis K \(subK.describe())")
        print("  Trellis Θ \(subTheta.describe())   \(worst <= Self.tanhAccuracyTarget ? "ok" : "MISSED")")
        print("")
        fflush(nil)

        // 6. The peer.
        guard !noPeer else {
            print("peer: skipped (--no-peer)")
            return
        }
        guard let script = peer ?? Self.locate("scripts/peer-kernels-nt.py") else {
            print("peer: skipped, scripts/peer-kernels-nt.py not found (run from the package folder or pass --peer)")
            return
        }
        guard let interpreter = python ?? Self.locate(".venv-nt/bin/python"), FileManager.default.isExecutableFile(atPath: interpreter) else {
            print("peer: skipped, no \(python ?? ".venv-nt/bin/python") (make it with scripts/crosscheck-neural-tangents, or pass --python)")
            return
        }
        let folder = NSTemporaryDirectory() + "/trellis-bench-kernels-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.write(x, folder + "/relu-x.f64")
        try Self.write(tanhX, folder + "/tanh-x.f64")
        try Self.write(trainX, folder + "/train-x.f64")
        try Self.write(Matrix(rows: train, columns: 1, values: targets), folder + "/train-y.f64")
        try Self.write(testX, folder + "/test-x.f64")
        let spec: [String: Any] = ["cases": [
            ["name": "relu", "kind": "kernel", "activation": "relu", "depth": depth, "sw2": reluSw2, "sb2": reluSb2,
             "x": "relu-x.f64", "n": n, "d": dimension, "runs": peerRuns, "batch": 0,
             "out_nngp": "relu-nngp.f64", "out_ntk": "relu-ntk.f64"],
            ["name": "tanh", "kind": "kernel", "activation": "tanh", "depth": depth, "sw2": tanhSw2, "sb2": tanhSb2,
             "deg": deg, "x": "tanh-x.f64", "n": tanhN, "d": dimension, "runs": tanhPeerRuns, "batch": tanhBatch,
             "out_nngp": "tanh-nngp.f64", "out_ntk": "tanh-ntk.f64"],
            ["name": "predict", "kind": "predict", "activation": "relu", "depth": predictDepth, "sw2": reluSw2, "sb2": reluSb2,
             "x_train": "train-x.f64", "y_train": "train-y.f64", "x_test": "test-x.f64", "n_train": train, "n_test": test,
             "d": dimension, "diag_reg": ridge, "runs": peerRuns, "out_mean": "predict-mean.f64", "out_cov": "predict-cov.f64"],
        ]]
        try JSONSerialization.data(withJSONObject: spec, options: [.prettyPrinted, .sortedKeys])
            .write(to: URL(fileURLWithPath: folder + "/spec.json"))

        print("peer: \(interpreter) \(script) (stderr follows; load average \(MeanFieldBenchmark.loadAverage()))")
        fflush(nil)
        // Quiet TensorFlow's and XLA's start-up chatter; jax on the CPU.
        setenv("TF_CPP_MIN_LOG_LEVEL", "3", 0)
        setenv("JAX_PLATFORMS", "cpu", 0)
        let busyStart = Machine.busyMilliseconds()
        let process = try Spawn.run(interpreter, [script, folder])
        let peerOthers = busyStart.flatMap { start in
            Machine.busyMilliseconds().map { Machine.othersShare(busy: $0 - start, own: process.cpu, wall: process.ms) }
        }
        let resultPath = folder + "/result.json"
        guard let data = FileManager.default.contents(atPath: resultPath),
              let result = try? JSONDecoder().decode(PeerResult.self, from: data) else {
            print("peer: failed with status \(process.status) after \(Int(process.ms)) ms, no result")
            return
        }
        print("peer: neural-tangents \(result.neural_tangents), jax \(result.jax) (\(result.backend), \(result.devices) device,"
              + " x64 \(result.x64)); whole process \(Int(process.ms / 1000)) s, status \(process.status);"
              + " load average \(MeanFieldBenchmark.loadAverage()) at the end")
        print(Self.header())
        for (name, label) in [("relu", "nt relu \(n)×\(n)"), ("tanh", "nt tanh \(tanhN)×\(tanhN)"), ("predict", "nt predict \(train)→\(test)")] {
            guard let c = result.cases[name] else { print(Table.row([label, "missing"], widths: Self.widths)); continue }
            print(Self.line(label, Runs(wall: c.times_ms, cpu: c.cpu_ms), first: c.first_ms, others: peerOthers))
        }
        print("  (others: over the whole peer process; first = the warm-up call, jit compilation included\(tanhBatch > 0 ? "; for tanh one \(tanhBatch)×\(tanhBatch) block of nt.batch" : "");"
              + " peak RSS of the peer \(Table.number(result.cases.values.map(\.peak_rss_mb).max() ?? 0, digits: 0)) MB)")
        print("")

        // Comparison.
        print(Table.row(["", "Trellis ms", "nt ms", "nt/Trellis", "target"], widths: [26, 11, 11, 11, 14]))
        func ratioLine(_ label: String, _ timings: Runs, _ peerCase: PeerCase?, target: Double?) {
            guard let peerCase else { return }
            let ratio = Stats(peerCase.times_ms).median / Stats(timings.wall).median
            let verdict = target.map { "≥ \(Int($0))× " + (ratio >= $0 ? "ok" : "MISSED") } ?? ""
            print(Table.row([label, Table.number(Stats(timings.wall).median, digits: 1), Table.number(Stats(peerCase.times_ms).median, digits: 1),
                             Table.number(ratio, digits: ratio < 100 ? 2 : 0) + "×", verdict], widths: [26, 11, 11, 11, 14]))
        }
        ratioLine("relu \(n)×\(n) K, Θ", reluTimings, result.cases["relu"], target: Self.reluSpeedTarget)
        ratioLine("tanh \(tanhN)×\(tanhN) K, Θ", tanhTimings, result.cases["tanh"], target: Self.tanhSpeedTarget)
        ratioLine("predict NTK \(train)→\(test)", predictTimings, result.cases["predict"], target: nil)
        print("")

        print("differences, Trellis (a) against neural-tangents (b): rel = |a − b|/|b|, mixed = |a − b|/max(1, |b|)")
        if result.cases["relu"] != nil {
            let k = try Self.read(folder + "/relu-nngp.f64", rows: n, columns: n)
            let t = try Self.read(folder + "/relu-ntk.f64", rows: n, columns: n)
            Self.compare("relu K", reluKernels.nngp, k)
            Self.compare("relu Θ", reluKernels.ntk, t)
            // The diagonal has a closed recurrence for relu: E[relu(u)²] = q/2, E[relu'(u)²] = 1/2.
            let exactDiagonal = (0..<n).map { i -> (Double, Double) in
                var q = reluSw2 * norms[i] + reluSb2, theta = q
                for _ in 0..<depth {
                    q = reluSw2 * q / 2 + reluSb2
                    theta = q + reluSw2 * theta / 2
                }
                return (q, theta)
            }
            func diagonalError(_ m: Matrix, _ pick: ((Double, Double)) -> Double) -> Double {
                (0..<n).map { Swift.abs(m[$0, $0] - pick(exactDiagonal[$0])) / pick(exactDiagonal[$0]) }.max()!
            }
            print("  relu diagonal against its exact recurrence (q ← σw²q/2 + σb², Θ ← q + σw²Θ/2), max rel:"
                  + " Trellis K \(sci(diagonalError(reluKernels.nngp, \.0))), Θ \(sci(diagonalError(reluKernels.ntk, \.1)));"
                  + " nt K \(sci(diagonalError(k, \.0))), Θ \(sci(diagonalError(t, \.1)))")
        }
        if result.cases["tanh"] != nil {
            let k = try Self.read(folder + "/tanh-nngp.f64", rows: tanhN, columns: tanhN)
            let t = try Self.read(folder + "/tanh-ntk.f64", rows: tanhN, columns: tanhN)
            Self.compare("tanh K", tanhKernels.nngp, k)
            Self.compare("tanh Θ", tanhKernels.ntk, t)
            let ntK = Difference(Self.submatrix(k, subset), exact.nngp), ntTheta = Difference(Self.submatrix(t, subset), exact.ntk)
            print("  tanh accuracy of neural-tangents (deg = \(deg)) on the \(check)×\(check) subset, against the quadrature"
                  + " (|nt − b|/max(1, |b|)):")
            print("    nt K \(ntK.describe())")
            print("    nt Θ \(ntTheta.describe())")
            print("    off the diagonal only: nt K \(sci(Difference(Self.submatrix(k, subset), exact.nngp, .offDiagonal).mixed)),"
                  + " nt Θ \(sci(Difference(Self.submatrix(t, subset), exact.ntk, .offDiagonal).mixed))")
            print("    (Trellis on the same entries: K \(sci(subK.mixed)), Θ \(sci(subTheta.mixed)))")
        }
        if result.cases["predict"] != nil {
            let mean = try Self.read(folder + "/predict-mean.f64", rows: test, columns: 1)
            let cov = try Self.read(folder + "/predict-cov.f64", rows: test, columns: test)
            let ourMean = Matrix(rows: test, columns: 1, values: ours.mean)
            print("  predict mean \(Difference(ourMean, mean).describe())   (max |b| \(sci(mean.values.map { Swift.abs($0) }.max()!)))")
            print("  predict cov  \(Difference(ours.covariance, cov).describe())   (max |b| \(sci(cov.values.map { Swift.abs($0) }.max()!)))")
        }
    }

    /// Predictor.predict(kernel: .ntk, relative: true)'s steps, each timed (ms): its code, step by step.
    static func predictBreakdown(_ p: KernelParameters, train: Matrix, targets: [Double], test: Matrix, ridge: Double) throws -> String {
        var steps: [(String, Double)] = []
        func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let (value, ms) = try Measure.milliseconds(body)
            steps.append((name, ms))
            return value
        }
        let kernels = NeuralKernels(p)
        let trainTrain = step("K,Θ train×train") { kernels.compute(train) }
        let testTrain = step("test×train") { kernels.compute(test, train) }
        let testTest = step("test×test") { kernels.compute(test) }
        var regularised = trainTrain.ntk
        let r = ridge * regularised.trace / Double(train.rows)
        for i in 0..<train.rows { regularised[i, i] += r }
        _ = try step("condition number (dsyevd)") { try LinearAlgebra.conditionNumber(regularised) }
        let factor = try step("Cholesky (dpotrf)") { try LinearAlgebra.cholesky(regularised) }
        try step("solves and products") {
            let y = Matrix(rows: train.rows, columns: 1, values: targets)
            _ = LinearAlgebra.multiply(testTrain.ntk, try LinearAlgebra.solve(cholesky: factor, y))
            let a = try LinearAlgebra.solve(cholesky: factor, testTrain.ntk.transposed).transposed
            let aK = LinearAlgebra.multiply(a, trainTrain.nngp)
            _ = LinearAlgebra.multiply(aK, a, transposeB: true)
            _ = LinearAlgebra.multiply(a, testTrain.nngp, transposeB: true)
            _ = testTest
        }
        let total = steps.reduce(0) { $0 + $1.1 }
        return steps.map { "\($0.0) \(Int($0.1.rounded()))" }.joined(separator: ", ") + " (total \(Int(total.rounded())) ms)"
    }

    /// Whole matrix, then off the diagonal and on it (neural-tangents' diagonal goes through a
    /// correlation computed as ≈ 1, Trellis's through the one-variable map).
    static func compare(_ label: String, _ ours: Matrix, _ theirs: Matrix) {
        print("  \(label)  all: \(Difference(ours, theirs).describe(relative: true))")
        print("  \(String(repeating: " ", count: label.count))  off-diagonal: \(Difference(ours, theirs, .offDiagonal).describe(relative: true))")
        print("  \(String(repeating: " ", count: label.count))  diagonal: \(Difference(ours, theirs, .diagonal).describe(relative: true))")
    }

    // MARK: - Timing and table

    /// Times `body`, wall on the monotonic clock and CPU of the whole process (all threads).
    static func timeProcess<T>(_ timings: inout Runs, _ body: () throws -> T) rethrows -> T {
        let cpuStart = processCPU(), busyStart = Machine.busyMilliseconds()
        let (result, ms) = try Measure.milliseconds(body)
        let cpu = processCPU() - cpuStart
        timings.cpu.append(cpu)
        timings.wall.append(ms)
        if let busyStart, let busyEnd = Machine.busyMilliseconds() {
            timings.others.append(Machine.othersShare(busy: busyEnd - busyStart, own: cpu, wall: ms))
        }
        return result
    }

    /// Wall and CPU times of a series of runs, in ms, and the share of the machine that other
    /// processes used meanwhile.
    struct Runs {
        var wall: [Double] = []
        var cpu: [Double] = []
        var others: [Double] = []
    }

    /// Returns freed heap memory to the system (glibc keeps freed blocks of these sizes resident
    /// otherwise, and each run would start with a process already holding the last run's pages).
    static func releaseFreeMemory() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }

    static func processCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    static let widths = [26, 5, 11, 11, 11, 11, 11, 8]

    static func header() -> String {
        Table.row(["", "runs", "median ms", "min ms", "max ms", "first ms", "cpu ms", "others"], widths: widths)
    }

    static func line(_ name: String, _ timings: Runs, first: Double? = nil, others: Double? = nil) -> String {
        let wall = Stats(timings.wall)
        // /proc/stat counts 10 ms ticks: too coarse for shorter runs.
        let load = others ?? (timings.others.isEmpty || wall.min < 200 ? nil : timings.others.max())
        return Table.row([name, "\(timings.wall.count)", Table.number(wall.median, digits: 1), Table.number(wall.min, digits: 1),
                          Table.number(wall.max, digits: 1), Table.number(first ?? timings.wall[0], digits: 1),
                          Table.number(Stats(timings.cpu).median, digits: 1),
                          load.map { "\(Int(($0 * 100).rounded()))%" } ?? "-"], widths: widths)
    }

    // MARK: - Inputs and files

    static func gaussian(_ generator: inout SplitMix64) -> Double {
        // Box–Muller on (0, 1]: u1 is never 0.
        let u1 = (Double(generator.next() >> 11) + 1) / Double(1 << 53)
        let u2 = Double(generator.next() >> 11) / Double(1 << 53)
        return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
    }

    static func normal(rows: Int, columns: Int, _ generator: inout SplitMix64) -> Matrix {
        Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in gaussian(&generator) })
    }

    static func submatrix(_ m: Matrix, _ indices: [Int]) -> Matrix {
        Matrix(indices.map { i in indices.map { j in m[i, j] } })
    }

    /// Raw little-endian float64, row-major (numpy.fromfile(dtype="<f8")).
    static func write(_ m: Matrix, _ path: String) throws {
        let data = m.values.withUnsafeBytes { Data($0) }
        try data.write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String, rows: Int, columns: Int) throws -> Matrix {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard data.count == rows * columns * 8 else {
            throw ValidationError("\(path): \(data.count) bytes, expected \(rows)×\(columns) doubles")
        }
        var values = [Double](repeating: 0, count: rows * columns)
        _ = values.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        return Matrix(rows: rows, columns: columns, values: values)
    }

    /// `relative` from the current folder, or from one of the binary's ancestors (the package).
    static func locate(_ relative: String) -> String? {
        if FileManager.default.fileExists(atPath: relative) { return relative }
        var folder = URL(fileURLWithPath: MeanFieldBenchmark.binaryFolder())
        for _ in 0..<6 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    // MARK: - Peer output

    struct PeerCase: Decodable {
        var first_ms: Double
        var times_ms: [Double]
        var cpu_ms: [Double]
        var peak_rss_mb: Double
    }

    struct PeerResult: Decodable {
        var neural_tangents: String
        var jax: String
        var backend: String
        var devices: Int
        var x64: Bool
        var cases: [String: PeerCase]
    }
}

/// The machine's busy CPU time, from /proc/stat.
enum Machine {
    /// user + nice + system + irq + softirq + steal of all cores, in ms; nil off Linux.
    static func busyMilliseconds() -> Double? {
        guard let file = fopen("/proc/stat", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 512)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let fields = String(cString: buffer).split(separator: " ").dropFirst().compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard fields.count >= 8 else { return nil }
        // user nice system idle iowait irq softirq steal (guest time is inside user).
        let busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return busy * 1000 / ticks
    }

    /// The share of all cores used by others: (busy − own CPU) / (wall × cores), at least 0.
    static func othersShare(busy: Double, own: Double, wall: Double) -> Double {
        let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        return Swift.max(0, (busy - own) / (wall * cores))
    }
}

#if os(Linux)
/// glibc's malloc_trim(3), which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// The largest entrywise differences of a against b (same shape).
struct Difference {
    enum Part { case all, offDiagonal, diagonal }

    var absolute = 0.0, relative = 0.0, mixed = 0.0
    var at = (0, 0)
    var a = 0.0, b = 0.0
    var count = 0

    init(_ a: Matrix, _ b: Matrix, _ part: Part = .all) {
        precondition(a.rows == b.rows && a.columns == b.columns)
        for i in 0..<a.rows {
            for j in 0..<a.columns {
                if part == .diagonal && i != j || part == .offDiagonal && i == j { continue }
                let (x, y) = (a[i, j], b[i, j])
                let d = Swift.abs(x - y)
                let mixed = d / Swift.max(1, Swift.abs(y))
                if mixed > self.mixed || mixed.isNaN { (self.mixed, at, self.a, self.b) = (mixed, (i, j), x, y) }
                absolute = Swift.max(absolute, d)
                relative = Swift.max(relative, d == 0 ? 0 : d / Swift.abs(y))
                count += 1
            }
        }
    }

    func describe(relative showRelative: Bool = false) -> String {
        (showRelative ? "rel \(sci(relative)), " : "") + "mixed \(sci(mixed)), abs \(sci(absolute))"
            + (mixed > 0 ? " (worst mixed at [\(at.0), \(at.1)]: \(String(format: "%.12g", a)) vs \(String(format: "%.12g", b)))" : "")
            + "; \(count) entries"
    }
}

private func sci(_ value: Double) -> String {
    if value == 0 { return "0" }
    if !value.isFinite { return "\(value)" }
    return String(format: "%.1e", value)
}

private func fixed(_ value: Double) -> String { String(format: "%.4g", value) }

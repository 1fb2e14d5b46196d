import Foundation
import Testing

/// `trellis calc …` through the real binary: the JSON contract of the spec, the human output,
/// and one clear line with exit status 2 for every kind of bad input.
@Suite struct CalcCommandTests {
    static func json(_ arguments: [String]) throws -> Any {
        let result = try CLI.run(["calc"] + arguments + ["--json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func meanfieldJSONHasEveryKey() throws {
        let object = try #require(try Self.json(["meanfield", "--phi", "tanh", "--sw2", "2.5", "--sb2", "0.05", "--c-layers", "--jacobian-depth", "10"]) as? [String: Any])
        for key in ["qstar", "chi1", "cstar", "chi_c", "dFdq", "xi_q", "xi_c", "xi_grad", "q_layers", "phase", "flags", "c_layers", "jacobian"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        // The inputs are echoed.
        #expect(object["phi"] as? String == "tanh" && object["sw2"] as? Double == 2.5 && object["sb2"] as? Double == 0.05)
        #expect(object["q0"] as? Double == 1 && object["c0"] as? Double == 0.5)
        let jacobian = try #require(object["jacobian"] as? [String: Any])
        #expect(Set(jacobian.keys) == ["mu1", "mu2", "depth", "mean", "var_orthogonal", "var_gaussian"])
        #expect(jacobian["depth"] as? Int == 10)
        #expect(object["phase"] as? String == "chaotic")
        // Without the flags, those keys are absent.
        let plain = try #require(try Self.json(["meanfield", "--phi", "tanh", "--sw2", "2.5", "--sb2", "0.05"]) as? [String: Any])
        #expect(plain["c_layers"] == nil && plain["jacobian"] == nil)
    }

    @Test func infinityIsAStringAndUndefinedIsNull() throws {
        let relu = try #require(try Self.json(["meanfield", "--phi", "relu", "--sw2", "2.5", "--sb2", "0.1"]) as? [String: Any])
        #expect(relu["qstar"] as? String == "inf")
        #expect(relu["flags"] as? [String] == ["diverges"])
        #expect(relu["q_layers"] is NSNull)
        let tanh = try #require(try Self.json(["meanfield", "--phi", "tanh", "--sw2", "0.5", "--sb2", "0"]) as? [String: Any])
        #expect(tanh["qstar"] as? Double == 0 && tanh["flags"] as? [String] == ["qstar_zero"])
        #expect(tanh["cstar"] is NSNull && tanh["chi_c"] is NSNull && tanh["xi_c"] is NSNull)
        let critical = try #require(try Self.json(["meanfield", "--phi", "relu", "--sw2", "2", "--sb2", "0", "--q0", "3"]) as? [String: Any])
        #expect(critical["qstar"] as? Double == 3 && critical["flags"] as? [String] == ["q0_is_fixed_point"])
        #expect(critical["xi_grad"] as? String == "inf" && critical["phase"] as? String == "critical")
    }

    /// Negative numbers are values, not options: `--c0 -0.5` as well as `--c0=-0.5`.
    @Test func negativeValues() throws {
        let object = try #require(try Self.json(["meanfield", "--phi", "tanh", "--sw2", "2.5", "--sb2", "0.05", "--c0", "-0.5"]) as? [String: Any])
        #expect(object["c0"] as? Double == -0.5)
        let negative = try CLI.run(["calc", "meanfield", "--phi", "tanh", "--sw2", "-1", "--sb2", "0"])
        #expect(negative.status == 2 && negative.stderr.contains("must be ≥ 0"))
    }

    @Test func alphaAndAliases() throws {
        let leaky = try #require(try Self.json(["meanfield", "--phi", "leaky_relu", "--alpha", "0.5", "--sw2", "1", "--sb2", "0.1"]) as? [String: Any])
        #expect(leaky["alpha"] as? Double == 0.5)
        // χ₁ = σw²(1 + α²)/2 exactly.
        #expect(leaky["chi1"] as? Double == 0.625)
        let silu = try #require(try Self.json(["meanfield", "--phi", "silu", "--sw2", "1", "--sb2", "0.1"]) as? [String: Any])
        #expect(silu["phi"] as? String == "swish")
    }

    @Test func boundaryForOneValueAndForAList() throws {
        let one = try #require(try Self.json(["boundary", "--phi", "erf", "--sb2", "0"]) as? [String: Any])
        #expect(abs((one["sw2_crit"] as? Double ?? 0) - Double.pi / 4) <= 1e-15)
        #expect(one["qstar_crit"] as? Double == 0 && (one["points"] as? [Any])?.count == 1)
        let list = try #require(try Self.json(["boundary", "--phi", "tanh", "--sb2", "range:0,0.1,3"]) as? [[String: Any]])
        #expect(list.map { $0["sb2"] as? Double } == [0, 0.05, 0.1])
        // Softplus never crosses χ₁ = 1 (χ₁ < σw²/2 < 1 wherever q* is finite); sigmoid always does.
        let softplus = try #require(try Self.json(["boundary", "--phi", "softplus", "--sb2", "0.01,2"]) as? [[String: Any]])
        #expect(softplus.allSatisfy { $0["sw2_crit"] is NSNull && $0["qstar_crit"] is NSNull })
        let sigmoid = try #require(try Self.json(["boundary", "--phi", "sigmoid", "--sb2", "2"]) as? [String: Any])
        #expect(sigmoid["sw2_crit"] is Double)
    }

    @Test func kernelCalculatorsJSON() throws {
        let kernel = try #require(try Self.json(["kernel", "--phi", "relu", "--depth", "3", "--sw2", "2", "--sb2", "0.1", "--x", "[[1,0],[0.6,0.8]]", "--per-layer"]) as? [String: Any])
        #expect((kernel["nngp"] as? [[Double]])?.count == 2 && (kernel["ntk"] as? [[Double]])?.count == 2)
        #expect((kernel["layers"] as? [[String: Any]])?.count == 4)
        let predict = try #require(try Self.json(["predict", "--phi", "erf", "--depth", "2", "--sw2", "1.5", "--sb2", "0.1", "--kernel", "ntk",
                                                  "--xtrain", "[[1,0],[0,1]]", "--ytrain", "[1,-1]", "--xtest", "[[0.8,0.6]]"]) as? [String: Any])
        #expect((predict["mean"] as? [Double])?.count == 1 && (predict["cov"] as? [[Double]])?.count == 1)
        let eigen = try #require(try Self.json(["eigenlearning", "--eigs", "[1,0.5,0.25]", "--coeffs", "[1,1,1]", "--n", "2"]) as? [String: Any])
        for key in ["kappa", "E0", "L", "test_mse", "test_mse_clean_target", "train_mse", "target_learnability"] {
            #expect(eigen[key] != nil, "missing \(key)")
        }
        let sphere = try #require(try Self.json(["sphere", "--d", "3", "--lmax", "4", "--fn", "t^2"]) as? [String: Any])
        #expect((sphere["mu"] as? [Double])?.count == 5 && (sphere["multiplicity"] as? [Double]) == [1, 3, 5, 7, 9])
    }

    @Test func trajectoryLayers() throws {
        let object = try #require(try Self.json(["trajectory", "--phi", "tanh", "--sw2", "2.5", "--sb2", "0.05", "--q11", "1", "--q22", "2", "--q12", "0.9", "--depth", "30"]) as? [String: Any])
        let layers = try #require(object["layers"] as? [[String: Any]])
        #expect(layers.count == 31)
        #expect(layers[0]["l"] as? Int == 0 && layers[0]["q22"] as? Double == 2 && layers[30]["l"] as? Int == 30)
        let c0 = try #require(layers[0]["c"] as? Double)
        #expect(abs(c0 - 0.9 / 2.0.squareRoot()) <= 1e-15)
    }

    @Test func gridJSONAndFiles() throws {
        let object = try #require(try Self.json(["grid", "--phi", "tanh", "--sw2", "0.5:4:8", "--sb2", "0:4:5"]) as? [String: Any])
        #expect((object["sw2"] as? [Double])?.count == 8 && (object["sb2"] as? [Double])?.count == 5)
        let qstar = try #require(object["qstar"] as? [[Any]])
        #expect(qstar.count == 5 && qstar.allSatisfy { $0.count == 8 })
        let phase = try #require(object["phase"] as? [[String]])
        #expect(phase[0][0] == "ordered" && phase[0][7] == "chaotic")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-grid-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("grid.csv").path
        let written = try CLI.run(["calc", "grid", "--phi", "relu", "--sw2", "1:3:3", "--sb2", "0.1", "--out", csv])
        #expect(written.status == 0)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "sb2,sw2,qstar,chi1,phase" && lines.count == 4)
        // ReLU: q* = σb²/(1 − σw²/2) = 0.2 at σw² = 1; σw² = 3 diverges.
        #expect(lines[1].hasPrefix("0.1,1.0,0.2,0.5,ordered") && lines[3].hasPrefix("0.1,3.0,inf,1.5,chaotic"))
    }

    /// The same picture as `trellis plot phase`: the grid's phases, the exact critical line
    /// (Braille) between them, and the legend.
    @Test func gridDrawsAPhaseDiagram() throws {
        let result = try CLI.run(["calc", "grid", "--phi", "tanh", "--sw2", "0.5:4:60", "--sb2", "0:4:20"])
        #expect(result.status == 0)
        #expect(result.lines.count == 24)  // 80×24 when stdout is not a terminal
        let rows = result.lines.filter { $0.hasSuffix("│") }
        #expect(rows.count >= 15)
        // At σb² = 4 (top) tanh is ordered up to σw² = 4; at σb² ≈ 0 (bottom) it turns chaotic
        // near σw² = 1, with the exact line between the phases.
        #expect(rows[0].contains("░") && !rows[0].contains("▓"))
        let bottom = try #require(rows.last)
        #expect(bottom.contains("░") && bottom.contains("▓"))
        #expect(bottom.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        #expect(result.stdout.contains("χ₁ = 1 (exact boundary)") && result.stdout.contains("chaotic (χ₁ > 1)"))
    }

    @Test func humanTables() throws {
        let result = try CLI.run(["calc", "meanfield", "--phi", "tanh", "--sw2", "1.5", "--sb2", "0.05"])
        #expect(result.status == 0)
        #expect(result.lines.contains { $0.hasPrefix("  q*") } && result.lines.contains { $0.contains("ordered") })
        let boundary = try CLI.run(["calc", "boundary", "--phi", "relu", "--sb2", "0.05"])
        #expect(boundary.stdout.contains("2") && boundary.status == 0)
    }

    /// Every kind of bad input the spec names: exit 2, one line on stderr naming the argument,
    /// nothing on stdout.
    @Test(arguments: [
        (["meanfield", "--phi", "tanhh", "--sw2", "1", "--sb2", "0"], "--phi"),
        (["meanfield", "--phi", "tanh", "--sw2", "-1", "--sb2", "0"], "--sw2"),
        (["meanfield", "--phi", "tanh", "--sw2", "nan", "--sb2", "0"], "--sw2"),
        (["meanfield", "--phi", "tanh", "--sw2", "1", "--sb2", "inf"], "--sb2"),
        (["meanfield", "--phi", "tanh", "--sw2", "1", "--sb2", "x"], "--sb2"),
        (["meanfield", "--phi", "tanh", "--sw2", "1", "--sb2", "0", "--c0", "1.5"], "--c0"),
        (["meanfield", "--phi", "tanh", "--sw2", "1", "--sb2", "0", "--q0", "0"], "--q0"),
        (["meanfield", "--phi", "tanh", "--sw2", "1", "--sb2", "0", "--alpha", "0.1"], "--alpha"),
        (["meanfield", "--phi", "tanh", "--sw2", "1", "--sb2", "0", "--jacobian-depth", "0"], "--jacobian-depth"),
        (["meanfield", "--phi", "tanh", "--sw2", "1", "--sb2", "0", "--bogus"], "--bogus"),
        (["meanfield", "--phi", "tanh", "--sb2", "0"], "--sw2"),
        (["boundary", "--phi", "tanh", "--sb2", "0,x"], "--sb2"),
        (["boundary", "--phi", "tanh", "--sb2", "range:0,1"], "--sb2"),
        (["boundary", "--phi", "tanh", "--sb2", "-0.1"], "--sb2"),
        (["grid", "--phi", "tanh", "--sw2", "0.5:4", "--sb2", "0:4:10"], "--sw2"),
        (["grid", "--phi", "tanh", "--sw2", "0.5:4:0", "--sb2", "0:4:10"], "--sw2"),
        (["grid", "--phi", "tanh", "--sw2", "0.5:4:10", "--sb2", "0:4:10", "--out", "grid.txt"], "--out"),
        (["trajectory", "--phi", "tanh", "--sw2", "1", "--sb2", "0", "--q12", "2", "--depth", "3"], "--q12"),
        (["trajectory", "--phi", "tanh", "--sw2", "1", "--sb2", "0", "--q12", "0.5", "--depth", "0"], "--depth"),
        (["trajectory", "--phi", "tanh", "--sw2", "1", "--sb2", "0", "--q11", "-1", "--q12", "0", "--depth", "3"], "--q11"),
        (["kernel", "--phi", "relu", "--depth", "2", "--sw2", "2", "--sb2", "0", "--x", "[[1,0],[1]]"], "--x"),
        (["kernel", "--phi", "relu", "--depth", "2", "--sw2", "2", "--sb2", "0", "--x", "[]"], "--x"),
        (["kernel", "--phi", "relu", "--depth", "2", "--sw2", "2", "--sb2", "0", "--x", "[[1,0]"], "--x"),
        (["kernel", "--phi", "relu", "--depth", "2", "--sw2", "2", "--sb2", "0", "--x", "[[1,0]]", "--x2", "[[1,0,0]]"], "--x2"),
        (["kernel", "--phi", "relu", "--depth", "0", "--sw2", "2", "--sb2", "0", "--x", "[[1,0]]"], "--depth"),
        (["kernel", "--phi", "relu", "--depth", "2", "--sw2", "2", "--sb2", "0", "--x-file", "/nonexistent.csv"], "--x-file"),
        (["predict", "--phi", "erf", "--depth", "1", "--sw2", "1", "--sb2", "0", "--kernel", "gp", "--xtrain", "[[1]]", "--ytrain", "[1]", "--xtest", "[[1]]"], "--kernel"),
        (["predict", "--phi", "erf", "--depth", "1", "--sw2", "1", "--sb2", "0", "--kernel", "ntk", "--xtrain", "[[1],[2]]", "--ytrain", "[1]", "--xtest", "[[1]]"], "--ytrain"),
        (["eigenlearning", "--eigs", "[1,-0.5]", "--coeffs", "[1,1]", "--n", "2"], "--eigs"),
        (["eigenlearning", "--eigs", "[1,0.5]", "--coeffs", "[1,1]", "--n", "0"], "--n"),
        (["eigenlearning", "--eigs", "[1,0.5]", "--coeffs", "[1]", "--n", "2"], "--coeffs"),
        (["sphere", "--d", "3", "--lmax", "5", "--fn", "exp(t"], "--fn"),
        (["sphere", "--d", "1", "--lmax", "5", "--fn", "t"], "--d"),
    ])
    func badInput(_ arguments: [String], _ named: String) throws {
        let result = try CLI.run(["calc"] + arguments)
        #expect(result.status == 2, "\(arguments)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(named), "\(arguments): \(result.stderr)")
    }
}

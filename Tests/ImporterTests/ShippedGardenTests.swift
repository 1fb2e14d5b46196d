import Foundation
import Garden
import Testing
@testable import Importer

/// The shipped `garden/` holds every paper of the owner's five seed pages exactly once, and no
/// paper that the seeds do not name. The expected list was written by reading the seeds, not
/// produced by the importer.
@Suite struct ShippedGardenTests {
    static let gardenPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("garden").path

    static let seedPapers = [
        // TBR
        "Batch Normalization Biases Residual Blocks Towards the Identity Function in Deep Networks",
        "Fixup Initialization: Residual Learning Without Normalization",
        "Neural Tangent Kernel: Convergence and Generalization in Neural Networks",
        "Deep Neural Networks as Gaussian Processes",
        "Wide Neural Networks of Any Depth Evolve as Linear Models Under Gradient Descent",
        "Tensor Programs II: Neural Tangent Kernel for Any Architecture",
        "Resurrecting the sigmoid in deep learning through dynamical isometry: theory and practice",
        "Dynamical Isometry and a Mean Field Theory of CNNs: How to Train 10,000-Layer Vanilla Convolutional Neural Networks",
        "Dynamical Isometry and a Mean Field Theory of RNNs: Gating Enables Signal Propagation in Recurrent Neural Networks",
        "Dynamical Isometry and a Mean Field Theory of LSTMs and GRUs",
        "The Emergence of Spectral Universality in Deep Networks",
        "Mean Field Residual Networks: On the Edge of Chaos",
        "Exact solutions to the nonlinear dynamics of learning in deep linear neural networks",
        "Rapid training of deep neural networks without skip connections or normalization layers using Deep Kernel Shaping",
        "Deep Learning without Shortcuts: Shaping the Kernel with Tailored Rectifiers",
        "Deep Transformers without Shortcuts: Modifying Self-attention for Faithful Signal Propagation",
        "Infinite attention: NNGP and NTK for deep attention networks",
        "Attention is not all you need: pure attention loses rank doubly exponentially with depth",
        "Signal Propagation in Transformers: Theoretical Perspectives and the Role of Rank Collapse",
        "ReZero is All You Need: Fast Convergence at Large Depth",
        // Reading group
        "Multilayer Feedforward Networks are Universal Approximators",
        "Explaining Neural Scaling Laws",
        "Git Re-Basin",
        "Monte Carlo Gradient Estimation in Machine Learning",
        "Toy Models of Superposition",
        "Gradient Estimation with Discrete Stein Operators",
        "Exact learning dynamics of deep linear networks with prior knowledge",
        "Neural networks and physical systems with emergent collective computational abilities (Hopfield Networks)",
        "Understanding the Diffusion Objective as a Weighted Integral of ELBOs",
        "Laplace Redux -- Effortless Bayesian Deep Learning",
        "A Theory on Adam Instability in Large-Scale Machine Learning",
        "Sigma-Reparam: Stable Transformer Training with Spectral Reparametrization",
        "Adaptive Budget Allocation for Parameter-Efficient Fine-Tuning",
        "Loss Landscapes are All You Need: Neural Network Generalization Can Be Explained Without the Implicit Bias of Gradient Descent",
        "Sophia: A Scalable Stochastic Second-order Optimizer for Language Model Pre-training",
        "QLORA: Efficient Finetuning of Quantized LLMs",
        "Limitations of the Empirical Fisher Approximation for Natural Gradient Descent",
        "The No Free Lunch Theorem, Kolmogorov Complexity, and the Role of Inductive Biases in Machine Learning",
        "Transformers as Support Vector Machines",
        "Flat Minima",
        "Language Modeling Is Compression",
        "Efficient Streaming Language Models with Attention Sinks",
        // The core page
        "The lazy (NTK) and rich (ÂµP) regimes: A gentle tutorial",
        "On Lazy Training in Differentiable Programming",
        "The Implicit Bias of Gradient Descent on Separable Data",
        "Towards Resolving the Implicit Bias of Gradient Descent for Matrix Factorization: Greedy Low-Rank Learning",
        "Saddle-to-Saddle Dynamics in Deep Linear Networks: Small Initialization Training, Symmetry, and Sparsity",
        "Neural networks and principal component analysis: Learning from examples without local minima.",
        "Average gradient outer product as a mechanism for deep neural collapse",
        "Scaling MLPs: A Tale of Inductive Bias",
        "On the non-universality of deep learning: quantifying the cost of symmetry",
        "SGD learning on neural networks: leap complexity and saddle-to-saddle dynamics",
        "Feature emergence via margin maximization: case studies in algebraic tasks",
        "SCALING LAWS FOR ASSOCIATIVE MEMORIES",
        "Learning Associative Memories with Gradient Descent",
        "Transformers Learn Shortcuts to Automata",
        "Hidden Progress in Deep Learning: SGD Learns Parities Near the Computational Limit",
        "Self-Stabilization: The Implicit Bias of Gradient Descent at the Edge of Stability",
        "Small-scale proxies for large-scale Transformer training instabilities",
        "ADDING GRADIENT NOISE IMPROVES LEARNING FOR VERY DEEP NETWORKS",
        "Dion: Distributed Orthonormalized Updates",
        "The Polar Express: Optimal Matrix Sign Methods and Their Application to the Muon Algorithm",
        // Papers by month
        "Linformer: Self-Attention with Linear Complexity",
        "Rethinking Attention with Performers",
        "ZerO Initialization: Initializing Residual Networks with only Zeros and Ones",
        "The Efficiency Misnomer",
        "Stochastic Training is Not Necessary for Generalization",
        "A Farewell to the Bias-Variance Tradeoff? An Overview of the Theory of Overparameterized Machine Learning",
        // Mean-field papers
        "A Mean Field Theory of Batch Normalization",
        "A Mean Field Theory of Quantized Deep Networks: The Quantization-Depth Trade-Off",
        "How to Initialize your Network? Robust Initialization for WeightNorm & ResNets",
        "Exponential expressivity in deep neural networks through transient chaos",
        "Limiting fluctuations and trajectorial stability of multilayer neural networks with mean field training",
        "Mean-field Analysis of Piecewise Linear Solutions for Wide ReLU Networks",
        "Mean-Field and Kinetic Descriptions of Neural Differential Equations",
        "Overparameterization of deep ResNet: zero loss and mean-field analysis",
        "Dynamical mean-field theory for stochastic gradient descent in Gaussian mixture classification",
        "On the Global Convergence of Gradient Descent for multi-layer ResNets in the mean-field regime.",
    ]

    static let readInDepth = [
        "Neural Tangent Kernel: Convergence and Generalization in Neural Networks",
        "Deep Neural Networks as Gaussian Processes",
        "Wide Neural Networks of Any Depth Evolve as Linear Models Under Gradient Descent",
        "ReZero is All You Need: Fast Convergence at Large Depth",
    ]

    @Test func everySeedPaperExactlyOnceAndNothingInvented() throws {
        let garden = try GardenLoader.load(Self.gardenPath)
        #expect(garden.problems.isEmpty, "\(garden.problems)")
        let papers = garden.notes.filter { $0.kind == .paper }
        for title in Self.seedPapers {
            let matches = papers.filter { TitleMatch.same($0.title, title) }
            #expect(matches.count == 1, "\(title): \(matches.map(\.path))")
        }
        let unexpected = papers.filter { paper in !Self.seedPapers.contains { TitleMatch.same(paper.title, $0) } }
        #expect(unexpected.isEmpty, "papers the seeds do not name: \(unexpected.map(\.title))")
        for title in Self.readInDepth {
            #expect(papers.first { TitleMatch.same($0.title, title) }?.readInDepth == true, "\(title)")
        }
        #expect(papers.filter(\.readInDepth).count == Self.readInDepth.count)
    }

    @Test func paretoFrontierOrderAndCalculators() throws {
        let garden = try GardenLoader.load(Self.gardenPath)
        let models = try #require(garden.topic("core/models"))
        #expect(models.children.map { garden.topic($0)!.title } == [
            "Linear regression", "Kernel regression", "NNGP / NTK", "Linear networks", "RFMs",
            "Mean field / muP", "MLPs", "Transformers", "SSM",
        ])
        #expect(garden.topic("core/models/nngp-ntk")?.calculators == ["kernel"])
        #expect(garden.topic("core/models/mean-field-mup")?.calculators == ["meanfield", "phase-diagram"])
        #expect(garden.find("Find stuff about storage capacity in models")?.kind == .item)
        #expect(garden.find("Neural Tangent Kernel: Convergence and Generalization in Neural Networks")?.topics.count == 2)
    }

    @Test func abstractsAndNotesFromTheSeeds() throws {
        let garden = try GardenLoader.load(Self.gardenPath)
        #expect(garden.find("Linformer: Self-Attention with Linear Complexity")?.abstract?.hasPrefix("In this paper, we demonstrate") == true)
        #expect(garden.find("A Mean Field Theory of Batch Normalization")?.notes?.hasPrefix("Develop a mean field theory") == true)
        let rnns = try #require(garden.notes.first { $0.links.arxiv == "1806.05394" })
        #expect(rnns.notes?.hasPrefix("Use mean field theory and random matrix theory") == true)
        #expect(rnns.readInDepth == false && rnns.sources.count == 2)
    }

    @Test func findByTitleBeginningWhenUnambiguous() throws {
        let garden = try GardenLoader.load(Self.gardenPath)
        #expect(garden.find("linformer")?.title == "Linformer: Self-Attention with Linear Complexity")
        #expect(garden.find("Dynamical Isometry") == nil, "four papers start so; none is chosen")
    }

    /// Loading and saving every shipped note without an edit changes no byte, and an edit of
    /// one key changes exactly one line (the editor `trellis set` uses).
    @Test func editorRoundTripsEveryShippedFile() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.gardenPath).filter { $0.hasSuffix(".md") }
        #expect(files.count > 100)
        for file in files {
            let bytes = try #require(FileManager.default.contents(atPath: Self.gardenPath + "/" + file))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(Array(FrontMatterEditor(text).text.utf8) == Array(bytes), "\(file)")
            var editor = FrontMatterEditor(text)
            editor.set("status", "reading")
            let before = text.split(separator: "\n", omittingEmptySubsequences: false)
            let after = editor.text.split(separator: "\n", omittingEmptySubsequences: false)
            // The differing stretch between the common first and last lines: one line at most
            // on each side (a value replaced, or a key added).
            let prefix = zip(before, after).prefix { $0 == $1 }.count
            let suffix = zip(before.reversed(), after.reversed()).prefix { $0 == $1 }.count
            let removed = max(0, before.count - prefix - suffix), added = max(0, after.count - prefix - suffix)
            #expect(removed <= 1 && added <= 1 && added >= 1, "\(file): -\(removed) +\(added) lines")
        }
    }
}

import Testing
import Garden
@testable import Importer

@Suite struct TitleMatchTests {
    @Test(arguments: [
        ("Mean Field Residual Networks: On the Edge of Chaos", "mean field residual networks - on the edge of chaos."),
        ("Exact solutions to the nonlinear dynamics of learning in deep linear neural networks.", "Exact Solutions to the Nonlinear Dynamics of Learning in Deep Linear Neural Networks"),
        ("Attention is not all you need", "Attention is not all you need"),
        ("The Emergence of Spectral Universality in Deep Networks", "Emergence of Spectral Universality in Deep Networks"),
        ("Mean Field Residual Networks: On the Edge of Chaos", "Mean Field Residual Networks: On teh Edge of Chaos"),
        ("Neural Tangent Kernel", "Neural Tangent Kernel: Convergence and Generalization in Neural Networks"),
    ])
    func same(_ a: String, _ b: String) {
        #expect(TitleMatch.same(a, b))
        #expect(TitleMatch.same(b, a))
    }

    @Test(arguments: [
        ("Dynamical Isometry and a Mean Field Theory of RNNs", "Dynamical Isometry and a Mean Field Theory of LSTMs and GRUs"),
        ("Dynamical Isometry and a Mean Field Theory of CNNs: How to Train", "Dynamical Isometry and a Mean Field Theory of RNNs: Gating"),
        ("Scaling laws", "SCALING LAWS FOR ASSOCIATIVE MEMORIES"),
        ("Deep Learning without Shortcuts", "Deep Transformers without Shortcuts"),
        ("Attention: yes", "Attention"),
    ])
    func different(_ a: String, _ b: String) {
        #expect(!TitleMatch.same(a, b))
    }

    @Test func arxivIdentifiers() {
        #expect(Identifiers.arxiv("https://www.arxiv.org/abs/1806.05394") == "1806.05394")
        #expect(Identifiers.arxiv("https://arxiv.org/pdf/2304.09871.pdf") == "2304.09871")
        #expect(Identifiers.arxiv("https://arxiv.org/abs/1712.08969v2") == "1712.08969")
        #expect(Identifiers.openreview("https://openreview.net/pdf?id=QC10RmRbZy9") == "QC10RmRbZy9")
        #expect(Identifiers.arxiv("https://example.org/1806.05394") == nil)
    }
}

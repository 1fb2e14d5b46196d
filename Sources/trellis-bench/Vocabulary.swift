/// Word lists the synthetic garden draws its titles, prose, authors and tags from. The
/// benchmark's search queries come from the same lists, so they hit what the garden contains.
enum Vocabulary {
    static let adjectives = [
        "Deep", "Wide", "Infinite", "Shallow", "Random", "Sparse", "Implicit", "Stochastic", "Gaussian",
        "Neural", "Linear", "Nonlinear", "Residual", "Convolutional", "Recurrent", "Overparameterized",
        "Spectral", "Dynamical", "Mean-Field", "Kernel", "Bayesian", "Adaptive", "Robust", "Scaling",
        "Finite-Width", "Lazy", "Feature-Learning", "Low-Rank", "Equivariant", "Attention-Based",
        "Critical", "Chaotic", "Ordered", "Heavy-Tailed", "Self-Supervised", "Contrastive",
        "Generative", "Discrete", "Continuous", "Tensor",
    ]
    static let nouns = [
        "Networks", "Kernels", "Gradients", "Dynamics", "Limits", "Regimes", "Priors", "Posteriors",
        "Representations", "Features", "Transformers", "Initializations", "Signals", "Phases",
        "Landscapes", "Minima", "Margins", "Bounds", "Estimators", "Embeddings", "Activations",
        "Spectra", "Perturbations", "Ensembles", "Channels", "Operators", "Flows", "Processes",
        "Tangents", "Correlations", "Symmetries", "Invariants", "Attractors", "Trajectories",
        "Architectures", "Optimizers", "Losses", "Datasets", "Curricula", "Hierarchies",
    ]
    static let themes = [
        "Generalization", "Optimization", "Memorization", "Expressivity", "Trainability",
        "Signal Propagation", "Double Descent", "Grokking", "Implicit Regularization",
        "Catastrophic Forgetting", "Edge of Stability", "Neural Scaling Laws", "Lottery Tickets",
        "Benign Overfitting", "Feature Learning", "Loss Landscapes", "Information Bottlenecks",
        "In-Context Learning", "Mode Connectivity", "Sharpness", "Curvature", "Overparameterization",
    ]
    static let prose = [
        "we", "show", "that", "the", "network", "kernel", "converges", "to", "a", "deterministic",
        "limit", "as", "width", "grows", "under", "gradient", "descent", "with", "small", "learning",
        "rate", "and", "standard", "initialization", "this", "explains", "why", "training", "error",
        "decays", "exponentially", "while", "test", "loss", "depends", "on", "spectrum", "of",
        "data", "covariance", "our", "analysis", "uses", "tools", "from", "random", "matrix",
        "theory", "statistical", "physics", "replica", "method", "dynamical", "mean", "field",
        "equations", "we", "derive", "closed", "form", "expressions", "for", "the", "learning",
        "curves", "phase", "transition", "between", "lazy", "rich", "regimes", "depth", "order",
        "chaos", "edge", "correlation", "length", "fixed", "point", "jacobian", "singular",
        "values", "isometry", "variance", "bias", "weights", "biases", "activation", "tanh",
        "relu", "erf", "softmax", "attention", "heads", "tokens", "sequence", "length", "scaling",
        "law", "compute", "optimal", "parameters", "samples", "noise", "label", "teacher",
        "student", "overlap", "order", "parameter", "free", "energy", "entropy", "temperature",
        "annealing", "sharp", "flat", "minima", "hessian", "eigenvalues", "outliers", "bulk",
        "experiments", "confirm", "predictions", "across", "architectures", "datasets", "cifar",
        "mnist", "imagenet", "benchmarks", "results", "suggest", "future", "work", "should",
    ]
    /// Words that appear in only a handful of notes, for the "rare word" query.
    static let rare = ["hypocoercivity", "brachistochrone", "quasiconformal", "holonomy", "solenoidal"]
    static let firstNames = [
        "Arthur", "Franck", "Clement", "Jascha", "Samuel", "Yasaman", "Greg", "Jeffrey", "Lechao",
        "Roman", "Blake", "Cengiz", "Andrew", "Surya", "Ben", "Jonathan", "Maria", "Lenka",
        "Florent", "Marylou", "Song", "Andrea", "Sebastien", "Matus", "Nati", "Suriya", "Behnam",
        "Daniel", "Sho", "Boris", "Chiyuan", "Hanie", "Yann", "Anna", "Zhou", "Wei", "Mikhail",
        "Ilya", "Sanjeev", "Tengyu",
    ]
    static let lastNames = [
        "Jacot", "Gabriel", "Hongler", "Sohl-Dickstein", "Schoenholz", "Bahri", "Yang",
        "Pennington", "Xiao", "Novak", "Bordelon", "Pehlevan", "Saxe", "Ganguli", "Poole",
        "Kadmon", "Mei", "Zdeborova", "Krzakala", "Gabrie", "Montanari", "Bubeck", "Telgarsky",
        "Srebro", "Gunasekar", "Neyshabur", "Roberts", "Yaida", "Hanin", "Zhang", "Sedghi",
        "Dauphin", "Ma", "Li", "Belkin", "Sutskever", "Arora", "Lee", "Geiger", "Spigler",
    ]
    static let tags = [
        "ntk", "kernels", "mean-field", "rmt", "dmft", "scaling", "optimization", "generalization",
        "initialization", "signal-propagation", "transformers", "attention", "bayesian", "gp",
        "physics", "sgd", "double-descent", "implicit-bias", "feature-learning", "landscape",
    ]
    static let pages = ["Reading list", "Deep Learning Theory Reading Group", "TBR", "Lecture notes", "Seminar"]
}

#!/usr/bin/env python3
"""Cross-check `trellis calc kernel` and `trellis calc predict` against neural-tangents.

Run through scripts/crosscheck-neural-tangents, which makes the virtual environment
(neural-tangents 0.6.5, jax 0.4.30, float64) and builds the release binary. Usage:

    crosscheck_neural_tangents.py --trellis PATH [--threshold 1e-10] [--gelu-threshold T] [-v]

The network is neural-tangents' stax, NTK parameterisation:

    stax.serial(Dense(W_std=√sw2_first, b_std=√sb2_first), φ,
                *([Dense(W_std=√sw2, b_std=√sb2), φ] * (depth - 1)),
                Dense(W_std=√sw2, b_std=√sb2))

which for sw2_first = sw2 and sb2_first = sb2 is
`stax.serial(*([Dense(√sw2, √sb2), φ] * depth), Dense(√sw2, √sb2))`.

Difference of one entry: |a − b| / max(1, |b|), a = Trellis, b = neural-tangents (relative for
entries of magnitude above 1, absolute below). Each table cell is the maximum over the entries
of one matrix or vector.
"""

import argparse
import json
import math
import os
import subprocess
import sys

import numpy as np

import jax

jax.config.update("jax_enable_x64", True)

import neural_tangents as nt  # noqa: E402
from neural_tangents import stax  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Cases

SW2, SB2 = 1.7, 0.15
LEAKY_ALPHA = 0.1

# (name shown, trellis arguments, neural-tangents layer factory)
ACTIVATIONS = [
    ("relu", ["--phi", "relu"], lambda: stax.Relu()),
    ("erf", ["--phi", "erf"], lambda: stax.Erf()),
    ("abs", ["--phi", "abs"], lambda: stax.Abs()),
    (f"leaky_relu({LEAKY_ALPHA})", ["--phi", "leaky_relu", "--alpha", repr(LEAKY_ALPHA)],
     lambda: stax.LeakyRelu(LEAKY_ALPHA)),
    ("gelu", ["--phi", "gelu"], lambda: stax.Gelu(approximate=False)),
    ("sin", ["--phi", "sin"], lambda: stax.Sin()),
]
DEPTHS = [1, 3]

# Kernel inputs, d = 3, all of different norms: row 1 = 2 × row 0 (a parallel pair),
# row 4 = −row 2 (an antiparallel pair).
X = np.array([
    [1.0, 0.0, 0.5],
    [2.0, 0.0, 1.0],
    [0.3, -1.2, 0.7],
    [-0.5, 0.4, 2.0],
    [-0.3, 1.2, -0.7],
])
# Cross-kernel inputs: 3 × row 0 of X (parallel), −0.5 × row 3 (antiparallel), a generic one.
X2 = np.array([
    [3.0, 0.0, 1.5],
    [0.25, -0.2, -1.0],
    [1.1, 0.9, -0.4],
    [0.05, 0.1, 0.02],
])

# Predictions: 5 training inputs (one parallel pair), 3 test inputs (one parallel to a
# training input, one equal to a training input).
X_TRAIN = np.array([
    [1.0, 0.0, 0.5],
    [2.0, 0.0, 1.0],
    [0.3, -1.2, 0.7],
    [-0.5, 0.4, 2.0],
    [0.9, 0.8, -0.6],
])
Y_TRAIN = np.array([0.7, -0.3, 1.1, -1.4, 0.2])
X_TEST = np.array([
    [0.5, 0.0, 0.25],
    [0.3, -1.2, 0.7],
    [-1.0, 0.6, 0.1],
])
DIAG_REGS = [0.0, 1e-3, 1e-1]

# Extra kernel rows testing the first-layer convention (sw2_first, sb2_first ≠ sw2, sb2): gated
# like the main grid.
FIRST_LAYER_CASES = [
    # (label, activation index, depth, sw2, sb2, sw2_first, sb2_first)
    ("relu first 3/0.4", 0, 2, SW2, SB2, 3.0, 0.4),
    ("erf first 3/0.4", 1, 2, SW2, SB2, 3.0, 0.4),
    ("gelu first 3/0.4", 4, 2, SW2, SB2, 3.0, 0.4),
]

# Degenerate rows: sb2 = sb2_first = 0, so the (anti)parallel pairs of X and X2 keep correlation
# exactly ±1 through every layer, where the slope kernel of a kinked φ, (π − arccos c)/(2π), has
# infinite slope: a 1-ulp error in c moves Θ by ~√ε ≈ 1e-8. Both programs are compared with an
# exact (50-digit mpmath) reference, possible for the relu family; gated more loosely.
DEGENERATE_CASES = [
    # (label, activation index, depth, sw2, sb2, sw2_first, sb2_first)
    ("relu sb2=0 sw2_first=d", 0, 3, 2.0, 0.0, 3.0, 0.0),
    ("abs sb2=0", 2, 3, 2.0, 0.0, 2.0, 0.0),
    (f"leaky_relu({LEAKY_ALPHA}) sb2=0", 3, 3, 2.0, 0.0, 2.0, 0.0),
]
# φ = b·relu(x) − a·relu(−x) for the relu family, by activation index.
RELU_FAMILY = {0: (1.0, 0.0), 2: (1.0, -1.0), 3: (1.0, LEAKY_ALPHA)}


def exact_relu_family_kernels(ab, depth, sw2, sb2, sw2_first, sb2_first, x, x2=None):
    """NNGP and NTK of φ = b·relu(x) − a·relu(−x) to 50 digits, the inputs taken as exact binary
    numbers: arc-cosine kernels J(c) = √(q1q2)(sin θ + (π − θ)c)/(2π), P(u>0, v>0) = (π − θ)/(2π)."""
    from mpmath import mp, mpf, acos, sin, sqrt, pi
    mp.dps = 50
    b, a = mpf(ab[0]), mpf(ab[1])
    sw2, sb2, sw2_first, sb2_first = map(mpf, (sw2, sb2, sw2_first, sb2_first))
    x2 = x if x2 is None else x2
    d = x.shape[1]

    def dot(u, v):
        return sum(mpf(float(p)) * mpf(float(q)) for p, q in zip(u, v))

    def moments(q1, q2, k):
        c = k / sqrt(q1 * q2)
        c = min(max(c, mpf(-1)), mpf(1))
        theta = acos(c)
        scale = sqrt(q1 * q2) / (2 * pi)
        j_plus = scale * (sin(theta) + (pi - theta) * c)  # E[relu(u) relu(v)]
        j_minus = scale * (sin(theta) - theta * c)  # E[relu(u) relu(−v)] = J(−c)
        value = (a * a + b * b) * j_plus - 2 * a * b * j_minus
        slope = ((a * a + b * b) * (pi - theta) + 2 * a * b * theta) / (2 * pi)
        return value, slope

    nngp = np.zeros((x.shape[0], x2.shape[0]))
    ntk = np.zeros_like(nngp)
    for i, u in enumerate(x):
        for j, v in enumerate(x2):
            q1 = sw2_first * dot(u, u) / d + sb2_first
            q2 = sw2_first * dot(v, v) / d + sb2_first
            k = sw2_first * dot(u, v) / d + sb2_first
            t1, t2, t = q1, q2, k
            for _ in range(depth):
                value, slope = moments(q1, q2, k)
                value1, slope1 = moments(q1, q1, q1)
                value2, slope2 = moments(q2, q2, q2)
                k = sw2 * value + sb2
                t = k + sw2 * slope * t
                q1n, q2n = sw2 * value1 + sb2, sw2 * value2 + sb2
                t1, t2 = q1n + sw2 * slope1 * t1, q2n + sw2 * slope2 * t2
                q1, q2 = q1n, q2n
            nngp[i, j], ntk[i, j] = float(k), float(t)
    return nngp, ntk


def mat_json(a):
    return json.dumps([[float(v) for v in row] for row in np.asarray(a)])


def vec_json(a):
    return json.dumps([float(v) for v in np.asarray(a)])


def to_float(v):
    if v is None:
        return math.nan
    if isinstance(v, str):
        return {"inf": math.inf, "-inf": -math.inf}.get(v, math.nan)
    return float(v)


def to_array(v):
    if isinstance(v, list):
        return np.array([to_array(e) for e in v], dtype=float)
    return to_float(v)


def diff(a, b):
    """max |a − b| / max(1, |b|); NaN-aware (a NaN anywhere is reported as inf)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        return math.inf
    d = np.abs(a - b) / np.maximum(1.0, np.abs(b))
    if not np.all(np.isfinite(d)):
        return math.inf
    return float(d.max()) if d.size else 0.0


# ---------------------------------------------------------------------------------------------
# The two sides

class Trellis:
    def __init__(self, path, verbose):
        self.path = path
        self.verbose = verbose
        self.warnings = []

    def run(self, args):
        command = [self.path, "calc"] + args + ["--json"]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} exited {result.returncode}: {result.stderr.strip()}")
        if result.stderr.strip():
            self.warnings.append(f"{' '.join(args[:8])} …: {result.stderr.strip()}")
        if self.verbose:
            print("$", " ".join(command), file=sys.stderr)
        return json.loads(result.stdout)

    @staticmethod
    def network(act_args, depth, sw2, sb2, sw2_first=None, sb2_first=None):
        args = act_args + ["--depth", str(depth), "--sw2", repr(sw2), "--sb2", repr(sb2)]
        if sw2_first is not None:
            args += ["--sw2-first", repr(sw2_first)]
        if sb2_first is not None:
            args += ["--sb2-first", repr(sb2_first)]
        return args

    def kernel(self, net, x, x2=None):
        args = ["kernel"] + net + ["--x", mat_json(x)]
        if x2 is not None:
            args += ["--x2", mat_json(x2)]
        out = self.run(args)
        return to_array(out["nngp"]), to_array(out["ntk"])

    def predict(self, net, which, ridge):
        args = ["predict"] + net + [
            "--kernel", which, "--xtrain", mat_json(X_TRAIN), "--ytrain", vec_json(Y_TRAIN),
            "--xtest", mat_json(X_TEST), "--ridge", repr(ridge), "--ridge-relative"]
        out = self.run(args)
        return to_array(out["mean"]), to_array(out["cov"])


def nt_kernel_fn(phi_factory, depth, sw2, sb2, sw2_first=None, sb2_first=None):
    sw2_first = sw2 if sw2_first is None else sw2_first
    sb2_first = sb2 if sb2_first is None else sb2_first
    layers = [stax.Dense(1, W_std=math.sqrt(sw2_first), b_std=math.sqrt(sb2_first)), phi_factory()]
    for _ in range(depth - 1):
        layers += [stax.Dense(1, W_std=math.sqrt(sw2), b_std=math.sqrt(sb2)), phi_factory()]
    layers += [stax.Dense(1, W_std=math.sqrt(sw2), b_std=math.sqrt(sb2))]
    _, _, kernel_fn = stax.serial(*layers)
    return kernel_fn


def nt_kernels(kernel_fn, x, x2=None):
    k = kernel_fn(x, x2, ("nngp", "ntk"))
    return np.asarray(k.nngp, dtype=np.float64), np.asarray(k.ntk, dtype=np.float64)


def nt_predictions(kernel_fn, diag_reg):
    predict_fn = nt.predict.gradient_descent_mse_ensemble(
        kernel_fn, X_TRAIN, Y_TRAIN[:, None], diag_reg=diag_reg)
    out = predict_fn(t=None, x_test=X_TEST, get=("nngp", "ntk"), compute_cov=True)
    result = {}
    for g in ("nngp", "ntk"):
        gaussian = getattr(out, g)
        result[g] = (np.asarray(gaussian.mean, dtype=np.float64)[:, 0],
                     np.asarray(gaussian.covariance, dtype=np.float64))
    return result


# ---------------------------------------------------------------------------------------------
# Tables

def fmt(v):
    return "inf" if not math.isfinite(v) else f"{v:.2e}"


def print_table(title, header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    print(title)
    line = "  ".join(str(h).ljust(w) if i == 0 else str(h).rjust(w) for i, (h, w) in enumerate(zip(header, widths)))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trellis", required=True, help="path to the trellis binary")
    parser.add_argument("--threshold", type=float, default=1e-10,
                        help="largest allowed trellis–nt difference (default 1e-10)")
    parser.add_argument("--gelu-threshold", type=float, default=None,
                        help="largest allowed trellis–nt difference for gelu (default: --threshold)")
    parser.add_argument("--degenerate-threshold", type=float, default=1e-6,
                        help="largest allowed trellis–exact difference in the degenerate sb2 = 0 rows "
                             "(default 1e-6: catches a wrong convention, not the √ε effect)")
    parser.add_argument("-v", "--verbose", action="store_true", help="echo every trellis command")
    opts = parser.parse_args()
    gelu_threshold = opts.threshold if opts.gelu_threshold is None else opts.gelu_threshold
    trellis = Trellis(opts.trellis, opts.verbose)

    print(f"neural-tangents {nt.__version__}, jax {jax.__version__}, numpy {np.__version__}, "
          f"x64 {jax.config.jax_enable_x64}")
    print(f"sw2 = {SW2}, sb2 = {SB2}, leaky_relu alpha = {LEAKY_ALPHA}, d = {X.shape[1]}")
    print("difference of a to b = max over entries of |a − b| / max(1, |b|), b the reference "
          "(neural-tangents, or exact)")
    print(f"thresholds: trellis vs nt {opts.threshold:g} (gelu {gelu_threshold:g}); "
          f"degenerate rows, trellis vs exact {opts.degenerate_threshold:g}")
    print()

    failures = []
    overall = {"main": (0.0, ""), "degenerate": (0.0, "")}

    def record(label, value, limit, section="main"):
        if not value <= limit:
            failures.append(f"{label}: {fmt(value)} > {limit:g}")
        if not value <= overall[section][0]:
            overall[section] = (value, label)

    # Kernels.
    rows = []
    cases = [(name, i, depth, SW2, SB2, None, None)
             for i, (name, _, _) in enumerate(ACTIVATIONS) for depth in DEPTHS]
    cases += FIRST_LAYER_CASES
    scales = []
    for label, i, depth, sw2, sb2, sw2_first, sb2_first in cases:
        name, act_args, factory = ACTIVATIONS[i]
        limit = gelu_threshold if name.startswith("gelu") else opts.threshold
        net = Trellis.network(act_args, depth, sw2, sb2, sw2_first, sb2_first)
        kernel_fn = nt_kernel_fn(factory, depth, sw2, sb2, sw2_first, sb2_first)
        cells = []
        for x2 in (None, X2):
            t_nngp, t_ntk = trellis.kernel(net, X, x2)
            n_nngp, n_ntk = nt_kernels(kernel_fn, X, x2)
            scales.append(max(np.abs(n_nngp).max(), np.abs(n_ntk).max()))
            for quantity, a, b in (("K", t_nngp, n_nngp), ("Θ", t_ntk, n_ntk)):
                value = diff(a, b)
                which = "x,x" if x2 is None else "x,x2"
                record(f"kernel {label} depth {depth} {quantity}({which})", value, limit)
                cells.append(fmt(value))
        rows.append([label, depth] + cells)
    print_table(f"Kernels, trellis vs nt (sw2 = {SW2}, sb2 = {SB2} unless named; x: {len(X)} inputs of "
                f"unequal norms incl. a, 2a and b, −b; x2: {len(X2)} inputs incl. 3a)",
                ["activation", "depth", "K(x,x)", "Θ(x,x)", "K(x,x2)", "Θ(x,x2)"], rows)
    print(f"(largest kernel entry: {max(scales):.3g}; 'first A/B' rows: --sw2-first A --sb2-first B)")
    print()

    # Degenerate rows: correlation exactly ±1 (sb2 = 0), with an exact reference.
    rows = []
    evidence = []
    for label, i, depth, sw2, sb2, sw2_first, sb2_first in DEGENERATE_CASES:
        name, act_args, factory = ACTIVATIONS[i]
        net = Trellis.network(act_args, depth, sw2, sb2, sw2_first, sb2_first)
        kernel_fn = nt_kernel_fn(factory, depth, sw2, sb2, sw2_first, sb2_first)
        for x2 in (None, X2):
            which = "x,x" if x2 is None else "x,x2"
            trellis_k = trellis.kernel(net, X, x2)
            nt_k = nt_kernels(kernel_fn, X, x2)
            exact_k = exact_relu_family_kernels(RELU_FAMILY[i], depth, sw2, sb2, sw2_first, sb2_first, X, x2)
            for q, quantity in enumerate(("K", "Θ")):
                a, b, e = trellis_k[q], nt_k[q], exact_k[q]
                t_nt, t_exact, nt_exact = diff(a, b), diff(a, e), diff(b, e)
                record(f"degenerate kernel {label} depth {depth} {quantity}({which}) vs exact",
                       t_exact, opts.degenerate_threshold, "degenerate")
                rows.append([f"{label} depth {depth}", f"{quantity}({which})",
                             fmt(t_nt), fmt(t_exact), fmt(nt_exact)])
                bad = np.abs(a - e) / np.maximum(1, np.abs(e)) + np.abs(b - e) / np.maximum(1, np.abs(e))
                for r, c in zip(*np.nonzero(bad > 1e-12)):
                    if x2 is None and r > c:
                        continue
                    evidence.append(f"  {label} {quantity}(x[{r}], {'x' if x2 is None else 'x2'}[{c}]): "
                                    f"exact {float(e[r, c])!r}  trellis {float(a[r, c])!r}  nt {float(b[r, c])!r}")
    print_table("Degenerate kernels: sb2 = 0, (anti)parallel pairs at correlation exactly ±1 "
                "(x[1] = 2x[0], x[4] = −x[2], x2[0] = 3x[0], x2[1] = −x[3]/2)",
                ["case", "quantity", "trellis−nt", "trellis−exact", "nt−exact"], rows)
    if evidence:
        print("entries off the exact value by more than 1e-12 (either program):")
        print("\n".join(evidence))
        print()

    # Predictions.
    rows = []
    for name, act_args, factory in ACTIVATIONS:
        for depth in DEPTHS:
            net = Trellis.network(act_args, depth, SW2, SB2)
            kernel_fn = nt_kernel_fn(factory, depth, SW2, SB2)
            for diag_reg in DIAG_REGS:
                reference = nt_predictions(kernel_fn, diag_reg)
                cells = []
                for which in ("nngp", "ntk"):
                    mean, cov = trellis.predict(net, which, diag_reg)
                    n_mean, n_cov = reference[which]
                    for quantity, a, b in (("mean", mean, n_mean), ("cov", cov, n_cov)):
                        value = diff(a, b)
                        limit = gelu_threshold if name.startswith("gelu") else opts.threshold
                        record(f"predict {name} depth {depth} diag_reg {diag_reg:g} {which} {quantity}", value, limit)
                        cells.append(fmt(value))
                rows.append([name, depth, f"{diag_reg:g}"] + cells)
    print_table("Predictions, t = ∞ (gradient_descent_mse_ensemble vs trellis calc predict --ridge R --ridge-relative)",
                ["activation", "depth", "diag_reg", "NNGP mean", "NNGP cov", "NTK mean", "NTK cov"], rows)

    if trellis.warnings:
        print("trellis wrote on stderr:")
        for w in trellis.warnings:
            print("  " + w)
        print()

    print(f"overall maximum, trellis vs nt (kernels and predictions): {fmt(overall['main'][0])} ({overall['main'][1]})")
    print(f"overall maximum, degenerate rows, trellis vs exact: {fmt(overall['degenerate'][0])} ({overall['degenerate'][1]})")
    if failures:
        print(f"FAIL: {len(failures)} above threshold:")
        for f in failures:
            print("  " + f)
        return 1
    print("PASS: every difference within threshold")
    return 0


if __name__ == "__main__":
    sys.exit(main())

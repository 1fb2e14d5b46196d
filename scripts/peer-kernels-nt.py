#!/usr/bin/env python3
"""The peer for `trellis-bench kernels`: the same kernels and prediction with neural-tangents.

    .venv-nt/bin/python scripts/peer-kernels-nt.py DIR

DIR holds spec.json, written by trellis-bench, and the inputs it names (raw little-endian
float64, row-major). The peer writes its matrices into DIR (same format) and DIR/result.json.
Run it with the virtual environment of scripts/crosscheck-neural-tangents (neural-tangents
0.6.5, jax 0.4.30); jax runs on the CPU in float64 (jax_enable_x64).

The network is stax's NTK parameterisation, as in scripts/crosscheck_neural_tangents.py:

    stax.serial(*([Dense(1, W_std=√sw2, b_std=√sb2), φ] * depth), Dense(1, W_std=√sw2, b_std=√sb2))

with φ = stax.Relu() (closed form) or stax.ElementwiseNumerical(jnp.tanh, deg=D) (deg×deg
Gauss–Hermite quadrature per entry and layer; its derivative by jax autodiff).

Cases (spec["cases"], run in order):
- kind "kernel": kernel_fn(x, None, get=("nngp", "ntk")) with kernel_fn = jax.jit(kernel_fn,
  static_argnames="get"); or, when "batch" > 0, nt.batch(kernel_fn, batch_size, device_count=0),
  which jits kernel_fn itself and computes the n×n matrices in batch×batch blocks (the tanh
  quadrature holds a deg×deg×rows×columns array: 20 GB for one 500×500 call). A warm-up call
  (whole inputs, or one block when batched) compiles first; its time is reported as
  "first_ms". Then `runs` timed calls, each ended by jax.block_until_ready.
- kind "predict": nt.predict.gradient_descent_mse_ensemble(kernel_fn, x_train, y_train,
  diag_reg=R) and predict_fn(t=None, x_test=x_test, get="ntk", compute_cov=True), kernel_fn
  jitted as above. Each timed run builds the predictor afresh (its training-kernel cache
  included); one warm-up run first.

Only the computations are timed (time.perf_counter; time.process_time for the CPU of all
threads), not interpreter start-up, imports, reading inputs or writing outputs.
"""
import json
import math
import os
import resource
import sys
import time
import warnings


def read(directory, name, rows, columns):
    import numpy as np
    a = np.fromfile(os.path.join(directory, name), dtype="<f8")
    assert a.size == rows * columns, f"{name}: {a.size} values, expected {rows}×{columns}"
    return a.reshape(rows, columns)


def write(directory, name, array):
    import numpy as np
    np.ascontiguousarray(np.asarray(array, dtype="<f8")).tofile(os.path.join(directory, name))


def network(stax, activation, depth, sw2, sb2, deg):
    import jax.numpy as jnp
    if activation == "relu":
        phi = stax.Relu
    elif activation == "tanh":
        def phi():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "Numerical Activation Layer … used!"
                return stax.ElementwiseNumerical(jnp.tanh, deg=deg)
    else:
        raise ValueError(f"unknown activation {activation}")
    w, b = math.sqrt(sw2), math.sqrt(sb2)
    layers = []
    for _ in range(depth):
        layers += [stax.Dense(1, W_std=w, b_std=b), phi()]
    layers += [stax.Dense(1, W_std=w, b_std=b)]
    _, _, kernel_fn = stax.serial(*layers)
    return kernel_fn


def timed(body):
    wall, cpu = time.perf_counter(), time.process_time()
    result = body()
    return result, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def kernel_case(case, directory, jax, nt, stax):
    kernel_fn = network(stax, case["activation"], case["depth"], case["sw2"], case["sb2"], case.get("deg", 101))
    x = read(directory, case["x"], case["n"], case["d"])
    batch = case.get("batch", 0)
    if batch:
        fn = nt.batch(kernel_fn, batch_size=batch, device_count=0)
        # One block compiles the jitted kernel_fn that every block then reuses.
        warm = lambda: jax.block_until_ready(fn(x[:batch], x[batch:2 * batch] if case["n"] >= 2 * batch else None,
                                                get=("nngp", "ntk")))
    else:
        fn = jax.jit(kernel_fn, static_argnames="get")
        warm = lambda: jax.block_until_ready(fn(x, None, get=("nngp", "ntk")))
    _, first, first_cpu = timed(warm)
    times, cpus = [], []
    result = None
    for _ in range(case["runs"]):
        result, ms, cpu = timed(lambda: jax.block_until_ready(fn(x, None, get=("nngp", "ntk"))))
        times.append(ms)
        cpus.append(cpu)
    write(directory, case["out_nngp"], result.nngp)
    write(directory, case["out_ntk"], result.ntk)
    return {"first_ms": first, "first_cpu_ms": first_cpu, "times_ms": times, "cpu_ms": cpus,
            "batch": batch}


def predict_case(case, directory, jax, nt, stax):
    import numpy as np
    kernel_fn = jax.jit(network(stax, case["activation"], case["depth"], case["sw2"], case["sb2"], 0),
                        static_argnames="get")
    d = case["d"]
    x_train = read(directory, case["x_train"], case["n_train"], d)
    y_train = read(directory, case["y_train"], case["n_train"], 1)
    x_test = read(directory, case["x_test"], case["n_test"], d)

    def run():
        predict_fn = nt.predict.gradient_descent_mse_ensemble(kernel_fn, x_train, y_train,
                                                              diag_reg=case["diag_reg"])
        out = predict_fn(t=None, x_test=x_test, get="ntk", compute_cov=True)
        return jax.block_until_ready(out)

    _, first, first_cpu = timed(run)
    times, cpus = [], []
    out = None
    for _ in range(case["runs"]):
        out, ms, cpu = timed(run)
        times.append(ms)
        cpus.append(cpu)
    write(directory, case["out_mean"], np.asarray(out.mean)[:, 0])
    write(directory, case["out_cov"], out.covariance)
    return {"first_ms": first, "first_cpu_ms": first_cpu, "times_ms": times, "cpu_ms": cpus}


def main():
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    directory = sys.argv[1]
    with open(os.path.join(directory, "spec.json")) as f:
        spec = json.load(f)

    # TensorFlow (imported by neural-tangents) logs CUDA stubs through absl before any log
    # level applies: keep stderr closed during the imports (a failed import still reports).
    sys.stderr.flush()
    saved = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    try:
        import jax
        jax.config.update("jax_enable_x64", True)
        import neural_tangents as nt
        from neural_tangents import stax
    finally:
        os.dup2(saved, 2)
        os.close(null)
        os.close(saved)

    result = {"neural_tangents": nt.__version__, "jax": jax.__version__,
              "backend": jax.default_backend(), "devices": len(jax.devices()),
              "x64": bool(jax.config.jax_enable_x64), "cases": {}}
    for case in spec["cases"]:
        print(f"peer: {case['name']} …", file=sys.stderr, flush=True)
        if case["kind"] == "kernel":
            out = kernel_case(case, directory, jax, nt, stax)
        else:
            out = predict_case(case, directory, jax, nt, stax)
        out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result["cases"][case["name"]] = out
        with open(os.path.join(directory, "result.json"), "w") as f:
            json.dump(result, f)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The peer for `trellis-bench meanfield`: a tanh phase grid (q*, chi1, phase) the usual NumPy way.

    python3 scripts/peer-meanfield-numpy.py OUT.json [--n 200] [--runs 5]
        [--sw2 0.5 4] [--sb2 0 4] [--q0 1] [--tol 1e-8] [--step-tol 1e-12] [--cap 1000]

Method (Poole et al. / Schoenholz et al. style):
- Expectations E[f(sqrt(q) z)] by 101-node probabilists' Gauss-Hermite
  (numpy.polynomial.hermite_e.hermegauss(101)), weights divided by sqrt(2 pi) so they sum to 1.
- q*: vectorised fixed-point iteration of the length map q <- sw2 * E[tanh(sqrt(q) z)^2] + sb2
  from q0 = 1 at every grid point at once. A point stops (is masked out) when its step is
  |q_new - q| <= step_tol * q_new (default 1e-12); every point stops after `cap` iterations
  (default 1000). Points whose q* is 0 (sb2 = 0, sw2 <= 1) never meet the relative test and run
  to the cap. Masking keeps the cost proportional to the points still moving (without it the
  whole grid would take all 1000 iterations, because of those points).
- chi1 = sw2 * E[(1 - tanh(sqrt(q*) z)^2)^2]; phase: ordered if chi1 < 1 - tol, chaotic if
  chi1 > 1 + tol, else critical.

Only the computation is timed (time.perf_counter, and time.process_time for CPU, around the
node set-up, the iteration and chi1; not interpreter start-up, imports or writing the output),
over `runs` runs. The JSON holds the timings (ms), the axes, qstar[i][j] and chi1[i][j] at
(sw2[j], sb2[i]) (the same layout as SignalProp's PhaseGrid), the phase counts and the
iterations each point took.
"""
import argparse
import json
import time

import numpy as np
from numpy.polynomial.hermite_e import hermegauss


def compute(sw2_axis, sb2_axis, q0, tol, step_tol, cap, nodes=101):
    z, w = hermegauss(nodes)
    w = w / np.sqrt(2 * np.pi)
    sw2, sb2 = np.meshgrid(sw2_axis, sb2_axis)  # [i][j] = (sw2[j], sb2[i])
    sw2, sb2 = sw2.ravel(), sb2.ravel()
    q = np.full(sw2.shape, float(q0))
    iterations = np.full(sw2.shape, cap, dtype=np.int64)
    active = np.arange(q.size)
    for k in range(1, cap + 1):
        qa = q[active]
        new = sw2[active] * (np.tanh(np.sqrt(qa)[:, None] * z) ** 2 @ w) + sb2[active]
        q[active] = new
        done = np.abs(new - qa) <= step_tol * new
        iterations[active[done]] = k
        active = active[~done]
        if active.size == 0:
            break
    slope = 1 - np.tanh(np.sqrt(q)[:, None] * z) ** 2
    chi1 = sw2 * (slope ** 2 @ w)
    phase = np.where(chi1 < 1 - tol, 0, np.where(chi1 > 1 + tol, 2, 1))
    shape = (len(sb2_axis), len(sw2_axis))
    return q.reshape(shape), chi1.reshape(shape), phase.reshape(shape), iterations.reshape(shape)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="where to write the JSON")
    parser.add_argument("--n", type=int, default=200, help="points per axis")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sw2", type=float, nargs=2, default=[0.5, 4.0])
    parser.add_argument("--sb2", type=float, nargs=2, default=[0.0, 4.0])
    parser.add_argument("--q0", type=float, default=1.0)
    parser.add_argument("--tol", type=float, default=1e-8)
    parser.add_argument("--step-tol", type=float, default=1e-12)
    parser.add_argument("--cap", type=int, default=1000)
    args = parser.parse_args()

    sw2_axis = np.linspace(args.sw2[0], args.sw2[1], args.n)
    sb2_axis = np.linspace(args.sb2[0], args.sb2[1], args.n)
    times, cpu = [], []
    for _ in range(args.runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        q, chi1, phase, iterations = compute(sw2_axis, sb2_axis, args.q0, args.tol, args.step_tol, args.cap)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - cpu_start) * 1000)

    with open(args.out, "w") as f:
        json.dump({
            "method": f"hermegauss(101), masked fixed-point iteration from q0={args.q0}, "
                      f"step tol {args.step_tol} (relative), cap {args.cap}",
            "numpy": np.__version__,
            "times_ms": times,
            "cpu_ms": cpu,
            "sw2": sw2_axis.tolist(),
            "sb2": sb2_axis.tolist(),
            "cap": args.cap,
            "phase_counts": {name: int((phase == code).sum()) for code, name in
                             enumerate(["ordered", "critical", "chaotic"])},
            "qstar": q.tolist(),
            "chi1": chi1.tolist(),
            "iterations": iterations.tolist(),
        }, f)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The MLP benchmark gradient written by hand in numpy: forward pass and manual backward pass, FP64.

Same problem as org.neuromanifold.bench.mlp.MlpBenchData (the generator is ported below): a ReLU MLP
784-64-64-64-10 with biases, mean softmax cross-entropy, batch 128. It prints the loss, |dL/dW0|_1,
||grad||_2 and <grad, theta> (to be compared with the Java reference) and then times the gradient
with the methodology of docs/perf-baselines.md: warm-up, then samples of at least --sample-ms each;
for every sample it reads /proc/stat and its own CPU time, and a sample is "clean" when other
processes used less than --max-others cores during it. It reports the clean median, the best
sample, kept/total and the mean load of other processes.

The number of BLAS threads must be fixed before numpy is imported, so --threads sets
OPENBLAS_NUM_THREADS (and OMP_NUM_THREADS, MKL_NUM_THREADS) and then imports numpy.

Usage: mlp_numpy.py --threads N [--warmup-s 5] [--samples 30] [--sample-ms 500] [--json out.json]
"""
import argparse
import json
import math
import os
import statistics
import sys
import tempfile
import time

WIDTHS = [784, 64, 64, 64, 10]
BATCH = 128
CLASSES = 10
BIAS_SCALE = 0.1
TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--threads", type=int, required=True, help="BLAS threads (OPENBLAS_NUM_THREADS)")
    p.add_argument("--warmup-s", type=float, default=5.0, help="warm-up seconds (default 5)")
    p.add_argument("--samples", type=int, default=30, help="number of timed samples (default 30)")
    p.add_argument("--sample-ms", type=float, default=500.0, help="minimum length of a sample in ms (default 500)")
    p.add_argument("--max-others", type=float, default=0.15,
                   help="a sample is clean when other processes used fewer cores than this (default 0.15)")
    p.add_argument("--json", help="also write the result as JSON to this file")
    p.add_argument("--check-only", action="store_true", help="print the check values and exit")
    p.add_argument("--lock", default=os.path.join(tempfile.gettempdir(), "jmh.lock"),
                   help="hold this file lock while timing (default: JMH's own lock, so that no JMH run "
                        "on this machine overlaps the numpy samples; waits while one runs); '' for none")
    a = p.parse_args()
    if a.threads < 1:
        p.error("--threads: expected a positive number of threads, got %d" % a.threads)
    return a


ARGS = parse_args()
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(ARGS.threads)
import numpy as np  # noqa: E402  (after the thread count is fixed)


def value(k, seed, scale):
    """The generator of MlpBenchData.value: scale * (2 frac(sin(k*12.9898+seed)*43758.5453) - 1)."""
    t = math.sin(k * 12.9898 + seed) * 43758.5453
    return scale * (2.0 * (t - math.floor(t)) - 1.0)


def tensor(length, seed, scale):
    return np.array([value(k, seed, scale) for k in range(length)], dtype=np.float64)


def make_data():
    """Tensor index = seed: X (0), then W_t (2t+1, out x in, scale sqrt(6/in)) and b_t (2t+2, scale 0.1)."""
    x = tensor(BATCH * WIDTHS[0], 0, 1.0).reshape(BATCH, WIDTHS[0])
    weights, biases = [], []
    for t in range(len(WIDTHS) - 1):
        fan_in, fan_out = WIDTHS[t], WIDTHS[t + 1]
        weights.append(tensor(fan_out * fan_in, 2 * t + 1, math.sqrt(6.0 / fan_in)).reshape(fan_out, fan_in))
        biases.append(tensor(fan_out, 2 * t + 2, BIAS_SCALE))
    labels = np.array([(i * 7) % CLASSES for i in range(BATCH)])
    one_hot = np.zeros((BATCH, CLASSES))
    one_hot[np.arange(BATCH), labels] = 1.0
    return x, weights, biases, one_hot


def gradient(x, weights, biases, one_hot):
    """Forward with z = h W^T + b, ReLU on hidden layers; backward by hand. Returns (loss, dWs, dbs)."""
    hs = [x]
    zs = []
    h = x
    last = len(weights) - 1
    for t, (w, b) in enumerate(zip(weights, biases)):
        z = h @ w.T + b
        zs.append(z)
        if t < last:
            h = np.maximum(z, 0.0)
            hs.append(h)
    logits = zs[-1]
    m = logits.max(axis=1, keepdims=True)
    shifted = logits - m
    e = np.exp(shifted)
    s = e.sum(axis=1, keepdims=True)
    log_softmax = shifted - np.log(s)
    loss = -np.sum(log_softmax * one_hot) / BATCH
    delta = (e / s - one_hot) / BATCH
    d_ws = [None] * len(weights)
    d_bs = [None] * len(weights)
    for t in range(last, -1, -1):
        d_ws[t] = delta.T @ hs[t]
        d_bs[t] = delta.sum(axis=0)
        if t > 0:
            delta = (delta @ weights[t]) * (zs[t - 1] > 0)
    return loss, d_ws, d_bs


def summary(loss, d_ws, d_bs, weights, biases):
    grads = [g for pair in zip(d_ws, d_bs) for g in pair]
    params = [p for pair in zip(weights, biases) for p in pair]
    return {
        "loss": float(loss),
        "firstLayerWeightL1": float(np.abs(d_ws[0]).sum()),
        "gradientL2": float(math.sqrt(sum(float(np.sum(g * g)) for g in grads))),
        "gradientDotTheta": float(sum(float(np.sum(g * p)) for g, p in zip(grads, params))),
    }


def blas_threads():
    """The thread count scipy-openblas reports, or None if its library cannot be found."""
    try:
        import ctypes
        with open("/proc/self/maps") as f:
            libs = {line.split()[-1] for line in f if "openblas" in line.lower() and line.strip().endswith(".so")}
        for lib in libs:
            handle = ctypes.CDLL(lib)
            for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads"):
                if hasattr(handle, name):
                    return int(getattr(handle, name)())
    except OSError:
        pass
    return None


def cpu_counters():
    """(busy ticks of all CPUs, own CPU seconds, wall seconds); busy = user+nice+system+irq+softirq."""
    with open("/proc/stat") as f:
        fields = f.readline().split()
    busy = sum(int(fields[i]) for i in (1, 2, 3, 6, 7))
    return busy, time.process_time(), time.perf_counter()


def hold_benchmark_lock(path):
    """Takes the exclusive fcntl lock JMH takes (FileChannel.tryLock), waiting while another run holds it."""
    if not path:
        return None
    import fcntl
    f = open(path, "a")
    try:
        fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        print("mlp_numpy.py: waiting for %s (another benchmark is running)" % path, flush=True)
        fcntl.lockf(f, fcntl.LOCK_EX)
    return f  # the lock lasts as long as the file stays open


def measure(x, weights, biases, one_hot):
    deadline = time.perf_counter() + ARGS.warmup_s
    while time.perf_counter() < deadline:
        gradient(x, weights, biases, one_hot)
    samples = []
    for _ in range(ARGS.samples):
        busy0, own0, wall0 = cpu_counters()
        count = 0
        end = wall0 + ARGS.sample_ms / 1000.0
        while True:
            gradient(x, weights, biases, one_hot)
            count += 1
            now = time.perf_counter()
            if now >= end:
                break
        busy1, own1, wall1 = cpu_counters()
        wall = wall1 - wall0
        others = max(0.0, ((busy1 - busy0) / TICKS_PER_SECOND - (own1 - own0)) / wall)
        samples.append({"us": (now - wall0) * 1e6 / count, "others": others, "own": (own1 - own0) / wall})
    return samples


def main():
    x, weights, biases, one_hot = make_data()
    loss, d_ws, d_bs = gradient(x, weights, biases, one_hot)
    check = summary(loss, d_ws, d_bs, weights, biases)
    for key, v in check.items():
        print("%s=%r" % (key, v))
    result = {"engine": "numpy (manual backward)", "threads": ARGS.threads, "blasThreads": blas_threads(),
              "numpy": np.__version__, "check": check}
    if not ARGS.check_only:
        if result["blasThreads"] is not None and result["blasThreads"] != ARGS.threads:
            sys.exit("mlp_numpy.py: asked for %d BLAS threads but OpenBLAS reports %d"
                     % (ARGS.threads, result["blasThreads"]))
        lock = hold_benchmark_lock(ARGS.lock)
        samples = measure(x, weights, biases, one_hot)
        if lock is not None:
            lock.close()
        clean = [s["us"] for s in samples if s["others"] < ARGS.max_others]
        result["samples"] = samples
        result["maxOthers"] = ARGS.max_others
        print("numpy threads=%d: clean median %s us, best %.1f us, kept %d/%d, load of others %.2f cores"
              % (ARGS.threads, "%.1f" % statistics.median(clean) if clean else "n/a",
                 min(s["us"] for s in samples), len(clean), len(samples),
                 statistics.mean(s["others"] for s in samples)))
    if ARGS.json:
        with open(ARGS.json, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()

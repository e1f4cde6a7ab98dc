#!/usr/bin/env python3
"""numpy/OpenBLAS DGEMM (C = A @ B, n x n, float64) at the sizes of GemmBenchmark, on 1 and 2 threads.

Each sample is a loop of matmuls lasting at least --sample seconds. Around every sample the script
reads /proc/stat (machine busy jiffies) and its own CPU time, and computes how many cores OTHER
processes used meanwhile. A sample is kept when that load is below --quiet-2t cores for multi-threaded
runs and below --quiet-1t for one thread (one free core suffices). Reported per size and thread count:
clean median and best GFLOP/s (2 n^3 / t), kept/total samples, and the mean load of the kept samples
(of all samples when none was kept; the median is then marked unfiltered).

The thread count is fixed per child process through OPENBLAS_NUM_THREADS (read when numpy loads).
OpenBLAS picks its kernels from the CPU it detects (numpy's build is DYNAMIC_ARCH) unless the
environment overrides it. By default ("auto") the children run with every OPENBLAS_* variable of the
caller removed except the thread count, so OpenBLAS uses its own best choice (an environment that sets
OPENBLAS_CORETYPE=Haswell on an AVX-512 CPU, say, would otherwise measure its AVX2 kernels). The kernel
family actually used is recorded. --coretypes auto,Haswell,... measures forced variants as well.

    python3 bench/scripts/gemm_numpy.py --sizes 64,128,256,512,1024 --threads 1,2 --json out.json
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def machine_busy():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal
    return v[0] + v[1] + v[2] + v[5] + v[6] + v[7]


def own_cpu():
    t = os.times()
    return (t.user + t.system) * HZ


def measure(n, sample, samples, warmup):
    import numpy as np

    rng = np.random.default_rng(n)
    a = rng.standard_normal((n, n))
    b = rng.standard_normal((n, n))
    c = np.empty((n, n))
    flops = 2.0 * n ** 3
    t0 = time.perf_counter()
    reps = 1
    while time.perf_counter() - t0 < warmup:
        np.matmul(a, b, out=c)
    # calibrate the loop length to about `sample` seconds
    while True:
        s = time.perf_counter()
        for _ in range(reps):
            np.matmul(a, b, out=c)
        if time.perf_counter() - s >= sample / 4:
            break
        reps *= 2
    reps = max(1, int(reps * sample / max(time.perf_counter() - s, 1e-9)))
    out = []
    for _ in range(samples):
        busy0, own0, w0 = machine_busy(), own_cpu(), time.perf_counter()
        for _ in range(reps):
            np.matmul(a, b, out=c)
        wall = time.perf_counter() - w0
        busy, own = machine_busy() - busy0, own_cpu() - own0
        others = max(0.0, (busy - own) / HZ / wall)
        out.append({"gflops": flops * reps / wall / 1e9, "load": others})
    return out


def summarize(raw, threads, quiet1, quiet2):
    limit = quiet1 if threads == 1 else quiet2
    kept = [s for s in raw if s["load"] < limit]
    pool = kept if kept else raw
    return {
        "median": statistics.median(s["gflops"] for s in pool),
        "best": max(s["gflops"] for s in pool),
        "kept": len(kept),
        "total": len(raw),
        "load": statistics.mean(s["load"] for s in pool),
        "filtered": bool(kept),
        "limit": limit,
    }


def corename():
    """The kernel family OpenBLAS runs (scipy-openblas exports its name), or '?'."""
    try:
        import ctypes
        import glob
        import numpy as np

        base = os.path.dirname(np.__file__)
        for lib in glob.glob(base + "/../numpy.libs/*openblas*") + glob.glob(base + "/.libs/*openblas*"):
            so = ctypes.CDLL(lib)
            for name in ("scipy_openblas_get_corename64_", "openblas_get_corename64_", "openblas_get_corename"):
                if hasattr(so, name):
                    f = getattr(so, name)
                    f.restype = ctypes.c_char_p
                    return f().decode()
    except OSError:
        pass
    return "?"


def child(args):
    import numpy as np  # noqa: F401  (loads OpenBLAS with the thread count from the environment)

    res = {"core": corename()}
    for n in args.sizes:
        res[n] = measure(n, args.sample, args.samples, args.warmup)
    json.dump(res, sys.stdout)




def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="64,128,256,512,1024")
    p.add_argument("--threads", default="1,2")
    p.add_argument("--sample", type=float, default=0.25, help="seconds per sample")
    p.add_argument("--samples", type=int, default=15)
    p.add_argument("--warmup", type=float, default=0.5, help="seconds of warm-up per size")
    p.add_argument("--quiet-1t", type=float, default=0.85, dest="quiet1")
    p.add_argument("--quiet-2t", type=float, default=0.15, dest="quiet2")
    p.add_argument("--coretypes", default="auto",
                   help="comma list of OPENBLAS_CORETYPE values; 'auto' lets OpenBLAS choose (default)")
    p.add_argument("--json", help="write the summary here")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    args.sizes = [int(s) for s in str(args.sizes).split(",")]
    if args.child:
        child(args)
        return
    summary = []
    for coretype in args.coretypes.split(","):
        for t in [int(x) for x in args.threads.split(",")]:
            env = {k: v for k, v in os.environ.items() if not k.startswith("OPENBLAS_")}
            env.update(OPENBLAS_NUM_THREADS=str(t), OMP_NUM_THREADS=str(t))
            if coretype != "auto":
                env["OPENBLAS_CORETYPE"] = coretype
            cmd = [sys.executable, os.path.abspath(__file__), "--child", "--sizes", ",".join(map(str, args.sizes)),
                   "--sample", str(args.sample), "--samples", str(args.samples), "--warmup", str(args.warmup)]
            raw = json.loads(subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout)
            for n in args.sizes:
                s = summarize(raw[str(n)], t, args.quiet1, args.quiet2)
                s.update(n=n, threads=t, coretype=coretype, core=raw["core"])
                summary.append(s)
                print(f"numpy/OpenBLAS[{coretype} -> {raw['core']}] n={n:5d} threads={t}: median "
                      f"{s['median']:6.1f} GFLOP/s, best {s['best']:6.1f}, kept {s['kept']}/{s['total']} "
                      f"(others < {s['limit']} cores), load {s['load']:.2f}"
                      + ("" if s["filtered"] else "  [UNFILTERED: no quiet sample]"), flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=1)


if __name__ == "__main__":
    main()

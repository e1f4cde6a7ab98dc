#!/usr/bin/env python3
"""Merges the JMH results (GemmBenchmark, ScalarGemmBenchmark, TinyGemmBenchmark, recorded with
OtherProcessLoadProfiler) and the numpy/OpenBLAS summary (gemm_numpy.py --json) into one table.

JMH iterations are filtered exactly like the numpy samples: an iteration is kept when other processes
used fewer than --quiet-2t cores (multi-threaded runs) or --quiet-1t cores (one thread) during it.
GFLOP/s = 2 n^3 / t; the ratio compares clean medians.

    python3 bench/scripts/gemm_table.py --numpy numpy.json jmh.json [jmh-extra.json]
"""
import argparse
import json
import statistics


def jmh_rows(path, quiet1, quiet2):
    with open(path) as f:
        runs = json.load(f)
    rows = {}
    extra = []
    for r in runs:
        name = r["benchmark"].rsplit(".", 2)
        cls, method = name[-2], name[-1]
        params = r.get("params", {})
        unit = r["primaryMetric"]["scoreUnit"]
        times = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        load_metric = r.get("secondaryMetrics", {}).get("load.others")
        loads = [x for fork in load_metric["rawData"] for x in fork] if load_metric else [float("nan")] * len(times)
        threads = int(params.get("threads", 1))
        limit = quiet1 if threads == 1 else quiet2
        kept = [(t, l) for t, l in zip(times, loads) if l < limit]
        pool = kept if kept else list(zip(times, loads))
        to_seconds = {"us/op": 1e-6, "ns/op": 1e-9, "ms/op": 1e-3, "s/op": 1.0}[unit]
        med_t = statistics.median(t for t, _ in pool)
        best_t = min(t for t, _ in pool)
        load = statistics.mean(l for _, l in pool)
        stat = {"kept": len(kept), "total": len(times), "load": load, "filtered": bool(kept), "limit": limit}
        if "n" in params:
            n = int(params["n"])
            flops = 2.0 * n ** 3
            stat.update(median=flops / (med_t * to_seconds) / 1e9, best=flops / (best_t * to_seconds) / 1e9)
            rows[(cls, n, threads)] = stat
        else:
            stat.update(median_ns=med_t * to_seconds * 1e9, best_ns=best_t * to_seconds * 1e9)
            extra.append((cls + "." + method, stat))
    return rows, extra


def fmt(s):
    if s is None:
        return "-"
    flag = "" if s["filtered"] else " UNFILTERED"
    return f"{s['median']:6.1f} (best {s['best']:6.1f}, {s['kept']:2d}/{s['total']:2d}, load {s['load']:.2f}{flag})"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("jmh", nargs="+", help="JMH JSON result files")
    p.add_argument("--numpy", required=True, help="summary written by gemm_numpy.py --json")
    p.add_argument("--quiet-1t", type=float, default=0.85, dest="quiet1")
    p.add_argument("--quiet-2t", type=float, default=0.15, dest="quiet2")
    a = p.parse_args()
    ours, extra = {}, []
    for path in a.jmh:
        rows, more = jmh_rows(path, a.quiet1, a.quiet2)
        ours.update(rows)
        extra += more
    with open(a.numpy) as f:
        entries = json.load(f)
    cores = []
    for s in entries:
        label = s["coretype"] if s["coretype"] == s["core"] else f"{s['coretype']}={s['core']}"
        if label not in cores:
            cores.append(label)
        s["label"] = label
    blas = {(int(s["n"]), int(s["threads"]), s["label"]): s for s in entries}
    keys = sorted({(n, t) for (c, n, t) in ours if c == "GemmBenchmark"} | {(n, t) for (n, t, _) in blas})
    print()
    print("DGEMM C = A·B, n×n, GFLOP/s = 2n³/t: clean median (best, kept/total samples, mean load of other "
          f"processes in cores; kept when load < {a.quiet1} for 1 thread, < {a.quiet2} for 2).")
    print("OpenBLAS: numpy's OpenBLAS, kernels chosen by OpenBLAS itself (auto=<family used>) or forced by "
          "OPENBLAS_CORETYPE; ratio = ours / the fastest OpenBLAS median.")
    header = f"{'n':>5} {'thr':>3}  {'ours (Vector API)':<46}"
    for c in cores:
        header += f" {'OpenBLAS ' + c:<46}"
    print(header + f" {'ratio':>6}")
    for n, t in keys:
        o = ours.get(("GemmBenchmark", n, t))
        line = f"{n:5d} {t:3d}  {fmt(o):<46}"
        best = None
        for c in cores:
            b = blas.get((n, t, c))
            line += f" {fmt(b):<46}"
            if b and (best is None or b["median"] > best["median"]):
                best = b
        ratio = f"{o['median'] / best['median']:6.2f}" if o and best else "     -"
        if o and best and not (o["filtered"] and best["filtered"]):
            ratio += " (unreliable: a side has no quiet sample)"
        print(line + f" {ratio}")
    scal = sorted((n, s) for (c, n, t), s in ours.items() if c == "ScalarGemmBenchmark")
    for n, s in scal:
        print(f"{n:5d} {1:3d}  scalar twin: {fmt(s)}")
    for name, s in extra:
        flag = "" if s["filtered"] else " UNFILTERED"
        print(f"{name}: {s['median_ns']:.1f} ns/op median (best {s['best_ns']:.1f}, "
              f"{s['kept']}/{s['total']}, load {s['load']:.2f}{flag})")


if __name__ == "__main__":
    main()

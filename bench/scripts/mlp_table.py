#!/usr/bin/env python3
"""Builds the MLP-gradient table of bench/run-mlp.sh from the results of one run.

Inputs: the Java reference summary (key=value lines of MlpReferenceMain), the JSON files written by
mlp_numpy.py, and JMH JSON result files run with OtherProcessLoadProfiler (secondary metrics
load.others and load.own per iteration). For every engine and thread count it keeps the samples
during which other processes used fewer than --max-others cores (--max-others-1t for 1-thread rows,
which leave the second core free) and prints the clean median, the
best sample, kept/total, the mean load of other processes, the engine's own CPU use, and the ratio
of the median to numpy's at the same thread count. It also checks numpy's loss and gradient norms
against the Java reference (the JVM engines check themselves before they are timed) and exits with
status 1 if they disagree. Samples of the same engine and thread count from several files (rounds
of the run) are pooled.
"""
import argparse
import json
import statistics
import sys

TOLERANCE = 1e-9
ENGINE_NAMES = {
    "DjlMlpGradientBenchmark": "DJL 0.35.1 + PyTorch 2.7.1",
    "TensorflowMlpGradientBenchmark": "TF-Java 1.1.0 (TF 2.18), graph",
    "Nd4jMlpGradientBenchmark": "ND4J SameDiff 1.0.0-M2.1",
    "MlpGradientBenchmark.gradient": "Neuromanifold",
    "MlpGradientBenchmark.hessianVectorProduct": "Neuromanifold HVP (not a gradient)",
}


def read_reference(path):
    values = {}
    with open(path) as f:
        for line in f:
            if "=" in line:
                key, value = line.strip().split("=", 1)
                values[key] = float(value)
    return values


def check_numpy(reference, check, threads):
    problems = []
    scales = {"loss": abs(reference["loss"]), "firstLayerWeightL1": abs(reference["firstLayerWeightL1"]),
              "gradientL2": abs(reference["gradientL2"]),
              "gradientDotTheta": reference["gradientL2"] * reference["thetaL2"]}
    for key, scale in scales.items():
        error = abs(check[key] - reference[key]) / scale
        if not error <= TOLERANCE:
            problems.append("%s = %.15g, Java reference %.15g (relative error %.2e)"
                            % (key, check[key], reference[key], error))
    if problems:
        print("numpy (threads=%d) does not reproduce the Java reference gradient:\n  %s"
              % (threads, "\n  ".join(problems)), file=sys.stderr)
    return not problems


def threshold(threads, max_others, max_others_1t):
    """Other processes may use the core a 1-thread engine leaves free (baselines page: < 0.85 cores)."""
    return max_others_1t if threads == 1 else max_others


def row(engine, threads, samples, max_others):
    """samples: list of (microseconds, others, own); max_others: the clean threshold for this row."""
    clean = [s for s in samples if s[1] < max_others]
    chosen = clean if clean else samples
    return {
        "engine": engine, "threads": threads,
        "median": statistics.median(s[0] for s in chosen), "clean": bool(clean),
        "best": min(s[0] for s in samples), "kept": len(clean), "total": len(samples),
        "others": statistics.mean(s[1] for s in chosen), "own": statistics.mean(s[2] for s in chosen),
        "threshold": max_others,
    }


def jmh_samples(path):
    """Yields (engine, threads, samples) for every benchmark in a JMH JSON result file."""
    with open(path) as f:
        results = json.load(f)
    for result in results:
        params = dict(result.get("params", {}))
        threads = int(params.pop("threads", "0"))
        cls, method = result["benchmark"].rsplit(".", 2)[-2:]
        engine = ENGINE_NAMES.get(cls + "." + method, ENGINE_NAMES.get(cls, cls + "." + method))
        if params:
            engine += " [" + ", ".join("%s=%s" % kv for kv in sorted(params.items())) + "]"
        unit = result["primaryMetric"]["scoreUnit"]
        if unit != "us/op":
            sys.exit("%s: expected scores in us/op, got %s (run with -tu us and -bm avgt)" % (path, unit))
        secondary = result.get("secondaryMetrics", {})
        if "load.others" not in secondary:
            sys.exit("%s: no load.others metric; run JMH with -prof org.neuromanifold.bench.mlp.OtherProcessLoadProfiler"
                     % path)
        samples = []
        for fork, scores in enumerate(result["primaryMetric"]["rawData"]):
            others = secondary["load.others"]["rawData"][fork]
            own = secondary["load.own"]["rawData"][fork]
            samples.extend(zip(scores, others, own))
        yield engine, threads, samples


def numpy_samples(path):
    """(engine, threads, samples, check values) from a JSON file of mlp_numpy.py."""
    with open(path) as f:
        result = json.load(f)
    samples = [(s["us"], s["others"], s["own"]) for s in result["samples"]]
    return "numpy %s, manual backward (not JVM)" % result["numpy"], result["threads"], samples, result["check"]


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--reference", required=True)
    p.add_argument("--numpy", nargs="*", default=[])
    p.add_argument("--jmh", nargs="*", default=[])
    p.add_argument("--max-others", type=float, default=0.15,
                   help="clean threshold in cores of other processes (default 0.15)")
    p.add_argument("--max-others-1t", type=float, default=0.85,
                   help="clean threshold for 1-thread rows, which leave a core free (default 0.85)")
    a = p.parse_args()

    reference = read_reference(a.reference)
    ok = True
    pooled = {}  # (engine, threads) -> samples of every round
    numpy_engines = set()
    for path in a.numpy:
        engine, threads, samples, check = numpy_samples(path)
        ok &= check_numpy(reference, check, threads)
        pooled.setdefault((engine, threads), []).extend(samples)
        numpy_engines.add(engine)
    for path in a.jmh:
        for engine, threads, samples in jmh_samples(path):
            pooled.setdefault((engine, threads), []).extend(samples)
    rows = [row(engine, threads, samples, threshold(threads, a.max_others, a.max_others_1t))
            for (engine, threads), samples in pooled.items()]
    numpy_median = {r["threads"]: r["median"] for r in rows if r["engine"] in numpy_engines}
    rows.sort(key=lambda r: (r["threads"], r["median"]))

    print("MLP 784-64-64-64-10 (ReLU, biases), mean softmax CE, batch 128, FP64: one full gradient")
    print("reference: loss=%.13f |dL/dW0|_1=%.10f ||grad||_2=%.13f (every engine agreed to %g before timing)"
          % (reference["loss"], reference["firstLayerWeightL1"], reference["gradientL2"], TOLERANCE))
    print("median over clean samples: other processes used < %.2f cores (< %.2f for 1-thread rows);"
          " * = no clean sample, median of all samples" % (a.max_others, a.max_others_1t))
    print()
    header = ("engine", "threads", "median µs", "best µs", "clean/total", "others cores", "own cores", "vs numpy")
    lines = []
    for r in rows:
        ratio = r["median"] / numpy_median[r["threads"]] if r["threads"] in numpy_median else float("nan")
        lines.append((r["engine"], str(r["threads"]), "%.0f%s" % (r["median"], "" if r["clean"] else "*"),
                      "%.0f" % r["best"], "%d/%d" % (r["kept"], r["total"]), "%.2f" % r["others"],
                      "%.2f" % r["own"], "%.2f×" % ratio))
    widths = [max(len(h), *(len(l[i]) for l in lines)) if lines else len(h) for i, h in enumerate(header)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for l in lines:
        print("| " + " | ".join(v.ljust(w) for v, w in zip(l, widths)) + " |")
    medians = {(r["engine"], r["threads"]): r["median"] for r in rows}
    for threads in sorted({r["threads"] for r in rows}):
        grad = medians.get((ENGINE_NAMES["MlpGradientBenchmark.gradient"], threads))
        hvp = medians.get((ENGINE_NAMES["MlpGradientBenchmark.hessianVectorProduct"], threads))
        if grad and hvp:
            print("Neuromanifold HVP / gradient, %d thread(s): %.2f" % (threads, hvp / grad))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

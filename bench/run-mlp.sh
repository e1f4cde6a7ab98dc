#!/usr/bin/env bash
# Side-by-side benchmark of one MLP gradient (784-64-64-64-10, ReLU, batch 128, FP64, mean softmax
# cross-entropy): every JMH benchmark whose name matches $PATTERN, plus the same gradient by hand in
# numpy, for 1 and 2 threads, in one run, and one table at the end.
#
# Usage (from anywhere; it works in the repository that contains it):
#   bench/run-mlp.sh                 # build with -Ppeers, run everything, print the table
#   QUICK=1 bench/run-mlp.sh         # short smoke run (1 s warm-up, 5 samples)
# Settings (environment): THREADS ("1 2"), WARMUP_S (5), SAMPLES (30), SAMPLE_MS (500),
#   ROUNDS (1: repeat the whole sequence and pool the samples, to catch quiet spells on a shared machine),
#   MAX_OTHERS (0.15: a sample is clean when other processes used fewer cores), MAX_OTHERS_1T
#   (0.85: the same for 1-thread rows, which leave a core free), PATTERN,
#   SKIP_ND4J=1, SKIP_BUILD=1, DJL_CACHE_DIR (default bench/target/djl-cache), JAVA (default: a JDK 25).
#
# Naming contract for benchmarks that want to appear in the table (e.g. the engine's, in
# org.neuromanifold.bench.engine): a JMH benchmark whose fully qualified name matches
# '.*Mlp.*Gradient.*' (class named like FooMlpGradientBenchmark), measuring ONE full gradient (forward
# + backward, loss and all parameter gradients) of MlpBenchData.standard() per invocation, checking
# its result against MlpReferenceGradient.standardSummary() in @Setup, with an int @Param "threads"
# (the runner passes -p threads=N and exports OMP_NUM_THREADS=N etc.). Mode, time unit, iteration
# lengths and the load profiler are set here, so every engine is measured the same way. Classes
# whose name contains Nd4j run last, because ND4J's helper threads busy-wait.
#
# The peers (DJL + PyTorch, TF-Java, ND4J: ~470 MB from Maven Central on the first build) come from
# the opt-in Maven profile 'peers'; nothing is downloaded at run time (-Dai.djl.offline=true).
# To prove it: unshare -n sh -c 'ip link set lo up && SKIP_BUILD=1 bench/run-mlp.sh' (JMH needs loopback).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

THREADS=${THREADS:-"1 2"}
WARMUP_S=${WARMUP_S:-5}
SAMPLES=${SAMPLES:-30}
ROUNDS=${ROUNDS:-1}
SAMPLE_MS=${SAMPLE_MS:-500}
MAX_OTHERS=${MAX_OTHERS:-0.15}
MAX_OTHERS_1T=${MAX_OTHERS_1T:-0.85}
PATTERN=${PATTERN:-'.*Mlp.*Gradient.*'}
if [ -n "${QUICK:-}" ]; then WARMUP_S=1; SAMPLES=5; SAMPLE_MS=250; fi
WARMUP_ITERATIONS=$(( (WARMUP_S * 1000 + SAMPLE_MS - 1) / SAMPLE_MS ))

if [ -z "${JAVA:-}" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*25*/bin/java; do
    if [ -x "$candidate" ]; then JAVA=$candidate; break; fi
  done
fi
if [ -z "${JAVA:-}" ] || ! "$JAVA" -version 2>&1 | grep -q 'version "25'; then
  echo "run-mlp.sh: no JDK 25 found; set JAVA=/path/to/jdk-25/bin/java" >&2
  exit 2
fi
command -v python3 >/dev/null || { echo "run-mlp.sh: python3 (with numpy) is required" >&2; exit 2; }
python3 -c 'import numpy' 2>/dev/null || { echo "run-mlp.sh: numpy is required (pip install numpy)" >&2; exit 2; }

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== building bench with -Ppeers (first time: ~470 MB from Maven Central)"
  mvn -B -q -Ppeers -Djavacpp.platform=linux-x86_64 -pl bench -am -Dkotlin.compiler.daemon=false \
      -DskipTests package
fi
CLASSPATH_FILE=bench/target/bench-classpath.txt
if ! grep -q 'pytorch-engine' "$CLASSPATH_FILE"; then
  echo "run-mlp.sh: $CLASSPATH_FILE has no peers; build with -Ppeers (drop SKIP_BUILD)" >&2
  exit 2
fi
CP="bench/target/classes:$(cat "$CLASSPATH_FILE")"
export DJL_CACHE_DIR=${DJL_CACHE_DIR:-$ROOT/bench/target/djl-cache}
mkdir -p "$DJL_CACHE_DIR"
OUT=bench/target/mlp-run/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"

LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
echo "== reference gradient (plain Java loops)"
"$JAVA" -cp "$CP" org.neuromanifold.bench.mlp.MlpReferenceMain | tee "$OUT/reference.txt"

JVM_ARGS="--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true"
run_jmh() { # threads, include pattern, exclude pattern or '', result file
  local n=$1 include=$2 exclude=$3 result=$4
  local args=("$include" -p "threads=$n" -bm avgt -tu us -f 1 -foe true
              -wi "$WARMUP_ITERATIONS" -w "${SAMPLE_MS}ms" -i "$SAMPLES" -r "${SAMPLE_MS}ms"
              -prof org.neuromanifold.bench.mlp.OtherProcessLoadProfiler
              -jvmArgsAppend "$JVM_ARGS" -rf json -rff "$result")
  if [ -n "$exclude" ]; then args+=(-e "$exclude"); fi
  # JMH refuses to start while another JMH run on this machine holds its lock: wait for it (up to 30 min)
  local attempt
  for attempt in $(seq 1 120); do
    if OMP_NUM_THREADS=$n OPENBLAS_NUM_THREADS=$n MKL_NUM_THREADS=$n \
        "$JAVA" --add-modules=jdk.incubator.vector -cp "$CP" org.openjdk.jmh.Main "${args[@]}" >"$result.log" 2>&1; then
      break
    fi
    if grep -q 'No matching benchmarks' "$result.log"; then
      echo "   (no benchmark matches)"
      return 3
    fi
    if grep -q 'Unable to acquire the JMH lock' "$result.log" && [ "$attempt" -lt 120 ]; then
      [ "$attempt" = 1 ] && echo "   (another JMH run holds the JMH lock; waiting)"
      sleep 15
      continue
    fi
    tail -60 "$result.log" >&2
    echo "run-mlp.sh: JMH failed, log: $result.log" >&2
    exit 1
  done
  grep -E '^(Benchmark|[A-Za-z0-9]+\.gradient|.*Mlp.*Gradient)' "$result.log" | grep -v ':load' || true
}

NUMPY_FILES=()
JMH_FILES=()
for round in $(seq 1 "$ROUNDS"); do
  for n in $THREADS; do
    echo "== round $round/$ROUNDS: numpy, $n thread(s)"
    threshold=$MAX_OTHERS; if [ "$n" = 1 ]; then threshold=$MAX_OTHERS_1T; fi
    python3 bench/scripts/mlp_numpy.py --threads "$n" --warmup-s "$WARMUP_S" --samples "$SAMPLES" \
        --sample-ms "$SAMPLE_MS" --max-others "$threshold" --json "$OUT/numpy-$n-r$round.json"
    NUMPY_FILES+=("$OUT/numpy-$n-r$round.json")
    echo "== round $round/$ROUNDS: JMH $PATTERN (without ND4J), $n thread(s)"
    if run_jmh "$n" "$PATTERN" 'Nd4j' "$OUT/jmh-$n-r$round.json"; then JMH_FILES+=("$OUT/jmh-$n-r$round.json"); fi
  done
  for n in $THREADS; do
    [ -n "${SKIP_ND4J:-}" ] && break
    echo "== round $round/$ROUNDS: JMH ND4J, $n thread(s) (last: its threads busy-wait)"
    if run_jmh "$n" '.*Nd4j.*Mlp.*Gradient.*' '' "$OUT/jmh-nd4j-$n-r$round.json"; then
      JMH_FILES+=("$OUT/jmh-nd4j-$n-r$round.json")
    fi
  done
done

echo
python3 bench/scripts/mlp_table.py --reference "$OUT/reference.txt" --numpy "${NUMPY_FILES[@]}" \
    --jmh "${JMH_FILES[@]}" --max-others "$MAX_OTHERS" --max-others-1t "$MAX_OTHERS_1T" | tee "$OUT/table.md"
echo "load average (1/5/15 min) at start: $LOADAVG_START, at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" \
  | tee -a "$OUT/table.md"
echo "(raw results: $OUT)"

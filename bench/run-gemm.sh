#!/usr/bin/env bash
# GEMM benchmark: our Vector API DGEMM (JMH) and numpy/OpenBLAS in the same run, one table at the end.
#   bench/run-gemm.sh                      # n = 64..1024, 1 and 2 threads, plus scalar twin and tiny shapes
#   bench/run-gemm.sh --sizes 512,1024     # re-run the key sizes only
#   bench/run-gemm.sh --sizes 512,1024 --threads 2 --samples 60
#                                          # more, shorter samples: catches the quiet moments of a busy machine
# Builds the bench module of the repository this script lives in (mvn package, no install), then runs
# JMH with the OtherProcessLoadProfiler (load from other processes per iteration) and bench/scripts/gemm_numpy.py,
# and merges both with bench/scripts/gemm_table.py. Results go to bench/target/gemm-<time>/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="64,128,256,512,1024"
threads="1,2"
extras=1
samples=10
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; extras=0; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --samples) samples="$2"; shift 2 ;;
    *) echo "usage: $0 [--sizes 64,128,...] [--threads 1,2] [--samples N]" >&2; exit 2 ;;
  esac
done

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1 | cut -d. -f1
}
find_java() {
  local c major
  for c in ${NEUROMANIFOLD_JAVA:-} ${JAVA_HOME:+$JAVA_HOME/bin/java} /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    [ -x "$c" ] || continue
    major="$(java_major "$c")"
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then echo "$c"; return 0; fi
  done
  echo "run-gemm.sh: no JDK 25 or newer found; set NEUROMANIFOLD_JAVA" >&2
  return 1
}
java_bin="$(find_java)"

cd "$root"
echo "== building bench (mvn -pl bench -am package -DskipTests)" >&2
mvn -B -q -pl bench -am package -DskipTests -Dkotlin.compiler.daemon=false >&2

out="$root/bench/target/gemm-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
cp="$root/bench/target/classes:$(cat "$root/bench/target/bench-classpath.txt")"
# 10 samples of 500 ms by default; more samples are made shorter (at least 200 ms)
sample_ms="$(( samples > 10 ? (5000 / samples > 200 ? 5000 / samples : 200) : 500 ))ms"

echo "== machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/machine.txt"
jmh() { # <pattern> <json> [extra JMH options...]; waits (up to 30 min) while another JMH run holds its lock
  local pattern="$1" json="$2" log="${2%.json}.log" attempt; shift 2
  for attempt in $(seq 1 60); do
    if "$java_bin" --add-modules jdk.incubator.vector -cp "$cp" org.openjdk.jmh.Main "$pattern" "$@" \
        -wi 3 -w 1s -i "$samples" -r "$sample_ms" -f 1 \
        -jvmArgsAppend "--add-modules=jdk.incubator.vector" \
        -prof org.neuromanifold.bench.mlp.OtherProcessLoadProfiler \
        -rf json -rff "$json" > "$log" 2>&1; then
      return 0
    fi
    if ! grep -q "Unable to acquire the JMH lock" "$log"; then
      tail -40 "$log" >&2; exit 1
    fi
    echo "   another JMH run holds /tmp/jmh.lock; waiting 30 s (attempt $attempt)" >&2
    sleep 30
  done
  echo "run-gemm.sh: gave up waiting for the JMH lock" >&2; exit 1
}
echo "== JMH GemmBenchmark n=$sizes threads=$threads ($java_bin)" >&2
jmh 'org\.neuromanifold\.bench\.kernel\.GemmBenchmark' "$out/jmh.json" -p n="$sizes" -p threads="$threads"
jsons=("$out/jmh.json")
if [ "$extras" = 1 ]; then
  echo "== JMH ScalarGemmBenchmark, TinyGemmBenchmark" >&2
  jmh 'org\.neuromanifold\.bench\.kernel\.(ScalarGemm|TinyGemm)Benchmark' "$out/jmh-extra.json"
  jsons+=("$out/jmh-extra.json")
fi

echo "== numpy/OpenBLAS" >&2
python3 "$root/bench/scripts/gemm_numpy.py" --sizes "$sizes" --threads "$threads" \
  --samples "$(( samples * 3 / 2 ))" --sample "$(( ${sample_ms%ms} / 2 ))e-3" --json "$out/numpy.json" | tee "$out/numpy.txt" >&2

python3 "$root/bench/scripts/gemm_table.py" --numpy "$out/numpy.json" "${jsons[@]}" | tee "$out/table.txt"
echo "(raw results in $out)"

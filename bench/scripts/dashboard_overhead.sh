#!/usr/bin/env bash
# What watching costs (issue 8: "the dashboard never slows training by more than 2 % when no one is watching").
#  1. ganglion.bench.DashboardOverhead: the Fashion-MNIST MLP of ganglion.examples (or the CNN) trained for about
#     SECONDS per run in three arms -- plain, TrainingDashboard with a sample grid and nobody connected,
#     TensorBoard (epoch scalars and graph) -- each on a fresh model with the same seed, interleaved in alternating
#     order (P D T / T D P) for ROUNDS rounds, the first discarded as warm-up. Prints each arm's median time, the
#     median/min/max of the paired per-round ratios to plain (with and without the one-time onTrainBegin/onTrainEnd),
#     the training-thread time spent inside each callback's hooks, and the dashboard server's own start/stop cost.
#  2. ganglion.bench.DashboardHooksBenchmark (JMH, -prof gc): ns and bytes per batch of onTrainBatchBegin +
#     onTrainBatchEnd for no callback, an unwatched dashboard, a watched dashboard, and TensorBoard.
# Takes about 3 * ROUNDS * SECONDS plus a minute for JMH. Measure on a quiet machine: the ratios are only as good
# as the machine is idle.
#
# Usage: bench/scripts/dashboard_overhead.sh
# Environment: SECONDS_PER_RUN (12), ROUNDS (6, first = warm-up), SAMPLES (20000), THREADS (2), MODEL (mlp | cnn),
#   DATA (a Fashion-MNIST folder; default: synthetic images), JMH=0 to skip the JMH part, JMH_ARGS (extra JMH
#   arguments), BUILD_DIRNAME (target: Maven's build folder), SKIP_BUILD=1 to reuse the last build, JAVA (java).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
JAVA="${JAVA:-java}"
BUILD_DIRNAME="${BUILD_DIRNAME:-target}"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== building bench/$BUILD_DIRNAME/benchmarks.jar"
    LOG="$(mktemp)"
    if ! mvn -q -B -pl bench -am package -DskipTests -Dbuild.dirname="$BUILD_DIRNAME" >"$LOG" 2>&1; then
        cat "$LOG" >&2; rm -f "$LOG"; exit 1
    fi
    rm -f "$LOG"
fi
JAR="bench/$BUILD_DIRNAME/benchmarks.jar"

ARGS=(--seconds "${SECONDS_PER_RUN:-12}" --rounds "${ROUNDS:-6}" --samples "${SAMPLES:-20000}"
      --threads "${THREADS:-2}" --model "${MODEL:-mlp}")
if [ -n "${DATA:-}" ]; then
    ARGS+=(--data "$DATA")
fi
echo "== end-to-end: DashboardOverhead ${ARGS[*]}"
"$JAVA" --add-modules=jdk.incubator.vector -Xmx4g -cp "$JAR" ganglion.bench.DashboardOverhead "${ARGS[@]}" 2>&1 \
    | grep --line-buffered -v 'Using incubator modules'

if [ "${JMH:-1}" = 1 ]; then
    echo "== per-batch hooks: JMH DashboardHooksBenchmark -prof gc"
    "$JAVA" --add-modules=jdk.incubator.vector -jar "$JAR" DashboardHooksBenchmark -prof gc ${JMH_ARGS:-} 2>&1 \
        | grep -E '^(Benchmark|DashboardHooksBenchmark\.batchHooks +|DashboardHooksBenchmark\.batchHooks:gc\.alloc\.rate\.norm)'
fi
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Recurrent training benchmark (issue 4): 100 training steps of Embedding(10000, 64) -> LSTM|GRU|SimpleRNN(128)
# -> Dense(46, softmax), batch 64, sequences of length 100, Adam, in Ganglion and in PyTorch, same run, same
# threads; prints ms per step and the ratio ganglion/pytorch for each cell. Target: ratio <= 0.50.
# Both sides run 10 untimed warm-up steps first.
#
# Usage: bench/scripts/rnn_steps.sh
# Environment: THREADS (2), STEPS (100), WARMUP (10), CELLS (lstm,gru,simple_rnn), BUILD_DIRNAME (target),
#   PYTHON (default /usr/bin/python3: Debian's python3-torch 1.13 on OpenBLAS), SKIP_BUILD=1 to reuse the jar.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
THREADS="${THREADS:-2}"
STEPS="${STEPS:-100}"
WARMUP="${WARMUP:-10}"
CELLS="${CELLS:-lstm,gru,simple_rnn}"
BUILD_DIRNAME="${BUILD_DIRNAME:-target}"
PYTHON="${PYTHON:-/usr/bin/python3}"
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
    echo "rnn_steps.sh: $PYTHON cannot import torch; on Debian: apt-get install python3-torch" >&2
    exit 2
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "== load before: $(uptime | sed 's/.*load average/load average/')"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== building bench/$BUILD_DIRNAME/benchmarks.jar"
    LOG="$(mktemp)"
    if ! mvn -q -B -pl bench -am package -DskipTests -Dbuild.dirname="$BUILD_DIRNAME" >"$LOG" 2>&1; then
        cat "$LOG" >&2; rm -f "$LOG"; exit 1
    fi
    rm -f "$LOG"
fi
JAR="bench/$BUILD_DIRNAME/benchmarks.jar"
ARGS=(--cells "$CELLS" --steps "$STEPS" --warmup "$WARMUP" --threads "$THREADS")

echo "== Ganglion"
G_OUT="$(java --add-modules=jdk.incubator.vector -Xmx4g -cp "$JAR" ganglion.bench.RnnSteps "${ARGS[@]}" 2>&1 \
    | grep -v 'Using incubator modules')"
echo "$G_OUT"
echo "== PyTorch"
T_OUT="$("$PYTHON" "$ROOT/bench/scripts/rnn_steps_torch.py" "${ARGS[@]}")"
echo "$T_OUT"
echo "== load after: $(uptime | sed 's/.*load average/load average/')"

STATUS=0
for cell in ${CELLS//,/ }; do
    G="$(echo "$G_OUT" | sed -n "s/^ganglion_${cell}_ms_per_step=//p")"
    T="$(echo "$T_OUT" | sed -n "s/^torch_${cell}_ms_per_step=//p")"
    if [ -z "$G" ] || [ -z "$T" ]; then
        echo "rnn_steps.sh: no time for $cell" >&2
        STATUS=1
        continue
    fi
    awk -v c="$cell" -v g="$G" -v t="$T" -v n="$STEPS" 'BEGIN {
        r = g / t
        printf "RESULT  %-10s ganglion %7.1f ms/step  pytorch %7.1f ms/step  (%d steps: %.1f s vs %.1f s)  ratio %.2f  (target <= 0.50: %s)\n",
               c, g, t, n, g * n / 1000, t * n / 1000, r, (r <= 0.5 ? "met" : "not met")
    }'
done
exit $STATUS

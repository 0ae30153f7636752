#!/usr/bin/env bash
# Inference benchmark (issue 6): Keras's VGG16 without top on 32x32x3 images, batch 32, random weights, in
# PyTorch 1.13 and Ganglion side by side in one invocation, same threads (2). Each side times --iters batches
# after --warmup untimed ones and reports the median ms per batch; the script prints both and the ratio
# Ganglion/PyTorch (target <= 1.00: at least as fast as PyTorch).
#
# Usage: bench/scripts/vgg16_inference.sh [--batch 32] [--iters 20] [--warmup 5] [--size 32] [--rounds 2]
#   --rounds N  alternate the two sides N times and compare the best of each (less noise on a shared machine)
# Environment: THREADS (2), BUILD_DIRNAME (target), PYTHON (/usr/bin/python3 with torch), GANGLION_CLASSPATH
#   (override the built jar), GANGLION_JAVA_OPTS (default "-Xmx2g -XX:+UseParallelGC"), SKIP_BUILD=1 to reuse
#   the last build.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
THREADS="${THREADS:-2}"
BUILD_DIRNAME="${BUILD_DIRNAME:-target}"
PYTHON="${PYTHON:-/usr/bin/python3}"
GANGLION_JAVA_OPTS="${GANGLION_JAVA_OPTS:--Xmx2g -XX:+UseParallelGC}"
BATCH=32; ITERS=20; WARMUP=5; SIZE=32; ROUNDS=2
while [ $# -gt 0 ]; do
    case "$1" in
        --batch) BATCH="$2"; shift 2 ;;
        --iters) ITERS="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --size) SIZE="$2"; shift 2 ;;
        --rounds) ROUNDS="$2"; shift 2 ;;
        *) echo "vgg16_inference.sh: unknown argument $1 (see the header of this script)" >&2; exit 2 ;;
    esac
done
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
    echo "vgg16_inference.sh: $PYTHON cannot import torch; on Debian: apt-get install python3-torch" >&2
    exit 2
fi
JAR="bench/$BUILD_DIRNAME/benchmarks.jar"
if [ "${SKIP_BUILD:-0}" != 1 ] && [ -z "${GANGLION_CLASSPATH:-}" ]; then
    echo "== building $JAR"
    LOG="$(mktemp)"
    if ! mvn -q -B -pl bench -am package -DskipTests -Dbuild.dirname="$BUILD_DIRNAME" >"$LOG" 2>&1; then
        cat "$LOG" >&2; rm -f "$LOG"; exit 1
    fi
    rm -f "$LOG"
fi
G_CP="${GANGLION_CLASSPATH:-$JAR}"
ARGS=(--batch "$BATCH" --threads "$THREADS" --warmup "$WARMUP" --iters "$ITERS" --size "$SIZE")
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "== load before: $(uptime | sed 's/.*load average/load average/')"
best_t=""; best_g=""
for r in $(seq 1 "$ROUNDS"); do
    out="$("$PYTHON" bench/scripts/vgg16_inference_torch.py "${ARGS[@]}" 2>&1)"
    echo "$out" | sed "s/^/    [round $r] /"
    t="$(echo "$out" | sed -n 's/^torch_ms_per_batch=//p')"
    out="$(java --add-modules=jdk.incubator.vector $GANGLION_JAVA_OPTS -cp "$G_CP" ganglion.bench.Vgg16Inference \
          "${ARGS[@]}" 2>&1 | grep -v 'Using incubator modules')"
    echo "$out" | sed "s/^/    [round $r] /"
    g="$(echo "$out" | sed -n 's/^ganglion_ms_per_batch=//p')"
    best_t="$(awk -v a="$best_t" -v b="$t" 'BEGIN{print (a == "" || b + 0 < a + 0) ? b : a}')"
    best_g="$(awk -v a="$best_g" -v b="$g" 'BEGIN{print (a == "" || b + 0 < a + 0) ? b : a}')"
done
echo "== load after: $(uptime | sed 's/.*load average/load average/')"
awk -v g="$best_g" -v t="$best_t" -v b="$BATCH" -v s="$SIZE" -v th="$THREADS" 'BEGIN{
    r = g / t;
    printf "RESULT vgg16-notop %dx%dx3 batch %d, %d threads: torch %.2f ms  ganglion %.2f ms  ganglion/torch %.2f (<=1.00 %s)\n",
        s, s, b, th, t, g, r, r <= 1 ? "met" : "NOT met" }'

#!/usr/bin/env bash
# End-to-end benchmark: one epoch of the Fashion-MNIST MLP (Flatten, Dense 512 relu, Dropout 0.2,
# Dense 10 softmax; 60,000 images, batch 32, Adam) in Ganglion and in PyTorch, same data, same
# threads; prints the times and the ratios. Target: Ganglion <= 0.5x PyTorch's time.
# Each side times its epochs with the data already in memory; three figures are compared:
#   COLD     the first epoch (JIT warm-up included for Ganglion; PyTorch has none), as a user sees it;
#   WARM     the last epoch (EPOCHS >= 2), steady state;
#   PROCESS  wall time from launching the program to the end of its first epoch (JVM or Python start-up,
#            import torch, data loading and JIT all included).
# Ganglion warms its Vector API kernels up for the JIT on a background thread from JVM start (KernelWarmup: the
# default); with NOWARMUP=1 (the default) Ganglion also runs once more with -Dganglion.warmup=false, and the row
# COLD-NOWU shows what the warm-up is worth. Each Ganglion run prints its time per 250 steps ("wall/CPU of the
# training thread" in ms): the first entries show the JIT warm-up.
# PyTorch runs as installed (one epoch: it takes about a minute here) and tuned (EPOCHS epochs); the ratios are
# taken against the faster of the two, so that the comparison never flatters Ganglion.
#
# Usage: bench/scripts/mlp_epoch.sh [DATA_DIR]
#   DATA_DIR  folder with the four Fashion-MNIST IDX files (default: the first of $GANGLION_DATA/fashion-mnist,
#             ~/.ganglion/datasets/fashion-mnist, /usr/share/datasets/fashion-mnist, ../shared/data/fashion-mnist)
# Environment: THREADS (2), EPOCHS (2; the last epoch is the warm one), BUILD_DIRNAME (target: Maven's build folder),
#   STOCK=0 to skip the as-installed PyTorch run, GANGLION_CP (class path instead of the benchmarks jar), GANGLION_FLAGS (extra MlpEpoch arguments, e.g. --fast-dropout),
#   JAVA (java), JAVA_OPTS (extra JVM options for every Ganglion run), NOWARMUP=0 to skip the run without warm-up,
#   PYTHON (a python3 with torch;
#   default /usr/bin/python3, i.e. Debian's python3-torch 1.13 built on OpenBLAS: apt-get install python3-torch),
#   SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
THREADS="${THREADS:-2}"
EPOCHS="${EPOCHS:-2}"
STOCK="${STOCK:-1}"
NOWARMUP="${NOWARMUP:-1}"
JAVA="${JAVA:-java}"
BUILD_DIRNAME="${BUILD_DIRNAME:-target}"

DATA="${1:-}"
if [ -z "$DATA" ]; then
    for d in "${GANGLION_DATA:+$GANGLION_DATA/fashion-mnist}" "$HOME/.ganglion/datasets/fashion-mnist" \
             /usr/share/datasets/fashion-mnist "$ROOT/../shared/data/fashion-mnist"; do
        if [ -n "$d" ] && [ -e "$d/train-images-idx3-ubyte.gz" -o -e "$d/train-images-idx3-ubyte" ]; then
            DATA="$d"; break
        fi
    done
fi
if [ -z "$DATA" ]; then
    echo "mlp_epoch.sh: Fashion-MNIST not found; pass its folder as the first argument" >&2
    exit 2
fi

PYTHON="${PYTHON:-/usr/bin/python3}"
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
    echo "mlp_epoch.sh: $PYTHON cannot import torch; on Debian: apt-get install python3-torch" >&2
    exit 2
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "== load before: $(uptime | sed 's/.*load average/load average/')"
echo "== data: $DATA; threads: $THREADS"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== building bench/$BUILD_DIRNAME/benchmarks.jar"
    LOG="$(mktemp)"
    if ! mvn -q -B -pl bench -am package -DskipTests -Dbuild.dirname="$BUILD_DIRNAME" >"$LOG" 2>&1; then
        cat "$LOG" >&2; rm -f "$LOG"; exit 1
    fi
    rm -f "$LOG"
fi
JAR="bench/$BUILD_DIRNAME/benchmarks.jar"

# Wall seconds of a command's run; its output goes to the file named first.
timed() {
    local out="$1"; shift
    local t0 t1
    t0="$(date +%s.%N)"
    "$@" >"$out" 2>&1
    t1="$(date +%s.%N)"
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}
# Seconds from launch to the end of the first epoch: the run's wall time less the later epochs (and nothing else:
# both programs exit right after their last epoch).
to_first_epoch() {
    awk -v wall="$2" '/^epoch [0-9]+:/ { if ($2 != "1:") later += $3 } END { printf "%.3f", wall - later }' "$1"
}
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo "== Ganglion"
# shellcheck disable=SC2086
GW_WALL="$(timed "$TMP/g" "$JAVA" --add-modules=jdk.incubator.vector -Xmx4g -Xss8m ${JAVA_OPTS:-} -cp "${GANGLION_CP:-$JAR}" \
    ganglion.bench.MlpEpoch "$DATA" --threads "$THREADS" --epochs "$EPOCHS" --step-profile 250 ${GANGLION_FLAGS:-})"
grep -v 'Using incubator modules' "$TMP/g"
if [ "$NOWARMUP" = 1 ]; then
    echo "== Ganglion without the JIT warm-up (-Dganglion.warmup=false)"
    # shellcheck disable=SC2086
    GN_WALL="$(timed "$TMP/gn" "$JAVA" --add-modules=jdk.incubator.vector -Xmx4g -Xss8m ${JAVA_OPTS:-} -Dganglion.warmup=false \
        -cp "${GANGLION_CP:-$JAR}" ganglion.bench.MlpEpoch "$DATA" --threads "$THREADS" --epochs 1 --step-profile 250 \
        ${GANGLION_FLAGS:-})"
    grep -v 'Using incubator modules' "$TMP/gn"
fi
# PyTorch runs twice: as installed, and tuned: glibc keeps freed memory instead of returning it to the
# kernel, so that Adam's temporaries do not page-fault every step (the effect PyTorch's performance guide
# gets from jemalloc or tcmalloc), and OpenBLAS runs one thread so that its threads do not compete with
# OpenMP's.
if [ "$STOCK" = 1 ]; then
    echo "== PyTorch, as installed (1 epoch)"
    T1_WALL="$(timed "$TMP/t1" "$PYTHON" "$ROOT/bench/scripts/mlp_epoch_torch.py" "$DATA" --threads "$THREADS" --epochs 1)"
    cat "$TMP/t1"
fi
echo "== PyTorch, tuned (MALLOC_MMAP_THRESHOLD_=64M MALLOC_TRIM_THRESHOLD_=256M OPENBLAS_NUM_THREADS=1)"
T2_WALL="$(timed "$TMP/t2" env MALLOC_MMAP_THRESHOLD_=67108864 MALLOC_TRIM_THRESHOLD_=268435456 OPENBLAS_NUM_THREADS=1 \
    "$PYTHON" "$ROOT/bench/scripts/mlp_epoch_torch.py" "$DATA" --threads "$THREADS" --epochs "$EPOCHS")"
cat "$TMP/t2"
echo "== load after: $(uptime | sed 's/.*load average/load average/')"

G="$(sed -n 's/^ganglion_epoch_seconds=//p' "$TMP/g")"
T2="$(sed -n 's/^torch_epoch_seconds=//p' "$TMP/t2")"
T1="" ; T1P=""
if [ "$STOCK" = 1 ]; then
    T1="$(sed -n 's/^torch_epoch_seconds=//p' "$TMP/t1")"
    T1P="$(to_first_epoch "$TMP/t1" "$T1_WALL")"
fi
if [ -z "$G" ] || [ -z "$T2" ] || { [ "$STOCK" = 1 ] && [ -z "$T1" ]; }; then
    echo "mlp_epoch.sh: a run printed no time" >&2
    exit 1
fi
GP="$(to_first_epoch "$TMP/g" "$GW_WALL")"
T2P="$(to_first_epoch "$TMP/t2" "$T2_WALL")"
report() {   # label ganglion stock tuned
    awk -v l="$1" -v g="$2" -v t1="$3" -v t2="$4" 'BEGIN {
        t = (t1 != "" && t1 < t2) ? t1 : t2
        r = g / t
        printf "%-9s ganglion %6.2f s  pytorch %6.2f s (as installed %s, tuned %.2f s)  ratio %.2f  (target <= 0.50: %s)\n",
               l, g, t, (t1 == "" ? "not run" : sprintf("%.2f s", t1)), t2, r, (r <= 0.5 ? "met" : "not met")
    }'
}
report COLD "$G" "$T1" "$T2"
if [ "$NOWARMUP" = 1 ]; then
    report COLD-NOWU "$(sed -n 's/^ganglion_epoch_seconds=//p' "$TMP/gn")" "$T1" "$T2"
fi
if [ "$EPOCHS" -gt 1 ]; then
    GW="$(sed -n 's/^ganglion_last_epoch_seconds=//p' "$TMP/g")"
    T2W="$(sed -n 's/^torch_last_epoch_seconds=//p' "$TMP/t2")"
    report "WARM" "$GW" "" "$T2W"
fi
report PROCESS "$GP" "$T1P" "$T2P"
if [ "$NOWARMUP" = 1 ]; then
    report PROC-NOWU "$(to_first_epoch "$TMP/gn" "$GN_WALL")" "$T1P" "$T2P"
fi

#!/usr/bin/env bash
# End-to-end benchmark: one epoch of the Fashion-MNIST MLP (Flatten, Dense 512 relu, Dropout 0.2,
# Dense 10 softmax; 60,000 images, batch 32, Adam) in Ganglion and in PyTorch, same data, same
# threads; prints the times and the ratio to the faster PyTorch run. Target: Ganglion <= 0.5x PyTorch's time.
# Each side times one cold epoch (JIT warm-up included for Ganglion) with the data already in memory.
#
# Usage: bench/scripts/mlp_epoch.sh [DATA_DIR]
#   DATA_DIR  folder with the four Fashion-MNIST IDX files (default: the first of $GANGLION_DATA/fashion-mnist,
#             ~/.ganglion/datasets/fashion-mnist, /usr/share/datasets/fashion-mnist, ../shared/data/fashion-mnist)
# Environment: THREADS (2), EPOCHS (1; with 2 or more, the last, warm epoch is compared too), BUILD_DIRNAME (target: Maven's build folder), PYTHON (a python3 with torch;
#   default /usr/bin/python3, i.e. Debian's python3-torch 1.13 built on OpenBLAS: apt-get install python3-torch),
#   SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
THREADS="${THREADS:-2}"
EPOCHS="${EPOCHS:-1}"
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
    if ! mvn -q -B -pl bench -am package -Dmaven.test.skip=true -Dbuild.dirname="$BUILD_DIRNAME" >"$LOG" 2>&1; then
        cat "$LOG" >&2; rm -f "$LOG"; exit 1
    fi
    rm -f "$LOG"
fi
JAR="bench/$BUILD_DIRNAME/benchmarks.jar"

echo "== Ganglion"
G_OUT="$(java --add-modules=jdk.incubator.vector -Xmx4g -Xss8m -cp "$JAR" ganglion.bench.MlpEpoch \
    "$DATA" --threads "$THREADS" --epochs "$EPOCHS" 2>&1 | grep -v 'Using incubator modules')"
echo "$G_OUT"
# PyTorch runs twice: as installed, and tuned: glibc keeps freed memory instead of returning it to the
# kernel, so that Adam's temporaries do not page-fault every step (the effect PyTorch's performance guide
# gets from jemalloc or tcmalloc), and OpenBLAS runs one thread so that its threads do not compete with
# OpenMP's. The ratio is taken against the faster of the two, so that the comparison never flatters Ganglion.
echo "== PyTorch, as installed"
T1_OUT="$("$PYTHON" "$ROOT/bench/scripts/mlp_epoch_torch.py" "$DATA" --threads "$THREADS" --epochs "$EPOCHS")"
echo "$T1_OUT"
echo "== PyTorch, tuned (MALLOC_MMAP_THRESHOLD_=64M MALLOC_TRIM_THRESHOLD_=256M OPENBLAS_NUM_THREADS=1)"
T2_OUT="$(MALLOC_MMAP_THRESHOLD_=67108864 MALLOC_TRIM_THRESHOLD_=268435456 OPENBLAS_NUM_THREADS=1 \
    "$PYTHON" "$ROOT/bench/scripts/mlp_epoch_torch.py" "$DATA" --threads "$THREADS" --epochs "$EPOCHS")"
echo "$T2_OUT"
echo "== load after: $(uptime | sed 's/.*load average/load average/')"

G="$(echo "$G_OUT" | sed -n 's/^ganglion_epoch_seconds=//p')"
T1="$(echo "$T1_OUT" | sed -n 's/^torch_epoch_seconds=//p')"
T2="$(echo "$T2_OUT" | sed -n 's/^torch_epoch_seconds=//p')"
if [ -z "$G" ] || [ -z "$T1" ] || [ -z "$T2" ]; then
    echo "mlp_epoch.sh: a run printed no time" >&2
    exit 1
fi
awk -v g="$G" -v t1="$T1" -v t2="$T2" 'BEGIN {
    t = (t1 < t2) ? t1 : t2
    r = g / t
    printf "RESULT  ganglion %.2f s  pytorch %.2f s (as installed %.2f s, tuned %.2f s)  ratio ganglion/pytorch %.2f  (target <= 0.50: %s)\n",
           g, t, t1, t2, r, (r <= 0.5 ? "met" : "not met")
}'
if [ "$EPOCHS" -gt 1 ]; then
    GW="$(echo "$G_OUT" | sed -n 's/^ganglion_last_epoch_seconds=//p')"
    T1W="$(echo "$T1_OUT" | sed -n 's/^torch_last_epoch_seconds=//p')"
    T2W="$(echo "$T2_OUT" | sed -n 's/^torch_last_epoch_seconds=//p')"
    awk -v g="$GW" -v t1="$T1W" -v t2="$T2W" -v e="$EPOCHS" 'BEGIN {
        t = (t1 < t2) ? t1 : t2
        printf "WARM    epoch %d: ganglion %.2f s  pytorch %.2f s (as installed %.2f s, tuned %.2f s)  ratio %.2f\n",
               e, g, t, t1, t2, g / t
    }'
fi

#!/usr/bin/env bash
# End-to-end benchmark (issue 3): one training epoch of the seed CNNs in PyTorch 1.13, DJL 0.36 (libtorch 2.7.1)
# and Ganglion, side by side in one invocation, same data, same threads:
#   fmnist/32   seed 002's Fashion-MNIST CNN (Conv2D 16-32-64, MaxPool, Dense 128, Dropout 0.3), batch 32
#   fmnist/128  the same, batch 128
#   cifar/128   seed 000's CIFAR-10 CNN (Conv2D 32-64-128 relu, MaxPool, Dense 128, Dropout 0.6), batch 128
# Adam, sparse categorical cross-entropy, shuffled, data in memory before the clock starts. Fashion-MNIST is the
# real IDX set; CIFAR-10 is 50,000 images of noise of the real shape (the cost does not depend on pixel values).
# Prints, per config and side, the first-epoch time (JIT warm-up included), the last-epoch time when EPOCHS > 1,
# the CPU seconds and the peak RSS (/usr/bin/time -v), then the ratios Ganglion/PyTorch (target <= 0.80) and
# Ganglion/DJL (target <= 1.00), taken on the last epoch.
#
# Usage: bench/scripts/cnn_epoch.sh [--steps N] [--epochs N] [--configs "fmnist/32 fmnist/128 cifar/128"]
#                                   [--sides "torch djl ganglion"] [--data DIR]
#   --steps N   train only the first N batches of each epoch (quick runs; times are then per N steps)
#   --epochs N  epochs per side (default 2: the second, warm epoch is the one compared, as DJL's published figure)
# Environment: THREADS (2), BUILD_DIRNAME (target), PYTHON (/usr/bin/python3: Debian's python3-torch 1.13 with
#   OpenBLAS), GANGLION_CLASSPATH / DJL_CLASSPATH (override the built class paths), GANGLION_JAVA_OPTS (default per data set: "-Xmx320m -Xmn64m -XX:+UseParallelGC" for Fashion-MNIST, -Xmx800m for CIFAR-10:
#   the data in memory (188 or 614 MB of floats) plus working room, as a Java user sizes a heap; a small young
#   generation keeps the per-step garbage from being promoted. Without a cap, ParallelGC grows the heap to a
#   quarter of the machine's memory before collecting the old generation, and the peak RSS measures that policy,
#   not the library), SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
THREADS="${THREADS:-2}"
BUILD_DIRNAME="${BUILD_DIRNAME:-target}"
PYTHON="${PYTHON:-/usr/bin/python3}"
GANGLION_JAVA_OPTS="${GANGLION_JAVA_OPTS:-}"
# default JVM options for a model's run (see GANGLION_JAVA_OPTS above)
java_opts() {
    if [ -n "$GANGLION_JAVA_OPTS" ]; then echo "$GANGLION_JAVA_OPTS"
    elif [ "$1" = cifar ]; then echo "-Xmx800m -Xmn64m -XX:+UseParallelGC"
    else echo "-Xmx320m -Xmn64m -XX:+UseParallelGC"; fi
}
STEPS=0
EPOCHS=2
CONFIGS="fmnist/32 fmnist/128 cifar/128"
SIDES="torch djl ganglion"
DATA=""
while [ $# -gt 0 ]; do
    case "$1" in
        --steps) STEPS="$2"; shift 2 ;;
        --epochs) EPOCHS="$2"; shift 2 ;;
        --configs) CONFIGS="$2"; shift 2 ;;
        --sides) SIDES="$2"; shift 2 ;;
        --data) DATA="$2"; shift 2 ;;
        *) echo "cnn_epoch.sh: unknown argument $1 (see the header of this script)" >&2; exit 2 ;;
    esac
done
if [ -z "$DATA" ]; then
    for d in "${GANGLION_DATA:+$GANGLION_DATA/fashion-mnist}" "$HOME/.ganglion/datasets/fashion-mnist" \
             /usr/share/datasets/fashion-mnist "$ROOT/../shared/data/fashion-mnist"; do
        if [ -n "$d" ] && [ -e "$d/train-images-idx3-ubyte.gz" -o -e "$d/train-images-idx3-ubyte" ]; then
            DATA="$d"; break
        fi
    done
fi
if [ -z "$DATA" ]; then
    echo "cnn_epoch.sh: Fashion-MNIST not found; pass its folder with --data DIR" >&2
    exit 2
fi
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
    echo "cnn_epoch.sh: $PYTHON cannot import torch; on Debian: apt-get install python3-torch" >&2
    exit 2
fi
if [ ! -x /usr/bin/time ]; then
    echo "cnn_epoch.sh: /usr/bin/time is missing (peak RSS); on Debian: apt-get install time" >&2
    exit 2
fi

JAR="bench/$BUILD_DIRNAME/benchmarks.jar"
DJL_CP_FILE="$ROOT/bench/$BUILD_DIRNAME/djl.classpath"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== building $JAR and the DJL class path"
    LOG="$(mktemp)"
    if ! mvn -q -B -pl bench -am package dependency:build-classpath -DskipTests -Dbuild.dirname="$BUILD_DIRNAME" \
            -Dmdep.includeScope=provided -Dmdep.outputFile="$DJL_CP_FILE" >"$LOG" 2>&1; then
        cat "$LOG" >&2; rm -f "$LOG"; exit 1
    fi
    rm -f "$LOG"
fi
DJL_CP="${DJL_CLASSPATH:-$(cat "$DJL_CP_FILE")}"
G_CP="${GANGLION_CLASSPATH:-$JAR}"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "== load before: $(uptime | sed 's/.*load average/load average/')"
echo "== data: $DATA; threads: $THREADS; epochs: $EPOCHS; steps: $([ "$STEPS" -gt 0 ] && echo "$STEPS per epoch" || echo "whole epoch")"

# run SIDE MODEL BATCH: prints the side's output, then "seconds first last cpu rss_mb" on the last line.
run() {
    local side="$1" model="$2" batch="$3" tlog out
    tlog="$(mktemp)"
    local args=(--model "$model" --batch "$batch" --epochs "$EPOCHS" --steps "$STEPS" --threads "$THREADS" --data "$DATA")
    case "$side" in
        torch) out="$(/usr/bin/time -v -o "$tlog" "$PYTHON" bench/scripts/cnn_epoch_torch.py "${args[@]}" 2>&1)" ;;
        djl) out="$(/usr/bin/time -v -o "$tlog" java -cp "$G_CP:$DJL_CP" ganglion.bench.DjlCnnEpoch "${args[@]}" 2>&1 \
                  | grep -v '^SLF4J')" ;;
        ganglion) out="$(/usr/bin/time -v -o "$tlog" java --add-modules=jdk.incubator.vector $(java_opts "$model") \
                  -cp "$G_CP" ganglion.bench.CnnEpoch "${args[@]}" 2>&1 | grep -v 'Using incubator modules')" ;;
    esac
    echo "$out" | sed 's/^/    /' >&2
    local first last user sys rss
    first="$(echo "$out" | sed -n 's/^[a-z]*_epoch_seconds=//p')"
    last="$(echo "$out" | sed -n 's/^[a-z]*_last_epoch_seconds=//p')"
    user="$(sed -n 's/.*User time (seconds): //p' "$tlog")"
    sys="$(sed -n 's/.*System time (seconds): //p' "$tlog")"
    rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tlog")"
    rm -f "$tlog"
    echo "${first:-nan} ${last:-${first:-nan}} $(awk -v u="${user:-0}" -v s="${sys:-0}" 'BEGIN{printf "%.1f", u+s}') $(( ${rss:-0} / 1024 ))"
}

SUMMARY=""
for cfg in $CONFIGS; do
    model="${cfg%/*}"; batch="${cfg#*/}"
    declare -A R=()
    for side in $SIDES; do
        echo "== $cfg: $side" >&2
        R[$side]="$(run "$side" "$model" "$batch")"
        echo "   $side: first/last epoch s, cpu s, peak RSS MB = ${R[$side]}" >&2
    done
    line="$(printf '%-10s' "$cfg")"
    for side in torch djl ganglion; do
        if [ -n "${R[$side]:-}" ]; then
            read -r f l c m <<<"${R[$side]}"
            line+="$(printf '  %s %7.2f s (first %7.2f, cpu %7.1f s, rss %5d MB)' "$side" "$l" "$f" "$c" "$m")"
        fi
    done
    if [ -n "${R[ganglion]:-}" ]; then
        read -r _ g _ gm <<<"${R[ganglion]}"
        if [ -n "${R[torch]:-}" ]; then
            read -r _ t _ tm <<<"${R[torch]}"
            line+="$(awk -v g="$g" -v t="$t" 'BEGIN{if (g+0 <= 0 || t+0 <= 0) {printf "  ganglion/torch n/a"; exit} r=g/t; printf "  ganglion/torch %.2f (<=0.80 %s)", r, r<=0.8?"met":"NOT met"}')"
            line+="$(awk -v g="$gm" -v t="$tm" 'BEGIN{printf "  rss %s", g<=t?"<= torch":"> torch"}')"
        fi
        if [ -n "${R[djl]:-}" ]; then
            read -r _ d _ _ <<<"${R[djl]}"
            line+="$(awk -v g="$g" -v d="$d" 'BEGIN{if (g+0 <= 0 || d+0 <= 0) {printf "  ganglion/djl n/a"; exit} r=g/d; printf "  ganglion/djl %.2f (<=1.00 %s)", r, r<=1?"met":"NOT met"}')"
        fi
    fi
    SUMMARY+="RESULT $line"$'\n'
    unset R
done
echo "== load after: $(uptime | sed 's/.*load average/load average/')"
printf '%s' "$SUMMARY"

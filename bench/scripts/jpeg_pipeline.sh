#!/usr/bin/env bash
# Issue 9's pipeline benchmark: one epoch of the CIFAR-10 seed CNN fed by a Dataset decoding the JPEG folders
# while training, against the same epoch from in-memory tensors. Unpacks ../shared/data/cifar10-jpg's
# training archive into a temporary folder first.
# Both epochs are warm, on the same images, model and seed; the streamed one shuffles the file list before
# decoding (as image_dataset_from_directory(shuffle=True) does), so training starts at once.
# Usage: bench/scripts/jpeg_pipeline.sh [IMAGES] [ROUNDS]   (default 50000 images, 3 rounds; each round times a
# memory and a streamed epoch, alternating which goes first; the ratio is total streamed over total memory time)
# Environment: JAVA (java), JAVA_OPTS (extra JVM options, e.g. -Dganglion.images.imageioJpeg=true to decode with
# javax.imageio as before), BUILD_DIRNAME (target), SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
JAVA="${JAVA:-java}"
BUILD_DIRNAME="${BUILD_DIRNAME:-target}"
IMAGES="${1:-50000}"
ROUNDS="${2:-3}"
ARCHIVE="${CIFAR_JPEG_ARCHIVE:-$ROOT/../shared/data/cifar10-jpg/cifar10-train-jpg.tar.gz}"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    mvn -q -pl bench -am package -DskipTests -Dbuild.dirname="$BUILD_DIRNAME"
fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
tar -xzf "$ARCHIVE" -C "$TMP"
TRAIN="$(find "$TMP" -maxdepth 2 -type d -name train | head -1)"
# shellcheck disable=SC2086
"$JAVA" --add-modules jdk.incubator.vector -Xmx6g ${JAVA_OPTS:-} -cp "bench/$BUILD_DIRNAME/benchmarks.jar" \
    ganglion.bench.JpegPipelineEpoch "$TRAIN" "$IMAGES" "$ROUNDS"

#!/usr/bin/env python3
"""Makes the small Fashion-MNIST sample shipped inside the examples module.

The FashionMnistMlp example falls back to it when the full data set is not installed, so that the
main job runs on any machine, offline. The sample holds the first 600 training images of each class
(6,000 in all) and the first 100 test images of each class (1,000), in the data set's original
order, written as gzip IDX files with the original names (gzip header time 0, so the output is
byte-for-byte reproducible).

Usage: python3 examples/scripts/make_fashion_sample.py [SOURCE_DIR] [OUT_DIR]
  SOURCE_DIR  folder holding the four original Fashion-MNIST .gz files
              (default: $GANGLION_SHARED_DATA/fashion-mnist, else ../shared/data/fashion-mnist)
  OUT_DIR     default: examples/src/main/resources/ganglion/examples/fashion-mnist-sample

Fashion-MNIST: Copyright 2017 Zalando SE, MIT licence (https://github.com/zalandoresearch/fashion-mnist).
Only the Python standard library is used.
"""
import gzip
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PER_CLASS = {"train": 600, "t10k": 100}


def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    zero, dtype, rank = struct.unpack(">HBB", raw[:4])
    if zero != 0 or dtype != 0x08:
        sys.exit(f"{path}: not an unsigned-byte IDX file")
    dims = struct.unpack(">" + "I" * rank, raw[4:4 + 4 * rank])
    data = raw[4 + 4 * rank:]
    n = 1
    for d in dims:
        n *= d
    if len(data) != n:
        sys.exit(f"{path}: header promises {n} values, file holds {len(data)}")
    return dims, data


def write_idx(path, dims, data):
    header = struct.pack(">HBB", 0, 0x08, len(dims)) + struct.pack(">" + "I" * len(dims), *dims)
    with open(path, "wb") as out:
        # mtime=0 and no file name in the header: identical input gives identical bytes
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=out, mtime=0) as g:
            g.write(header + data)


def main():
    default_src = os.path.join(os.environ.get("GANGLION_SHARED_DATA",
                                              os.path.join(REPO, "..", "shared", "data")), "fashion-mnist")
    src = sys.argv[1] if len(sys.argv) > 1 else default_src
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        REPO, "examples", "src", "main", "resources", "ganglion", "examples", "fashion-mnist-sample")
    os.makedirs(out, exist_ok=True)
    for part, per_class in PER_CLASS.items():
        idims, images = read_idx(os.path.join(src, f"{part}-images-idx3-ubyte.gz"))
        _, labels = read_idx(os.path.join(src, f"{part}-labels-idx1-ubyte.gz"))
        size = idims[1] * idims[2]
        taken = [0] * 10
        keep = []
        for i, label in enumerate(labels):
            if taken[label] < per_class:
                taken[label] += 1
                keep.append(i)
        if min(taken) < per_class:
            sys.exit(f"{part}: some class has fewer than {per_class} examples: {taken}")
        write_idx(os.path.join(out, f"{part}-images-idx3-ubyte.gz"), (len(keep), idims[1], idims[2]),
                  b"".join(images[i * size:(i + 1) * size] for i in keep))
        write_idx(os.path.join(out, f"{part}-labels-idx1-ubyte.gz"), (len(keep),),
                  bytes(labels[i] for i in keep))
        print(f"{part}: {len(keep)} examples ({per_class} per class) -> {out}")


if __name__ == "__main__":
    main()

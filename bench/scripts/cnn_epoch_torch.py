#!/usr/bin/env python3
"""PyTorch side of bench/scripts/cnn_epoch.sh: one training epoch of a seed CNN.

Same models and settings as ganglion.bench.CnnEpoch and ganglion.bench.DjlCnnEpoch:
  fmnist (seed 002): Conv2D(16,3) - MaxPool(2) - Conv2D(32,3) - MaxPool(2) - Conv2D(64,3) - Flatten -
                     Dense(128, relu) - Dropout(0.3) - Dense(10); 60,000 real Fashion-MNIST images / 255
  cifar  (seed 000): Conv2D(32,3,relu) - MaxPool(2) - Conv2D(64,3,relu) - MaxPool(2) - Conv2D(128,3,relu) -
                     MaxPool(2) - Flatten - Dense(128, relu) - Dropout(0.6) - Dense(10); 50,000 32x32x3 images of
                     uniform noise (the epoch's cost does not depend on pixel values)
Adam (Keras defaults: lr 0.001, betas 0.9/0.999, eps 1e-7); softmax + sparse categorical cross-entropy (fused);
shuffled; Glorot-uniform kernels and zero biases as Keras initialises them; NCHW, PyTorch's native layout.

Prints 'torch_epoch_seconds=S' for the first epoch (data already in memory) and with --epochs N > 1 also
'torch_last_epoch_seconds=S'. Meant for Debian's python3-torch (1.13, OpenBLAS).
Usage: cnn_epoch_torch.py --model fmnist|cifar [--data DIR] [--batch 32] [--epochs 1] [--steps N]
                          [--threads 2] [--seed 42]
"""
import argparse
import gzip
import os
import struct
import time

import numpy as np
import torch
from torch import nn


def read_idx(path):
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        raw = f.read()
    zero, dtype, rank = struct.unpack(">HBB", raw[:4])
    if zero != 0 or dtype != 0x08:
        raise SystemExit(f"{path}: not an unsigned-byte IDX file")
    dims = struct.unpack(">" + "I" * rank, raw[4:4 + 4 * rank])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def find(data_dir, name):
    for candidate in (name, name[:-3]):
        p = os.path.join(data_dir, candidate)
        if os.path.exists(p):
            return p
    raise SystemExit(f"{os.path.join(data_dir, name)} not found")


def build(model):
    if model == "fmnist":
        layers = [nn.Conv2d(1, 16, 3), nn.MaxPool2d(2, 2), nn.Conv2d(16, 32, 3), nn.MaxPool2d(2, 2),
                  nn.Conv2d(32, 64, 3), nn.Flatten(), nn.Linear(576, 128), nn.ReLU(), nn.Dropout(0.3),
                  nn.Linear(128, 10)]
    else:
        layers = [nn.Conv2d(3, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                  nn.Conv2d(64, 128, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(512, 128), nn.ReLU(),
                  nn.Dropout(0.6), nn.Linear(128, 10)]
    m = nn.Sequential(*layers)
    for layer in m:
        if isinstance(layer, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)
    return m


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", choices=["fmnist", "cifar"], default="fmnist")
    ap.add_argument("--data", default=None)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--steps", type=int, default=0)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    # The whole training set is loaded (and scaled) before slicing to --steps batches, as the Java sides do, so
    # that peak RSS compares the same data footprint in quick runs too.
    limit = args.steps * args.batch if args.steps > 0 else None
    if args.model == "fmnist":
        x = read_idx(find(args.data, "train-images-idx3-ubyte.gz")).astype(np.float32) / 255.0
        y = read_idx(find(args.data, "train-labels-idx1-ubyte.gz")).astype(np.int64)
        x = torch.from_numpy(x).reshape(-1, 1, 28, 28)
        y = torch.from_numpy(y)
    else:
        x = torch.rand(50000, 3, 32, 32)
        y = torch.randint(0, 10, (50000,))
    if limit is not None:
        x, y = x[:limit].clone(), y[:limit].clone()

    model = build(args.model)
    loss_fn = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
    model.train()
    n = x.shape[0]
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        order = torch.randperm(n)
        total_loss = 0.0
        correct = 0
        for i in range(0, n, args.batch):
            idx = order[i:i + args.batch]
            xb, yb = x[idx], y[idx]
            opt.zero_grad(set_to_none=True)
            out = model(xb)
            loss = loss_fn(out, yb)
            loss.backward()
            opt.step()
            total_loss += loss.item() * len(idx)
            correct += (out.argmax(1) == yb).sum().item()
        seconds = time.perf_counter() - start
        if epoch == 1:
            print(f"torch_epoch_seconds={seconds:.3f}")
        if epoch == args.epochs and args.epochs > 1:
            print(f"torch_last_epoch_seconds={seconds:.3f}")
        print(f"epoch {epoch}: {seconds:.3f} s ({n} samples) - loss {total_loss / n:.4f} - accuracy {correct / n:.4f}")
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")


if __name__ == "__main__":
    main()

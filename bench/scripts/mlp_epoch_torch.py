#!/usr/bin/env python3
"""PyTorch side of the end-to-end benchmark: one epoch of the Fashion-MNIST MLP.

Same model and settings as ganglion.bench.MlpEpoch and the FashionMnistMlp example:
Flatten, Dense 512 relu, Dropout 0.2, Dense 10 softmax; inputs x/255; Adam (Keras defaults:
lr 0.001, beta 0.9/0.999, epsilon 1e-7); sparse categorical cross-entropy; batch 32; shuffled;
Glorot-uniform kernels and zero biases as Keras initialises them. Data from the IDX files.

Prints 'torch_epoch_seconds=S' for the first epoch (data already in memory), a line per epoch with its
mean loss and accuracy, and with --epochs N > 1 also 'torch_last_epoch_seconds=S'. Meant for Debian's
python3-torch (1.13, OpenBLAS).
Usage: mlp_epoch_torch.py DATA_DIR [--threads 2] [--seed 42] [--batch 32] [--epochs 1]
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
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * rank)
    if data.size != int(np.prod(dims)):
        raise SystemExit(f"{path}: header promises {int(np.prod(dims))} values, file holds {data.size}")
    return data.reshape(dims)


def find(data_dir, name):
    for candidate in (name, name[:-3]):
        p = os.path.join(data_dir, candidate)
        if os.path.exists(p):
            return p
    raise SystemExit(f"{os.path.join(data_dir, name)} not found")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--epochs", type=int, default=1)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    x = read_idx(find(args.data_dir, "train-images-idx3-ubyte.gz")).astype(np.float32) / 255.0
    y = read_idx(find(args.data_dir, "train-labels-idx1-ubyte.gz")).astype(np.int64)
    x = torch.from_numpy(x)
    y = torch.from_numpy(y)

    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Dropout(0.2), nn.Linear(512, 10))
    for m in model:
        if isinstance(m, nn.Linear):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    loss_fn = nn.CrossEntropyLoss()          # softmax + sparse categorical cross-entropy, fused
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
        print(f"epoch {epoch}: {seconds:.3f} s - loss {total_loss / n:.4f} - accuracy {correct / n:.4f}")
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")


if __name__ == "__main__":
    main()

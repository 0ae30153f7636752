#!/usr/bin/env python3
"""Reference accuracy of the seed CNNs trained the Keras way in PyTorch.

Issue 3 sets accuracy bars for the seed CNNs. This script answers "what does the same model, trained the same
way, reach in another framework?", so a shortfall in Ganglion can be told apart from the limit of the model as
the seed writes it. It reproduces Keras's recipe: glorot_uniform kernels and zero biases, Adam(1e-3,
epsilon=1e-7 added to sqrt(v_hat) as Keras 3 does), batch 32, validation_split taking the LAST fraction of the
training set before shuffling, a fresh shuffle every epoch, dropout only in training, test accuracy at the end.

Usage: /usr/bin/python3 tools/pytorch_reference/seed_cnn_accuracy.py MODEL [--epochs N] [--seeds 1,2,3]
  MODEL: mnist (seed 001: 3 epochs by default, 20 % validation split),
         fashion (seed 002 as written: convolutions without activation, 5 epochs, 25 % split),
         fashion-relu (the same with ReLU convolutions),
         cifar (seed 000: Conv 32-64-128 relu, Dense 128, Dropout 0.6, batch 128, 10 epochs, no split) on the
         CIFAR-10 JPEG copy (cifar10-jpg/cifar10-{train,test}-jpg.tar.gz, decoded with Pillow).
Data: GANGLION_DATA or ../shared/data ({mnist,fashion-mnist}/*-idx?-ubyte.gz, cifar10-jpg/).
"""
import argparse
import gzip
import io
import tarfile
import math
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def data_root():
    return os.environ.get("GANGLION_DATA") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                                           "..", "shared", "data")


CIFAR_CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]


def read_jpeg_tar(path):
    """(images uint8 [n, 32, 32, 3], labels) from a tarball of <split>/<class>/NNNN.jpg, in name order."""
    from PIL import Image
    xs, ys = [], []
    with tarfile.open(path) as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(".jpg")),
                         key=lambda m: m.name)
        for m in members:
            cls = m.name.split("/")[-2]
            xs.append(np.asarray(Image.open(io.BytesIO(tar.extractfile(m).read())).convert("RGB")))
            ys.append(CIFAR_CLASSES.index(cls))
    return np.stack(xs), np.array(ys, dtype=np.uint8)


def load_cifar():
    d = os.path.join(data_root(), "cifar10-jpg")
    xtr, ytr = read_jpeg_tar(os.path.join(d, "cifar10-train-jpg.tar.gz"))
    xte, yte = read_jpeg_tar(os.path.join(d, "cifar10-test-jpg.tar.gz"))
    return xtr, ytr, xte, yte


def load(folder):
    d = os.path.join(data_root(), folder)
    return (read_idx(os.path.join(d, "train-images-idx3-ubyte.gz")),
            read_idx(os.path.join(d, "train-labels-idx1-ubyte.gz")),
            read_idx(os.path.join(d, "t10k-images-idx3-ubyte.gz")),
            read_idx(os.path.join(d, "t10k-labels-idx1-ubyte.gz")))


def glorot(module):
    """Keras's glorot_uniform for conv (fan = k*k*channels) and dense kernels, zero bias."""
    w = module.weight
    receptive = w[0][0].numel() if w.dim() > 2 else 1
    fan_in, fan_out = w.shape[1] * receptive, w.shape[0] * receptive
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    nn.init.uniform_(w, -limit, limit)
    nn.init.zeros_(module.bias)


class MnistCnn(nn.Module):
    """Seed 001: Conv(32,3,relu) Pool Conv(64,3,relu) Pool Flatten Dense(128,relu) Dense(10)."""

    def __init__(self):
        super().__init__()
        self.c1, self.c2 = nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3)
        self.d1, self.d2 = nn.Linear(64 * 5 * 5, 128), nn.Linear(128, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.c1(x)), 2)
        x = F.max_pool2d(F.relu(self.c2(x)), 2)
        x = x.permute(0, 2, 3, 1).flatten(1)  # channels-last flatten, as Keras
        return self.d2(F.relu(self.d1(x)))


class FashionCnn(nn.Module):
    """Seed 002: Conv(16,3) Pool Conv(32,3) Pool Conv(64,3) Flatten Dense(128,relu) Dropout(0.3) Dense(10)."""

    def __init__(self, relu):
        super().__init__()
        self.relu = relu
        self.c1, self.c2, self.c3 = nn.Conv2d(1, 16, 3), nn.Conv2d(16, 32, 3), nn.Conv2d(32, 64, 3)
        self.d1, self.d2 = nn.Linear(64 * 3 * 3, 128), nn.Linear(128, 10)
        self.drop = nn.Dropout(0.3)

    def act(self, x):
        return F.relu(x) if self.relu else x

    def forward(self, x):
        x = F.max_pool2d(self.act(self.c1(x)), 2)
        x = F.max_pool2d(self.act(self.c2(x)), 2)
        x = self.act(self.c3(x))
        x = x.permute(0, 2, 3, 1).flatten(1)
        return self.d2(self.drop(F.relu(self.d1(x))))


class CifarCnn(nn.Module):
    """Seed 000: Conv(32,3,relu) Pool Conv(64,3,relu) Pool Conv(128,3,relu) Pool Flatten Dense(128,relu)
    Dropout(0.6) Dense(10)."""

    def __init__(self):
        super().__init__()
        self.c1, self.c2, self.c3 = nn.Conv2d(3, 32, 3), nn.Conv2d(32, 64, 3), nn.Conv2d(64, 128, 3)
        self.d1, self.d2 = nn.Linear(128 * 2 * 2, 128), nn.Linear(128, 10)
        self.drop = nn.Dropout(0.6)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.c1(x)), 2)
        x = F.max_pool2d(F.relu(self.c2(x)), 2)
        x = F.max_pool2d(F.relu(self.c3(x)), 2)
        x = x.permute(0, 2, 3, 1).flatten(1)
        return self.d2(self.drop(F.relu(self.d1(x))))


_CACHE = {}


def run(name, epochs, seed):
    torch.manual_seed(seed)
    np.random.seed(seed)
    batch = 32
    if name == "cifar":
        if "cifar" not in _CACHE:
            _CACHE["cifar"] = load_cifar()
        xtr, ytr, xte, yte = _CACHE["cifar"]
        n_train, batch = len(xtr), 128
        x = torch.tensor(xtr, dtype=torch.float32).div_(255).permute(0, 3, 1, 2).contiguous()
        xt = torch.tensor(xte, dtype=torch.float32).div_(255).permute(0, 3, 1, 2).contiguous()
    else:
        folder, split = ("mnist", 0.2) if name == "mnist" else ("fashion-mnist", 0.25)
        xtr, ytr, xte, yte = load(folder)
        n_train = int(len(xtr) * (1 - split))  # Keras keeps the first part, validates on the rest
        x = torch.tensor(xtr[:n_train], dtype=torch.float32).div_(255).unsqueeze(1)
        xt = torch.tensor(xte, dtype=torch.float32).div_(255).unsqueeze(1)
    y = torch.tensor(ytr[:n_train], dtype=torch.long)
    yt = torch.tensor(yte, dtype=torch.long)
    model = {"mnist": MnistCnn, "cifar": CifarCnn}.get(name, lambda: FashionCnn(name == "fashion-relu"))()
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            glorot(m)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
    t0 = time.time()
    for epoch in range(epochs):
        model.train()
        perm = torch.randperm(n_train)
        for i in range(0, n_train, batch):
            idx = perm[i:i + batch]
            opt.zero_grad()
            loss = F.cross_entropy(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
    model.eval()
    with torch.no_grad():
        correct = sum((model(xt[i:i + 1000]).argmax(1) == yt[i:i + 1000]).sum().item()
                      for i in range(0, len(xt), 1000))
    acc = correct / len(xt)
    print(f"{name} seed {seed}: test accuracy {acc:.4f} after {epochs} epochs ({time.time() - t0:.0f} s)",
          flush=True)
    return acc


def main():
    p = argparse.ArgumentParser()
    p.add_argument("model", choices=["mnist", "fashion", "fashion-relu", "cifar"])
    p.add_argument("--epochs", type=int)
    p.add_argument("--seeds", default="1,2,3")
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    epochs = a.epochs or {"mnist": 3, "cifar": 10}.get(a.model, 5)
    accs = [run(a.model, epochs, int(s)) for s in a.seeds.split(",")]
    print(f"{a.model}: mean {np.mean(accs):.4f} min {min(accs):.4f} max {max(accs):.4f} over {len(accs)} seeds")


if __name__ == "__main__":
    sys.exit(main())

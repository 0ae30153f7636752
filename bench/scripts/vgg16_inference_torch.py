#!/usr/bin/env python3
"""PyTorch side of bench/scripts/vgg16_inference.sh: VGG16 without top (Keras's vgg16.py feature extractor:
13 3x3 'same' ReLU convolutions in 5 blocks, each block ending in a 2x2/2 max pool) on batches of 32x32x3
images, eval mode, torch.no_grad(), NCHW (PyTorch's native layout), random weights.

Prints 'torch_ms_per_batch=M' (median over --iters batches after --warmup) and 'torch_images_per_second=R'.
Usage: vgg16_inference_torch.py [--batch 32] [--threads 2] [--warmup 5] [--iters 20] [--size 32]
"""
import argparse
import time

import torch
from torch import nn


def vgg16_features():
    layers, cin = [], 3
    for filters, convs in [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]:
        for _ in range(convs):
            layers += [nn.Conv2d(cin, filters, 3, padding=1), nn.ReLU(inplace=True)]
            cin = filters
        layers.append(nn.MaxPool2d(2, 2))
    return nn.Sequential(*layers)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--iters", type=int, default=20)
    p.add_argument("--size", type=int, default=32)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    model = vgg16_features().eval()
    x = torch.rand(a.batch, 3, a.size, a.size) * 255 - 120
    times = []
    with torch.no_grad():
        for _ in range(a.warmup):
            model(x)
        for _ in range(a.iters):
            t0 = time.perf_counter()
            model(x)
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    median = times[len(times) // 2]
    print("torch_ms_per_batch=%.3f" % median)
    print("torch_images_per_second=%.1f" % (a.batch * 1000 / median))
    print("torch %s: VGG16 notop %dx%dx3, batch %d, %d threads, min %.3f ms, max %.3f ms"
          % (torch.__version__, a.size, a.size, a.batch, a.threads, times[0], times[-1]))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""PyTorch's side of ganglion.bench.Vgg16Layers: each distinct 3x3 convolution of VGG16 (no top) on 32x32x3
inputs, batch 32, timed alone (best of 10 after 3 warm-up calls), next to the plain matrix product of the same
im2col shape (torch.mm on OpenBLAS). Prints "direct-equivalent" GFLOP/s, 2 * pixels * out * in * 9 / time: above
the machine's FMA peak, a convolution must be doing fewer multiplications (oneDNN's Winograd).

Usage: /usr/bin/python3 bench/scripts/vgg16_layers_torch.py [--threads 2]
"""
import argparse
import time

import torch


def best_ms(fn, warmup=3, iters=10):
    for _ in range(warmup):
        fn()
    best = float("inf")
    for _ in range(iters):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    layers = [(3, 64, 32), (64, 64, 32), (64, 128, 16), (128, 128, 16), (128, 256, 8), (256, 256, 8),
              (256, 512, 4), (512, 512, 4), (512, 512, 2)]
    print(f"torch {torch.__version__}, {a.threads} threads; batch 32")
    with torch.no_grad():
        for cin, cout, s in layers:
            conv = torch.nn.Conv2d(cin, cout, 3, padding=1)
            x = torch.randn(32, cin, s, s)
            flops = 2 * 32 * s * s * cout * cin * 9
            t_conv = best_ms(lambda: conv(x))
            cols = torch.randn(32 * s * s, cin * 9)
            w = torch.randn(cin * 9, cout)
            t_mm = best_ms(lambda: cols @ w)
            print(f"{cin:4d}->{cout:<4d} at {s:2d}x{s:<2d}: conv {t_conv * 1e3:7.2f} ms {flops / t_conv / 1e9:5.0f} GFLOP/s"
                  f"   mm {t_mm * 1e3:7.2f} ms {flops / t_mm / 1e9:5.0f} GFLOP/s")


if __name__ == "__main__":
    main()

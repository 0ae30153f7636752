#!/usr/bin/env python3
"""PyTorch side of bench/scripts/rnn_steps.sh: training steps of Embedding(10000, 64) -> LSTM|GRU|RNN(128)
-> Linear(46) with cross-entropy (softmax folded in) and Adam, batches of 64 random sequences of length 100,
as ganglion.bench.RnnSteps. For each cell: --warmup untimed steps, then --steps timed steps; prints
'torch_<cell>_ms_per_step=M' (wall) and 'torch_<cell>_cpu_ms_per_step=M' (CPU time of all threads). Meant for Debian's python3-torch (1.13, OpenBLAS).
Usage: rnn_steps_torch.py [--cells lstm,gru,simple_rnn] [--steps 100] [--warmup 10] [--threads 2] [--seed 42]
"""
import argparse
import time

import torch
from torch import nn

VOCAB, EMBED, UNITS, CLASSES, BATCH, LENGTH = 10000, 64, 128, 46, 64, 100


class Net(nn.Module):
    def __init__(self, cell):
        super().__init__()
        self.emb = nn.Embedding(VOCAB, EMBED)
        rnn = {"lstm": nn.LSTM, "gru": nn.GRU, "simple_rnn": nn.RNN}[cell]
        self.rnn = rnn(EMBED, UNITS, batch_first=True)
        self.out = nn.Linear(UNITS, CLASSES)

    def forward(self, x):
        y, _ = self.rnn(self.emb(x))
        return self.out(y[:, -1, :])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cells", default="lstm,gru,simple_rnn")
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    batches = [(torch.randint(1, VOCAB, (BATCH, LENGTH)), torch.randint(0, CLASSES, (BATCH,))) for _ in range(10)]
    for cell in args.cells.split(","):
        net = Net(cell)
        opt = torch.optim.Adam(net.parameters(), lr=1e-3, eps=1e-7)
        loss_fn = nn.CrossEntropyLoss()

        def step(i):
            x, y = batches[i % len(batches)]
            opt.zero_grad()
            loss = loss_fn(net(x), y)
            loss.backward()
            opt.step()
            return loss.item()

        for i in range(args.warmup):
            step(i)
        t0 = time.perf_counter()
        c0 = time.process_time()
        loss = 0.0
        for i in range(args.steps):
            loss = step(i)
        ms = (time.perf_counter() - t0) * 1000 / args.steps
        cpu_ms = (time.process_time() - c0) * 1000 / args.steps
        print("torch_%s_ms_per_step=%.1f" % (cell, ms))
        print("torch_%s_cpu_ms_per_step=%.1f" % (cell, cpu_ms))
        print("  %s: %d steps, last loss %.4f" % (cell, args.steps, loss))
    print("torch %s, threads %d" % (torch.__version__, torch.get_num_threads()))


if __name__ == "__main__":
    main()

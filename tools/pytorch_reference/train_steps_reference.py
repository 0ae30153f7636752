#!/usr/bin/python3
"""Reference training trajectories: a small CNN trained for a few steps, computed with PyTorch in float64.

Layer references (conv_reference.py and friends) check one op at a time. This script checks the whole training
step the way Keras runs it: forward pass in training mode, categorical cross-entropy, backward pass, optimizer
update, BatchNormalization's moving statistics. Ganglion's ganglion.models.TrainingStepsReferenceTest starts
from the same weights, feeds the same batches through Model.trainOnBatch and compares every step's loss and the
final weights. (Run at full size on CIFAR-10, the same comparison shows Ganglion's float32 steps staying as close
to float64 as PyTorch's own float32 steps do; after a dozen Adam steps both drift apart chaotically, since Adam's
first updates are about lr * sign(gradient).)

Run from the repository root: /usr/bin/python3 tools/pytorch_reference/train_steps_reference.py
It writes ganglion-core/src/test/resources/reference/train/<case>.txt in conv_reference.py's text format.

The model, in Keras terms (channels last, kernels (kh, kw, in, out)):
    Conv2D(6, 3, padding='same', activation='relu', input_shape=(8, 8, 3)), BatchNormalization(),
    MaxPooling2D(2), Conv2D(8, 3, activation='relu'), MaxPooling2D(2), Flatten(), Dense(12, activation='relu'),
    Dense(5, activation='softmax')
compiled with loss='categorical_crossentropy' and Adam() (Keras 3's update: alpha = lr * sqrt(1 - b2^t) /
(1 - b1^t), w -= alpha * m / (sqrt(v) + 1e-7)) or SGD(0.05, momentum=0.9) (velocity = 0.9 * velocity - lr * g,
w += velocity). BatchNormalization: batch statistics with the biased variance, epsilon 1e-3, moving statistics
updated with momentum 0.99 from the same biased variance, as Keras 3 does.
"""
import os

import numpy as np
import torch
import torch.nn.functional as F

OUT = os.path.join("ganglion-core", "src", "test", "resources", "reference", "train")
STEPS, BATCH, CLASSES = 6, 8, 5


def fmt(a):
    return " ".join(f"{float(v):.9g}" for v in np.asarray(a, dtype=np.float32).ravel())


def initial_weights(rng):
    def glorot(shape, fan_in, fan_out):
        lim = np.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-lim, lim, size=shape)

    return [glorot((3, 3, 3, 6), 27, 54), rng.uniform(-0.1, 0.1, 6),
            rng.uniform(0.8, 1.2, 6), rng.uniform(-0.1, 0.1, 6), np.zeros(6), np.ones(6),
            glorot((3, 3, 6, 8), 54, 72), rng.uniform(-0.1, 0.1, 8),
            glorot((8, 12), 8, 12), rng.uniform(-0.1, 0.1, 12),
            glorot((12, CLASSES), 12, CLASSES), rng.uniform(-0.1, 0.1, CLASSES)]


def forward(w, x):
    """Training-mode forward pass; returns softmax logits and the BN batch mean and (biased) variance."""
    h = F.relu(F.conv2d(x.permute(0, 3, 1, 2), w[0].permute(3, 2, 0, 1), w[1], padding=1))
    mean = h.mean(dim=(0, 2, 3))
    var = h.var(dim=(0, 2, 3), unbiased=False)
    h = (h - mean[None, :, None, None]) / torch.sqrt(var[None, :, None, None] + 1e-3)
    h = h * w[2][None, :, None, None] + w[3][None, :, None, None]
    h = F.max_pool2d(h, 2)
    h = F.max_pool2d(F.relu(F.conv2d(h, w[6].permute(3, 2, 0, 1), w[7])), 2)
    h = h.permute(0, 2, 3, 1).flatten(1)
    h = F.relu(h @ w[8] + w[9])
    return h @ w[10] + w[11], mean.detach(), var.detach()


def train(case, optimizer, seed):
    rng = np.random.default_rng(seed)
    init = [a.astype(np.float32) for a in initial_weights(rng)]
    x = rng.uniform(0, 1, size=(STEPS * BATCH, 8, 8, 3)).astype(np.float32)
    labels = rng.integers(0, CLASSES, size=STEPS * BATCH)
    y = np.eye(CLASSES, dtype=np.float32)[labels]
    w = [torch.tensor(a.astype(np.float64), requires_grad=i not in (4, 5)) for i, a in enumerate(init)]
    trainable = [i for i in range(len(w)) if i not in (4, 5)]
    slots = {i: (torch.zeros_like(w[i]), torch.zeros_like(w[i])) for i in trainable}
    losses = []
    for s in range(STEPS):
        xb = torch.tensor(x[s * BATCH:(s + 1) * BATCH].astype(np.float64))
        yb = torch.tensor(y[s * BATCH:(s + 1) * BATCH].astype(np.float64))
        logits, mean, var = forward(w, xb)
        loss = -(yb * F.log_softmax(logits, dim=1)).sum(1).mean()
        for i in trainable:
            w[i].grad = None
        loss.backward()
        losses.append(loss.item())
        with torch.no_grad():
            t = s + 1
            for i in trainable:
                g = w[i].grad
                m, v = slots[i]
                if optimizer == "adam":
                    m += (g - m) * 0.1
                    v += (g * g - v) * 0.001
                    w[i] -= 1e-3 * np.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t) * m / (v.sqrt() + 1e-7)
                else:
                    m.mul_(0.9).sub_(0.05 * g)
                    w[i] += m
            w[4].mul_(0.99).add_(0.01 * mean)
            w[5].mul_(0.99).add_(0.01 * var)
    path = os.path.join(OUT, case + ".txt")
    with open(path, "w") as f:
        f.write(f"# written by tools/pytorch_reference/train_steps_reference.py: {STEPS} steps of batch {BATCH}\n")
        f.write("op train_steps\n")
        f.write(f"param optimizer {optimizer}\nparam steps {STEPS}\nparam batch {BATCH}\n")
        f.write(f"tensor x {' '.join(map(str, x.shape))}\n{fmt(x)}\n")
        f.write(f"tensor y {' '.join(map(str, y.shape))}\n{fmt(y)}\n")
        for i, a in enumerate(init):
            f.write(f"tensor w{i} {' '.join(map(str, a.shape))}\n{fmt(a)}\n")
        f.write(f"tensor losses {STEPS}\n{fmt(losses)}\n")
        for i, a in enumerate(w):
            f.write(f"tensor final{i} {' '.join(map(str, a.shape))}\n{fmt(a.detach().numpy())}\n")
    print(f"wrote {path}: losses {' '.join(f'{l:.6f}' for l in losses)}")


def main():
    os.makedirs(OUT, exist_ok=True)
    train("cnn_bn_adam", "adam", 20261129)
    train("cnn_bn_sgd_momentum", "sgd", 20261130)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""PyTorch reference for Ganglion's Keras applications (VGG16, VGG19, ResNet50, MobileNetV2).

Builds each network in PyTorch following Keras's keras/src/applications/*.py layer by layer (not
torchvision: Keras's ResNet50 puts the stride on the first 1x1 convolution, pads the stem explicitly with
ZeroPadding2D(3) + valid 7x7/2 and ZeroPadding2D(1) + valid 3x3/2 max pool; TF "same" padding puts the odd
cell after the data), gives it random weights, and writes:

  <out>/<model>.h5        the weights in Keras's legacy h5 layout (as tf.keras model.save_weights wrote it):
                          root attrs layer_names (Keras's model.layers order), backend, keras_version;
                          one group per layer with attr weight_names ("conv/kernel:0", ...) and
                          datasets <layer>/<layer>/<weight>:0 (Conv kernels (kh, kw, in, out), depthwise
                          kernels (kh, kw, in, multiplier), Dense kernels (in, out), BN gamma, beta,
                          moving_mean, moving_variance)
  <out>/<model>_input.npy  the input batch, NHWC float32
  <out>/<model>_logits.npy the network's output for it, computed in float64 from the float32 weights
  <out>/<model>_layers.txt Keras's model.layers names, one per line

Keras's model.layers order (which positional h5 loading relies on) is computed with Keras's own
algorithm (keras/src/ops/function.py map_graph): nodes by decreasing depth from the outputs, ties broken by
the order in which a depth-first walk from the outputs first meets each layer.

Usage: /usr/bin/python3 reference.py --model resnet50 --size 32 --batch 2 --out /tmp/ref [--top --classes 10]
Needs torch, numpy, h5py. Not part of the build: the Java tests run it when /usr/bin/python3 has torch.
"""
import argparse
import math
import os
from collections import defaultdict

import h5py
import numpy as np
import torch
import torch.nn.functional as F


# ----------------------------------------------------------------------------- a tiny functional graph

class Tensor:
    def __init__(self, value, node):
        self.value = value  # torch float64, NCHW (images) or NC
        self.node = node


class Node:
    def __init__(self, layer, inputs):
        self.layer = layer
        self.inputs = inputs

    def parents(self):
        return [t.node for t in self.inputs]


class Layer:
    """A named Keras layer: its weights in Keras layout (name -> float32 array) and a torch forward."""

    def __init__(self, name, fn, weights=None):
        self.name = name
        self.fn = fn
        self.weights = weights or []  # list of (weight name, np.float32 array)

    def __call__(self, *inputs):
        w = [torch.from_numpy(a).double() for _, a in self.weights]
        value = self.fn([t.value for t in inputs], w)
        return Tensor(value, Node(self, list(inputs)))


def input_tensor(x_nhwc):
    layer = Layer("input_layer", None)
    return Tensor(torch.from_numpy(x_nhwc).double().permute(0, 3, 1, 2), Node(layer, []))


def keras_layer_order(output):
    """Keras's Functional.layers: map_graph's operations by decreasing depth, ties by first-visit index."""
    finished, in_progress, decreasing, op_index = set(), set(), [], {}

    def visit(tensor):
        node = tensor.node
        if node in finished:
            return
        if node.layer not in op_index:
            op_index[node.layer] = len(op_index)
        in_progress.add(node)
        for t in node.inputs:
            visit(t)
        finished.add(node)
        in_progress.discard(node)
        decreasing.append(node)

    visit(output)
    node_depth, op_depth = {}, {}
    for node in reversed(decreasing):
        depth = node_depth.setdefault(node, 0)
        depth = max(depth, op_depth.get(node.layer, 0))
        op_depth[node.layer] = depth
        node_depth[node] = depth
        for parent in node.parents():
            node_depth[parent] = max(depth + 1, node_depth.get(parent, 0))
    by_depth = defaultdict(list)
    for layer, depth in op_depth.items():
        by_depth[depth].append(layer)
    ordered = []
    for depth in sorted(by_depth, reverse=True):
        ordered.extend(sorted(by_depth[depth], key=lambda l: op_index[l]))
    return ordered


# ----------------------------------------------------------------------------- Keras layers in torch

RNG = np.random.default_rng(0)


def rand(shape, scale):
    return (RNG.standard_normal(shape) * scale).astype(np.float32)


def same_pads(n, k, s):
    out = -(-n // s)
    total = max((out - 1) * s + k - n, 0)
    return total // 2, total - total // 2


def conv2d(name, x, filters, k, stride=1, padding="valid", use_bias=True, activation=None):
    cin = x.value.shape[1]
    ws = [("kernel", rand((k, k, cin, filters), math.sqrt(2.0 / (k * k * cin))))]
    if use_bias:
        ws.append(("bias", rand((filters,), 0.1)))

    def fn(ins, w):
        v = ins[0]
        if padding == "same":
            t, b = same_pads(v.shape[2], k, stride)
            l, r = same_pads(v.shape[3], k, stride)
            v = F.pad(v, (l, r, t, b))
        y = F.conv2d(v, w[0].permute(3, 2, 0, 1), w[1] if use_bias else None, stride=stride)
        return torch.relu(y) if activation == "relu" else y

    return Layer(name, fn, ws)(x)


def depthwise(name, x, k, stride, padding):
    cin = x.value.shape[1]
    ws = [("depthwise_kernel", rand((k, k, cin, 1), math.sqrt(2.0 / (k * k))))]

    def fn(ins, w):
        v = ins[0]
        if padding == "same":
            t, b = same_pads(v.shape[2], k, stride)
            l, r = same_pads(v.shape[3], k, stride)
            v = F.pad(v, (l, r, t, b))
        kernel = w[0].permute(2, 3, 0, 1).reshape(cin, 1, k, k)
        return F.conv2d(v, kernel, None, stride=stride, groups=cin)

    return Layer(name, fn, ws)(x)


def batch_norm(name, x, eps):
    c = x.value.shape[1]
    ws = [("gamma", RNG.uniform(0.5, 1.5, c).astype(np.float32)),
          ("beta", RNG.uniform(-0.2, 0.2, c).astype(np.float32)),
          ("moving_mean", RNG.uniform(-0.2, 0.2, c).astype(np.float32)),
          ("moving_variance", RNG.uniform(0.5, 1.5, c).astype(np.float32))]
    return Layer(name, lambda ins, w: F.batch_norm(ins[0], w[2], w[3], w[0], w[1], False, 0.0, eps), ws)(x)


def relu(name, x, max_value=None):
    return Layer(name, lambda ins, w: torch.clamp(ins[0], 0, max_value) if max_value else torch.relu(ins[0]))(x)


def zero_pad(name, x, top, bottom, left, right):
    return Layer(name, lambda ins, w: F.pad(ins[0], (left, right, top, bottom)))(x)


def max_pool(name, x, k, s):
    return Layer(name, lambda ins, w: F.max_pool2d(ins[0], k, s))(x)


def add(name, a, b):
    return Layer(name, lambda ins, w: ins[0] + ins[1])(a, b)


def global_avg(name, x):
    return Layer(name, lambda ins, w: ins[0].mean(dim=(2, 3)))(x)


def flatten(name, x):
    return Layer(name, lambda ins, w: ins[0].permute(0, 2, 3, 1).reshape(ins[0].shape[0], -1))(x)


def dense(name, x, units, activation=None):
    n = x.value.shape[1]
    ws = [("kernel", rand((n, units), math.sqrt(1.0 / n))), ("bias", rand((units,), 0.1))]

    def fn(ins, w):
        y = ins[0] @ w[0] + w[1]
        return torch.relu(y) if activation == "relu" else y

    return Layer(name, fn, ws)(x)


# ----------------------------------------------------------------------------- the applications

def vgg(x, convs, top, classes):
    filters = [64, 128, 256, 512, 512]
    for b in range(5):
        for c in range(1, convs[b] + 1):
            x = conv2d("block%d_conv%d" % (b + 1, c), x, filters[b], 3, padding="same", activation="relu")
        x = max_pool("block%d_pool" % (b + 1), x, 2, 2)
    if top:
        x = flatten("flatten", x)
        x = dense("fc1", x, 4096, "relu")
        x = dense("fc2", x, 4096, "relu")
        x = dense("predictions", x, classes)
    return x


def resnet50(x, top, classes):
    eps = 1.001e-5

    def block(x, filters, stride, conv_shortcut, name):
        if conv_shortcut:
            shortcut = conv2d(name + "_0_conv", x, 4 * filters, 1, stride)
            shortcut = batch_norm(name + "_0_bn", shortcut, eps)
        else:
            shortcut = x
        y = conv2d(name + "_1_conv", x, filters, 1, stride)
        y = relu(name + "_1_relu", batch_norm(name + "_1_bn", y, eps))
        y = conv2d(name + "_2_conv", y, filters, 3, padding="same")
        y = relu(name + "_2_relu", batch_norm(name + "_2_bn", y, eps))
        y = conv2d(name + "_3_conv", y, 4 * filters, 1)
        y = batch_norm(name + "_3_bn", y, eps)
        return relu(name + "_out", add(name + "_add", shortcut, y))

    def stack(x, filters, blocks, stride1, name):
        x = block(x, filters, stride1, True, name + "_block1")
        for i in range(2, blocks + 1):
            x = block(x, filters, 1, False, name + "_block" + str(i))
        return x

    x = zero_pad("conv1_pad", x, 3, 3, 3, 3)
    x = conv2d("conv1_conv", x, 64, 7, 2)
    x = relu("conv1_relu", batch_norm("conv1_bn", x, eps))
    x = zero_pad("pool1_pad", x, 1, 1, 1, 1)
    x = max_pool("pool1_pool", x, 3, 2)
    x = stack(x, 64, 3, 1, "conv2")
    x = stack(x, 128, 4, 2, "conv3")
    x = stack(x, 256, 6, 2, "conv4")
    x = stack(x, 512, 3, 2, "conv5")
    if top:
        x = dense("predictions", global_avg("avg_pool", x), classes)
    return x


def make_divisible(v, divisor=8):
    new_v = max(divisor, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v


def mobilenet_v2(x, top, classes, alpha=1.0):
    eps = 1e-3

    def block(inputs, expansion, stride, filters, block_id):
        in_channels = inputs.value.shape[1]
        pointwise = make_divisible(int(filters * alpha), 8)
        x = inputs
        prefix = "block_%d_" % block_id
        if block_id:
            x = conv2d(prefix + "expand", x, expansion * in_channels, 1, padding="same", use_bias=False)
            x = relu(prefix + "expand_relu", batch_norm(prefix + "expand_BN", x, eps), 6.0)
        else:
            prefix = "expanded_conv_"
        if stride == 2:
            h, w = x.value.shape[2], x.value.shape[3]
            x = zero_pad(prefix + "pad", x, 1 - (1 - h % 2), 1, 1 - (1 - w % 2), 1)
        x = depthwise(prefix + "depthwise", x, 3, stride, "same" if stride == 1 else "valid")
        x = relu(prefix + "depthwise_relu", batch_norm(prefix + "depthwise_BN", x, eps), 6.0)
        x = conv2d(prefix + "project", x, pointwise, 1, padding="same", use_bias=False)
        x = batch_norm(prefix + "project_BN", x, eps)
        if in_channels == pointwise and stride == 1:
            return add(prefix + "add", inputs, x)
        return x

    x = conv2d("Conv1", x, make_divisible(32 * alpha, 8), 3, 2, padding="same", use_bias=False)
    x = relu("Conv1_relu", batch_norm("bn_Conv1", x, eps), 6.0)
    spec = [(16, 1, 1), (24, 2, 6), (24, 1, 6), (32, 2, 6), (32, 1, 6), (32, 1, 6), (64, 2, 6), (64, 1, 6),
            (64, 1, 6), (64, 1, 6), (96, 1, 6), (96, 1, 6), (96, 1, 6), (160, 2, 6), (160, 1, 6), (160, 1, 6),
            (320, 1, 6)]
    for i, (f, s, e) in enumerate(spec):
        x = block(x, e, s, f, i)
    last = make_divisible(1280 * alpha, 8) if alpha > 1.0 else 1280
    x = conv2d("Conv_1", x, last, 1, use_bias=False)
    x = relu("out_relu", batch_norm("Conv_1_bn", x, eps), 6.0)
    if top:
        x = dense("predictions", global_avg("global_average_pooling2d", x), classes)
    return x


def write_legacy_h5(path, layers):
    with h5py.File(path, "w") as f:
        f.attrs["layer_names"] = np.array([l.name.encode("utf8") for l in layers])
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.13.1"
        for layer in layers:
            g = f.create_group(layer.name)
            names = [("%s/%s:0" % (layer.name, wn)).encode("utf8") for wn, _ in layer.weights]
            g.attrs["weight_names"] = np.array(names) if names else np.array([], dtype="S1")
            for wn, a in layer.weights:
                g.create_dataset("%s/%s:0" % (layer.name, wn), data=a)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True, choices=["vgg16", "vgg19", "resnet50", "mobilenetv2"])
    p.add_argument("--size", type=int, default=32)
    p.add_argument("--batch", type=int, default=2)
    p.add_argument("--top", action="store_true", help="include the classifier (linear, --classes outputs)")
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    global RNG
    RNG = np.random.default_rng(a.seed)
    os.makedirs(a.out, exist_ok=True)
    x = RNG.uniform(-1, 1, (a.batch, a.size, a.size, 3)).astype(np.float32)
    with torch.no_grad():
        inp = input_tensor(x)
        if a.model == "vgg16":
            out = vgg(inp, [2, 2, 3, 3, 3], a.top, a.classes)
        elif a.model == "vgg19":
            out = vgg(inp, [2, 2, 4, 4, 4], a.top, a.classes)
        elif a.model == "resnet50":
            out = resnet50(inp, a.top, a.classes)
        else:
            out = mobilenet_v2(inp, a.top, a.classes)
    y = out.value
    if y.dim() == 4:
        y = y.permute(0, 2, 3, 1)
    layers = keras_layer_order(out)
    write_legacy_h5(os.path.join(a.out, a.model + ".h5"), layers)
    np.save(os.path.join(a.out, a.model + "_input.npy"), x)
    np.save(os.path.join(a.out, a.model + "_logits.npy"), y.numpy().astype(np.float32))
    with open(os.path.join(a.out, a.model + "_layers.txt"), "w") as f:
        f.write("\n".join(l.name for l in layers) + "\n")
    print("%s: %d layers, %d parameters, output %s" % (
        a.model, len(layers), sum(w.size for l in layers for _, w in l.weights), tuple(y.shape)))


if __name__ == "__main__":
    main()

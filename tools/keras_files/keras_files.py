#!/usr/bin/python3
"""Interoperability checks between Ganglion and Keras 3's file layouts, with h5py and numpy only.

Keras itself is not needed: this script writes files exactly as Keras 3 (.keras, .weights.h5) and the legacy
h5 writer lay them out (the layout facts are in docs/keras-reference.md, section 3), and reads the files
Ganglion writes to check their layout, names, shapes and values.

Commands
  check <file> <expect.json>       verify a Ganglion-written .keras / .weights.h5 / .h5 file
  write <kind> <model> <out> <io.json>
                                   write a Keras-layout file (kind: keras | weights | legacy | legacy_weights)
                                   for a model (dense | conv | bn | lstm | gru | embedding); io.json gets
                                   the inputs and the outputs computed here in numpy with Keras's formulas.
  batch <commands.txt>             several commands, one per line, arguments separated by tabs
Exit status 0 on success; failures print "FAIL: ..." and exit 1.
"""
import io
import json
import sys
import zipfile

import h5py
import numpy as np

KERAS_VERSION = "3.16.0"


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


# ----------------------------------------------------------------------------------------------- checking

def check(path, expect_path):
    with open(expect_path) as f:
        expect = json.load(f)
    kind = expect["kind"]
    if kind == "keras":
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            if sorted(names) != sorted(["metadata.json", "config.json", "model.weights.h5"]):
                fail("zip entries are %s" % names)
            meta = json.loads(zf.read("metadata.json"))
            for k in ("keras_version", "date_saved"):
                if k not in meta:
                    fail("metadata.json lacks " + k)
            config = json.loads(zf.read("config.json"))
            check_config(config, expect)
            h5 = h5py.File(io.BytesIO(zf.read("model.weights.h5")), "r")
            check_keras3_weights(h5, expect)
    elif kind == "weights":
        check_keras3_weights(h5py.File(path, "r"), expect)
    elif kind == "legacy":
        f = h5py.File(path, "r")
        for k in ("keras_version", "backend", "model_config"):
            if k not in f.attrs:
                fail("root attribute %s missing" % k)
        mc = json.loads(f.attrs["model_config"])
        if mc.get("class_name") != expect["class_name"]:
            fail("model_config class_name %s" % mc.get("class_name"))
        if expect.get("compiled") and "training_config" not in f.attrs:
            fail("training_config missing")
        check_legacy_weights(f["model_weights"], expect)
        if expect.get("optimizer_count"):
            ow = f["optimizer_weights"]
            wn = [n.decode() if isinstance(n, bytes) else n for n in ow.attrs["weight_names"]]
            if len(wn) != expect["optimizer_count"]:
                fail("optimizer_weights has %d names, expected %d" % (len(wn), expect["optimizer_count"]))
            if ow[wn[0]].dtype != np.int64 or ow[wn[0]].shape != ():
                fail("iteration must be an int64 scalar, is %s %s" % (ow[wn[0]].dtype, ow[wn[0]].shape))
    elif kind == "legacy_weights":
        check_legacy_weights(h5py.File(path, "r"), expect)
    else:
        fail("unknown kind " + kind)
    print("OK " + path)


def check_config(config, expect):
    for k in ("module", "class_name", "config", "registered_name", "build_config"):
        if k not in config:
            fail("config.json lacks top-level key " + k)
    if config["class_name"] != expect["class_name"]:
        fail("class_name %s != %s" % (config["class_name"], expect["class_name"]))
    if expect.get("compiled"):
        cc = config.get("compile_config")
        if not cc:
            fail("compile_config missing")
        for k in ("optimizer", "loss", "metrics", "loss_weights", "weighted_metrics", "run_eagerly",
                  "steps_per_execution", "jit_compile"):
            if k not in cc:
                fail("compile_config lacks " + k)
        if cc["optimizer"]["module"] != "keras.optimizers":
            fail("optimizer module %s" % cc["optimizer"]["module"])
    layers = config["config"]["layers"]
    if layers[0]["class_name"] != "InputLayer" or "batch_shape" not in layers[0]["config"]:
        fail("first layer entry must be an InputLayer with batch_shape")
    classes = [l["class_name"] for l in layers[1:]]
    if classes != expect["layer_classes"]:
        fail("layer classes %s != %s" % (classes, expect["layer_classes"]))
    for l in layers:
        for k in ("module", "class_name", "config", "registered_name"):
            if k not in l:
                fail("layer entry %s lacks %s" % (l.get("class_name"), k))
        if l["module"] != "keras.layers":
            fail("layer module %s" % l["module"])
        if "name" not in l["config"]:
            fail("layer config without name")


def visit_names(g):
    out = []
    g.visit(out.append)
    return out


def compare(ds, spec, where):
    shape = tuple(spec["shape"])
    if ds.shape != shape:
        fail("%s has shape %s, expected %s" % (where, ds.shape, shape))
    if "values" in spec:
        got = np.asarray(ds[()], dtype=np.float64).reshape(-1)
        want = np.asarray(spec["values"], dtype=np.float64).reshape(-1)
        if got.shape != want.shape or not np.array_equal(got.astype(np.float32), want.astype(np.float32)):
            fail("%s values differ (max |diff| %s)" % (where, np.max(np.abs(got - want)) if got.shape == want.shape else "shape"))
    if "dtype" in spec and str(ds.dtype) != spec["dtype"]:
        fail("%s has dtype %s, expected %s" % (where, ds.dtype, spec["dtype"]))


def check_keras3_weights(h5, expect):
    if "layers" not in h5:
        fail("no 'layers' group; root has %s" % list(h5.keys()))
    if "vars" not in h5:
        fail("no root 'vars' group")
    got = sorted(h5["layers"].keys())
    if got != sorted(expect["layer_entries"]):
        fail("layers/ has %s, expected %s" % (got, sorted(expect["layer_entries"])))
    for entry in expect["layer_entries"]:
        if "vars" not in h5["layers"][entry]:
            fail("layers/%s has no vars group" % entry)
    for path, spec in expect["datasets"].items():
        if path not in h5:
            fail("dataset %s missing; file has %s" % (path, visit_names(h5)))
        compare(h5[path], spec, path)
    # every dataset under vars groups must be expected (no stray weights)
    names = [n for n in visit_names(h5["layers"]) if isinstance(h5["layers"][n], h5py.Dataset)
             and "seed_generator" not in n]
    for n in names:
        if "layers/" + n not in expect["datasets"]:
            fail("unexpected dataset layers/%s" % n)
    if expect.get("optimizer_count"):
        ov = h5["optimizer/vars"]
        if len(ov) != expect["optimizer_count"]:
            fail("optimizer/vars has %d entries, expected %d" % (len(ov), expect["optimizer_count"]))
        if ov["0"].dtype != np.int64 or ov["0"].shape != ():
            fail("optimizer/vars/0 (iteration) must be an int64 scalar, is %s %s" % (ov["0"].dtype, ov["0"].shape))
        if ov["1"].dtype != np.float32 or ov["1"].shape != ():
            fail("optimizer/vars/1 (learning rate) must be a float32 scalar")


def check_legacy_weights(g, expect):
    names = [n.decode() if isinstance(n, bytes) else n for n in g.attrs["layer_names"]]
    if names != expect["layer_names"]:
        fail("layer_names %s != %s" % (names, expect["layer_names"]))
    for k in ("backend", "keras_version"):
        if k not in g.attrs:
            fail("model_weights attribute %s missing" % k)
    for lname in names:
        lg = g[lname]
        wn = [n.decode() if isinstance(n, bytes) else n for n in lg.attrs.get("weight_names", [])]
        want = expect["weight_names"].get(lname, [])
        if wn != want:
            fail("weight_names of %s are %s, expected %s" % (lname, wn, want))
        for w in wn:
            compare(lg[w], expect["datasets"][lname + "/" + w], lname + "/" + w)


# ----------------------------------------------------------------------------------------------- writing

def dtype_policy():
    return {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": None}


def init(cls):
    return {"module": "keras.initializers", "class_name": cls, "config": {"seed": None}, "registered_name": None}


def layer_entry(cls, config, input_shape):
    base = {"name": config.pop("name"), "trainable": True, "dtype": dtype_policy()}
    base.update(config)
    return {"module": "keras.layers", "class_name": cls, "config": base, "registered_name": None,
            "build_config": {"input_shape": [None] + list(input_shape)}}


def dense(name, units, act, inp):
    return layer_entry("Dense", {"name": name, "units": units, "activation": act, "use_bias": True,
                                 "kernel_initializer": init("GlorotUniform"), "bias_initializer": init("Zeros"),
                                 "kernel_regularizer": None, "bias_regularizer": None, "kernel_constraint": None,
                                 "bias_constraint": None}, inp)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


ACT = {"relu": lambda x: np.maximum(x, 0), "linear": lambda x: x, "softmax": softmax, "sigmoid": sigmoid,
       "tanh": np.tanh}


def build(model, rng):
    """Returns (input_shape, [(class_name, layer_entry, [weights], forward)], inputs)."""
    L = []
    r = lambda *s: rng.standard_normal(s).astype(np.float32) * 0.5
    if model == "dense":
        shape = (4,)
        w = [[r(4, 8), r(8)], [r(8, 3), r(3)]]
        L.append(("dense", dense("dense", 8, "relu", (4,)), w[0], lambda x, w: np.maximum(x @ w[0] + w[1], 0)))
        L.append(("dense_1", dense("dense_1", 3, "softmax", (8,)), w[1], lambda x, w: softmax(x @ w[0] + w[1])))
        x = rng.standard_normal((5, 4)).astype(np.float32)
    elif model == "conv":
        shape = (6, 6, 2)
        conv = layer_entry("Conv2D", {"name": "conv2d", "filters": 3, "kernel_size": [3, 3], "strides": [1, 1],
                                      "padding": "valid", "data_format": "channels_last", "dilation_rate": [1, 1],
                                      "groups": 1, "activation": "relu", "use_bias": True,
                                      "kernel_initializer": init("GlorotUniform"), "bias_initializer": init("Zeros"),
                                      "kernel_regularizer": None, "bias_regularizer": None,
                                      "activity_regularizer": None, "kernel_constraint": None,
                                      "bias_constraint": None}, shape)

        def conv_fwd(x, w):
            k, b = w
            n, h, wd, c = x.shape
            out = np.zeros((n, h - 2, wd - 2, k.shape[3]), dtype=np.float64)
            for i in range(h - 2):
                for j in range(wd - 2):
                    patch = x[:, i:i + 3, j:j + 3, :]
                    out[:, i, j, :] = np.tensordot(patch, k, axes=([1, 2, 3], [0, 1, 2]))
            return np.maximum(out + b, 0)

        pool = layer_entry("MaxPooling2D", {"name": "max_pooling2d", "pool_size": [2, 2], "padding": "valid",
                                            "strides": [2, 2], "data_format": "channels_last"}, (4, 4, 3))

        def pool_fwd(x, w):
            n, h, wd, c = x.shape
            return x.reshape(n, h // 2, 2, wd // 2, 2, c).max(axis=(2, 4))

        flat = layer_entry("Flatten", {"name": "flatten", "data_format": "channels_last"}, (2, 2, 3))
        L.append(("conv2d", conv, [r(3, 3, 2, 3), r(3)], conv_fwd))
        L.append(("max_pooling2d", pool, [], pool_fwd))
        L.append(("flatten", flat, [], lambda x, w: x.reshape(x.shape[0], -1)))
        L.append(("dense", dense("dense", 2, "linear", (12,)), [r(12, 2), r(2)], lambda x, w: x @ w[0] + w[1]))
        x = rng.standard_normal((3, 6, 6, 2)).astype(np.float32)
    elif model == "bn":
        shape = (5,)
        bn = layer_entry("BatchNormalization", {"name": "batch_normalization", "axis": -1, "momentum": 0.99,
                                                "epsilon": 0.001, "center": True, "scale": True,
                                                "beta_initializer": init("Zeros"), "gamma_initializer": init("Ones"),
                                                "moving_mean_initializer": init("Zeros"),
                                                "moving_variance_initializer": init("Ones"),
                                                "beta_regularizer": None, "gamma_regularizer": None,
                                                "beta_constraint": None, "gamma_constraint": None,
                                                "synchronized": False}, (6,))
        var = (np.abs(r(6)) + 0.5).astype(np.float32)
        L.append(("dense", dense("dense", 6, "relu", (5,)), [r(5, 6), r(6)], lambda x, w: np.maximum(x @ w[0] + w[1], 0)))
        L.append(("batch_normalization", bn, [r(6), r(6), r(6), var],
                  lambda x, w: (x - w[2]) / np.sqrt(w[3] + 0.001) * w[0] + w[1]))
        L.append(("dense_1", dense("dense_1", 2, "sigmoid", (6,)), [r(6, 2), r(2)], lambda x, w: sigmoid(x @ w[0] + w[1])))
        x = rng.standard_normal((4, 5)).astype(np.float32)
    elif model in ("lstm", "gru"):
        shape = (5, 3)
        units = 4
        cfg = {"name": model, "return_sequences": False, "return_state": False, "go_backwards": False,
               "stateful": False, "unroll": False, "zero_output_for_mask": False, "units": units,
               "activation": "tanh", "recurrent_activation": "sigmoid", "use_bias": True,
               "kernel_initializer": init("GlorotUniform"), "recurrent_initializer": init("Orthogonal"),
               "bias_initializer": init("Zeros"), "kernel_regularizer": None, "recurrent_regularizer": None,
               "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
               "recurrent_constraint": None, "bias_constraint": None, "dropout": 0.0, "recurrent_dropout": 0.0,
               "seed": None}
        if model == "lstm":
            cfg["unit_forget_bias"] = True
            weights = [r(3, 4 * units), r(units, 4 * units), r(4 * units)]

            def fwd(x, w):
                k, u, b = w
                h = np.zeros((x.shape[0], units))
                c = np.zeros((x.shape[0], units))
                for t in range(x.shape[1]):
                    z = x[:, t, :] @ k + h @ u + b
                    i, f, cc, o = np.split(z, 4, axis=-1)
                    c = sigmoid(f) * c + sigmoid(i) * np.tanh(cc)
                    h = sigmoid(o) * np.tanh(c)
                return h
        else:
            cfg["reset_after"] = True
            weights = [r(3, 3 * units), r(units, 3 * units), r(2, 3 * units)]

            def fwd(x, w):
                k, u, b = w
                h = np.zeros((x.shape[0], units))
                for t in range(x.shape[1]):
                    mx = x[:, t, :] @ k + b[0]
                    mi = h @ u + b[1]
                    xz, xr, xh = np.split(mx, 3, axis=-1)
                    iz, ir, ih = np.split(mi, 3, axis=-1)
                    z = sigmoid(xz + iz)
                    rr = sigmoid(xr + ir)
                    hh = np.tanh(xh + rr * ih)
                    h = z * h + (1 - z) * hh
                return h
        L.append((model, layer_entry(model.upper(), cfg, shape), weights, fwd))
        L.append(("dense", dense("dense", 2, "linear", (units,)), [r(units, 2), r(2)], lambda x, w: x @ w[0] + w[1]))
        x = rng.standard_normal((3, 5, 3)).astype(np.float32)
    elif model == "embedding":
        shape = (6,)
        emb = layer_entry("Embedding", {"name": "embedding", "input_dim": 20, "output_dim": 4,
                                        "embeddings_initializer": init("RandomUniform"),
                                        "embeddings_regularizer": None, "activity_regularizer": None,
                                        "embeddings_constraint": None, "mask_zero": False}, shape)
        gap = layer_entry("GlobalAveragePooling1D", {"name": "global_average_pooling1d",
                                                     "data_format": "channels_last", "keepdims": False}, (6, 4))
        L.append(("embedding", emb, [r(20, 4)], lambda x, w: w[0][x.astype(np.int64)]))
        L.append(("global_average_pooling1d", gap, [], lambda x, w: x.mean(axis=1)))
        L.append(("dense", dense("dense", 1, "linear", (4,)), [r(4, 1), r(1)], lambda x, w: x @ w[0] + w[1]))
        x = rng.integers(0, 20, size=(4, 6)).astype(np.float32)
    else:
        fail("unknown model " + model)
    return shape, L, x


def sequential_config(shape, L):
    layers = [{"module": "keras.layers", "class_name": "InputLayer",
               "config": {"batch_shape": [None] + list(shape), "dtype": "float32", "sparse": False,
                          "name": "input_layer"}, "registered_name": None}]
    layers += [entry for _, entry, _, _ in L]
    return {"module": "keras", "class_name": "Sequential",
            "config": {"name": "sequential", "trainable": True, "dtype": dtype_policy(), "layers": layers},
            "registered_name": None, "build_config": {"input_shape": [None] + list(shape)},
            "compile_config": {"optimizer": {"module": "keras.optimizers", "class_name": "Adam",
                                             "config": {"name": "adam", "learning_rate": 0.001, "weight_decay": None,
                                                        "clipnorm": None, "global_clipnorm": None, "clipvalue": None,
                                                        "use_ema": False, "ema_momentum": 0.99,
                                                        "ema_overwrite_frequency": None, "loss_scale_factor": None,
                                                        "gradient_accumulation_steps": None, "beta_1": 0.9,
                                                        "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False},
                                             "registered_name": None},
                               "loss": "mean_squared_error", "loss_weights": None, "metrics": None,
                               "weighted_metrics": None, "run_eagerly": False, "steps_per_execution": 1,
                               "jit_compile": False}}


def write_keras3_weights(h5, L, with_optimizer):
    """Keras 3's H5IOStore layout: layers/<snake class>/vars/i, RNN cells under cell/."""
    layers = h5.create_group("layers")
    for key, entry, weights, _ in L:
        g = layers.create_group(key)
        if entry["class_name"] in ("LSTM", "GRU", "SimpleRNN"):
            g.create_group("vars")
            cell = g.create_group("cell")
            v = cell.create_group("vars")
            sg = cell.create_group("seed_generator").create_group("vars")
            sg.create_dataset("0", data=np.array([1337, 0], dtype=np.uint32))
        else:
            v = g.create_group("vars")
        for i, w in enumerate(weights):
            v.create_dataset(str(i), data=w)
    h5.create_group("vars")
    if with_optimizer:
        ov = h5.create_group("optimizer").create_group("vars")
        ov.create_dataset("0", data=np.int64(3))
        ov.create_dataset("1", data=np.float32(0.001))
        for _, entry, weights, _ in L:
            trainable = weights[:2] if entry["class_name"] == "BatchNormalization" else weights
            for w in trainable:
                ov.create_dataset(str(len(ov)), data=np.full(w.shape, 0.01, np.float32))
                ov.create_dataset(str(len(ov)), data=np.full(w.shape, 0.02, np.float32))


def write_legacy_weights(g, L, tf2_names):
    """tf.keras 2 / Keras 3 legacy layout: layer_names, per-layer weight_names, nested datasets."""
    g.attrs["layer_names"] = np.array([entry["config"]["name"].encode("utf8") for _, entry, _, _ in L])
    g.attrs["backend"] = "tensorflow".encode("utf8")
    g.attrs["keras_version"] = KERAS_VERSION.encode("utf8")
    names = {"Dense": ["kernel", "bias"], "Conv2D": ["kernel", "bias"],
             "BatchNormalization": ["gamma", "beta", "moving_mean", "moving_variance"],
             "LSTM": ["lstm_cell/kernel", "lstm_cell/recurrent_kernel", "lstm_cell/bias"],
             "GRU": ["gru_cell/kernel", "gru_cell/recurrent_kernel", "gru_cell/bias"],
             "Embedding": ["embeddings"]}
    for _, entry, weights, _ in sorted(L, key=lambda t: t[1]["config"]["name"]):
        lname = entry["config"]["name"]
        lg = g.create_group(lname)
        wn = ["%s/%s%s" % (lname, n, ":0" if tf2_names else "") for n in names.get(entry["class_name"], [])][:len(weights)]
        lg.attrs["weight_names"] = np.array([n.encode("utf8") for n in wn]) if wn else np.array([])
        for n, w in zip(wn, weights):
            lg.create_dataset(n, data=w)


def write(kind, model, out, io_path):
    rng = np.random.default_rng(7)
    shape, L, x = build(model, rng)
    y = x.astype(np.float64)
    for _, _, w, fwd in L:
        y = fwd(y, [np.asarray(a, np.float64) for a in w])
    config = sequential_config(shape, L)
    if kind == "keras":
        buf = io.BytesIO()
        with h5py.File(buf, "w") as h5:
            write_keras3_weights(h5, L, True)
        with zipfile.ZipFile(out, "w") as zf:
            zf.writestr("metadata.json", json.dumps({"keras_version": KERAS_VERSION, "date_saved": "2026-11-29@05:00:00"}))
            zf.writestr("config.json", json.dumps(config))
            zf.writestr("model.weights.h5", buf.getvalue())
    elif kind == "weights":
        with h5py.File(out, "w") as h5:
            write_keras3_weights(h5, L, False)
    elif kind == "legacy":
        with h5py.File(out, "w") as f:
            f.attrs["keras_version"] = KERAS_VERSION
            f.attrs["backend"] = "tensorflow"
            f.attrs["model_config"] = json.dumps({"class_name": "Sequential", "config": config["config"]})
            cc = dict(config["compile_config"])
            opt = cc.pop("optimizer")
            cc["optimizer_config"] = {"class_name": opt["class_name"], "config": opt["config"]}
            f.attrs["training_config"] = json.dumps(cc)
            write_legacy_weights(f.create_group("model_weights"), L, False)
    elif kind == "legacy_weights":
        with h5py.File(out, "w") as f:
            write_legacy_weights(f, L, True)
    else:
        fail("unknown kind " + kind)
    with open(io_path, "w") as f:
        json.dump({"input_shape": list(x.shape), "input": x.reshape(-1).tolist(),
                   "output_shape": list(y.shape), "output": y.reshape(-1).tolist()}, f)
    print("WROTE " + out)


def main(argv):
    if len(argv) == 3 and argv[0] == "check":
        check(argv[1], argv[2])
    elif len(argv) == 5 and argv[0] == "write":
        write(argv[1], argv[2], argv[3], argv[4])
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "batch":
        # one command per line, arguments separated by tabs: saves starting Python for every file
        with open(sys.argv[2]) as f:
            for line in f:
                if line.strip():
                    main(line.rstrip("\n").split("\t"))
    elif len(sys.argv) == 4 and sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 6 and sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    else:
        print(__doc__)
        sys.exit(2)

#!/usr/bin/python3
"""Writes small stand-ins for Keras's imdb.npz / reuters.npz and their word indexes, plus the outputs Keras's
load_data would give for them, for ganglion.datasets.ImdbReutersTest.

Run from the repository root with Debian's numpy:  /usr/bin/python3 tools/make_text_fixtures.py

The .npz files have Keras's exact layout: imdb.npz holds x_train/x_test (object arrays of Python lists of ints)
and y_train/y_test (int64); reuters.npz holds x (object array of lists) and y (int64). The expected outputs in
expected_*.json are computed here with numpy's RandomState(seed).shuffle, following the steps of Keras 3's
keras/src/datasets/imdb.py and reuters.py load_data (shuffle, start_char/index_from, maxlen filter keeping
len < maxlen, num_words/skip_top with oov_char, then the train/test split).
"""
import json
import os

import numpy as np

OUT = os.path.join("ganglion-core", "src", "test", "resources", "fixtures", "text")


def ragged(rng, n, vocab, max_len):
    a = np.empty(n, dtype=object)
    for i in range(n):
        length = int(rng.integers(1, max_len + 1))
        a[i] = [int(v) for v in rng.integers(1, vocab, size=length)]
    return a


def shuffle_perm(rng, n):
    idx = np.arange(n)
    rng.shuffle(idx)
    return idx


def remove_long(maxlen, xs, labels):
    keep = [i for i, x in enumerate(xs) if len(x) < maxlen]
    return [xs[i] for i in keep], [labels[i] for i in keep]


def prepare(xs, num_words, skip_top, start_char, oov_char, index_from):
    if start_char is not None:
        xs = [[start_char] + [w + index_from for w in x] for x in xs]
    elif index_from:
        xs = [[w + index_from for w in x] for x in xs]
    return xs


def clip(xs, num_words, skip_top, oov_char):
    if not num_words:
        num_words = max(max(x) for x in xs)
    if oov_char is not None:
        return [[w if skip_top <= w < num_words else oov_char for w in x] for x in xs]
    return [[w for w in x if skip_top <= w < num_words] for x in xs]


def imdb_expected(d, num_words=None, skip_top=0, maxlen=None, seed=113, start_char=1, oov_char=2, index_from=3):
    rng = np.random.RandomState(seed)
    xtr, ytr = d["x_train"], d["y_train"]
    xte, yte = d["x_test"], d["y_test"]
    p = shuffle_perm(rng, len(xtr))
    xtr, ytr = list(xtr[p]), list(ytr[p])
    p = shuffle_perm(rng, len(xte))
    xte, yte = list(xte[p]), list(yte[p])
    xtr = prepare(xtr, num_words, skip_top, start_char, oov_char, index_from)
    xte = prepare(xte, num_words, skip_top, start_char, oov_char, index_from)
    if maxlen:
        xtr, ytr = remove_long(maxlen, xtr, ytr)
        xte, yte = remove_long(maxlen, xte, yte)
    xs = clip(xtr + xte, num_words, skip_top, oov_char)
    labels = [int(v) for v in ytr + yte]
    n = len(xtr)
    return {"x_train": xs[:n], "y_train": labels[:n], "x_test": xs[n:], "y_test": labels[n:]}


def reuters_expected(d, num_words=None, skip_top=0, maxlen=None, test_split=0.2, seed=113, start_char=1,
                     oov_char=2, index_from=3):
    rng = np.random.RandomState(seed)
    xs, labels = d["x"], d["y"]
    p = shuffle_perm(rng, len(xs))
    xs, labels = list(xs[p]), [int(v) for v in labels[p]]
    xs = prepare(xs, num_words, skip_top, start_char, oov_char, index_from)
    if maxlen:
        xs, labels = remove_long(maxlen, xs, labels)
    xs = clip(xs, num_words, skip_top, oov_char)
    idx = int(len(xs) * (1 - test_split))
    return {"x_train": xs[:idx], "y_train": labels[:idx], "x_test": xs[idx:], "y_test": labels[idx:]}


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(4)
    imdb = {"x_train": ragged(rng, 37, 120, 30), "y_train": rng.integers(0, 2, size=37).astype(np.int64),
            "x_test": ragged(rng, 29, 120, 30), "y_test": rng.integers(0, 2, size=29).astype(np.int64)}
    np.savez(os.path.join(OUT, "imdb.npz"), **imdb)
    reuters = {"x": ragged(rng, 53, 90, 25), "y": rng.integers(0, 46, size=53).astype(np.int64)}
    np.savez(os.path.join(OUT, "reuters.npz"), **reuters)
    words = ["the", "and", "a", "of", "to", "is", "br", "in", "it", "i", "영화", "좋다"]
    with open(os.path.join(OUT, "imdb_word_index.json"), "w") as f:
        json.dump({w: i + 1 for i, w in enumerate(words)}, f)
    with open(os.path.join(OUT, "reuters_word_index.json"), "w") as f:
        json.dump({w: i + 1 for i, w in enumerate(reversed(words))}, f)

    with np.load(os.path.join(OUT, "imdb.npz"), allow_pickle=True) as f:
        d = {k: f[k] for k in f.files}
    cases = {
        "default": {},
        "num_words_20": {"num_words": 20},
        "skip_top_maxlen": {"num_words": 50, "skip_top": 5, "maxlen": 15},
        "seed_7_no_start": {"seed": 7, "start_char": None, "index_from": 2},
        "no_oov": {"num_words": 30, "oov_char": None},
    }
    out = {}
    for name, kw in cases.items():
        out[name] = {"options": kw, "expected": imdb_expected(d, **kw)}
    with open(os.path.join(OUT, "expected_imdb.json"), "w") as f:
        json.dump(out, f)

    with np.load(os.path.join(OUT, "reuters.npz"), allow_pickle=True) as f:
        d = {k: f[k] for k in f.files}
    cases = {
        "default": {},
        "num_words_25_split_03": {"num_words": 25, "test_split": 0.3},
        "maxlen_10_skip_3": {"maxlen": 10, "skip_top": 3},
    }
    out = {}
    for name, kw in cases.items():
        out[name] = {"options": kw, "expected": reuters_expected(d, **kw)}
    with open(os.path.join(OUT, "expected_reuters.json"), "w") as f:
        json.dump(out, f)
    # numpy's RandomState(seed).shuffle of arange(n): first 50 and last 5 entries
    perms = {}
    for seed, n in [(113, 10), (113, 25000), (0, 7), (4294967295, 100)]:
        r = np.random.RandomState(seed)
        idx = np.arange(n)
        r.shuffle(idx)
        perms["%d_%d" % (seed, n)] = [int(v) for v in idx[:50]] + [int(v) for v in idx[-5:]]
    with open(os.path.join(OUT, "expected_shuffles.json"), "w") as f:
        json.dump(perms, f)


if __name__ == "__main__":
    main()

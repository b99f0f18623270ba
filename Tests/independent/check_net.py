#!/usr/bin/env python3
"""Independent check of `convviewer net` against DESIGN.md, "The network".

Nothing here comes from the Swift code. The network is written out from the DESIGN table in
NumPy, in float64:

    conv1 = Conv2d(1, 8, 3) -> ReLU -> MaxPool2d(2) -> Conv2d(8, 16, 3) -> ReLU -> MaxPool2d(2)
    -> Flatten (channel-major) -> Linear(400, 10) -> softmax; loss = -log p[label], batch mean;
    max-pool backward to the first maximum of each block (row-major); SGD with momentum
    v = 0.9 v + g; w -= lr v.

1. Forward: a random weights file and random 28x28 PGM inputs (and a 40x30 one, which must be
   scaled by area average to 28x21 and centred) through `net classify --json`; every stage
   compared to 1e-4.
2. Training: `net train --init W --limit 32 --batch 32 --epochs 1` (one SGD step) and
   `--epochs 2` (two steps on the same batch, so momentum counts) on a random IDX data set made
   here; the written weights compared to NumPy's to 1e-4.
3. Bad input: missing data set, not gzip, a header claiming billions of images, a 10 GB weights
   file, a NaN in the weights: one line on stderr, exit 1.
4. If the real data set is installed: the shipped weights' accuracy from `net eval --json`
   recomputed from the JSON weights.

Usage: check_net.py [path/to/convviewer]   (or CONVVIEWER=...; default .build/debug/convviewer)
"""
import gzip
import json
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np

TOL = 1e-4
BIN = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CONVVIEWER", ".build/debug/convviewer")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FASHION = "/usr/share/datasets/fashion-mnist"
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def run(*args, expect=0):
    r = subprocess.run([BIN, "net", *args], capture_output=True, text=True)
    if r.returncode != expect:
        fail(f"net {' '.join(args)}: exit {r.returncode}, expected {expect}: {r.stderr.strip()[:300]}")
    return r


# ---------- the network in NumPy ----------

def conv(inp, w, b):
    """inp (C, H, W), w (O, C, 3, 3) -> (O, H-2, W-2); cross-correlation, valid."""
    patches = np.lib.stride_tricks.sliding_window_view(inp, (3, 3), axis=(1, 2))  # C, H-2, W-2, 3, 3
    return np.einsum("chwij,ocij->ohw", patches, w) + b[:, None, None]


def pool_blocks(r):
    """(C, H, W) -> (C, H//2, W//2, 4): each 2x2 block in row-major order, odd edge dropped."""
    c, h, w = r.shape
    h2, w2 = h // 2, w // 2
    return r[:, :2 * h2, :2 * w2].reshape(c, h2, 2, w2, 2).transpose(0, 1, 3, 2, 4).reshape(c, h2, w2, 4)


def forward(P, x):
    s = {"input": x[None]}
    s["conv1"] = conv(s["input"], P["conv1.weight"], P["conv1.bias"])
    s["relu1"] = np.maximum(0, s["conv1"])
    s["pool1"] = pool_blocks(s["relu1"]).max(axis=-1)
    s["conv2"] = conv(s["pool1"], P["conv2.weight"], P["conv2.bias"])
    s["relu2"] = np.maximum(0, s["conv2"])
    s["pool2"] = pool_blocks(s["relu2"]).max(axis=-1)
    s["flatten"] = s["pool2"].reshape(-1)
    s["dense"] = P["dense.weight"] @ s["flatten"] + P["dense.bias"]
    e = np.exp(s["dense"] - s["dense"].max())
    s["softmax"] = e / e.sum()
    return s


def pool_backward(r, dpool):
    """Gradient of the 2x2 max pool: to the first maximum of each block."""
    blocks = pool_blocks(r)
    first = blocks.argmax(axis=-1)  # numpy's argmax returns the first of equal maxima
    c, h2, w2 = first.shape
    d = np.zeros_like(r)
    for k in range(4):
        dy, dx = divmod(k, 2)
        d[:, dy:2 * h2:2, dx:2 * w2:2] += np.where(first == k, dpool, 0)
    return d


def conv_backward(inp, w, dout):
    patches = np.lib.stride_tricks.sliding_window_view(inp, (3, 3), axis=(1, 2))
    dw = np.einsum("ohw,chwij->ocij", dout, patches)
    db = dout.sum(axis=(1, 2))
    din = np.zeros_like(inp)
    oh, ow = dout.shape[1:]
    for i in range(3):
        for j in range(3):
            din[:, i:i + oh, j:j + ow] += np.einsum("ohw,oc->chw", dout, w[:, :, i, j])
    return dw, db, din


def gradients(P, x, label):
    s = forward(P, x)
    g = {}
    dz = s["softmax"].copy()
    dz[label] -= 1
    g["dense.weight"] = np.outer(dz, s["flatten"])
    g["dense.bias"] = dz
    dpool2 = (P["dense.weight"].T @ dz).reshape(s["pool2"].shape)
    dconv2 = pool_backward(s["relu2"], dpool2) * (s["conv2"] > 0)
    g["conv2.weight"], g["conv2.bias"], dpool1 = conv_backward(s["pool1"], P["conv2.weight"], dconv2)
    dconv1 = pool_backward(s["relu1"], dpool1) * (s["conv1"] > 0)
    g["conv1.weight"], g["conv1.bias"], _ = conv_backward(s["input"], P["conv1.weight"], dconv1)
    return g


# ---------- files ----------

KEYS = ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "dense.weight", "dense.bias"]


def random_params(rng, f1=8, f2=16):
    shapes = {"conv1.weight": (f1, 1, 3, 3), "conv1.bias": (f1,), "conv2.weight": (f2, f1, 3, 3),
              "conv2.bias": (f2,), "dense.weight": (10, 25 * f2), "dense.bias": (10,)}
    fan = {"conv1.weight": 9, "conv2.weight": 9 * f1, "dense.weight": 25 * f2}
    P = {}
    for k, shape in shapes.items():
        scale = np.sqrt(2 / fan[k]) if k in fan else 0.1
        P[k] = rng.normal(0, scale, shape).astype(np.float32).astype(np.float64)
    return P


def write_weights(path, P):
    layers = [{"name": n, "type": "conv2d" if n != "dense" else "linear",
               "weight": P[n + ".weight"].tolist(), "bias": P[n + ".bias"].tolist()} for n in ("conv1", "conv2", "dense")]
    doc = {"format": "convviewer-net/1", "dataset": "random", "classes": [f"c{i}" for i in range(10)],
           "input": [28, 28, 1], "layers": layers}
    with open(path, "w") as f:
        json.dump(doc, f)


def read_weights(path):
    doc = json.load(open(path))
    P = {}
    for layer in doc["layers"]:
        P[layer["name"] + ".weight"] = np.array(layer["weight"], dtype=np.float64)
        P[layer["name"] + ".bias"] = np.array(layer["bias"], dtype=np.float64)
    return P, doc


def write_pgm(path, pixels):
    h, w = pixels.shape
    with open(path, "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (w, h) + pixels.astype(np.uint8).tobytes())


def write_idx(path, array, compress=True):
    a = np.asarray(array, dtype=np.uint8)
    data = struct.pack(">BBBB", 0, 0, 8, a.ndim) + b"".join(struct.pack(">I", n) for n in a.shape) + a.tobytes()
    with open(path, "wb") as f:
        f.write(gzip.compress(data, mtime=0) if compress else data)


def area_resize(img, out_h, out_w):
    """Area average: output cell (q, j) is the mean of the input area it covers."""
    def weights(n, m):
        A = np.zeros((m, n))
        for j in range(m):
            lo, hi = j * n / m, (j + 1) * n / m
            for i in range(n):
                A[j, i] = max(0.0, min(hi, i + 1) - max(lo, i))
        return A / (n / m)
    return weights(img.shape[0], out_h) @ img @ weights(img.shape[1], out_w).T


def close(a, b, what):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        fail(f"{what}: shape {a.shape} vs {b.shape}")
        return
    err = np.abs(a - b) / np.maximum(1, np.abs(b))
    if err.size and err.max() > TOL:
        fail(f"{what}: off by {err.max():.3g} at {np.unravel_index(err.argmax(), err.shape)}")


# ---------- the checks ----------

def check_forward(tmp, rng):
    P = random_params(rng)
    wpath = os.path.join(tmp, "random.json")
    write_weights(wpath, P)
    cases = [rng.integers(0, 256, (28, 28)) for _ in range(4)] + [rng.integers(0, 256, (30, 40))]
    for n, pixels in enumerate(cases):
        ipath = os.path.join(tmp, f"in{n}.pgm")
        write_pgm(ipath, pixels)
        r = run("classify", "--weights", wpath, "--input", ipath, "--json")
        if r.returncode != 0:
            continue
        out = json.loads(r.stdout)
        x = pixels / 255.0
        if x.shape != (28, 28):
            small = area_resize(x, 21, 28)
            x = np.zeros((28, 28))
            x[3:24, 0:28] = small
        s = forward(P, x)
        check_stages(out, s, f"case {n}")
    # Other filter counts: 16 then 8.
    P = random_params(rng, 16, 8)
    write_weights(wpath, P)
    pixels = rng.integers(0, 256, (28, 28))
    write_pgm(os.path.join(tmp, "in16.pgm"), pixels)
    r = run("classify", "--weights", wpath, "--input", os.path.join(tmp, "in16.pgm"), "--json")
    if r.returncode == 0:
        check_stages(json.loads(r.stdout), forward(P, pixels / 255.0), "filters 16,8")
    print(f"forward: {len(cases) + 1} inputs, every stage within {TOL}")


def check_stages(out, s, what):
    names = [st["name"] for st in out["stages"]]
    if names != ["input", "conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "dense", "softmax"]:
        fail(f"stage names {names}")
    for st in out["stages"]:
        if list(st["shape"]) != list(np.shape(st["values"])):
            fail(f"{st['name']}: shape {st['shape']} but values nest as {np.shape(st['values'])}")
        close(st["values"], s[st["name"]], f"{what} stage {st['name']}")
    close(out["probabilities"], s["softmax"], f"{what} probabilities")
    if out["predicted"] != int(np.argmax(s["softmax"])):
        fail(f"{what}: predicted {out['predicted']}, NumPy says {np.argmax(s['softmax'])}")


def check_training(tmp, rng):
    data = os.path.join(tmp, "data")
    os.makedirs(data)
    images = rng.integers(0, 256, (32, 28, 28))
    labels = rng.integers(0, 10, 32)
    write_idx(os.path.join(data, "train-images-idx3-ubyte.gz"), images)
    write_idx(os.path.join(data, "train-labels-idx1-ubyte.gz"), labels)
    write_idx(os.path.join(data, "t10k-images-idx3-ubyte.gz"), images[:5])
    write_idx(os.path.join(data, "t10k-labels-idx1-ubyte.gz"), labels[:5])
    P0 = random_params(rng)
    w0 = os.path.join(tmp, "w0.json")
    write_weights(w0, P0)

    def mean_grad(P):
        total = {k: np.zeros_like(v) for k, v in P.items()}
        for x, y in zip(images, labels):
            for k, v in gradients(P, x / 255.0, int(y)).items():
                total[k] += v
        return {k: v / 32 for k, v in total.items()}

    lr, mu = 0.01, 0.9
    g0 = mean_grad(P0)
    P1 = {k: P0[k] - lr * g0[k] for k in KEYS}
    g1 = mean_grad(P1)
    P2 = {k: P1[k] - lr * (mu * g0[k] + g1[k]) for k in KEYS}
    for epochs, expected in ((1, P1), (2, P2)):
        out = os.path.join(tmp, f"trained{epochs}.json")
        r = run("train", "--init", w0, "--limit", "32", "--batch", "32", "--epochs", str(epochs), "--data", data, "-o", out)
        if r.returncode != 0:
            continue
        got, doc = read_weights(out)
        for k in KEYS:
            close(got[k], expected[k], f"after {epochs} SGD step(s): {k}")
        t = doc.get("training", {})
        if (t.get("epochs"), t.get("batch"), t.get("images_seen"), t.get("train_images")) != (epochs, 32, 32 * epochs, 32):
            fail(f"training record {t}")
    print(f"training: one and two SGD steps with momentum within {TOL}")
    outputs = []
    for n, seed in enumerate(("3", "3", "4")):
        out = os.path.join(tmp, f"seeded{n}.json")
        run("train", "--seed", seed, "--epochs", "2", "--batch", "8", "--data", data, "-o", out)
        outputs.append(open(out).read() if os.path.exists(out) else None)
    if outputs[0] is None or outputs[0] != outputs[1]:
        fail("two trainings with seed 3 wrote different files")
    if outputs[0] == outputs[2]:
        fail("seeds 3 and 4 wrote the same weights")
    print("training: the same seed gives the same file, another seed another")
    return data, w0


def check_bad_input(tmp, data, w0):
    def one_line(args, *needles):
        r = run(*args, expect=1)
        err = r.stderr.strip()
        if r.returncode == 1 and ("\n" in err or not all(n in err for n in needles)):
            fail(f"net {' '.join(args)}: wanted one line with {needles}, got: {err[:300]}")

    missing = os.path.join(tmp, "nothing-here")
    one_line(["train", "--data", missing, "-o", os.path.join(tmp, "x.json")], "dataset-fashion-mnist", "--data")
    one_line(["eval", "--weights", w0, "--data", missing], "dataset-fashion-mnist", "--data")
    bad = os.path.join(tmp, "bad")
    os.makedirs(bad)
    open(os.path.join(bad, "t10k-images-idx3-ubyte.gz"), "wb").write(b"plain text, not gzip")
    write_idx(os.path.join(bad, "t10k-labels-idx1-ubyte.gz"), np.zeros(5))
    one_line(["eval", "--weights", w0, "--data", bad], "not a gzip file")
    # A header claiming 2^31 images of 28x28, then nothing: refused before any allocation.
    open(os.path.join(bad, "t10k-images-idx3-ubyte.gz"), "wb").write(
        gzip.compress(struct.pack(">BBBBIII", 0, 0, 8, 3, 2**31, 28, 28)))
    one_line(["eval", "--weights", w0, "--data", bad], "exceed the limit")
    # A truncated stream.
    whole = gzip.compress(struct.pack(">BBBBIII", 0, 0, 8, 3, 5, 28, 28) + bytes(5 * 784))
    open(os.path.join(bad, "t10k-images-idx3-ubyte.gz"), "wb").write(whole[: len(whole) // 2])
    one_line(["eval", "--weights", w0, "--data", bad], "cut short")
    # More values than the header says.
    open(os.path.join(bad, "t10k-images-idx3-ubyte.gz"), "wb").write(
        gzip.compress(struct.pack(">BBBBIII", 0, 0, 8, 3, 5, 28, 28) + bytes(6 * 784)))
    one_line(["eval", "--weights", w0, "--data", bad], "after the last value")
    # Counts that disagree.
    write_idx(os.path.join(bad, "t10k-images-idx3-ubyte.gz"), np.zeros((5, 28, 28)))
    write_idx(os.path.join(bad, "t10k-labels-idx1-ubyte.gz"), np.zeros(4))
    one_line(["eval", "--weights", w0, "--data", bad], "5 images but 4 labels")
    huge = os.path.join(tmp, "huge.json")
    with open(huge, "wb") as f:
        f.truncate(10 * 1024**3)  # sparse: 10 GB claimed, nothing stored
    one_line(["classify", "--weights", huge, "--test-index", "0", "--data", data], "huge.json")
    text = open(w0).read().replace("[[[[", "[[[[NaN, ", 1)
    nan = os.path.join(tmp, "nan.json")
    open(nan, "w").write(text)
    one_line(["eval", "--weights", nan, "--data", data], "nan.json")
    exists = os.path.join(tmp, "exists.json")
    open(exists, "w").write("keep me")
    one_line(["train", "--init", w0, "--limit", "32", "--data", data, "-o", exists], "--force")
    if open(exists).read() != "keep me":
        fail("train overwrote a file without --force")
    print("bad input: one line, exit 1, every case")


def check_without_data_set():
    """With the data set away, eval and --test-index use the shipped 100 images and say so."""
    env = dict(os.environ, CONVVIEWER_FASHION_MNIST="/nonexistent/fashion-mnist")
    for args in (["eval", "--json"], ["classify", "--test-index", "99", "--json"]):
        r = subprocess.run([BIN, "net", *args], capture_output=True, text=True, env=env)
        if r.returncode != 0 or "shipped" not in r.stderr or "dataset-fashion-mnist" not in r.stderr:
            fail(f"net {' '.join(args)} without the data set: exit {r.returncode}, stderr {r.stderr.strip()[:200]}")
            continue
        out = json.loads(r.stdout)
        if args[0] == "eval" and out["count"] != 100:
            fail(f"net eval without the data set counted {out['count']} images, expected the 100 shipped")
    r = subprocess.run([BIN, "net", "classify", "--test-index", "100"], capture_output=True, text=True, env=env)
    if r.returncode != 1 or "\n" in r.stderr.strip():
        fail(f"--test-index 100 on the shipped sample: exit {r.returncode}, {r.stderr.strip()[:200]}")
    print("without the data set: the shipped sample is used, and said to be")


def check_shipped_accuracy():
    shipped = os.path.join(ROOT, "resources", "networks", "fashion-8-16.json")
    if not os.path.isdir(FASHION):
        print(f"shipped accuracy: skipped ({FASHION} not installed)")
        return
    r = run("eval", "--weights", shipped, "--json")
    if r.returncode != 0:
        return
    got = json.loads(r.stdout)
    P, doc = read_weights(shipped)
    with gzip.open(os.path.join(FASHION, "t10k-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 28, 28) / 255.0
    with gzip.open(os.path.join(FASHION, "t10k-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    correct = 0
    for start in range(0, len(images), 500):
        x = images[start:start + 500][:, None]  # N, 1, 28, 28
        def bconv(inp, w, b):
            p = np.lib.stride_tricks.sliding_window_view(inp, (3, 3), axis=(2, 3))
            return np.einsum("nchwij,ocij->nohw", p, w) + b[None, :, None, None]
        def bpool(r):
            n, c, h, w = r.shape
            return r[:, :, :h // 2 * 2, :w // 2 * 2].reshape(n, c, h // 2, 2, w // 2, 2).max(axis=(3, 5))
        a = bpool(np.maximum(0, bconv(x, P["conv1.weight"], P["conv1.bias"])))
        a = bpool(np.maximum(0, bconv(a, P["conv2.weight"], P["conv2.bias"])))
        z = a.reshape(len(a), -1) @ P["dense.weight"].T + P["dense.bias"]
        correct += int((z.argmax(axis=1) == labels[start:start + 500]).sum())
    accuracy = correct / len(images)
    # float32 against float64: a near tie may fall the other way for a handful of images.
    if got["count"] != len(images) or abs(got["accuracy"] - accuracy) > 5 / len(images):
        fail(f"shipped weights: net eval says {got['accuracy']} of {got['count']}, NumPy {accuracy}")
    recorded = doc.get("training", {}).get("test_accuracy")
    if recorded is None or abs(recorded - accuracy) > 5 / len(images):
        fail(f"shipped weights record test_accuracy {recorded}, NumPy {accuracy}")
    print(f"shipped weights: accuracy {accuracy:.4f} (net eval {got['accuracy']:.4f})")


def main():
    rng = np.random.default_rng(20261201)
    with tempfile.TemporaryDirectory() as tmp:
        check_forward(tmp, rng)
        data, w0 = check_training(tmp, rng)
        check_bad_input(tmp, data, w0)
    check_without_data_set()
    check_shipped_accuracy()
    if failures:
        print(f"check_net: {len(failures)} failure(s)")
        sys.exit(1)
    print("check_net: all agree")


main()

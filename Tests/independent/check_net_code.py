#!/usr/bin/env python3
"""The PyTorch code that network mode's code overlay shows must classify as `net classify` does.

PyTorch is rarely installed where the tests run, so the snippet runs against a small NumPy
stand-in for the few PyTorch calls it makes, written here from PyTorch's documentation and
DESIGN.md ("The network"): Conv2d is cross-correlation without padding, stride 1, weights
[out][in][k][k]; MaxPool2d(2) takes the max of each 2×2 block and drops an odd last row or
column; Flatten keeps the batch and lays out C, H, W in that order; Linear is x·Wᵀ + b; softmax
over dim 1. The stand-in refuses a weight whose shape differs from the layer's, as PyTorch's
forward would fail, so the snippet's loading lines are checked against the weights file too.

For a few test images, the snippet's printed class and probability are compared with
`convviewer net classify --test-index N --json` (probability to 1e-5).

Usage: check_net_code.py [path/to/convviewer]   (or CONVVIEWER=...; default .build/debug/convviewer)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

TORCH = r'''
import numpy as np
float32 = np.float32

class Tensor:
    def __init__(self, a):
        self.a = np.asarray(a, dtype=np.float32)
    def reshape(self, *shape):
        return Tensor(self.a.reshape(shape))
    def softmax(self, dim):
        e = np.exp(self.a - self.a.max(axis=dim, keepdims=True))
        return Tensor(e / e.sum(axis=dim, keepdims=True))
    def argmax(self):
        return Tensor(np.argmax(self.a))
    def __getitem__(self, i):
        return Tensor(self.a[int(i) if isinstance(i, Tensor) else i])
    def __int__(self):
        return int(self.a)
    def __float__(self):
        return float(self.a)
    def __index__(self):
        return int(self.a)

def tensor(data, dtype=None):
    return Tensor(data)
'''

NN = r'''
import numpy as np
from torch import Tensor

class Parameter:
    def __init__(self, shape):
        self.shape = tuple(shape)
        self.data = Tensor(np.zeros(shape, dtype=np.float32))
    def value(self):
        got = self.data.a
        if got.shape != self.shape:
            raise ValueError("weight of shape %s where the layer needs %s" % (got.shape, self.shape))
        return got

class Conv2d:
    def __init__(self, cin, cout, k):
        self.k = k
        self.weight = Parameter((cout, cin, k, k))
        self.bias = Parameter((cout,))
    def __call__(self, x):
        w, b, k = self.weight.value(), self.bias.value(), self.k
        n, c, h, wd = x.a.shape
        out = np.zeros((n, w.shape[0], h - k + 1, wd - k + 1), dtype=np.float64)
        for dy in range(k):
            for dx in range(k):
                patch = x.a[:, :, dy:dy + h - k + 1, dx:dx + wd - k + 1].astype(np.float64)
                out += np.einsum("nchw,oc->nohw", patch, w[:, :, dy, dx].astype(np.float64))
        return Tensor(out + b[None, :, None, None])

class ReLU:
    def __call__(self, x):
        return Tensor(np.maximum(x.a, 0))

class MaxPool2d:
    def __init__(self, k):
        assert k == 2
    def __call__(self, x):
        n, c, h, w = x.a.shape
        a = x.a[:, :, :h // 2 * 2, :w // 2 * 2].reshape(n, c, h // 2, 2, w // 2, 2)
        return Tensor(a.max(axis=(3, 5)))

class Flatten:
    def __call__(self, x):
        return Tensor(x.a.reshape(x.a.shape[0], -1))

class Linear:
    def __init__(self, n, m):
        self.weight = Parameter((m, n))
        self.bias = Parameter((m,))
    def __call__(self, x):
        return Tensor(x.a.astype(np.float64) @ self.weight.value().T.astype(np.float64) + self.bias.value())

class Sequential:
    def __init__(self, *layers):
        self.layers = layers
    def __iter__(self):
        return iter(self.layers)
    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
'''


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CONVVIEWER", ".build/debug/convviewer")
    passed = failed = 0
    with tempfile.TemporaryDirectory() as work:
        os.makedirs(os.path.join(work, "torch"))
        with open(os.path.join(work, "torch", "__init__.py"), "w") as f:
            f.write(TORCH)
        with open(os.path.join(work, "torch", "nn.py"), "w") as f:
            f.write(NN)
        code = subprocess.run([binary, "net", "classify", "--test-index", "0", "--code"],
                              capture_output=True, text=True, timeout=60)
        if code.returncode != 0:
            print(f"FAIL net classify --code: {code.stderr.strip()}")
            return 1
        snippet = code.stdout
        # The file the snippet opens, by the name it uses, beside it.
        name = [l for l in snippet.splitlines() if l.startswith("with open(")][0].split('"')[1]
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
        shutil.copy(os.path.join(root, "resources", "networks", name), os.path.join(work, name))
        for index in [0, 1, 7, 42]:
            want = subprocess.run([binary, "net", "classify", "--test-index", str(index), "--json"],
                                  capture_output=True, text=True, timeout=60)
            if want.returncode != 0:
                failed += 1
                print(f"FAIL test image {index}: {want.stderr.strip()}")
                continue
            doc = json.loads(want.stdout)
            image = doc["stages"][0]["values"][0]
            program = "image = " + json.dumps(image) + "\n" + snippet
            run = subprocess.run([sys.executable, "-"], input=program, capture_output=True, text=True,
                                 timeout=120, cwd=work, env=dict(os.environ, PYTHONPATH=work))
            if run.returncode != 0:
                failed += 1
                print(f"FAIL test image {index}: the snippet exited {run.returncode}: "
                      f"{run.stderr.strip().splitlines()[-1:]}")
                continue
            label, prob = run.stdout.strip().rsplit(" ", 1)
            best = doc["predicted"]
            ok = label == doc["class"] and abs(float(prob) - doc["probabilities"][best]) <= 1e-5
            passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
            print(("ok   " if ok else "FAIL ") + f"test image {index}: snippet says {label} {float(prob):.6f}, "
                  f"net classify {doc['class']} {doc['probabilities'][best]:.6f}")
    print(f"check_net_code: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

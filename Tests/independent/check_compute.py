#!/usr/bin/env python3
"""Independent check of `convviewer compute --json` against DESIGN.md, "The model".

Nothing here comes from the Swift code: the kernels are typed in from the DESIGN table and the
maps are computed with numpy straight from the definition

    out[r][c] = bias + sum_i sum_j in[r*s + i - p][c*s + j - p] * k[i][j]   (zero outside the input)

(cross-correlation, no flip), p = 0 for `valid` and floor(k/2) for `same`, ReLU = max(0, x),
then 2x2 pooling with stride 2 on the ReLU map, max or average, an odd last row/column dropped.

For every built-in input (`convviewer list`) x every preset x stride 1, 2 x valid, same, plus a few
bias / avg-pool / custom-kernel cases, the binary's `input.pixels` are fed to this implementation
and its `kernel.weights`, `conv`, `relu` and `pool` are compared to 1e-5.

Usage: check_compute.py [path/to/convviewer]   (or CONVVIEWER=...; default .build/debug/convviewer)
Exit status 0 when every case agrees, 1 otherwise.
"""
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np

TOLERANCE = 1e-5

# The DESIGN.md kernel table, rows top to bottom.
PRESETS = {
    "identity": [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
    "edge_v": [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]],
    "edge_h": [[-1, -1, -1], [0, 0, 0], [1, 1, 1]],
    "sobel_x": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
    "sobel_y": [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
    "blur": [[1 / 9] * 3] * 3,
    "gaussian": [[1 / 16, 2 / 16, 1 / 16], [2 / 16, 4 / 16, 2 / 16], [1 / 16, 2 / 16, 1 / 16]],
    "sharpen": [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
    "outline": [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]],
    "emboss": [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]],
}


def parse_kernel_text(text):
    """`a,b,c;d,e,f;g,h,i` -> rows."""
    return [[float(v) for v in row.split(",")] for row in text.split(";")]


def convolve(image, kernel, stride, padding, bias, dilation=1, flip=False):
    """The DESIGN formula, vectorised over output cells, in float64. With dilation d the taps are
    d apart and `same` pads d*floor(k/2); `flip` turns the kernel by 180 degrees (true convolution)."""
    if flip:
        kernel = kernel[::-1, ::-1]
    n, d = kernel.shape[0], dilation
    p = d * (n // 2) if padding == "same" else 0
    padded = np.pad(image, p)
    oh = (image.shape[0] + 2 * p - d * (n - 1) - 1) // stride + 1
    ow = (image.shape[1] + 2 * p - d * (n - 1) - 1) // stride + 1
    out = np.full((oh, ow), float(bias))
    for i in range(n):
        for j in range(n):
            r0, c0 = i * d, j * d
            window = padded[r0:r0 + stride * (oh - 1) + 1:stride, c0:c0 + stride * (ow - 1) + 1:stride]
            out += kernel[i, j] * window
    return out


def pool(relu, mode):
    h, w = relu.shape[0] // 2, relu.shape[1] // 2
    blocks = relu[:2 * h, :2 * w].reshape(h, 2, w, 2)
    return blocks.max(axis=(1, 3)) if mode == "max" else blocks.mean(axis=(1, 3))


def as_array(rows, name):
    """A JSON map (list of rows) as a 2-D array; an empty map is 0x0."""
    if not isinstance(rows, list) or any(not isinstance(r, list) for r in rows):
        raise ValueError(f"{name} is not a list of rows")
    if len(rows) == 0 or len(rows[0]) == 0:
        return np.zeros((0, 0))
    if len({len(r) for r in rows}) != 1:
        raise ValueError(f"{name} has ragged rows")
    return np.array(rows, dtype=np.float64)


def compare(name, got, want):
    if got.shape != want.shape:
        return f"{name}: shape {got.shape[1]}x{got.shape[0]}, expected {want.shape[1]}x{want.shape[0]}"
    if got.size == 0:
        return None
    diff = np.abs(got - want)
    worst = np.unravel_index(np.argmax(diff), diff.shape)
    if not np.all(np.isfinite(got)) or diff[worst] > TOLERANCE:
        r, c = int(worst[0]), int(worst[1])
        return f"{name}: cell ({r}, {c}) is {float(got[r, c])}, expected {float(want[r, c])} (|diff| {diff[worst]:.3g})"
    return None


def check_case(binary, case):
    """Runs one combination; returns None when it agrees, else a one-line reason."""
    args = [binary, "compute", "--json", "--input", case["input"], f"--filter={case['filter']}",
            "--stride", str(case["stride"]), "--padding", case["padding"],
            f"--bias={case['bias']}", "--pool", case["pool"], "--dilation", str(case.get("dilation", 1))]
    if case.get("flip"):
        args.append("--flip")
    try:
        run = subprocess.run(args, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "timed out"
    if run.returncode != 0:
        return f"exit {run.returncode}: {run.stderr.strip()[:200]}"
    try:
        doc = json.loads(run.stdout)
        image = as_array(doc["input"]["pixels"], "input.pixels")
        weights = as_array(doc["kernel"]["weights"], "kernel.weights")
        conv, relu, pooled = (as_array(doc[k], k) for k in ("conv", "relu", "pool"))
    except (ValueError, KeyError, TypeError) as e:
        return f"bad JSON: {e}"

    spec = PRESETS.get(case["filter"]) or parse_kernel_text(case["filter"])
    kernel = np.array(spec, dtype=np.float64)
    problems = []
    # The echo of what was asked for.
    header = {
        "input.name": (doc["input"].get("name"), case["input"]),
        "input.width": (doc["input"].get("width"), image.shape[1]),
        "input.height": (doc["input"].get("height"), image.shape[0]),
        "stride": (doc.get("stride"), case["stride"]),
        "padding": (doc.get("padding"), case["padding"]),
        "pool_mode": (doc.get("pool_mode"), case["pool"]),
        "dilation": (doc.get("dilation"), case.get("dilation", 1)),
        "flip": (doc.get("flip"), bool(case.get("flip", False))),
    }
    if case["filter"] in PRESETS:
        header["kernel.name"] = (doc["kernel"].get("name"), case["filter"])
    for key, (got, want) in header.items():
        if got != want:
            problems.append(f"{key} is {got!r}, expected {want!r}")
    if abs(float(doc["kernel"].get("bias", "nan")) - case["bias"]) > TOLERANCE:
        problems.append(f"kernel.bias is {doc['kernel'].get('bias')!r}, expected {case['bias']}")
    if image.size == 0 or image.min() < 0 or image.max() > 1:
        problems.append("input.pixels empty or outside [0, 1]")

    want_conv = convolve(image, kernel, case["stride"], case["padding"], case["bias"],
                         case.get("dilation", 1), case.get("flip", False))
    want_relu = np.maximum(want_conv, 0)
    want_pool = pool(want_relu, case["pool"])
    for name, got, want in (("kernel.weights", weights, kernel), ("conv", conv, want_conv),
                            ("relu", relu, want_relu), ("pool", pooled, want_pool)):
        problem = compare(name, got, want)
        if problem:
            problems.append(problem)
    return "; ".join(problems) or None


def check_text(binary, args):
    """`compute` without --json: the input, kernel, conv, relu and pool grids as aligned text, each
    number within half a unit of its last written digit of the JSON value, a nonzero value never
    written as 0, and the minus sign U+2212. Returns a problem, or None."""
    text = subprocess.run([binary, "compute"] + args, capture_output=True, text=True, timeout=60)
    js = subprocess.run([binary, "compute", "--json"] + args, capture_output=True, text=True, timeout=60)
    if text.returncode != 0 or js.returncode != 0:
        return f"exit {text.returncode}/{js.returncode}: {text.stderr.strip()}{js.stderr.strip()}"
    doc = json.loads(js.stdout)
    want = {"input": doc["input"]["pixels"], "kernel": doc["kernel"]["weights"],
            "conv": doc["conv"], "relu": doc["relu"], "pool": doc["pool"]}
    grids, title = {}, None
    for line in text.stdout.splitlines()[1:]:
        words = line.split()
        if len(words) == 2 and words[0] in want and "×" in words[1]:
            title = words[0]
            grids[title] = []
        elif words and title:
            grids[title].append(words)
        else:
            title = None
    for name, rows in want.items():
        got = grids.get(name)
        if got is None:
            return f"no {name} grid in the text output"
        if len(got) != len(rows) or any(len(g) != len(r) for g, r in zip(got, rows)):
            return f"{name}: {len(got)} rows of text for {len(rows)} rows"
        for g_row, w_row in zip(got, rows):
            for token, value in zip(g_row, w_row):
                if "-" in token:
                    return f"{name}: ASCII minus in {token!r}"
                number = float(token.replace("\u2212", "-"))
                if value != 0 and number == 0:
                    return f"{name}: {value} written as {token}"
                if "e" in token:
                    ok = abs(number - value) <= abs(value) * 0.06
                else:
                    places = len(token.split(".")[1]) if "." in token else 0
                    ok = abs(number - value) <= 0.5 * 10 ** -places + 1e-9
                if not ok:
                    return f"{name}: {value} written as {token}"
    return None


def builtin_inputs(binary):
    run = subprocess.run([binary, "list"], capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        sys.exit(f"check_compute: `{binary} list` failed with exit {run.returncode}: {run.stderr.strip()}")
    inputs, filters, section = [], [], None
    for line in run.stdout.splitlines():
        if line.strip() in ("inputs:", "filters:"):
            section = line.strip()
        elif line.startswith(" ") and line.strip() and section:
            (inputs if section == "inputs:" else filters).append(line.split()[0])
    return inputs, filters


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CONVVIEWER", ".build/debug/convviewer")
    if not os.access(binary, os.X_OK):
        sys.exit(f"check_compute: no executable at {binary} (build first, or pass its path)")
    inputs, filters = builtin_inputs(binary)
    failures = []
    missing = sorted(set(PRESETS) - set(filters))
    if missing:
        failures.append(f"`list` does not show the presets {', '.join(missing)}")
    for required in ("face", "cross", "diag", "checker", "circle", "letter", "stripes"):
        if required not in inputs:
            failures.append(f"`list` does not show the input {required}")

    cases = [dict(input=i, filter=f, stride=s, padding=p, bias=0.0, pool="max")
             for i in inputs for f in PRESETS for s in (1, 2) for p in ("valid", "same")]
    # Bias, average pooling, and custom kernels of other sizes (1x1, 5x5 asymmetric, 7x7).
    five = ";".join(",".join(str((3 * r + c) % 5 - 2) for c in range(5)) for r in range(5))
    seven = ";".join(",".join("0.02" for _ in range(7)) for _ in range(7))
    extra = [
        ("face", "edge_v", 1, "valid", -0.5, "avg"),
        ("face", "sharpen", 2, "same", 0.25, "avg"),
        ("cross", "edge_h", 1, "same", -1.0, "max"),
        ("letter", "outline", 2, "valid", 0.75, "avg"),
        ("gradient" if "gradient" in inputs else "stripes", "emboss", 1, "same", -0.125, "avg"),
        ("circle", "-2", 1, "valid", 1.0, "max"),
        ("checker", five, 1, "same", 0.0, "avg"),
        ("diag", five, 2, "valid", -0.5, "max"),
        ("letter", seven, 1, "valid", 0.0, "max"),
        ("stripes", seven, 3, "same", 0.1, "avg"),
    ]
    cases += [dict(input=i, filter=f, stride=s, padding=p, bias=b, pool=m) for i, f, s, p, b, m in extra]
    # Dilation and true convolution (flip), on asymmetric kernels so that a flip shows.
    cases += [dict(input=i, filter=f, stride=s, padding=p, bias=0.0, pool="max", dilation=d, flip=fl)
              for i in ("face", "letter", "cross") for f in ("emboss", "sobel_x", five)
              for s in (1, 2) for p in ("valid", "same") for d in (1, 2, 3) for fl in (False, True)
              if not (d == 1 and not fl)]

    for args in (["--input", "cross", "--filter=0.001,0,-1;0,1,0;0,0,0"],
                 ["--input", "face", "--filter", "edge_v", "--bias=-0.5", "--padding", "same"],
                 ["--input", "letter", "--filter", "blur", "--stride", "2"]):
        problem = check_text(binary, args)
        if problem:
            failures.append(f"compute text {' '.join(args)}: {problem}")

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool_:
        results = list(pool_.map(lambda c: (c, check_case(binary, c)), cases))
    passed = 0
    for case, problem in results:
        if problem is None:
            passed += 1
        else:
            label = (f"{case['input']} {case['filter']} stride {case['stride']} {case['padding']} bias {case['bias']} "
                     f"{case['pool']} dilation {case.get('dilation', 1)}{' flip' if case.get('flip') else ''}")
            failures.append(f"{label}: {problem}")
    for f in failures:
        print(f"FAIL {f}")
    print(f"inputs: {', '.join(inputs)}; filters: {', '.join(PRESETS)}; {len(cases)} runs")
    failed = len(failures)
    print(f"check_compute: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The code overlay's NumPy program, run by python3, must give the numbers of `compute --json`.

For each case, `convviewer compute --code script` prints the whole program the `o` overlay shows
(with the input written out as literal values); python3 runs it, and its conv, relu and pool are
compared with `convviewer compute --json` to 1e-5 (relative for large sums).

Usage: check_code_snippet.py [path/to/convviewer]   (or CONVVIEWER=...; default .build/debug/convviewer)
"""
import json
import os
import subprocess
import sys

import numpy as np

CASES = [
    ["--input", "face", "--filter", "edge_v"],
    ["--input", "cross", "--filter", "edge_h", "--stride", "2", "--padding", "same"],
    ["--input", "letter", "--filter", "emboss", "--dilation", "2"],
    ["--input", "face", "--filter", "sobel_x", "--flip", "--padding", "same", "--dilation", "3"],
    ["--input", "checker", "--filter", "blur", "--pool", "avg", "--bias=-0.25"],
    ["--input", "gradient", "--filter", "1,2,3;4,5,6;7,8,9", "--flip", "--stride", "3"],
    ["--input", "circle", "--filter", "0.5;", "--stride", "1"],  # a bad kernel: both must refuse
    ["--input", "stripes", "--filter", "1,0,0,0,-1;0,0,0,0,0;0,0,2,0,0;0,0,0,0,0;-1,0,0,0,1",
     "--padding", "same", "--stride", "2"],
]


def run(binary, args):
    return subprocess.run([binary, "compute"] + args, capture_output=True, text=True, timeout=60)


def close(a, b):
    a, b = np.array(a, dtype=np.float64), np.array(b, dtype=np.float64)
    if a.shape != b.shape:
        return False
    return bool(np.all(np.abs(a - b) <= 1e-5 * np.maximum(1, np.abs(b))))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CONVVIEWER", ".build/debug/convviewer")
    passed = failed = 0
    for args in CASES:
        label = " ".join(args)
        want = run(binary, ["--json"] + args)
        script = run(binary, ["--code", "script"] + args)
        if want.returncode != 0:
            # A refused case must be refused the same way with --code.
            ok = script.returncode == want.returncode and script.stderr == want.stderr
            passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
            print(("ok   " if ok else "FAIL ") + f"{label}: refused ({want.stderr.strip()})")
            continue
        py = subprocess.run([sys.executable, "-"], input=script.stdout, capture_output=True, text=True, timeout=120)
        if py.returncode != 0:
            failed += 1
            print(f"FAIL {label}: python3 exited {py.returncode}: {py.stderr.strip().splitlines()[-1:]}")
            continue
        got, doc = json.loads(py.stdout), json.loads(want.stdout)
        bad = [k for k in ("conv", "relu", "pool") if not close(got[k], doc[k])]
        if bad:
            failed += 1
            print(f"FAIL {label}: {', '.join(bad)} differ")
        else:
            passed += 1
            print(f"ok   {label}")
    print(f"check_code_snippet: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

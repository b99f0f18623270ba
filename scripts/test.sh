#!/usr/bin/env bash
# Builds convviewer and runs every test: the unit tests (no display), the independent check of
# `compute` against NumPy, the bad-input checks, and the end-to-end tests under a private Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build
swift test 2>&1 | tee /tmp/convviewer-swift-test.log | grep -E "error|failed|passed|Executed|Test Suite 'All tests'" || true
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || { echo "swift test failed (full log: /tmp/convviewer-swift-test.log)"; exit "$status"; }

bin=.build/debug/convviewer
python3 Tests/independent/check_compute.py "$bin"
bash Tests/independent/check_bad_input.sh "$bin"
CONVVIEWER="$bin" bash Tests/e2e/run.sh

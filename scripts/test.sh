#!/usr/bin/env bash
# Builds convviewer and runs every test: the unit tests (no display), the independent check of
# `compute` against NumPy, the bad-input checks, and the end-to-end tests under a private Xvfb
# (network.sh: network mode in the window).
set -euo pipefail
cd "$(dirname "$0")/.."

swift build
# Only failures and the closing summary are shown; the whole log is kept.
log=$(mktemp -t convviewer-swift-test.XXXXXX.log)
set +e
swift test >"$log" 2>&1
status=$?
set -e
grep -E "error:|' failed \(|Test Suite 'All tests'" "$log" || true
grep -E "Executed [0-9]+ tests" "$log" | tail -n 1
[ "$status" -eq 0 ] || { echo "swift test failed (full log: $log)"; exit "$status"; }

bin=.build/debug/convviewer
python3 Tests/independent/check_compute.py "$bin"
bash Tests/independent/check_bad_input.sh "$bin"
python3 Tests/independent/check_code_snippet.py "$bin"
python3 Tests/independent/check_net.py "$bin"
python3 Tests/independent/check_net_code.py "$bin"
# Coverage-guided fuzzing, about 10 s a target; the saved crash inputs are replayed first.
bash scripts/fuzz.sh 10
CONVVIEWER="$bin" bash Tests/e2e/record.sh
CONVVIEWER="$bin" bash Tests/e2e/run.sh
CONVVIEWER="$bin" bash Tests/e2e/network.sh

#!/usr/bin/env bash
# learn-budget.sh [WxH] [SECONDS] [BINARY]
#
# The learn view's budgets (issue 12): opens the window in a private Xvfb of size WxH (default
# 1920x1080) with CONVVIEWER_TRACE=1, presses L so training runs at full speed, and after
# SECONDS (default 20; the first 3 are not counted) prints
#   - the frames drawn in each second (the trace's `frames in 1 s` lines): median and lowest;
#   - the training thread's images per second and per CPU-second of its own (the trace's `learn`
#     lines): median over the seconds measured;
#   - the process's and the X server's CPU over the measured seconds, as % of a core;
# then runs `net train` for three epochs of the training images (batch 32, as the learn view) and
# prints its images per second and per CPU-second, and the ratios of the two; and, per CPU-second,
# the figure of Trainer.step alone (`bench --net-only --quick`), without net train's loading.
#
#   swift build -c release && scripts/learn-budget.sh 1920x1080 20 .build/release/convviewer
#
# With LEARN_BUDGET_BESIDE=1, `net train` also runs during the measurement (beside the window,
# under the same load), and its rate over the epochs it finished is compared too.
#
# On a machine busy with other work the figures are lower and noisier than on an idle one (the
# per-CPU-second ones least): say so next to them. It ends only the processes it started.
set -eu
size=${1:-1920x1080}; seconds=${2:-20}; bin=${3:-.build/release/convviewer}
[[ $size =~ ^[0-9]+x[0-9]+$ ]] || { echo "learn-budget.sh: size must be WxH, not '$size'" >&2; exit 2; }
[[ $seconds =~ ^[0-9]+$ ]] && [ "$seconds" -gt 3 ] || { echo "learn-budget.sh: SECONDS must be a whole number > 3" >&2; exit 2; }
[ -x "$bin" ] || { echo "learn-budget.sh: no binary at $bin (swift build -c release first)" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
for tool in Xvfb xdotool xdpyinfo; do
    command -v "$tool" >/dev/null || { echo "learn-budget.sh: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
done
work=$(mktemp -d /tmp/convviewer-learn-budget.XXXXXX)
xpid=""; app=""
beside=""
trap '[ -n "$app" ] && kill $app 2>/dev/null; [ -n "$beside" ] && kill $beside 2>/dev/null; [ -n "$xpid" ] && kill $xpid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xpid=$!
for _ in $(seq 200); do [ -s "$work/display" ] && break; sleep 0.05; done
[ -s "$work/display" ] || { echo "learn-budget.sh: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(head -1 "$work/display")"
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done

# ticks PID: user + system clock ticks so far (fields 14 and 15 of /proc/PID/stat).
ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
hz=$(getconf CLK_TCK)

(cd "$work" && CONVVIEWER_TRACE=1 exec "$bin" --geometry "$size" --paused 2>"$work/app.err" >/dev/null) &
app=$!
for _ in $(seq 200); do grep -q "first frame" "$work/app.err" 2>/dev/null && break; sleep 0.05; done
grep -q "first frame" "$work/app.err" || { echo "learn-budget.sh: the window never showed" >&2; exit 1; }
wid=$(xdotool search --sync --pid "$app" 2>/dev/null | head -1)
xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool key --window "$wid" L
for _ in $(seq 200); do grep -q "trace: learn " "$work/app.err" && break; sleep 0.05; done
beside=""
if [ "${LEARN_BUDGET_BESIDE:-0}" = 1 ]; then
    # net train at the same time, under the same load: its epoch lines give its rate.
    (cd "$work" && exec "$bin" net train --epochs 1000 -o "$work/beside.json" --force >"$work/beside.out" 2>&1) &
    beside=$!
fi
sleep 3
mark=$(wc -l <"$work/app.err")
a0=$(ticks $app); x0=$(ticks $xpid); t0=$(date +%s.%N)
sleep $((seconds - 3))
a1=$(ticks $app); x1=$(ticks $xpid); t1=$(date +%s.%N)
tail -n +"$((mark + 1))" "$work/app.err" >"$work/measured"
kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; app=""
if [ -n "$beside" ]; then
    kill "$beside" 2>/dev/null; wait "$beside" 2>/dev/null || true
    tr '\r' '\n' <"$work/beside.out" | sed -n 's/.*, \([0-9]*\) images\/s, \([0-9.]*\) s$/\1 \2/p' >"$work/beside.epochs"
    beside=""; beside_ran=1
fi

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "none"; else print v[int((NR + 1) / 2)] }'; }
lowest() { sort -n | head -1; }
fps=$(sed -n 's/.*frames in 1 s: //p' "$work/measured")
[ -n "$fps" ] || { echo "learn-budget.sh: no frame counts in the trace" >&2; exit 1; }
# One learn line per snapshot; its rates change once a second, so take one per distinct value.
rate=$(sed -n 's/.*trace: learn .*images_per_s=\([0-9]*\).*/\1/p' "$work/measured" | uniq | median)
cpu_rate=$(sed -n 's/.*images_per_cpu_s=\([0-9]*\).*/\1/p' "$work/measured" | uniq | median)
slow=$(grep -c "slow frame" "$work/measured" || true)
awk -v a=$((a1 - a0)) -v x=$((x1 - x0)) -v hz="$hz" -v t0="$t0" -v t1="$t1" -v size="$size" \
    -v fm="$(echo "$fps" | median)" -v fl="$(echo "$fps" | lowest)" -v r="$rate" -v c="$cpu_rate" -v slow="$slow" 'BEGIN {
    s = t1 - t0
    printf "learn view %s over %.0f s: frames per second median %s, lowest %s; frames slower than 16.7 ms: %s\n", size, s, fm, fl, slow
    printf "  training %s images/s, %s images per CPU-second of its thread; process %.0f %% of a core, X server %.0f %%\n", r, c, 100 * a / hz / s, 100 * x / hz / s
}'

if [ -n "${beside_ran:-}" ]; then
    if [ -s "$work/beside.epochs" ]; then
        awk -v r="$rate" '{ images += $1 * $2; secs += $2 } END {
            printf "net train beside it, same seconds (%d whole epochs): %d images/s; the learn view %.0f %% of it\n", NR, images / secs, 100 * r / (images / secs)
        }' "$work/beside.epochs"
    else
        echo "net train beside it finished no epoch in the time: run longer"
    fi
fi

# net train, three epochs (batch 32, the learn view's recipe), right after.
out=$( (cd "$work" && /usr/bin/time -f "cpu %U %S" "$bin" net train --epochs 3 -o "$work/w.json" --force) 2>&1)
# Each epoch's line: "…, N images/s, S s"; the rate over all epochs is their images over their seconds.
epochs=$(echo "$out" | sed -n 's/.*, \([0-9]*\) images\/s, \([0-9.]*\) s$/\1 \2/p')
cpu=$(echo "$out" | sed -n 's/^cpu \([0-9.]*\) \([0-9.]*\)$/\1 \2/p')
[ -n "$epochs" ] || { echo "learn-budget.sh: net train printed no rate:"; echo "$out"; exit 1; }
# Trainer.step alone per CPU-second of its thread (bench): the fairest per-CPU comparison.
step_cpu=$("$bin" bench --net-only --quick | sed -n 's/.*"training_images_per_s_cpu": \([0-9]*\).*/\1/p')
echo "$epochs" | awk -v r="$rate" -v c="$cpu_rate" -v cpu="$cpu" -v step="$step_cpu" '{ images += $1 * $2; secs += $2 } END {
    split(cpu, u, " ")
    tr = images / secs
    # Per CPU-second of the whole process: loading the data and the test pass count too, so
    # this is a little low for net train (and the ratio a little kind to the learn view).
    per_cpu = images / (u[1] + u[2])
    printf "net train (3 epochs, batch 32): %d images/s, %d images per CPU-second (whole process)\n", tr, per_cpu
    printf "learn view against net train: %.0f %% of its images/s, %.0f %% per CPU-second\n", 100 * r / tr, 100 * c / per_cpu
    if (step > 0) printf "Trainer.step alone (bench --net-only --quick): %d images per CPU-second; the learn view %.0f %% of it\n", step, 100 * c / step
}'

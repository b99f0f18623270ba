#!/usr/bin/env bash
# Measures the window's budgets (issue 4) under a private Xvfb and prints them; not a test, a note.
#
#   CONVVIEWER=.build/release/convviewer bash Tests/e2e/budgets.sh [SECONDS]
#
# - CPU while animating at 60 fps at 1920×1080: the app's user+sys time over SECONDS (default 10),
#   and the X server's, both from /proc/PID/stat.
# - Wake-ups while paused and idle: poll/ppoll calls counted by `strace -f -c` over SECONDS.
# - Start to first frame: launch time to the first frame the server holds (CONVVIEWER_TRACE=1).
# - Key press to screen: from reading the key event to the server holding the new frame.
# - Resident memory (VmRSS, VmHWM) with a built-in input after the animation run.
# Set CONVVIEWER_NO_SHM=1 to measure the plain XPutImage copy instead of MIT-SHM.
set -u
cd "$(dirname "$0")/../.."
bin=${CONVVIEWER:-.build/release/convviewer}
secs=${1:-10}
work=$(mktemp -d /tmp/convviewer-budgets.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
wait_until() {
    local deadline=$(( $(now_ms) + $1 )); shift
    until "$@" >/dev/null 2>&1; do [ "$(now_ms)" -ge "$deadline" ] && return 1; sleep 0.05; done
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for n in $(seq 150 199); do [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || break; done
Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!; pids+=("$xvfb")
export DISPLAY=":$n"
wait_until 5000 xdpyinfo || { echo "Xvfb did not start"; exit 1; }
hz=$(getconf CLK_TCK)

# start-to-first-frame, five times
for i in 1 2 3 4 5; do
    t0=$(date +%s.%N)
    CONVVIEWER_TRACE=1 "$bin" --geometry 1920x1080 --paused 2>"$work/first.err" & app=$!
    wait_until 5000 grep -q "first frame" "$work/first.err"
    t1=$(sed -n 's/^trace: first frame at //p' "$work/first.err")
    echo "start to first frame: $(echo "($t1 - $t0) * 1000" | bc -l | xargs printf '%.1f') ms"
    kill "$app"; wait "$app" 2>/dev/null
done

# animating at 60 fps, 1920x1080, speed 30
CONVVIEWER_TRACE=1 "$bin" --geometry 1920x1080 --speed ${SPEED:-30} 2>"$work/anim.err" & app=$!; pids+=("$app")
wait_until 5000 grep -q "first frame" "$work/anim.err"
a0=$(cpu_ticks "$app"); x0=$(cpu_ticks "$xvfb"); t0=$(now_ms)
wait_until $((secs * 1000 + 500)) test "$(( $(now_ms) - t0 ))" -ge $((secs * 1000))
a1=$(cpu_ticks "$app"); x1=$(cpu_ticks "$xvfb"); t1=$(now_ms)
el=$(echo "($t1 - $t0) / 1000" | bc -l)
echo "animating 60 fps at 1920x1080 for ${secs} s: app $(echo "100 * ($a1 - $a0) / $hz / $el" | bc -l | xargs printf '%.1f')% of a core, X server $(echo "100 * ($x1 - $x0) / $hz / $el" | bc -l | xargs printf '%.1f')%"
grep -E "VmRSS|VmHWM" "/proc/$app/status" | tr -s ' \t' ' ' | sed 's/^/memory after animating: /'

# key press to screen
wid=$(xdotool search --pid "$app" | head -n 1)
xdotool windowfocus --sync "$wid" 2>/dev/null
for k in space Right Right Right f f i Left space; do
    before=$(grep -c "input to screen" "$work/anim.err")
    xdotool key "$k"
    wait_until 2000 test "$(grep -c "input to screen" "$work/anim.err")" -gt "$before"
done
grep "input to screen" "$work/anim.err" | sed 's/^trace: /key press: /' | sort -t' ' -k6 -n | awk '{v[NR]=$6} END {printf "key press to screen: median %s ms, max %s ms over %d keys\n", v[int((NR+1)/2)], v[NR], NR}'
kill "$app"; wait "$app" 2>/dev/null

# paused and idle: count wake-ups
strace -f -c -e trace=poll,ppoll,select,pselect6,epoll_wait,nanosleep,clock_nanosleep,futex -o "$work/strace.txt" \
    "$bin" --geometry 1920x1080 --paused 2>/dev/null & app=$!; pids+=("$app")
wait_until 5000 xdotool search --pid "$app" || sleep 1
sleep 1  # let start-up finish before the idle window opens
target=$(pgrep -P "$app" -x convviewer || echo "$app")
v0=$(awk '/voluntary_ctxt_switches/ && !/non/ {print $2}' "/proc/$target/status")
c0=$(cpu_ticks "$target")
sleep "$secs"
v1=$(awk '/voluntary_ctxt_switches/ && !/non/ {print $2}' "/proc/$target/status")
c1=$(cpu_ticks "$target")
echo "paused and idle for ${secs} s: $((v1 - v0)) voluntary context switches (wake-ups), $((c1 - c0)) CPU ticks"
kill "$target" 2>/dev/null; wait "$app" 2>/dev/null
echo "strace -f -c over the whole paused run (start-up included):"
sed -n '1,20p' "$work/strace.txt"

#!/usr/bin/env bash
# measure-cpu.sh WxH SECONDS -- COMMAND [ARGS...]
#
# How much CPU the window costs while it animates: runs COMMAND (e.g. `convviewer --kiosk
# --tour`) in a private Xvfb of size WxH, lets it settle for 3 seconds, then reads the user + system
# time of COMMAND and of the X server from /proc/PID/stat over SECONDS and prints each as a
# percentage of one core: the average, and the highest of its 10-second stretches.
#
#   scripts/measure-cpu.sh 1920x1080 600 -- .build/release/convviewer --kiosk --geometry 1920x1080
#
# Figures on a machine busy with other work come out higher than on an idle one: say so next to
# them. It ends only the processes it started.
set -eu
[ $# -ge 4 ] && [ "$3" = "--" ] || { echo "usage: measure-cpu.sh WxH SECONDS -- COMMAND [ARGS...]" >&2; exit 2; }
size=$1; seconds=$2; shift 3
[[ $size =~ ^[0-9]+x[0-9]+$ ]] || { echo "measure-cpu.sh: size must be WxH, not '$size'" >&2; exit 2; }
[[ $seconds =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || { echo "measure-cpu.sh: SECONDS must be a whole number > 0" >&2; exit 2; }
# Xvfb picks a free display itself and writes its number, so runs side by side never share one.
dfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$dfile" >/dev/null 2>&1 &
xpid=$!
app=""
trap '[ -n "$app" ] && kill $app 2>/dev/null; kill $xpid 2>/dev/null; wait 2>/dev/null; rm -f "$dfile"' EXIT
for _ in $(seq 200); do [ -s "$dfile" ] && break; sleep 0.05; done
[ -s "$dfile" ] || { echo "measure-cpu.sh: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(head -1 "$dfile")"
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done
"$@" >/dev/null 2>&1 &
app=$!

hz=$(getconf CLK_TCK)
# ticks PID: user + system clock ticks so far (fields 14 and 15; the name in field 2 may hold spaces).
ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
sleep 3
kill -0 "$app" 2>/dev/null || { echo "measure-cpu.sh: the command ended before the measurement" >&2; exit 1; }
a0=$(ticks $app); x0=$(ticks $xpid); t0=$(date +%s.%N)
peak_a=0; peak_x=0
elapsed=0
while [ "$elapsed" -lt "$seconds" ]; do
    step=$(( seconds - elapsed < 10 ? seconds - elapsed : 10 ))
    sa=$(ticks $app); sx=$(ticks $xpid); s0=$(date +%s.%N)
    sleep "$step"
    kill -0 "$app" 2>/dev/null || { echo "measure-cpu.sh: the command ended during the measurement" >&2; exit 1; }
    ea=$(ticks $app); ex=$(ticks $xpid); s1=$(date +%s.%N)
    peak_a=$(awk -v p="$peak_a" -v d=$((ea - sa)) -v hz="$hz" -v t0="$s0" -v t1="$s1" 'BEGIN { v = 100 * d / hz / (t1 - t0); print (v > p ? v : p) }')
    peak_x=$(awk -v p="$peak_x" -v d=$((ex - sx)) -v hz="$hz" -v t0="$s0" -v t1="$s1" 'BEGIN { v = 100 * d / hz / (t1 - t0); print (v > p ? v : p) }')
    elapsed=$(( elapsed + step ))
done
a1=$(ticks $app); x1=$(ticks $xpid); t1=$(date +%s.%N)
awk -v a=$((a1 - a0)) -v x=$((x1 - x0)) -v hz="$hz" -v t0="$t0" -v t1="$t1" -v pa="$peak_a" -v px="$peak_x" -v size="$size" 'BEGIN {
    s = t1 - t0
    printf "%s over %.0f s: app %.2f %% of a core (10 s peak %.1f %%), X server %.2f %% (10 s peak %.1f %%)\n", size, s, 100 * a / hz / s, pa, 100 * x / hz / s, px
}'

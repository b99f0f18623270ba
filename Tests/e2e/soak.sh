#!/usr/bin/env bash
# Soak: runs `convviewer --kiosk` under a private Xvfb for MINUTES and samples its resident memory
# (VmRSS in /proc/PID/status). Not part of CI (kiosk.sh runs a short one); for the long run:
#
#   swift build -c release --scratch-path .build-soak
#   CONVVIEWER=.build-soak/release/convviewer bash Tests/e2e/soak.sh 30
#
# Options (after MINUTES, which may be a fraction):
#   --interval S      seconds between samples (default 1; 10 for runs longer than 5 minutes)
#   --warmup S        seconds before memory counts (default 10)
#   --max-growth KB   fail (exit 1) when memory after warm-up grows by more than KB
#   --tour-file F     play this tour instead of the built-in one
#   --visitors S      every S seconds a "visitor" presses keys, clicks, paints and edits a weight,
#                     then leaves; the kiosk returns to the tour after --idle-timeout
#   --idle-timeout S  passed to the kiosk (default 8)
#   --quiet           no line per sample
#
# Prints one line per sample (`t=  12 s  rss=  23456 kB`), then
#   soak: 30.0 min, RSS after warm-up: min A kB, max B kB, final C kB; growth D kB (…); trend T kB/min; start E kB
# where growth is the peak of the second half of the samples after warm-up minus the peak of the
# first half (memory rises and falls as scenes swap their maps; a leak lifts the peaks) and the
# trend is the least-squares slope. Exits 1 when the app died, or when --max-growth is given and
# exceeded.
set -u
cd "$(dirname "$0")/../.."

minutes=${1:-}
[[ $minutes =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "usage: soak.sh MINUTES [--interval S] [--warmup S] [--max-growth KB] [--tour-file F] [--visitors S] [--idle-timeout S] [--quiet]"; exit 2; }
shift
total_ms=$(awk -v m="$minutes" 'BEGIN { printf "%.0f", m * 60000 }')
interval=""; warmup=10; max_growth=""; tour_file=""; visitors=""; idle=8; quiet=0
while [ $# -gt 0 ]; do
    case $1 in
        --interval) interval=$2; shift 2;;
        --warmup) warmup=$2; shift 2;;
        --max-growth) max_growth=$2; shift 2;;
        --tour-file) tour_file=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2;;
        --visitors) visitors=$2; shift 2;;
        --idle-timeout) idle=$2; shift 2;;
        --quiet) quiet=1; shift;;
        *) echo "soak: unknown option $1"; exit 2;;
    esac
done
[ -n "$interval" ] || { [ "$total_ms" -gt 300000 ] && interval=10 || interval=1; }

e2e_name=soak e2e_tools="Xvfb xdotool xwd xprop xdpyinfo"
source Tests/e2e/lib.sh

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$app_pid/status" 2>/dev/null; }

# A visitor: takes over with a key, looks around, changes things, then walks away.
visit() {
    focus
    xdotool key Right
    xdotool key space f i Right Right n o o h h
    xdotool mousemove --window "$wid" $(layout_point conv 0.4 0.6) click 1
    xdotool key e
    xdotool mousemove --window "$wid" $(layout_point input 0.2 0.3) mousedown 1 mousemove --window "$wid" $(layout_point input 0.6 0.7) mouseup 1
    xdotool key e d x k k k k
    xdotool mousemove --window "$wid" $(layout_point timeline 0.3 0.5) click 1
    xdotool mousemove --window "$wid" $(layout_point kernel-centre 0.5 0.5) click 4 click 4 click 5
    xdotool key Escape 0 space
}

start_xvfb || { echo "soak: could not start Xvfb"; exit 1; }
args=(--kiosk --idle-timeout "$idle")
[ -n "$tour_file" ] && args+=(--tour-file "$tour_file")
start_app "${args[@]}" || { echo "soak: the kiosk did not start: $(grep -v trace: "$work/app.err" | head -n 3)"; exit 1; }

t0=$(now_ms)
next_visit=$(( t0 + ${visitors:-0} * 1000 ))
samples=()
start_rss=$(rss_kb)
while true; do
    sampled_at=$(now_ms)
    elapsed=$(( sampled_at - t0 ))
    [ "$elapsed" -gt "$total_ms" ] && break
    is_dead "$app_pid" && { echo "soak: the kiosk died after $((elapsed / 1000)) s"; grep -v trace: "$work/app.err" | tail -n 5; exit 1; }
    rss=$(rss_kb)
    [ "$quiet" -eq 1 ] || printf 't=%5d s  rss=%7d kB\n' $((elapsed / 1000)) "$rss"
    [ "$elapsed" -ge $((warmup * 1000)) ] && samples+=("$rss")
    if [ -n "$visitors" ] && [ "$(now_ms)" -ge "$next_visit" ]; then
        visit >/dev/null 2>&1
        next_visit=$(( $(now_ms) + visitors * 1000 ))
    fi
    # Paced by the clock: the next sample is due one interval after this one began (a visit may
    # take longer than that; no samples are made up for it).
    due=$(awk -v t="$sampled_at" -v s="$interval" 'BEGIN { printf "%.0f", t + s * 1000 }')
    while [ "$(now_ms)" -lt "$due" ]; do sleep 0.05; done
done

[ ${#samples[@]} -gt 0 ] || { echo "soak: no samples after the warm-up"; exit 1; }
# Memory rises and falls as scenes swap their maps, so growth compares peaks: the highest sample
# of the second half after warm-up minus the highest of the first half. The trend is the
# least-squares slope over all samples after warm-up.
summary=$(printf '%s\n' "${samples[@]}" | awk -v start="$start_rss" -v m="$minutes" -v dt="$interval" '
    { v[NR] = $1 }
    END {
        n = NR; min = v[1]; max = v[1]; p1 = 0; p2 = 0; sx = 0; sy = 0; sxx = 0; sxy = 0
        for (i = 1; i <= n; i++) {
            if (v[i] < min) min = v[i]; if (v[i] > max) max = v[i]
            if (i <= n / 2) { if (v[i] > p1) p1 = v[i] } else { if (v[i] > p2) p2 = v[i] }
            x = (i - 1) * dt / 60; sx += x; sy += v[i]; sxx += x * x; sxy += x * v[i]
        }
        if (n < 2) p2 = p1
        slope = (n > 1 && n * sxx - sx * sx > 0) ? (n * sxy - sx * sy) / (n * sxx - sx * sx) : 0
        printf "soak: %.1f min, RSS after warm-up: min %d kB, max %d kB, final %d kB; growth %d kB (peak of the second half minus the first); trend %.1f kB/min; start %d kB\n", m, min, max, v[n], p2 - p1, slope, start
    }')
echo "$summary"
grep -c "kiosk: back to the tour" "$work/app.err" | sed 's/^/soak: returns to the tour: /'
growth=$(echo "$summary" | sed -n 's/.*growth \(-\?[0-9]*\) kB.*/\1/p')
if [ -n "$max_growth" ] && [ "$growth" -gt "$max_growth" ]; then
    echo "soak: memory grew by $growth kB after warm-up (allowed: $max_growth kB)"
    exit 1
fi
exit 0

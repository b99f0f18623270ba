# Helpers shared by the window's e2e scripts (run.sh, kiosk.sh, controls.sh, hostile.sh,
# network.sh, learn.sh, soak.sh): a private Xvfb, the app started and found, captures, titles, and
# waits that poll a condition (every 50 ms) up to a timeout. Nothing sleeps blind.
#
# The caller sets `e2e_name` (names the temporary folder) and `e2e_tools` (the commands it needs),
# then sources this file from the repository's root. It sets `bin` (the absolute path of
# $CONVVIEWER, default .build/debug/convviewer) and `work` (a fresh temporary folder), ends the
# script with a failure line when the binary or a tool is missing, and installs a trap that ends
# what it started and removes `work`.
bin=${CONVVIEWER:-.build/debug/convviewer}
[ -x "$bin" ] || { echo "e2e: no binary at $bin (build first, or set CONVVIEWER)"; echo "e2e: 0 passed, 1 failed"; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
for tool in $e2e_tools; do
    command -v "$tool" >/dev/null || { echo "e2e: $tool is missing (scripts/install-deps.sh installs it)"; echo "e2e: 0 passed, 1 failed"; exit 1; }
done
work=$(mktemp -d "/tmp/convviewer-$e2e_name.XXXXXX")

passed=0
failed=0
xvfb_pid=""
app_pid=""
wm_pid=""
wid=""
app_status=""

cleanup() {
    for p in $app_pid $wm_pid $xvfb_pid; do kill "$p" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# wait_until MS COMMAND...: polls COMMAND every 50 ms until it succeeds (0) or MS pass (1).
wait_until() {
    local deadline=$(( $(now_ms) + $1 )); shift
    while true; do
        "$@" >/dev/null 2>&1 && return 0
        [ "$(now_ms)" -ge "$deadline" ] && return 1
        sleep 0.05
    done
}

# holds_for MS COMMAND...: COMMAND keeps succeeding, checked every 50 ms, for MS.
holds_for() {
    local deadline=$(( $(now_ms) + $1 )); shift
    while [ "$(now_ms)" -lt "$deadline" ]; do
        "$@" >/dev/null 2>&1 || return 1
        sleep 0.05
    done
}

is_dead() { ! kill -0 "$1" 2>/dev/null; }

# A display number nobody uses (no lock file, no socket): for the no-display test.
free_display() {
    local n
    for n in $(seq 90 199); do
        [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { echo "$n"; return; }
    done
    return 1
}

xvfb_up() { kill -0 "$xvfb_pid" 2>/dev/null && xdpyinfo >/dev/null 2>&1; }
xvfb_up_or_gone() { xvfb_up || ! kill -0 "$xvfb_pid" 2>/dev/null; }

# A private Xvfb on a free display number: one with no lock file and no socket, well away from
# :0 and the numbers other tools start at. If another server takes the number first, ours exits
# ("server already active") and the next number is tried; a server that answers while ours is
# alive is ours, since only one can listen there.
start_xvfb() {
    local n base=$((300 + $$ % 200))
    for n in $(seq "$base" $((base + 50))); do
        { [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; } && continue
        # -noreset: the server would otherwise reset whenever its last client leaves (between two
        # tests), refusing the next connection for a moment.
        Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
        xvfb_pid=$!
        export DISPLAY=":$n"
        wait_until 5000 xvfb_up_or_gone
        xvfb_up && return 0
        kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null
    done
    echo "no display number from $base to $((base + 50)) could be used"
    return 1
}

stop_xvfb() {
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
    xvfb_pid=""
}

start_wm() {
    openbox >"$work/openbox.log" 2>&1 &
    wm_pid=$!
    wait_until 5000 wmctrl -m
}

stop_wm() {
    [ -n "$wm_pid" ] && kill "$wm_pid" 2>/dev/null && wait "$wm_pid" 2>/dev/null
    wm_pid=""
}

find_window() { wid=$(xdotool search --pid "$app_pid" 2>/dev/null | head -n 1); [ -n "$wid" ]; }
first_frame_shown() { grep -q "trace: first frame" "$work/app.err"; }

# start_app ARGS...: runs the binary in $work (where screenshots go), waits for its window and its first frame.
start_app() {
    : >"$work/app.err"
    (cd "$work" && CONVVIEWER_TRACE=1 exec "$bin" --geometry 1280x800 "$@" </dev/null >/dev/null 2>"$work/app.err") &
    app_pid=$!
    wid=""
    wait_until 10000 find_window || { echo "no window appeared"; return 1; }
    wait_until 10000 first_frame_shown || { echo "no frame was drawn"; return 1; }
}

# wait_for_exit MS: waits for the app to end and sets app_status; fails if it is still running.
wait_for_exit() {
    wait_until "$1" is_dead "$app_pid" || return 1
    wait "$app_pid"
    app_status=$?
    app_pid=""
}

stop_app() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; fi
    app_pid=""
}

capture() { xwd -silent -id "$wid" 2>/dev/null | md5sum | cut -d' ' -f1; }
capture_differs_from() { [ "$(capture)" != "$1" ]; }
capture_equals() { [ "$(capture)" = "$1" ]; }
title() { xprop -id "$wid" _NET_WM_NAME 2>/dev/null | sed -n 's/^_NET_WM_NAME(UTF8_STRING) = "\(.*\)"$/\1/p'; }
title_is() { [ "$(title)" = "$1" ]; }
# A capture that stays the same for a moment: the window has finished reacting.
settled_capture() {
    local a b
    a=$(capture)
    for _ in $(seq 40); do
        sleep 0.05
        b=$(capture)
        [ "$a" = "$b" ] && { echo "$a"; return 0; }
        a=$b
    done
    return 1
}
png_count() { ls "$work"/convviewer-*.png 2>/dev/null | wc -l; }
png_count_is() { [ "$(png_count)" -eq "$1" ]; }
focus() { xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"; }

check() {
    local name=$1; shift
    # Run in this shell (not in $(…)), so the test can set app_pid and no pipe is left to the app.
    if "$@" >"$work/why" 2>&1; then
        passed=$((passed + 1)); echo "ok   $name"
    else
        failed=$((failed + 1)); echo "FAIL $name: $(tr '\n' ' ' <"$work/why")"
        [ -s "$work/app.err" ] && sed 's/^/     app: /' "$work/app.err" | grep -v "trace:" | head -n 5
    fi
    stop_app
}

# Where things are, from the window's own `trace: layout …` line (the latest one, for the current
# size): `layout_point NAME FX FY` is the point at fractions FX, FY across and down NAME's
# rectangle (timeline, input, conv, pool, kernel-centre). The unit tests check that these places
# are hit-tested as they are drawn; here they only need to land on the right thing.
layout_rect() { grep "trace: layout" "$work/app.err" | tail -n 1 | tr ' ' '\n' | sed -n "s/^$1=//p" | tr ',' ' '; }
layout_point() { layout_rect "$1" | awk -v fx="$2" -v fy="$3" '{ printf "%d %d", $1 + fx * $3, $2 + fy * $4 }'; }

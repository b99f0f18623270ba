#!/usr/bin/env bash
# End-to-end tests of the real window: a private Xvfb, the real binary, xdotool for input, xwd
# for captures. Every wait polls a condition (every 50 ms) up to a timeout; nothing sleeps blind.
#
#   CONVVIEWER=.build/debug/convviewer bash Tests/e2e/run.sh
#
# Needs: Xvfb, xdotool, xwd (x11-apps), xprop/xdpyinfo (x11-utils), openbox and wmctrl.
# Ends with the line `e2e: N passed, M failed`; exits non-zero when anything failed.
set -u
cd "$(dirname "$0")/../.."

bin=${CONVVIEWER:-.build/debug/convviewer}
[ -x "$bin" ] || { echo "e2e: no binary at $bin (build first, or set CONVVIEWER)"; echo "e2e: 0 passed, 1 failed"; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
for tool in Xvfb xdotool xwd xprop xdpyinfo openbox wmctrl; do
    command -v "$tool" >/dev/null || { echo "e2e: $tool is missing (scripts/install-deps.sh installs it)"; echo "e2e: 0 passed, 1 failed"; exit 1; }
done

work=$(mktemp -d /tmp/convviewer-e2e.XXXXXX)
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

# ---- the tests -------------------------------------------------------------------------------

test_no_display() {
    local n msg status
    n=$(free_display)
    msg=$(DISPLAY=":$n" "$bin" 2>&1 >/dev/null); status=$?
    [ "$status" -eq 1 ] || { echo "exit status $status, expected 1"; return 1; }
    [[ $msg == "convviewer: cannot open display \":$n\""*"convviewer render"* ]] || { echo "message: $msg"; return 1; }
}

test_window_and_title() {
    start_app --input face --filter edge_v || return 1
    wait_until 3000 title_is "convviewer — face · vertical edges" || { echo "title is '$(title)'"; return 1; }
    xprop -id "$wid" WM_CLASS | grep -q '"convviewer"' || { echo "WM_CLASS: $(xprop -id "$wid" WM_CLASS)"; return 1; }
    xprop -id "$wid" _NET_WM_PID | grep -q "= $app_pid\$" || { echo "_NET_WM_PID: $(xprop -id "$wid" _NET_WM_PID)"; return 1; }
    xprop -id "$wid" WM_PROTOCOLS | grep -q WM_DELETE_WINDOW || { echo "no WM_DELETE_WINDOW"; return 1; }
    xprop -id "$wid" WM_NORMAL_HINTS | grep -q "minimum size" || { echo "no minimum size"; return 1; }
}

test_playing_changes_the_picture() {
    start_app --speed 30 || return 1
    local a
    a=$(capture)
    wait_until 3000 capture_differs_from "$a" || { echo "two captures 3 s apart are the same while playing"; return 1; }
}

test_paused_picture_is_still() {
    start_app --paused || return 1
    local a
    a=$(settled_capture) || { echo "the picture never settled"; return 1; }
    holds_for 1500 capture_equals "$a" || { echo "the picture changed while paused"; return 1; }
}

test_key_changes_filter() {
    start_app --paused --filter edge_v || return 1
    focus
    xdotool key f
    wait_until 3000 title_is "convviewer — face · horizontal edges" || { echo "title after f: '$(title)'"; return 1; }
    xdotool key shift+f
    wait_until 3000 title_is "convviewer — face · vertical edges" || { echo "title after F: '$(title)'"; return 1; }
}

# With CapsLock on, f must stay "next filter" (not F, "previous"); NumLock must not matter either.
test_locks_do_not_change_keys() {
    start_app --paused --filter edge_v || return 1
    focus
    xdotool key Caps_Lock Num_Lock
    xdotool key f
    wait_until 3000 title_is "convviewer — face · horizontal edges" || { echo "title after CapsLock+NumLock f: '$(title)'"; return 1; }
    xdotool key Caps_Lock Num_Lock
}

test_wheel_zooms() {
    start_app --paused || return 1
    xdotool mousemove --window "$wid" 640 300
    local a
    a=$(settled_capture) || { echo "the picture never settled"; return 1; }
    xdotool click 4
    wait_until 3000 capture_differs_from "$a" || { echo "the wheel changed nothing"; return 1; }
}

test_s_saves_png() {
    start_app --paused || return 1
    focus
    xdotool key s
    wait_until 5000 png_count_is 1 || { echo "no PNG after s"; return 1; }
    xdotool key s
    wait_until 5000 png_count_is 2 || { echo "the second s did not write a second file"; return 1; }
    local f
    for f in "$work"/convviewer-*.png; do
        [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || { echo "$f is not a PNG"; return 1; }
    done
}

test_q_exits_0() {
    start_app || return 1
    focus
    xdotool key q
    wait_for_exit 3000 || { echo "still running 3 s after q"; return 1; }
    [ "$app_status" -eq 0 ] || { echo "exit status $app_status"; return 1; }
}

test_wm_close_exits_0() {
    start_wm || { echo "openbox did not start"; return 1; }
    start_app || { stop_wm; return 1; }
    wait_until 3000 wmctrl -i -c "$wid"
    wait_for_exit 5000 || { stop_wm; echo "still running 5 s after wmctrl -c"; return 1; }
    stop_wm
    [ "$app_status" -eq 0 ] || { echo "exit status $app_status"; return 1; }
}

test_windowclose_ends_cleanly() {
    start_app || return 1
    xdotool windowclose "$wid"
    wait_for_exit 3000 || { echo "still running 3 s after the window was destroyed"; return 1; }
    [ "$app_status" -eq 0 ] || { echo "exit status $app_status"; return 1; }
}

test_x_server_death() {
    start_app || return 1
    stop_xvfb
    wait_for_exit 2000 || { echo "still running 2 s after the X server died"; return 1; }
    [ "$app_status" -ne 0 ] || { echo "exit status 0 after losing the server"; return 1; }
    grep -q "convviewer: " "$work/app.err" || { echo "no message on stderr"; return 1; }
}

check "no display: one-line error, exit 1" test_no_display
if start_xvfb; then
    check "window appears with its title, class, pid, protocols, minimum size" test_window_and_title
    check "two captures while playing differ" test_playing_changes_the_picture
    check "two captures while paused are identical" test_paused_picture_is_still
    check "f and F change the filter (title follows)" test_key_changes_filter
    check "CapsLock and NumLock do not change a binding" test_locks_do_not_change_keys
    check "wheel zoom changes the picture" test_wheel_zooms
    check "s writes a new PNG each time" test_s_saves_png
    check "q exits 0" test_q_exits_0
    check "window manager close (WM_DELETE_WINDOW) exits 0" test_wm_close_exits_0
    check "window destroyed under it (xdotool windowclose) ends cleanly" test_windowclose_ends_cleanly
    check "X server killed: exits non-zero within 2 s" test_x_server_death
else
    failed=$((failed + 1)); echo "FAIL could not start Xvfb"
fi

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# End-to-end tests of the real window: a private Xvfb, the real binary, xdotool for input, xwd
# for captures. Every wait polls a condition (every 50 ms) up to a timeout; nothing sleeps blind.
#
#   CONVVIEWER=.build/debug/convviewer bash Tests/e2e/run.sh
#
# It then runs kiosk.sh (the tour, kiosk mode, editing and painting, a 45 s soak) and controls.sh
# (Esc, undo, the presenter's keys) and counts their results with its own.
#
# Needs: Xvfb, xdotool, xwd (x11-apps), xprop/xdpyinfo (x11-utils), openbox and wmctrl.
# Ends with the line `e2e: N passed, M failed`; exits non-zero when anything failed.
set -u
cd "$(dirname "$0")/../.."

e2e_name=e2e e2e_tools="Xvfb xdotool xwd xprop xdpyinfo openbox wmctrl"
source Tests/e2e/lib.sh

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
stop_xvfb

# The tour, kiosk mode and the hands-on exploration; then the controls that forgive and the
# presenter's keys: each script on an Xvfb of its own.
for script in kiosk controls hostile learn; do
    CONVVIEWER="$bin" bash "Tests/e2e/$script.sh" | tee "$work/$script.out" | grep -v "^e2e: "
    counts=$(sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$work/$script.out")
    if [ -n "$counts" ]; then
        passed=$((passed + ${counts% *})); failed=$((failed + ${counts#* }))
    else
        failed=$((failed + 1)); echo "FAIL $script.sh ended without its summary line"
    fi
done

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

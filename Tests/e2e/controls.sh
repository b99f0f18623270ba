#!/usr/bin/env bash
# End-to-end tests of the controls that forgive and of the tour under the presenter's hand
# (issue 9) in the real window: Esc closes before it quits, q asks once with unsaved work,
# Ctrl+Z undoes a whole stroke, PageDown / PageUp / . / , change the tour's scene and Space holds
# it, and a kiosk visitor's first key stops the scan. A private Xvfb, the real binary, xdotool,
# xwd captures and the window title; every wait polls a condition. run.sh runs it.
#
#   CONVVIEWER=.build/debug/convviewer bash Tests/e2e/controls.sh
#
# Ends with the line `e2e: N passed, M failed`; exits non-zero when anything failed.
set -u
cd "$(dirname "$0")/../.."

e2e_name=controls e2e_tools="Xvfb xdotool xwd xprop xdpyinfo"
source Tests/e2e/lib.sh

alive() { kill -0 "$app_pid" 2>/dev/null; }
title_has() { [[ $(title) == *"$1"* ]]; }
# press KEY TEXT: presses KEY and waits for the title to hold TEXT.
press() {
    xdotool key "$1"
    wait_until 3000 title_has "$2" || { echo "after $1 the title is '$(title)', not holding '$2'"; return 1; }
}
# The pointer on the status line: over no panel, so nothing under it is drawn differently.
pointer_away() { xdotool mousemove --window "$wid" 5 5; }

test_esc_closes_overlays_before_quitting() {
    start_app --paused || return 1
    focus
    pointer_away
    local plain
    plain=$(settled_capture) || { echo "the picture never settled"; return 1; }
    for overlay in h o; do
        xdotool key "$overlay"
        wait_until 3000 capture_differs_from "$plain" || { echo "$overlay showed nothing"; return 1; }
        xdotool key Escape
        wait_until 3000 capture_equals "$plain" || { echo "Esc did not close the overlay of $overlay"; return 1; }
        alive || { echo "Esc with the overlay of $overlay open quit"; return 1; }
    done
    # Both open: one Esc closes one of them.
    xdotool key h o Escape
    holds_for 500 alive || { echo "Esc with two overlays quit"; return 1; }
    wait_until 3000 capture_differs_from "$plain" || { echo "two overlays: nothing shown"; return 1; }
    xdotool key Escape
    wait_until 3000 capture_equals "$plain" || { echo "the second Esc did not close the other overlay"; return 1; }
    xdotool key Escape
    wait_for_exit 3000 || { echo "Esc with nothing open did not quit"; return 1; }
    [ "$app_status" -eq 0 ] || { echo "exit status $app_status"; return 1; }
}

test_ctrl_z_undoes_a_stroke() {
    start_app --paused --input blank:24x24 || return 1
    wait_until 3000 title_has "blank:24x24" || { echo "title: '$(title)'"; return 1; }
    focus
    xdotool key e
    pointer_away
    local before painted
    before=$(settled_capture) || { echo "the picture never settled"; return 1; }
    xdotool mousemove --window "$wid" $(layout_point input 0.2 0.2) mousedown 1 \
        mousemove --window "$wid" $(layout_point input 0.5 0.3) \
        mousemove --window "$wid" $(layout_point input 0.7 0.8) mouseup 1
    wait_until 3000 title_has "painted" || { echo "the drag did not paint: '$(title)'"; return 1; }
    pointer_away
    painted=$(settled_capture) || { echo "the picture never settled after painting"; return 1; }
    [ "$painted" != "$before" ] || { echo "the stroke changed nothing"; return 1; }
    press ctrl+z "blank:24x24" || return 1
    wait_until 3000 capture_equals "$before" || { echo "after one Ctrl+Z the picture is not the one before the stroke"; return 1; }
    press ctrl+shift+z "painted" || return 1
    wait_until 3000 capture_equals "$painted" || { echo "the redone stroke is not the stroke"; return 1; }
    press u "blank:24x24" && press U "painted" || return 1
    # The painting is not saved: the first q asks, the second quits.
    xdotool key q
    holds_for 700 alive || { echo "q quit with an unsaved painting"; return 1; }
    xdotool key q
    wait_for_exit 3000 || { echo "the second q did not quit"; return 1; }
    [ "$app_status" -eq 0 ] || { echo "exit status $app_status"; return 1; }
}

test_scene_keys_and_space_in_the_tour() {
    start_app --tour || return 1
    wait_until 3000 title_has "tour: How to read the screen" || { echo "title: '$(title)'"; return 1; }
    focus
    press Next "tour: Vertical edges" && press period "tour: Blur" && press comma "tour: Vertical edges" \
        && press Prior "tour: How to read the screen" || return 1
    # Space holds the tour and its scan: the picture stands still until Space again.
    press space "tour: How to read the screen, held" || return 1
    local held
    held=$(settled_capture) || { echo "the held tour did not settle"; return 1; }
    holds_for 1500 capture_equals "$held" || { echo "the picture moved while the tour was held"; return 1; }
    press Next "tour: Vertical edges, held" || return 1
    xdotool key space
    wait_until 3000 title_is "convviewer — face · vertical edges · tour: Vertical edges" || { echo "Space did not go on: '$(title)'"; return 1; }
    local going
    going=$(capture)
    wait_until 3000 capture_differs_from "$going" || { echo "the scan did not go on"; return 1; }
    # t leaves the tour and gives back what was there before it: face, vertical edges.
    xdotool key t
    wait_until 3000 title_is "convviewer — face · vertical edges" || { echo "after t: '$(title)'"; return 1; }
}

test_kiosk_visitor_finds_the_scan_stopped() {
    start_app --kiosk || return 1
    wait_until 3000 title_has "tour: " || { echo "title: '$(title)'"; return 1; }
    xdotool key space
    wait_until 3000 title_has "tour paused" || { echo "a key did not wake the kiosk: '$(title)'"; return 1; }
    local a
    a=$(settled_capture) || { echo "the picture never settled after the visitor's key"; return 1; }
    holds_for 1500 capture_equals "$a" || { echo "the scan kept moving after the visitor's first key"; return 1; }
}

if start_xvfb; then
    check "Esc closes help and code before it quits" test_esc_closes_overlays_before_quitting
    check "Ctrl+Z undoes a whole stroke, Ctrl+Shift+Z, u, U; q asks once with a painting unsaved" test_ctrl_z_undoes_a_stroke
    check "PageDown / PageUp / . / , change the scene; Space holds the tour; t gives back the view" test_scene_keys_and_space_in_the_tour
    check "kiosk: the visitor's first key stops the scan" test_kiosk_visitor_finds_the_scan_stopped
else
    failed=$((failed + 1)); echo "FAIL could not start Xvfb"
fi
stop_xvfb

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

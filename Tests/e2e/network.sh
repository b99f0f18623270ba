#!/usr/bin/env bash
# End-to-end tests of network mode (issue 12) in the real window: N opens it (the title names the
# predicted class), a click on a strip stage opens that stage's view, Esc goes back to the panels,
# and painting on a cleared canvas changes the predicted class (the learn view, L, is learn.sh's).
# A private Xvfb, the real binary, xdotool and the window title; every wait polls a condition.
# scripts/test.sh runs it.
#
#   CONVVIEWER=.build/debug/convviewer bash Tests/e2e/network.sh
#
# Ends with the line `e2e: N passed, M failed`; exits non-zero when anything failed.
set -u
cd "$(dirname "$0")/../.."

e2e_name=network e2e_tools="Xvfb xdotool xwd xprop xdpyinfo"
source Tests/e2e/lib.sh

alive() { kill -0 "$app_pid" 2>/dev/null; }
title_has() { [[ $(title) == *"$1"* ]]; }
title_lacks() { [[ $(title) != *"$1"* ]]; }
predicted() { title | sed -n 's/.*predicted: \([^·]*[^ ·]\).*/\1/p'; }
predicted_is_not() { local p; p=$(predicted); [ -n "$p" ] && [ "$p" != "$1" ]; }
has_stage_layout() { [ -n "$(layout_rect stage-conv2)" ]; }
# click_at X Y: a primary click at window point X, Y.
click_at() { xdotool mousemove --window "$wid" "$1" "$2" click 1; }

test_n_opens_network_mode_and_strip_clicks_open_stages() {
    start_app --paused || return 1
    focus
    xdotool key N
    wait_until 5000 title_has "predicted:" || { echo "N did not open network mode: title '$(title)'"; return 1; }
    title_has "test image 0" || { echo "not on test image 0: '$(title)'"; return 1; }
    wait_until 3000 has_stage_layout || { echo "no strip stages in the layout trace"; return 1; }
    for stage in conv2 softmax pool1; do
        # shellcheck disable=SC2046
        click_at $(layout_point "stage-$stage" 0.5 0.5)
        wait_until 3000 title_has "stage: $stage" || { echo "a click on $stage gave '$(title)'"; return 1; }
    done
    xdotool key Escape
    wait_until 3000 title_lacks "stage:" || { echo "Esc left the stage view open: '$(title)'"; return 1; }
    alive || { echo "Esc with a stage view open quit"; return 1; }
    title_has "predicted:" || { echo "Esc left network mode"; return 1; }
    # A click on the input stage goes back too.
    click_at $(layout_point stage-dense 0.5 0.5)
    wait_until 3000 title_has "stage: dense" || { echo "dense did not open"; return 1; }
    click_at $(layout_point stage-input 0.5 0.5)
    wait_until 3000 title_lacks "stage:" || { echo "the input stage did not go back: '$(title)'"; return 1; }
    xdotool key i
    wait_until 3000 title_has "test image 1" || { echo "i did not step the test image: '$(title)'"; return 1; }
    xdotool key N
    wait_until 3000 title_lacks "predicted:" || { echo "N did not leave network mode: '$(title)'"; return 1; }
}

test_painting_changes_the_predicted_class() {
    start_app --paused --net || return 1
    focus
    wait_until 5000 title_has "predicted:" || { echo "--net did not open network mode: '$(title)'"; return 1; }
    xdotool key e c
    wait_until 3000 title_has "— painted ·" || { echo "e c did not give a painted canvas: '$(title)'"; return 1; }
    local before
    before=$(predicted)
    [ -n "$before" ] || { echo "no prediction in '$(title)'"; return 1; }
    # Two long white legs, as trousers have: strokes down the canvas.
    local fx
    for fx in 0.32 0.36 0.40 0.60 0.64 0.68; do
        # shellcheck disable=SC2046
        xdotool mousemove --window "$wid" $(layout_point input "$fx" 0.1) mousedown 1
        xdotool mousemove --window "$wid" $(layout_point input "$fx" 0.5)
        xdotool mousemove --window "$wid" $(layout_point input "$fx" 0.92) mouseup 1
    done
    xdotool mousemove --window "$wid" $(layout_point input 0.36 0.1) mousedown 1
    xdotool mousemove --window "$wid" $(layout_point input 0.64 0.1) mouseup 1
    wait_until 3000 predicted_is_not "$before" || { echo "painting left the prediction at '$before': '$(title)'"; return 1; }
    echo "blank canvas: $before; painted: $(predicted)" >&2
}

echo "network mode (issue 12)"
if start_xvfb; then
    check "N opens network mode; strip clicks open stage views; Esc and the input go back" \
        test_n_opens_network_mode_and_strip_clicks_open_stages
    check "painting a cleared canvas changes the predicted class" test_painting_changes_the_predicted_class
else
    failed=$((failed + 1)); echo "FAIL could not start Xvfb"
fi
stop_xvfb
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# End-to-end tests of the guided tour, kiosk mode and the hands-on exploration (issues 5 and 6)
# in the real window: a private Xvfb, the real binary, xdotool for input, xwd for captures, the
# window title (which names the tour's scene) and CONVVIEWER_TRACE lines for what cannot be seen
# (the cursor, the screen saver). Every wait polls a condition; nothing sleeps blind. run.sh runs it.
#
#   CONVVIEWER=.build/debug/convviewer bash Tests/e2e/kiosk.sh
#
# Needs what run.sh needs; the screen-saver test also wants xset (x11-xserver-utils) and libXss,
# and the screen-size test xrandr: without them those two are skipped (and say so).
# Ends with the line `e2e: N passed, M failed`; exits non-zero when anything failed.
set -u
cd "$(dirname "$0")/../.."

e2e_name=kiosk e2e_tools="Xvfb xdotool xwd xprop xdpyinfo"
source Tests/e2e/lib.sh

# A tour that changes every second, with titles to look for in the window title.
cat >"$work/quick.json" <<'EOF'
{"name": "quick", "scenes": [
  {"title": "Alpha", "text": "First.", "seconds": 1.2, "input": "face", "filter": "edge_v", "speed": 200},
  {"title": "Beta", "text": "Second.", "seconds": 1.2, "input": "cross", "filter": "edge_h"},
  {"title": "Gamma", "text": "Third.", "seconds": 1.2, "input": "checker", "filter": "blur", "stride": 2}
]}
EOF

# Network scenes: the learn view training on the tour's clock, then a stage view of test image 3.
cat >"$work/net.json" <<'EOF'
{"name": "net", "scenes": [
  {"title": "Learning", "text": "Training.", "seconds": 3, "learn": 20, "playing": false},
  {"title": "Stages", "text": "The softmax.", "seconds": 1.5, "test": 3, "stage": "softmax"}
]}
EOF

title_has() { [[ $(title) == *"$1"* ]]; }
title_lacks() { [[ $(title) != *"$1"* ]]; }
trace_count() { grep -c "trace: $1" "$work/app.err"; }
trace_count_above() { [ "$(trace_count "$1")" -gt "$2" ]; }
alive() { kill -0 "$app_pid" 2>/dev/null; }
geometry_is() { xdotool getwindowgeometry "$wid" | grep -q "Geometry: $1\$"; }
file_count() { ls "$work"/$1 2>/dev/null | wc -l; }
file_count_is() { [ "$(file_count "$1")" -eq "$2" ]; }


# ---- the tour -----------------------------------------------------------------------------------

test_bad_tour_file() {
    local msg status
    printf '{"scenes": [' >"$work/broken.json"
    # Without a display: the tour file is read before any window opens, so its error comes first.
    msg=$(DISPLAY=":$(free_display)" "$bin" --tour-file "$work/broken.json" 2>&1 >/dev/null); status=$?
    [ "$status" -eq 1 ] || { echo "exit status $status"; return 1; }
    [ "$(printf '%s\n' "$msg" | wc -l)" -eq 1 ] || { echo "more than one line: $msg"; return 1; }
    [[ $msg == "convviewer: tour file '$work/broken.json' is not valid JSON"* ]] || { echo "message: $msg"; return 1; }
    msg=$(DISPLAY=":$(free_display)" "$bin" --tour-file "$work/nothing-here.json" 2>&1 >/dev/null); status=$?
    [ "$status" -eq 1 ] && [[ $msg == *"does not exist"* ]] || { echo "missing file: $status $msg"; return 1; }
}

test_tour_file_plays() {
    start_app --tour-file "$work/quick.json" || return 1
    wait_until 3000 title_has "tour: Alpha" || { echo "title: '$(title)'"; return 1; }
    local a
    a=$(capture)
    wait_until 4000 title_has "tour: Beta" || { echo "no second scene; title: '$(title)'"; return 1; }
    wait_until 4000 title_has "tour: Gamma" || { echo "no third scene; title: '$(title)'"; return 1; }
    [[ $(title) == *"checker"* ]] || { echo "the scene's input is not shown: '$(title)'"; return 1; }
    capture_differs_from "$a" || { echo "the picture did not change with the scenes"; return 1; }
    wait_until 4000 title_has "tour: Alpha" || { echo "the tour did not loop; title: '$(title)'"; return 1; }
}

# The tour keeps going while the scan is held at the end of a scene (the clock paused).
test_t_toggles_the_tour() {
    start_app --paused --filter edge_v || return 1
    focus
    xdotool key t
    wait_until 3000 title_has "tour: How to read the screen" || { echo "title after t: '$(title)'"; return 1; }
    local a
    a=$(capture)
    wait_until 3000 capture_differs_from "$a" || { echo "the tour does not move"; return 1; }
    xdotool key t
    wait_until 3000 title_lacks "tour" || { echo "title after the second t: '$(title)'"; return 1; }
}

test_tour_flag() {
    start_app --tour || return 1
    wait_until 3000 title_has "tour: How to read the screen" || { echo "title: '$(title)'"; return 1; }
}

# ---- kiosk --------------------------------------------------------------------------------------

test_kiosk_fullscreen_and_touring() {
    start_app --kiosk || return 1
    wait_until 3000 geometry_is "1600x1000" || { echo "not fullscreen: $(xdotool getwindowgeometry "$wid" | tr '\n' ' ')"; return 1; }
    wait_until 3000 title_has "tour: How to read the screen" || { echo "title: '$(title)'"; return 1; }
    grep -q "trace: screen saver reset" "$work/app.err" || { echo "no screen saver reset at start"; return 1; }
}

test_kiosk_visitor_and_idle_return() {
    start_app --kiosk --idle-timeout 2 --tour-file "$work/quick.json" || return 1
    wait_until 3000 title_has "tour: " || { echo "title: '$(title)'"; return 1; }
    local filter_before
    xdotool key f
    wait_until 2000 title_has "tour paused" || { echo "a key did not pause the tour: '$(title)'"; return 1; }
    filter_before=$(title)
    # The key that woke it did nothing else: the title (input and filter) is what the scene set.
    holds_for 500 title_is "$filter_before" || { echo "the waking key changed something: '$(title)'"; return 1; }
    xdotool key f
    wait_until 2000 title_differs "$filter_before" || { echo "the visitor's f did nothing: '$(title)'"; return 1; }
    holds_for 1000 title_has "tour paused" || { echo "the tour came back too soon"; return 1; }
    wait_until 4000 title_has "tour: " || { echo "no return to the tour after 2 s idle: '$(title)'"; return 1; }
    grep -q "trace: kiosk: back to the tour" "$work/app.err" || { echo "no trace of the return"; return 1; }
    # A click wakes it the same way.
    xdotool mousemove --window "$wid" 400 300 click 1
    wait_until 2000 title_has "tour paused" || { echo "a click did not pause the tour: '$(title)'"; return 1; }
}
title_differs() { [ "$(title)" != "$1" ]; }

# The kiosk with network scenes: the learn scene's picture changes as it trains; a visitor gets
# network mode (N leaves it, f having woken it); after the idle time the tour comes back to the learn scene, from
# its start, and goes on to the stage view.
test_kiosk_returns_to_network_scenes() {
    start_app --kiosk --idle-timeout 2 --tour-file "$work/net.json" || return 1
    wait_until 3000 title_has "tour: Learning" || { echo "title: '$(title)'"; return 1; }
    title_has "predicted: " || { echo "the learn scene is not in network mode: '$(title)'"; return 1; }
    local a
    a=$(capture)
    wait_until 3000 capture_differs_from "$a" || { echo "the learn scene does not change"; return 1; }
    # Not N to wake it: its Shift alone wakes the kiosk, and N then acts.
    xdotool key f
    wait_until 2000 title_has "tour paused" || { echo "a key did not pause the tour: '$(title)'"; return 1; }
    holds_for 500 title_has "predicted: " || { echo "the waking key changed something: '$(title)'"; return 1; }
    xdotool key N
    wait_until 2000 title_lacks "predicted: " || { echo "N did not leave network mode: '$(title)'"; return 1; }
    wait_until 5000 title_has "tour: Learning" || { echo "no return to the learn scene: '$(title)'"; return 1; }
    title_has "predicted: " || { echo "back in the learn scene without network mode: '$(title)'"; return 1; }
    wait_until 5000 title_has "tour: Stages" || { echo "no stage scene after it: '$(title)'"; return 1; }
    title_has "test image 3" && title_has "stage: softmax" || { echo "the stage scene shows something else: '$(title)'"; return 1; }
}

test_kiosk_quit_chord() {
    start_app --kiosk || return 1
    xdotool key q          # wakes it
    xdotool key q Escape F11 s
    holds_for 1000 alive || { echo "q or Esc ended the kiosk"; return 1; }
    file_count_is "convviewer-*.png" 0 || { echo "s wrote a file in kiosk mode"; return 1; }
    geometry_is "1600x1000" || { echo "F11 left fullscreen"; return 1; }
    xdotool key ctrl+alt+q
    wait_for_exit 3000 || { echo "still running 3 s after Ctrl+Alt+Q"; return 1; }
    [ "$app_status" -eq 0 ] || { echo "exit status $app_status"; return 1; }
}

test_kiosk_allow_quit() {
    start_app --kiosk --allow-quit || return 1
    xdotool key space q
    wait_for_exit 3000 || { echo "q did not quit with --allow-quit"; return 1; }
    [ "$app_status" -eq 0 ] || { echo "exit status $app_status"; return 1; }
}

test_kiosk_cursor() {
    start_app --kiosk || return 1
    local shown
    shown=$(trace_count "cursor shown")
    xdotool mousemove --window "$wid" 500 500
    wait_until 2000 trace_count_above "cursor shown" "$shown" || { echo "moving the mouse did not show the cursor"; return 1; }
    # Hidden again 3 s after the mouse stops (and not before 2.5 s).
    holds_for 2500 test "$(trace_count "cursor hidden")" -eq 0 || { echo "hidden too soon"; return 1; }
    wait_until 2000 trace_count_above "cursor hidden" 0 || { echo "the cursor was never hidden again"; return 1; }
}

test_kiosk_holds_off_the_screen_saver() {
    command -v xset >/dev/null || { echo "skip: no xset"; return 0; }
    python3 Tests/e2e/saver_state.py >/dev/null 2>&1 || { echo "skip: no libXss"; return 0; }
    xset s 2 2
    start_app --kiosk || { xset s default; return 1; }
    local state
    # Well past the server's 2 s timeout with no input: the saver must still be off.
    holds_for 5000 alive
    state=$(python3 Tests/e2e/saver_state.py)
    xset s default
    [[ $state == off* ]] || { echo "screen saver: $state"; return 1; }
}

test_kiosk_follows_screen_size() {
    command -v xrandr >/dev/null || { echo "skip: no xrandr"; return 0; }
    start_app --kiosk || return 1
    wait_until 3000 geometry_is "1600x1000" || { echo "not fullscreen at start"; return 1; }
    # Xvfb resizes its screen (and sends the root ConfigureNotify) though it grumbles about the CRTC.
    xrandr --fb 1024x768 >/dev/null 2>&1
    wait_until 3000 geometry_is "1024x768" || { xrandr --fb 1600x1000 >/dev/null 2>&1; echo "after the resize: $(xdotool getwindowgeometry "$wid" | tr '\n' ' ')"; return 1; }
    xrandr --fb 1600x1000 >/dev/null 2>&1
    wait_until 3000 geometry_is "1600x1000" || { echo "after the resize back: $(xdotool getwindowgeometry "$wid" | tr '\n' ' ')"; return 1; }
}

test_short_soak() {
    # 45 s of a tour that changes input and filter every second: after 10 s of warm-up, resident
    # memory may not grow by more than 2 MB.
    CONVVIEWER="$bin" bash Tests/e2e/soak.sh 0.75 --warmup 10 --max-growth 2048 --quiet --tour-file "$work/quick.json" >"$work/soak.out" 2>&1
    local status=$?
    cat "$work/soak.out" | grep "^soak:"
    [ "$status" -eq 0 ]
}

# ---- hands-on exploration (issue 6) ---------------------------------------------------------------

test_wheel_edits_a_weight() {
    start_app --paused --filter edge_v || return 1
    local a
    a=$(settled_capture) || { echo "the picture never settled"; return 1; }
    xdotool mousemove --window "$wid" $(layout_point kernel-centre 0.5 0.5) click 4
    wait_until 3000 title_has "-1,0.1,1" || { echo "the wheel did not change the weight: '$(title)'"; return 1; }
    capture_differs_from "$a" || { echo "the picture did not change"; return 1; }
    xdotool keydown shift click 4 keyup shift
    wait_until 3000 title_has "-1,1.1,1" || { echo "Shift+wheel did not add 1: '$(title)'"; return 1; }
}

test_painting_changes_the_maps() {
    start_app --paused --input blank:24x24 || return 1
    wait_until 3000 title_has "blank:24x24" || { echo "title: '$(title)'"; return 1; }
    focus
    xdotool key e
    local a
    a=$(settled_capture) || { echo "the picture never settled"; return 1; }
    xdotool mousemove --window "$wid" $(layout_point input 0.3 0.3) mousedown 1 mousemove --window "$wid" $(layout_point input 0.7 0.7) mouseup 1
    wait_until 3000 title_has "painted" || { echo "the drag did not paint: '$(title)'"; return 1; }
    wait_until 3000 capture_differs_from "$a" || { echo "the picture did not change"; return 1; }
    # s in paint mode saves the painting as a PGM (a new name each time) that --input loads again.
    xdotool key s
    wait_until 3000 file_count_is "painted-*.pgm" 1 || { echo "no PGM after s"; return 1; }
    xdotool key s
    wait_until 3000 file_count_is "painted-*.pgm" 2 || { echo "the second s did not write a second file"; return 1; }
    file_count_is "convviewer-*.png" 0 || { echo "s in paint mode wrote a PNG"; return 1; }
    local f
    f=$(ls "$work"/painted-*.pgm | head -n 1)
    [ "$(head -c 2 "$f")" = "P5" ] || { echo "$f is not a PGM"; return 1; }
    "$bin" compute --input "$f" --json >/dev/null || { echo "the saved PGM does not load"; return 1; }
}

test_timeline_seeks() {
    start_app --paused || return 1
    local a b
    a=$(settled_capture) || { echo "the picture never settled"; return 1; }
    xdotool mousemove --window "$wid" $(layout_point timeline 0.5 0.5) click 1
    wait_until 3000 capture_differs_from "$a" || { echo "a click on the timeline did not seek"; return 1; }
    b=$(settled_capture)
    xdotool mousemove --window "$wid" $(layout_point timeline 0.1 0.5) mousedown 1 mousemove --window "$wid" $(layout_point timeline 0.7 0.5) mousemove --window "$wid" $(layout_point timeline 0.8 0.5) mouseup 1
    wait_until 3000 capture_differs_from "$b" || { echo "a drag on the timeline did not seek"; return 1; }
}

test_blank_canvas_cli() {
    "$bin" compute --input blank:5x4 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); p=d["input"]["pixels"]; assert len(p)==4 and len(p[0])==5 and not any(any(r) for r in p), p' \
        || { echo "compute --input blank:5x4"; return 1; }
    local msg status
    msg=$("$bin" compute --input blank:0x4 --json 2>&1 >/dev/null); status=$?
    [ "$status" -eq 1 ] && [ "$(printf '%s\n' "$msg" | wc -l)" -eq 1 ] || { echo "blank:0x4: $status $msg"; return 1; }
}

# Every key of the help overlay does something visible in the window (paused, so nothing else moves).
test_every_binding() {
    start_app --paused --filter edge_v || return 1
    focus
    local steps=(
        Right Left Down Up End Home shift+Right plus minus i I f F 3 r p n g p d x o o h question
        e bracketright c e t t space space
    )
    local k a
    for k in "${steps[@]}"; do
        a=$(settled_capture) || { echo "the picture never settled before $k"; return 1; }
        xdotool key "$k"
        wait_until 3000 capture_differs_from "$a" || { echo "$k changed nothing"; return 1; }
    done
    # The wheel zooms; 0 resets.
    a=$(settled_capture)
    xdotool mousemove --window "$wid" $(layout_point conv 0.5 0.5) click 4
    wait_until 3000 capture_differs_from "$a" || { echo "the wheel changed nothing"; return 1; }
    a=$(settled_capture)
    xdotool mousemove --window "$wid" $(layout_point conv 0.5 0.5) mousedown 1 mousemove --window "$wid" $(layout_point conv 0.45 0.45) mousemove --window "$wid" $(layout_point conv 0.4 0.4) mouseup 1
    wait_until 3000 capture_differs_from "$a" || { echo "a drag did not pan"; return 1; }
    a=$(settled_capture)
    xdotool key 0
    wait_until 3000 capture_differs_from "$a" || { echo "0 changed nothing"; return 1; }
    # Hover (paused) moves the kernel; a click puts it there.
    a=$(settled_capture)
    xdotool mousemove --window "$wid" $(layout_point conv 0.6 0.75)
    wait_until 3000 capture_differs_from "$a" || { echo "hovering the conv panel changed nothing"; return 1; }
    a=$(settled_capture)
    xdotool mousemove --window "$wid" $(layout_point pool 0.35 0.25) click 1
    wait_until 3000 capture_differs_from "$a" || { echo "a click on the pool panel changed nothing"; return 1; }
    # A weight: click selects it, typing, Enter, Backspace, Delete, k, Esc.
    for k in click 2 Return BackSpace 5 Delete k Escape; do
        a=$(settled_capture)
        if [ "$k" = click ]; then xdotool mousemove --window "$wid" $(layout_point kernel-centre 0.5 0.5) click 1; else xdotool key "$k"; fi
        wait_until 3000 capture_differs_from "$a" || { echo "weight: $k changed nothing"; return 1; }
    done
    # [ on the brush shows in the footprint under the pointer in paint mode.
    xdotool key e
    xdotool mousemove --window "$wid" $(layout_point input 0.3 0.3)
    a=$(settled_capture)
    xdotool key bracketleft
    wait_until 3000 capture_differs_from "$a" || { echo "[ changed nothing"; return 1; }
    xdotool key e
    xdotool key s
    wait_until 3000 file_count_is "convviewer-*.png" 1 || { echo "s wrote no PNG"; return 1; }
    xdotool key F11
    wait_until 3000 geometry_is "1600x1000" || { echo "F11 did not fill the screen"; return 1; }
    xdotool key F11
    wait_until 3000 geometry_is "1280x800" || { echo "F11 again did not go back"; return 1; }
    # The kernel was edited and is nowhere saved: the first Esc asks, the second quits.
    xdotool key Escape
    holds_for 500 alive || { echo "Esc quit at once with an edited kernel"; return 1; }
    xdotool key Escape
    wait_for_exit 3000 || { echo "Esc did not quit"; return 1; }
}

check "bad --tour-file: one line, exit 1, before any window" test_bad_tour_file
check "--input blank:WxH on the command line; a bad size is one line, exit 1" test_blank_canvas_cli
if start_xvfb; then
    check "--tour-file plays its scenes in turn and loops (title and picture follow)" test_tour_file_plays
    check "t starts and stops the tour" test_t_toggles_the_tour
    check "--tour starts the window in the tour" test_tour_flag
    check "--kiosk: fullscreen, touring, screen saver reset" test_kiosk_fullscreen_and_touring
    check "kiosk: a key pauses the tour without acting, the visitor has the keys, idle returns" test_kiosk_visitor_and_idle_return
    check "kiosk with network scenes: the learn view trains, a visitor gets network mode, idle returns to it" test_kiosk_returns_to_network_scenes
    check "kiosk: q, Esc, F11 and s do nothing; Ctrl+Alt+Q exits 0" test_kiosk_quit_chord
    check "kiosk --allow-quit: q exits 0" test_kiosk_allow_quit
    check "kiosk: the cursor shows while the mouse moves, hides 3 s later" test_kiosk_cursor
    check "kiosk: the screen saver does not start" test_kiosk_holds_off_the_screen_saver
    check "kiosk: a change of screen size is followed" test_kiosk_follows_screen_size
    check "the wheel on a kernel weight edits it (Shift: by 1) and changes the picture" test_wheel_edits_a_weight
    check "painting on a blank canvas changes the maps; s saves PGMs" test_painting_changes_the_maps
    check "a click and a drag on the timeline seek" test_timeline_seeks
    check "every key binding changes the window" test_every_binding
    check "soak: kiosk tour for 45 s, memory does not grow after warm-up" test_short_soak
else
    failed=$((failed + 1)); echo "FAIL could not start Xvfb"
fi

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

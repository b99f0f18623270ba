#!/usr/bin/env bash
# End-to-end tests of `convviewer record`, no display needed: the real binary writes Y4M files,
# Y4M streams and PNG folders (twice each, byte for byte the same), the Y4M framing is checked
# against its header, bad input ends in one line and exit 1, and — when ffmpeg and ffprobe are
# installed — the tour is encoded to .mp4 and checked with ffprobe (frame count, size, fps).
#
#   CONVVIEWER=.build/debug/convviewer bash Tests/e2e/record.sh
#
# Needs python3 (to read headers). Ends with the line `record: N passed, M failed`; exits
# non-zero when anything failed.
set -u
cd "$(dirname "$0")/../.."

bin=${CONVVIEWER:-.build/debug/convviewer}
[ -x "$bin" ] || { echo "record: no binary at $bin (build first, or set CONVVIEWER)"; echo "record: 0 passed, 1 failed"; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
command -v python3 >/dev/null || { echo "record: python3 is missing"; echo "record: 0 passed, 1 failed"; exit 1; }
tour_file=$(pwd)/resources/tours/example.json
net_tour_file=$(pwd)/resources/tours/network.json

work=$(mktemp -d /tmp/convviewer-record.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
passed=0
failed=0

# check NAME COMMAND...: runs COMMAND; it explains a failure by writing to ./why.
check() {
    local name=$1; shift
    : >why
    if "$@" >/dev/null 2>>why; then
        passed=$((passed + 1)); echo "ok   $name"
    else
        failed=$((failed + 1)); echo "FAIL $name: $(tr '\n' ' ' <why)"
    fi
}

why() { echo "$*" >>why; return 1; }

# A second of glide at 640x360 (speed 2: the box moves on every frame of a step's second half).
small=(--duration 1 --fps 30 --size 640x360 --speed 2)

same_y4m() {
    "$bin" record -o a.y4m "${small[@]}" 2>err || why "first run: $(cat err)"
    "$bin" record -o b.y4m "${small[@]}" 2>err || why "second run: $(cat err)"
    cmp a.y4m b.y4m >&2
}

same_pngs() {
    "$bin" record -o pa "${small[@]}" 2>err || why "first run: $(cat err)"
    "$bin" record -o pb/ "${small[@]}" 2>err || why "second run: $(cat err)"
    [ "$(ls pa | wc -l)" -eq 30 ] || why "pa/ holds $(ls pa | wc -l) files, not 30"
    diff -r pa pb >&2
}

# A folder holding frames of an earlier, longer run is refused (its last frames would pass for
# this run's); --force removes those frames, and only those, first.
stale_frames() {
    "$bin" record -o st --duration 1 --fps 10 --size 480x320 2>err || why "first run: $(cat err)"
    echo keep >st/notes.txt
    local out code
    out=$("$bin" record -o st --duration 0.5 --fps 10 --size 480x320 2>&1); code=$?
    [ "$code" -eq 1 ] || why "a second run into the same folder: exit $code"
    case "$out" in *"already holds 10 frames"*"--force"*) ;; *) why "said: $out" ;; esac
    [ "$(ls st | wc -l)" -eq 11 ] || why "the refused run changed the folder: $(ls st | wc -l) files"
    "$bin" record -o st --duration 0.5 --fps 10 --size 480x320 --force 2>err || why "--force: $(cat err)"
    [ "$(ls st/frame-*.png | wc -l)" -eq 5 ] || why "after --force: $(ls st/frame-*.png | wc -l) frames, not 5"
    [ -f st/notes.txt ] || why "--force removed a file that is not a frame"
}

# y4m_shape FILE W H FPS FRAMES: the header says W, H, FPS, 4:2:0 limited range, and the file is
# exactly the header and FRAMES frames, each `FRAME\n` and W·H·3/2 bytes.
y4m_shape() {
    python3 - "$@" >&2 <<'EOF'
import sys
path, w, h, fps, frames = sys.argv[1], *map(int, sys.argv[2:])
data = open(path, 'rb').read()
end = data.index(b'\n')
fields = data[:end].decode().split(' ')
problems = []
if fields[0] != 'YUV4MPEG2': problems.append(f'magic {fields[0]}')
tags = {f[0]: f[1:] for f in fields[1:]}
if tags.get('W') != str(w) or tags.get('H') != str(h): problems.append(f"size {tags.get('W')}x{tags.get('H')}")
if tags.get('F') != f'{fps}:1': problems.append(f"rate {tags.get('F')}")
if tags.get('C') != '420jpeg' or tags.get('I') != 'p': problems.append(f"C{tags.get('C')} I{tags.get('I')}")
if 'XCOLORRANGE=LIMITED' not in fields: problems.append('no XCOLORRANGE=LIMITED')
frame = 6 + w * h * 3 // 2
body = len(data) - end - 1
if body != frames * frame: problems.append(f'{body} bytes after the header, not {frames} frames of {frame}')
bad = [i for i in range(min(frames, body // frame)) if data[end + 1 + i * frame:end + 7 + i * frame] != b'FRAME\n']
if bad: problems.append(f'frames {bad[:5]} do not start with FRAME')
print('; '.join(problems))
sys.exit(1 if problems else 0)
EOF
}

y4m_framing() { y4m_shape a.y4m 640 360 30 30; }

# PNG size from the IHDR chunk.
png_size() { python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print('%dx%d' % struct.unpack('>II', d[16:24]))" "$1"; }

png_folder() {
    [ -f pa/frame-00001.png ] && [ -f pa/frame-00030.png ] && [ ! -e pa/frame-00031.png ] || why "names: $(ls pa | head -2) … $(ls pa | tail -1)"
    [ "$(png_size pa/frame-00017.png)" = 640x360 ] || why "frame 17 is $(png_size pa/frame-00017.png)"
    # The box glides: within the second half of a step, frames differ from each other.
    [ "$(cat pa/* | md5sum)" != "$(cat pa/frame-00001.png pa/frame-00001.png | md5sum)" ] || why "all frames alike"
    [ "$(md5sum pa/* | awk '{print $1}' | sort -u | wc -l)" -ge 8 ] || why "only $(md5sum pa/* | awk '{print $1}' | sort -u | wc -l) different frames: no glide?"
}

stdout_stream() {
    "$bin" record -o - "${small[@]}" 2>err >stream.y4m || why "$(cat err)"
    cmp stream.y4m a.y4m >&2
}

# A reader that stops early: one line on stderr and exit 1, not a death by SIGPIPE (141).
closed_pipe() {
    "$bin" record -o - --duration 20 --size 640x360 2>err | head -c 100000 >/dev/null
    local code=${PIPESTATUS[0]}
    [ "$code" -eq 1 ] || why "exit $code"
    [ "$(wc -l <err)" -eq 1 ] || why "stderr: $(cat err)"
    grep -q "closed the pipe" err || why "stderr: $(cat err)"
}

tour_file_length() {
    local expected
    expected=$(python3 -c "import json,math,sys; t=json.load(open(sys.argv[1])); print(math.ceil(sum(s['seconds'] for s in t['scenes'])*10 - 1e-9))" "$tour_file")
    "$bin" record -o tour.y4m --tour-file "$tour_file" --fps 10 --size 480x320 2>err || why "$(cat err)"
    y4m_shape tour.y4m 480 320 10 "$expected"
}

# The network scenes of a tour (learning on the tour's clock, stage views, strokes on a canvas):
# two runs write the same frames, with the data set and, when CONVVIEWER_FASHION_MNIST names no
# folder, on the shipped sample; the learn scene's frames change as it trains.
same_network_tour() {
    local data
    for data in "${CONVVIEWER_FASHION_MNIST:-/usr/share/datasets/fashion-mnist}" /nonexistent; do
        rm -rf na nb
        CONVVIEWER_FASHION_MNIST=$data "$bin" record -o na/ --tour-file "$net_tour_file" --fps 2 --size 640x400 2>err || why "first run ($data): $(cat err)"
        CONVVIEWER_FASHION_MNIST=$data "$bin" record -o nb/ --tour-file "$net_tour_file" --fps 2 --size 640x400 2>err || why "second run ($data): $(cat err)"
        [ "$(ls na | wc -l)" -eq 80 ] || why "na/ holds $(ls na | wc -l) files, not 80"
        diff -r na nb >&2 || why "the two runs differ ($data)"
        ! cmp -s na/frame-00002.png na/frame-00020.png || why "the learn scene did not change from 0.5 s to 9.5 s ($data)"
    done
    fails_cleanly -o x.y4m --tour-file "$net_tour_file" --learn-steps 5 || why "--learn-steps with a tour accepted"
    fails_cleanly -o x.y4m --tour --stage softmax || why "--stage with a tour accepted"
}

# fails_cleanly NAME ARGS...: `record ARGS` exits 1 with one line on stderr that starts with convviewer:.
fails_cleanly() {
    local out code
    out=$("$bin" record "$@" 2>&1 >/dev/null); code=$?
    [ "$code" -eq 1 ] || why "exit $code: $out"
    [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || why "more than one line: $out"
    case "$out" in convviewer:*) ;; *) why "not a convviewer: line: $out" ;; esac
}

bad_input() {
    local ok=0
    fails_cleanly -o x.y4m --fps 0 || ok=1
    fails_cleanly -o x.y4m --fps 241 || ok=1
    fails_cleanly -o x.y4m --fps -5 || ok=1
    fails_cleanly -o x.y4m --duration 0 || ok=1
    fails_cleanly -o x.y4m --duration -2 || ok=1
    fails_cleanly -o x.y4m --duration nan || ok=1
    fails_cleanly -o x.y4m --size 0x0 || ok=1
    fails_cleanly -o x.y4m --size big || ok=1
    fails_cleanly -o x.y4m --size 641x360 || ok=1
    fails_cleanly -o x.y4m --size 478x320 || ok=1
    "$bin" record -o x.y4m --size 478x320 2>&1 | grep -q "480x320" || { why "--size below the minimum does not name it"; ok=1; }
    fails_cleanly -o x.mp4 --size 640x361 || ok=1
    fails_cleanly -o x.avi || ok=1
    fails_cleanly -o x.png || ok=1
    fails_cleanly -o /nonexistent/dir/x.y4m || ok=1
    fails_cleanly -o /proc/no-frames/ || ok=1
    fails_cleanly -o x.y4m --tour --speed 4 || ok=1
    fails_cleanly -o x.y4m --tour-file missing.json || ok=1
    fails_cleanly -o x.y4m --theme pink || ok=1
    [ ! -e x.y4m ] || why "a bad command left x.y4m behind"
    return $ok
}

no_ffmpeg() {
    local out code
    out=$(PATH=/nonexistent "$bin" record -o x.mp4 --duration 0.1 2>&1); code=$?
    [ "$code" -eq 1 ] || why "exit $code"
    [ "$out" = "convviewer: ffmpeg not found on PATH (needed for .mp4; write .y4m or a folder of PNGs instead)" ] || why "said: $out"
}

# An ffmpeg that reads a little and fails: its exit code is reported in one line.
failing_ffmpeg() {
    mkdir -p fake
    printf '#!/bin/sh\nhead -c 1000 >/dev/null\nexit 3\n' >fake/ffmpeg
    chmod +x fake/ffmpeg
    local out code
    out=$(PATH="$work/fake:$PATH" "$bin" record -o x.mp4 --duration 5 --size 640x360 2>&1); code=$?
    [ "$code" -eq 1 ] || why "exit $code"
    [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || why "more than one line: $out"
    case "$out" in *"exit code 3"*) ;; *) why "said: $out" ;; esac
}

# ffprobe_matches FILE W H RATE FRAMES
ffprobe_matches() {
    local got
    got=$(ffprobe -v error -select_streams v:0 -count_frames \
        -show_entries stream=width,height,r_frame_rate,nb_read_frames -of csv=p=0 "$1") || why "ffprobe failed"
    [ "$got" = "$2,$3,$4,$5" ] || why "ffprobe says $got, expected $2,$3,$4,$5"
}

tour_mp4() {
    "$bin" record -o tour.mp4 --tour --fps 10 --size 480x320 2>err || why "$(cat err)"
    local frames
    frames=$(sed -n 's/.*recorded \([0-9]*\) frames.*/\1/p' err)
    [ -n "$frames" ] && [ "$frames" -gt 600 ] || why "summary: $(cat err)"
    ffprobe_matches tour.mp4 480 320 10/1 "$frames"
}

short_webm_and_gif() {
    "$bin" record -o s.webm --duration 1 --fps 12 --size 480x320 2>err || why "webm: $(cat err)"
    ffprobe_matches s.webm 480 320 12/1 12
    "$bin" record -o s.gif --duration 1 --fps 10 --size 480x320 2>err || why "gif: $(cat err)"
    local n
    n=$(ffprobe -v error -count_frames -show_entries stream=nb_read_frames -of csv=p=0 s.gif)
    [ "$n" = 10 ] || why "gif has $n frames"
}

check "y4m: the same command writes the same bytes" same_y4m
check "png: the same command writes the same files" same_pngs
check "y4m: header, frame count and framing" y4m_framing
check "png: numbered frames of the right size, gliding" png_folder
check "-o -: the stream on stdout is the file's bytes" stdout_stream
check "-o -: a closed pipe ends in one line and exit 1" closed_pipe
check "--tour-file: the whole tour once, frames = ceil(seconds x fps)" tour_file_length
check "--tour-file with network scenes: the same frames twice, with the data set and on the sample" same_network_tour
check "bad input: one line, exit 1, no file" bad_input
check "a folder with old frames: refused, or replaced with --force" stale_frames
check "no ffmpeg on PATH: one clear line" no_ffmpeg
check "ffmpeg fails: its exit code in one line" failing_ffmpeg
if command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null; then
    check "mp4 of the tour: ffprobe frame count, size, fps" tour_mp4
    check "webm and gif through ffmpeg" short_webm_and_gif
else
    echo "skip mp4/webm/gif: ffmpeg or ffprobe not installed (scripts/install-deps.sh installs them)"
fi

echo "record: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

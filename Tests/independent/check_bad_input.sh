#!/usr/bin/env bash
# Every bad input of issue 2 (item 5) must end the command line with exactly one line on stderr
# and a non-zero exit status that is not a signal (1–127), within a few seconds.
#
# Usage: check_bad_input.sh [path/to/convviewer]   (or CONVVIEWER=...; default .build/debug/convviewer)
set -u

BIN=${1:-${CONVVIEWER:-.build/debug/convviewer}}
if [[ ! -x $BIN ]]; then
    echo "check_bad_input: no executable at $BIN (build first, or pass its path)" >&2
    exit 2
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# The bad files.
: >"$TMP/empty.pgm"
printf 'P5\n4 4\n255\n\001\002\003' >"$TMP/truncated.pgm"                 # 16 pixels declared, 3 present
printf 'P2\n4 4\n255\n0 1 2 3\n4 5 6 7\n8 9\n' >"$TMP/short-ascii.pgm"     # 16 declared, 10 present
printf 'P6\n3 3\n255\n\377\000\000\000\377' >"$TMP/truncated.ppm"          # 9 RGB pixels declared, under 2
printf 'P5\n20000 20000\n255\n\000\000\000\000' >"$TMP/huge.pgm"            # 4·10⁸ > 2²⁴ pixels
printf 'P5\n70000 70000\n255\n' >"$TMP/huge-square.pgm"                      # 4.9·10⁹ pixels
printf 'P5\n99999999999999999999 2\n255\n' >"$TMP/overflow.pgm"              # width does not fit an Int
printf 'P5\nfour 4\n255\n' >"$TMP/bad-header.pgm"
printf 'P5\n4 4' >"$TMP/cut-header.pgm"
printf 'P2\n2 2\n255\n0 1 x 3\n' >"$TMP/bad-ascii.pgm"
printf 'P5\n2 2\n0\n\000\000\000\000' >"$TMP/maxval0.pgm"
printf 'P5\n0 0\n255\n' >"$TMP/zero.pgm"
printf 'GIF89a not an image' >"$TMP/notimage.pgm"
printf '\211PNG\r\n\032\n\000\000\000\015IHDRgarbage' >"$TMP/corrupt.png"
printf 'P5\n2 2\n255\n\000\100\200\377' >"$TMP/tiny.pgm"                     # a valid 2×2 image
printf 'P5\n5 5\n255\n' >"$TMP/five.pgm"
head -c 25 /dev/zero >>"$TMP/five.pgm"                                       # a valid 5×5 image
mkdir "$TMP/folder.pgm"
# Issue 10: a 33-byte PNG whose IHDR declares 3.5·10⁹ × 3.5·10⁹ (width × height overflows), and a
# 46-byte PNG whose text chunk claims 2³¹ − 1 bytes (libpng spent 2 GB and 5 s on it).
printf '\211PNG\r\n\032\n\000\000\000\015IHDR\320\235\303\000\320\235\303\000\010\000\000\000\000\040\114\235\044' >"$TMP/overflow.png"
printf '\211PNG\r\n\032\n\000\000\000\015IHDR\000\000\000\001\000\000\000\001\010\000\000\000\000\072\176\233\125\177\377\377\377tEXtab\000\000\000' >"$TMP/long-text.png"

SEVEN=$(printf '1,%.0s' 1 2 3 4 5 6); SEVEN="${SEVEN}1"
SEVEN=$(for _ in 1 2 3 4 5 6 7; do printf '%s;' "$SEVEN"; done); SEVEN=${SEVEN%;}   # 7×7 of ones

passed=0
failed=0

# check NAME ARGS...: runs `convviewer compute --json ARGS...` and judges it.
check() {
    local name=$1
    shift
    local status lines
    timeout 20 "$BIN" compute --json "$@" >"$TMP/out" 2>"$TMP/err"
    status=$?
    lines=$(wc -l <"$TMP/err")
    # A last line without a newline still counts as a line.
    if [[ -s $TMP/err && $(tail -c 1 "$TMP/err" | od -An -c | tr -d ' ') != '\n' ]]; then
        lines=$((lines + 1))
    fi
    local why=""
    if ((status == 124)); then
        why="hung (killed after 20 s)"
    elif ((status == 0)); then
        why="exit status 0"
    elif ((status >= 128)); then
        why="killed by signal $((status - 128))"
    elif ((lines != 1)); then
        why="$lines lines on stderr"
    elif [[ -z $(tr -d '[:space:]' <"$TMP/err") ]]; then
        why="an empty line on stderr"
    fi
    if [[ -z $why ]]; then
        passed=$((passed + 1))
        printf 'ok    %-28s exit %d: %s\n' "$name" "$status" "$(head -c 200 "$TMP/err")"
    else
        failed=$((failed + 1))
        printf 'FAIL  %-28s %s (exit %d)\n' "$name" "$why" "$status"
        sed 's/^/        stderr: /' "$TMP/err" | head -5
    fi
}

# Files.
check "missing file"             --input "$TMP/no-such-file.pgm"
check "empty file"               --input "$TMP/empty.pgm"
check "truncated P5"             --input "$TMP/truncated.pgm"
check "P2 with too few values"   --input "$TMP/short-ascii.pgm"
check "truncated P6"             --input "$TMP/truncated.ppm"
check "more than 2^24 pixels"    --input "$TMP/huge.pgm"
check "70000×70000 header"       --input "$TMP/huge-square.pgm"
check "size overflowing Int"     --input "$TMP/overflow.pgm"
check "corrupt header"           --input "$TMP/bad-header.pgm"
check "header cut short"         --input "$TMP/cut-header.pgm"
check "corrupt ASCII pixels"     --input "$TMP/bad-ascii.pgm"
check "maxval 0"                 --input "$TMP/maxval0.pgm"
check "0×0 image"                --input "$TMP/zero.pgm"
check "not an image"             --input "$TMP/notimage.pgm"
check "corrupt PNG"              --input "$TMP/corrupt.png"
check "a directory"              --input "$TMP/folder.pgm"
# Names.
check "unknown input"            --input nosuchimage
check "unknown filter"           --filter nosuchfilter
check "unknown filter, empty"    --filter ""
# Kernel text.
check "kernel does not parse"    "--filter=1,x,3;4,5,6;7,8,9"
check "kernel empty weight"      "--filter=1,,3;4,5,6;7,8,9"
check "kernel not square"        "--filter=1,2,3;4,5,6"
check "kernel ragged"            "--filter=1,2,3;4,5;7,8,9"
check "kernel even 2×2"          "--filter=1,2;3,4"
check "kernel 9×9"               "--filter=$(for _ in 1 2 3 4 5 6 7 8 9; do printf '0,0,0,0,0,0,0,0,0;'; done | sed 's/;$//')"
check "kernel NaN"               "--filter=0,0,0;0,nan,0;0,0,0"
check "kernel inf"               "--filter=inf,0,0;0,1,0;0,0,0"
check "kernel -inf"              "--filter=0,0,0;0,1,0;0,0,-inf"
check "kernel bare nan"          --filter nan
# Text holding a line break: the message must still be one line.
check "filter with a line break" --filter "$(printf 'edge\nv')"
check "kernel with a line break" "--filter=$(printf '1,x\ny,0;0,1,0;0,0,0')"
check "input with a line break"  --input "$(printf 'face\nx')"
check "file with a line break"   --input "$(printf '%s/no\nsuch.pgm' "$TMP")"
# Settings.
check "stride 0"                 --stride 0
check "stride -1"                --stride=-1
check "bias NaN"                 --bias nan
check "bias inf"                 --bias inf
check "max-size 0"               --input "$TMP/five.pgm" --max-size 0
check "3×3 on 2×2, valid"        --input "$TMP/tiny.pgm" --filter blur
# Issue 10: sizes past the limits, refused before anything is allocated.
check "33-byte PNG, size overflows" --input "$TMP/overflow.png"
check "46-byte PNG, 2 GB text chunk" --input "$TMP/long-text.png"
check "dilation 2^63-1, same"     --padding same --dilation 9223372036854775807
check "dilation 2^63-1, valid"    --dilation 9223372036854775807
check "dilation 20000, same"      --padding same --dilation 20000
check "stride 2^63-1"             --stride 9223372036854775807
check "weights of 3e38 (inf sums)" "--filter=3e38,3e38,3e38;3e38,3e38,3e38;3e38,3e38,3e38"
check "bias 3e38 with weights"     --bias 3e38 --filter identity
check "a 100 KB filter"           "--filter=$(head -c 100000 /dev/zero | tr '\0' '1')"
check "--max-size past the limit" --max-size 9223372036854775807
check "7×7 on 5×5, valid"        --input "$TMP/five.pgm" "--filter=$SEVEN"
check "7×7 on 5×5, stride 3"     --input "$TMP/five.pgm" "--filter=$SEVEN" --stride 3

# The same files are fine when they are good: make sure the harness itself is not fooled.
if ! "$BIN" compute --json --input "$TMP/five.pgm" "--filter=$SEVEN" --padding same >/dev/null 2>&1 \
    || ! "$BIN" compute --json --input "$TMP/tiny.pgm" --filter blur --padding same >/dev/null 2>&1; then
    failed=$((failed + 1))
    echo "FAIL  control: a valid image with same padding should work"
fi

# The command line (issue 9): negative numbers are values, exit 1 for bad input and 64 for a
# command-line mistake, messages that say what to do.
# expect STATUS NAME TEXT ARGS...: `convviewer ARGS` exits with STATUS and its stderr (or, for
# status 0, stdout and stderr together) holds TEXT.
expect() {
    local want=$1 name=$2 text=$3
    shift 3
    local status
    timeout 20 "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
    status=$?
    local where="$TMP/err"
    ((want == 0)) && cat "$TMP/err" >>"$TMP/out" && where="$TMP/out"
    if ((status == want)) && grep -qF -- "$text" "$where"; then
        passed=$((passed + 1))
        printf 'ok    %-28s exit %d\n' "$name" "$status"
    else
        failed=$((failed + 1))
        printf 'FAIL  %-28s exit %d (expected %d and "%s")\n' "$name" "$status" "$want" "$text"
        head -c 300 "$where" | sed 's/^/        /'; echo
    fi
}
expect 0  "--bias -0.5"              '"bias":-0.5'          compute --json --bias -0.5
expect 0  "--filter -1,0,1;…"        '"weights":[[-1.0,0.0,1.0],[-2.0,0.0,2.0],[-1.0,0.0,1.0]]' compute --json --filter "-1,0,1;-2,0,2;-1,0,1"
expect 0  "weights split by spaces"  '"weights":[[1.0,2.0,1.0],[2.0,4.0,2.0],[1.0,2.0,1.0]]'    compute --json --filter "1 2 1;2 4 2;1 2 1"
expect 1  "--stride -1 (a value)"    "stride must be 1 or more" compute --stride -1
expect 1  "--dilation -2"            "dilation must be 1 or more" compute --dilation -2
expect 1  "kernel of one row"        "1 row of 9 weights: rows are split by ';', e.g. 1,2,3;4,5,6;7,8,9" compute --filter 1,2,3,4,5,6,7,8,9
expect 1  "--speed out of range"     "--speed must be between 0.25 and 262144" render -o "$TMP/x.png" --speed 1000000
expect 1  "--speed -1"               "--speed must be between" render -o "$TMP/x.png" --speed -1
expect 1  "--learn-steps -1"         "--learn-steps must be from 0 to" render -o "$TMP/x.png" --learn-steps -1
expect 1  "--learn-steps too many"   "--learn-steps must be from 0 to 20000 (got 20001)" render -o "$TMP/x.png" --learn-steps 20001
expect 1  "--learn-time too many"    "--learn-time must be from 0 to 1000 frames (got 1001)" render -o "$TMP/x.png" --learn-steps 0 --learn-time 1001
expect 1  "--learn-time negative"    "--learn-time must be from 0 to 1000 frames (got -1)" render -o "$TMP/x.png" --learn-steps 0 --learn-time=-1
expect 1  "--learn-gradients alone"  "--learn-gradients goes with --learn-steps N" render -o "$TMP/x.png" --learn-gradients
expect 1  "--learn-steps with --net"  "--learn-steps draws the learn view: --net, --test-index or --stage does not go with it" render -o "$TMP/x.png" --learn-steps 0 --net
expect 1  "--learn-speed alone"      "--learn-speed goes with --learn-steps" record -o "$TMP/f/" --duration 1 --learn-speed 5
expect 1  "--learn-speed -1"         "--learn-speed must be from 0 to 10000" record -o "$TMP/f/" --duration 1 --learn-steps 0 --learn-speed -1
expect 1  "record --learn-time"      "--learn-time is for render" record -o "$TMP/f/" --duration 1 --learn-steps 0 --learn-time 3
expect 1  "--learn-steps with --tour" "--learn-steps does not go with a tour: its learn scene trains on the tour's own clock" record -o "$TMP/f/" --learn-steps 0 --tour
expect 1  "--stage with --tour" "--stage does not go with a tour: each scene sets its own" record -o "$TMP/f/" --stage softmax --tour
printf '{"scenes": [{"title": "t", "seconds": 5, "canvas": true, "strokes": [{"at": 1, "from": [28, 0], "to": [3, 3]}]}]}' >"$TMP/badstroke.json"
expect 1  "tour file: a bad stroke" "stroke 1: cell [28, 0] is off the 28×28 canvas" record -o "$TMP/f/" --tour-file "$TMP/badstroke.json"
expect 64 "--json with --code"       "--json and --code" compute --json --code numpy
expect 64 "unknown command"          "did you mean 'render'?" rendr -o "$TMP/x.png"
expect 64 "unknown option"           "Unknown option '--bogus'" compute --bogus
expect 0  "--version"                "0." --version
expect 1  "33-byte PNG: too large"    "is too large: 3500000000×3500000000 pixels" compute --input "$TMP/overflow.png"
expect 1  "46-byte PNG: corrupt"      "is not a valid PNG: chunk tEXt claims 2147483647 bytes" compute --input "$TMP/long-text.png"
expect 1  "dilation: value and limit" "dilation 9223372036854775807 is more than the limit of 1024" compute --padding same --dilation 9223372036854775807
expect 1  "inf weights: no bare inf"  "the sum of the kernel's absolute weights and bias" compute --json "--filter=3e38,3e38,3e38;3e38,3e38,3e38;3e38,3e38,3e38"
expect 1  "--size past the limit"     "--size 16384×16384 is more than the limit of 67108864 pixels" render -o "$TMP/big.png" --size 16384x16384
expect 1  "--fps × --duration"        "the frame count (--fps × --duration) 20736000 is more than the limit" record -o "$TMP/long.y4m" --fps 240 --duration 86400
expect 1  "non-UTF-8 output name"     "is not valid UTF-8" render -o "$TMP/$(printf '\377').png"
expect 1  "non-UTF-8 input name"      "is not valid UTF-8" compute --input "$TMP/$(printf '\376').pgm"
# Never a success message for a file that was not written: nothing at all was written.
if [[ -e $TMP/big.png || -e $TMP/long.y4m || -e $TMP/$(printf '\377').png || -e $TMP/$'\xef\xbf\xbd'.png ]]; then
    failed=$((failed + 1)); echo "FAIL  a refused output left a file: $(ls "$TMP")"
fi
# A long value is cut in the message: the 100 KB filter gives a short line.
"$BIN" compute "--filter=$(head -c 100000 /dev/zero | tr '\0' '1')" 2>"$TMP/err" >/dev/null
if (( $(wc -c <"$TMP/err") > 300 )); then
    failed=$((failed + 1)); echo "FAIL  a 100 KB filter gives a $(wc -c <"$TMP/err")-byte message"
else
    passed=$((passed + 1)); echo "ok    100 KB filter: a $(wc -c <"$TMP/err")-byte message"
fi
expect 0  "--max-size says it shrank" "--max-size 2 shrank five.pgm from 5×5 to 2×2" compute --input "$TMP/five.pgm" --max-size 2 --filter 1

echo "check_bad_input: $passed passed, $failed failed"
((failed == 0))

#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer: builds every target in Tests/fuzz/targets with
# `swiftc -sanitize=fuzzer,address` (SwiftPM does not build fuzzers, so the modules a target
# needs are compiled here, instrumented, from Sources/), replays the saved crash inputs in
# Tests/fuzz/regressions/NAME, then fuzzes each target for SECONDS (default 10) starting from
# the seeds in Tests/fuzz/corpus/NAME.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   scripts/fuzz.sh            # every target, 10 s each (what scripts/test.sh runs)
#   scripts/fuzz.sh 600 pnm    # ten minutes on the PGM/PPM decoder
# Inputs found along the way go to .build/fuzz/corpus/NAME, not the repository (FUZZ_OUT moves
# .build/fuzz elsewhere); a crash is written to .build/fuzz/crashes/ and ends the script with a
# non-zero status: copy it into Tests/fuzz/regressions/NAME and add a unit test for it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-10}
shift || true
all=()
for f in Tests/fuzz/targets/*.swift; do all+=("$(basename "$f" .swift)"); done
targets=("${@:-${all[@]}}")

out=${FUZZ_OUT:-.build/fuzz}
# Swift's own crash backtracer and AddressSanitizer fight over a crashing process; let ASan report.
export SWIFT_BACKTRACE=enable=no
mkdir -p "$out/modules" "$out/bin" "$out/crashes"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g)
cairo=(-I Sources/CCairo $(pkg-config --cflags-only-I cairo | sed 's/-I/-Xcc -I/g'))

# quietly COMMAND...: runs COMMAND with its output in $out/build.log, shown only when it fails
# (the linker warns about every ASan symbol).
quietly() {
    "$@" >"$out/build.log" 2>&1 || { grep -E "error" "$out/build.log" | head -n 20; echo "fuzz: build failed (log: $out/build.log)"; exit 2; }
}

# build_module NAME [DEPENDENCY.o] EXTRA-FLAGS...: one instrumented object and .swiftmodule from
# Sources/NAME, rebuilt only when a source, or the module it imports (built just before), is newer.
build_module() {
    local name=$1 dep=""
    shift
    [[ ${1:-} == *.o ]] && { dep=$1; shift; }
    local obj="$out/modules/$name.o"
    local sources
    mapfile -t sources < <(find "Sources/$name" -name '*.swift' | sort)
    if [[ -f $obj ]] && [[ -z $(find "Sources/$name" $dep -newer "$obj" | head -n 1) ]]; then
        return
    fi
    echo "fuzz: building $name (instrumented)"
    quietly swiftc "${flags[@]}" -enable-testing -wmo -module-name "$name" -I "$out/modules" "$@" \
        -emit-module -emit-module-path "$out/modules/$name.swiftmodule" -c "${sources[@]}" -o "$obj"
    touch "$obj"
}

# needs TARGET: the modules named on the target's "// Needs:" line.
needs() { sed -n 's|^// Needs: *||p' "Tests/fuzz/targets/$1.swift" | head -n 1; }

build_target() {
    local name=$1 objs=() extra=() m
    for m in $(needs "$name"); do
        case $m in
            ConvNet) build_module ConvNet ;;
            ConvModel) build_module ConvNet; build_module ConvModel "$out/modules/ConvNet.o" ;;
            ConvRender) build_module ConvNet; build_module ConvModel "$out/modules/ConvNet.o"
                        build_module ConvRender "$out/modules/ConvModel.o" "${cairo[@]}"
                        extra+=("${cairo[@]}" -lcairo) ;;
            *) echo "fuzz: $name needs unknown module $m" >&2; exit 2 ;;
        esac
        objs+=("$out/modules/$m.o")
    done
    # ConvRender imports ConvModel, which imports ConvNet: link what each needs below it.
    [[ " ${objs[*]} " == *ConvRender.o* && " ${objs[*]} " != *ConvModel.o* ]] && objs+=("$out/modules/ConvModel.o")
    [[ " ${objs[*]} " == *ConvModel.o* && " ${objs[*]} " != *ConvNet.o* ]] && objs+=("$out/modules/ConvNet.o")
    local bin="$out/bin/$name"
    if [[ ! -x $bin || "Tests/fuzz/targets/$name.swift" -nt $bin ]] || [[ -n $(find "${objs[@]}" -newer "$bin" | head -n 1) ]]; then
        echo "fuzz: linking $name"
        quietly swiftc "${flags[@]}" -I "$out/modules" "${extra[@]}" "Tests/fuzz/targets/$name.swift" "${objs[@]}" -o "$bin"
    fi
}

status=0
for t in "${targets[@]}"; do
    [[ -f Tests/fuzz/targets/$t.swift ]] || { echo "fuzz: no target '$t' (have: ${all[*]})" >&2; exit 2; }
    build_target "$t"
    bin="$out/bin/$t"
    # Every input that once crashed runs first, once each.
    regressions=(Tests/fuzz/regressions/"$t"/*)
    if [[ -e ${regressions[0]} ]]; then
        if ! "$bin" -runs=1 "${regressions[@]}" >"$out/$t.regressions.log" 2>&1; then
            echo "fuzz: $t: a saved regression input fails again (log: $out/$t.regressions.log)"
            status=1
            continue
        fi
    fi
    mkdir -p "$out/corpus/$t"
    log="$out/$t.log"
    set +e
    # 2 GB of memory is the budget for any input (more is a finding); 10 s for any one input.
    "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$out/crashes/$t-" "$out/corpus/$t" "Tests/fuzz/corpus/$t" >"$log" 2>&1
    code=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1)
    if ((code != 0)); then
        echo "fuzz: $t FAILED after ${runs:-?} runs (${cov:-no coverage line}); log: $log"
        grep -E "ERROR|SUMMARY|Fatal error|Test unit written" "$log" | head -n 5 | sed 's/^/      /'
        status=1
    else
        echo "fuzz: $t ok: ${runs:-?} runs in ${seconds} s, ${cov:-?}"
    fi
done
exit "$status"

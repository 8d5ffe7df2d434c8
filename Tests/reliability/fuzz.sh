#!/usr/bin/env bash
# Builds chatterm-fuzz with libFuzzer and AddressSanitizer (in .build-fuzz) and runs every
# target for SECONDS seconds each (default 300), starting from the seed corpus in
# Tests/Fuzz/corpus. A finding is written to Tests/Fuzz/findings/TARGET/; copy it into the
# corpus once fixed, so the test suite replays it from then on.
#   Tests/reliability/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-300}"; shift || true
targets=("${@:-import json jwt text chatkit slack mattermost}")
swift build --product chatterm-fuzz --build-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING 2>&1 | grep -v "ld.gold: warning" | tail -1
binary=.build-fuzz/debug/chatterm-fuzz
status=0
for target in ${targets[@]}; do
    work=$(mktemp -d) findings=Tests/Fuzz/findings/$target
    mkdir -p "$findings"
    # The corpus grows in a scratch copy: the repository keeps only the hand-picked seeds.
    cp -r "Tests/Fuzz/corpus/$target/." "$work/"
    log=$(mktemp)
    if CHATTERM_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$binary" "$work" -max_total_time="$seconds" -rss_limit_mb=4096 \
        -max_len=65536 -timeout=20 -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1; then
        echo "$target: $(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}') executions in ${seconds} s, no finding"
        rmdir "$findings" 2>/dev/null || true
    else
        echo "$target: FINDING, see $findings and $log"; grep -m5 -E "ERROR|Fatal|Precondition" "$log" || true
        status=1
    fi
    rm -rf "$work"
done
exit $status

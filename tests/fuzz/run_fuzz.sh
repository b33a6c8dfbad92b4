#!/bin/sh
# run_fuzz.sh BUILD SECONDS [TARGET...]: run each libFuzzer target of
# BUILD (configured with CC=clang -DTALLY_BUILD_FUZZERS=ON) for SECONDS,
# one after the other, on a working corpus BUILD/fuzz-work/<target>
# started from the committed corpus tests/fuzz/corpus/<target> and the
# seeds of make_seeds.sh, with the target's dictionary. Crashes, leaks
# and timeouts land in BUILD/fuzz-work/artifacts/<target>/, named by
# the run's start time; the last line of each log
# (BUILD/fuzz-work/<target>.log) is printed, and for a failing target its
# report and the inputs that did it, with the command that replays them.
# Exit status: 1 when any target found something. TALLY_FUZZ_TIMEOUT
# (seconds, default 10) is the time one input may take.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
secs=$2
shift 2
targets=${*:-csv xlsx stat yaml infer where roundtrip}
work=$build/fuzz-work
[ -d "$work/seeds" ] || "$here/make_seeds.sh" "$work/seeds"
status=0
run=$(date -u +%Y%m%dT%H%M%S) # names this run's findings
for t in $targets; do
    case $t in
    csv | infer) dict=csv ;;
    xlsx) dict=xml ;;
    yaml) dict=yaml ;;
    where) dict=where ;;
    *) dict="" ;;
    esac
    mkdir -p "$work/$t" "$work/artifacts/$t"
    set -- -max_total_time="$secs" -timeout="${TALLY_FUZZ_TIMEOUT:-10}" \
        -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$work/artifacts/$t/$run-"
    [ -n "$dict" ] && set -- "$@" -dict="$here/dict/$dict.dict"
    failed=0
    "$build/tests/fuzz/fuzz_$t" "$@" "$work/$t" \
        "$here/corpus/$t" "$work/seeds/$t" >"$work/$t.log" 2>&1 || failed=1
    echo "$t: $(grep -E '^#[0-9]+.*(DONE|INITED|pulse|NEW|REDUCE)' \
        "$work/$t.log" | tail -n 1)"
    [ "$failed" = 1 ] || continue
    status=1
    # What a CI log needs to reproduce it: the report, and each input
    # that did it (base64 when small), with the command that replays it.
    grep -E 'ERROR|invariant broken|SUMMARY|Seed:' "$work/$t.log" |
        head -n 6 || :
    for a in "$work/artifacts/$t/$run-"*; do
        [ -f "$a" ] || continue
        echo "  input $a ($(wc -c <"$a") bytes): replay with" \
            "$build/tests/fuzz/fuzz_$t $a"
        [ "$(wc -c <"$a")" -gt 16384 ] || base64 "$a" | sed 's/^/    /'
    done
done
exit $status

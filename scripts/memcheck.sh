#!/bin/sh
# memcheck.sh [BUILD_DIR]: the unit tests and the CLI golden cases under
# valgrind memcheck, in a build without sanitizers (build-memcheck by
# default, RelWithDebInfo). Any invalid read or write, use of an
# uninitialised value or definite leak fails (exit 1).
#
# Unit tests: ctest -T memcheck, valgrind on each test program. CLI
# cases: their test command is `cmake -P golden.cmake`, which runs sh and
# sometimes python3 before tally, so ctest -T memcheck would check cmake
# and sh; instead every tally the case runs is valgrind's
# (TALLY_TEST_WRAPPER, tests/golden.cmake), and its exit status 99 on an
# error fails the case. TALLY_SLOW stretches the time limits of the
# cases that time themselves (valgrind runs 20-50 times slower).
set -eu
cd "$(dirname "$0")/.."
dir=${1:-build-memcheck}
jobs=$(nproc 2>/dev/null || echo 2)
vg="--error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
vg="$vg --show-leak-kinds=definite --num-callers=30 -q"
vg="$vg --suppressions=$(pwd)/tests/valgrind.supp"

log=$(mktemp)
if ! { cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DTALLY_WERROR=ON -DTALLY_BUILD_TESTS=ON -DTALLY_BUILD_EXAMPLES=OFF &&
    cmake --build "$dir" -j "$jobs"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
fi
rm -f "$log"

status=0
ctest --test-dir "$dir" -T memcheck -L unit -j "$jobs" --output-on-failure \
    --overwrite MemoryCheckCommand="$(command -v valgrind)" \
    --overwrite MemoryCheckCommandOptions="$vg" || status=1
TALLY_TEST_WRAPPER="valgrind $vg" TALLY_SLOW=40 \
    ctest --test-dir "$dir" -L cli -j "$jobs" --output-on-failure || status=1
if [ "$status" != 0 ]; then
    echo "memcheck.sh: valgrind found errors (see above; the unit tests'" \
        "logs are in $dir/Testing/Temporary/MemoryChecker.*.log)" >&2
fi
exit "$status"

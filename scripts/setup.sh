#!/bin/sh
# setup.sh: install what tally needs from Debian (only what is missing),
# then configure and build. Idempotent: run it as often as you like.
#
#   scripts/setup.sh           build/ : the tally command and the library
#   scripts/setup.sh --test    also build-asan/ with AddressSanitizer and
#                              UndefinedBehaviorSanitizer, and run every test
#   scripts/setup.sh --fuzz    also build-fuzz/ with clang: the libFuzzer
#                              targets (tests/fuzz/run_fuzz.sh runs them)
#
# Needs Debian 12 (bookworm) or later; installs packages with apt-get as
# root, or through sudo when run as another user.
set -eu

cd "$(dirname "$0")/.."

# Build: compiler, CMake, and the libraries libtally links (README,
# "Dependencies"; libssl-dev: SHA-256 on the annex's Methodology sheet).
# Tests: cmocka, python3-openpyxl (reads workbooks back), locales (a
# decimal-comma locale for the xlsx writer test), pspp (GNU PSPP:
# reference.pspp-crosstabs compares tally xtab with its CROSSTABS),
# libreoffice-calc-nogui (converts the annex to PDF headless), valgrind
# (.ci/run's memcheck, scripts/memcheck.sh).
packages="build-essential cmake pkg-config libgsl-dev libxlsxwriter-dev
libyaml-dev libminizip-dev libexpat1-dev libreadstat-dev libssl-dev"
test_packages="libcmocka-dev python3 python3-openpyxl locales pmccabe pspp
libreoffice-calc-nogui valgrind"
# Fuzzing: clang, and libclang-rt-dev for its libFuzzer and sanitizer
# runtimes (docs/fuzzing.md).
fuzz_packages="clang libclang-rt-dev"

want_tests=0
want_fuzz=0
for arg in "$@"; do
    case "$arg" in
    --test) want_tests=1 ;;
    --fuzz) want_fuzz=1 ;;
    -h | --help)
        sed -n '2,12p' "$0"
        exit 0
        ;;
    *)
        echo "setup.sh: unknown option $arg" >&2
        exit 2
        ;;
    esac
done
if [ "$want_tests" = 1 ]; then
    packages="$packages $test_packages"
fi
if [ "$want_fuzz" = 1 ]; then
    packages="$packages $fuzz_packages"
fi

missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
        grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
if [ -n "$missing" ]; then
    echo "setup.sh: installing$missing"
    sudo=""
    if [ "$(id -u)" != 0 ]; then
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
        --no-install-recommends $missing >/dev/null
fi

# Run a command quietly; show its output only when it fails.
quiet() {
    log=$(mktemp)
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "setup.sh: failed: $*" >&2
        exit 1
    fi
    rm -f "$log"
}

jobs=$(nproc 2>/dev/null || echo 2)
quiet cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DTALLY_WERROR=ON \
    -DTALLY_BUILD_TESTS=OFF -DTALLY_BUILD_EXAMPLES=OFF
quiet cmake --build build -j "$jobs"

if [ "$want_tests" = 1 ]; then
    quiet cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DTALLY_WERROR=ON -DTALLY_SANITIZE=address,undefined \
        -DTALLY_BUILD_TESTS=ON -DTALLY_BUILD_EXAMPLES=ON
    quiet cmake --build build-asan -j "$jobs"
    ctest --test-dir build-asan --output-on-failure -j "$jobs"
fi

if [ "$want_fuzz" = 1 ]; then
    quiet env CC=clang cmake -S . -B build-fuzz \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTALLY_BUILD_FUZZERS=ON \
        -DTALLY_SANITIZE=address,undefined -DTALLY_BUILD_TESTS=OFF \
        -DTALLY_BUILD_TOOLS=OFF -DTALLY_BUILD_EXAMPLES=OFF
    quiet cmake --build build-fuzz -j "$jobs"
fi

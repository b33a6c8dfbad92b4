#!/bin/sh
# consumer.sh BUILD_DIR SOURCE_DIR WORK_DIR [SANITIZE]: install libtally
# into a prefix, then build examples/01_freq.c against it twice, as a user
# would: with pkg-config and with CMake's find_package(tally). Both
# programs run on the NEASPEC sample. SANITIZE: the build's sanitizers
# (an instrumented library needs an instrumented program).
set -eu
build=$1 src=$2 work=$3 sanitize=${4:-}
cflags=""
if [ -n "$sanitize" ]; then
    cflags="-fsanitize=$sanitize"
fi
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null

libdir=$(dirname "$(find "$prefix" -name tally.pc | head -n 1)")
PKG_CONFIG_PATH=$libdir
export PKG_CONFIG_PATH
# shellcheck disable=SC2046,SC2086
cc $cflags -o "$work/freq-pc" "$src/examples/01_freq.c" \
    $(pkg-config --cflags --libs tally) -lgsl -lgslcblas
LD_LIBRARY_PATH=$prefix/lib:$(dirname "$libdir") \
    "$work/freq-pc" "$src/samples/neaspec-2020/responses.csv" Q7 |
    grep -q "Meets expectations"

mkdir -p "$work/cmake"
cat > "$work/cmake/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.18)
project(consumer C)
find_package(tally REQUIRED)
find_package(GSL REQUIRED)
add_executable(freq $src/examples/01_freq.c)
target_link_libraries(freq PRIVATE tally::tally GSL::gsl)
CMAKE
cmake -S "$work/cmake" -B "$work/cmake/build" \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_FLAGS="$cflags" >/dev/null
cmake --build "$work/cmake/build" >/dev/null
"$work/cmake/build/freq" "$src/samples/neaspec-2020/responses.csv" Q7 |
    grep -q "Meets expectations"
echo "pkg-config and find_package(tally) consumers built and ran"

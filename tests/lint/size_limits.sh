#!/bin/sh
# size_limits.sh SOURCE_DIR: the size rules of STYLE.md 3.12.
#   functions: fail at 150 lines or cyclomatic complexity 20 (pmccabe);
#   files: lib/src/*.c at most 800 lines, tools/tally/*.c at most 400;
#   lines: at most 80 columns (characters, not bytes) in every C source
#   and header of the library, the tool, the tests and the examples.
# Generated code (lib/src/wcwidth_table.h) is a header and not counted.
set -eu
src=$1
if ! command -v pmccabe >/dev/null; then
    echo "size_limits.sh: pmccabe is not installed (Debian package pmccabe)"
    exit 1
fi
status=0
report=$(pmccabe "$src"/lib/src/*.c "$src"/tools/tally/*.c |
    awk '$2 >= 20 || $5 >= 150 { print "  " $6 " " $7 ": complexity " $2 ", " $5 " lines" }')
if [ -n "$report" ]; then
    echo "functions over the limits (complexity 20, 150 lines):"
    echo "$report"
    status=1
fi
for f in "$src"/lib/src/*.c; do
    n=$(wc -l < "$f")
    if [ "$n" -gt 800 ]; then echo "  $f: $n lines (limit 800)"; status=1; fi
done
for f in "$src"/tools/tally/*.c; do
    n=$(wc -l < "$f")
    if [ "$n" -gt 400 ]; then echo "  $f: $n lines (limit 400)"; status=1; fi
done
long=$(LC_ALL=C.UTF-8 grep -n '.\{81,\}' "$src"/lib/src/*.[ch] \
    "$src"/lib/include/*.h "$src"/lib/include/tally/*.h \
    "$src"/tools/tally/*.[ch] "$src"/tools/tally/*.def \
    "$src"/tests/unit/*.[ch] "$src"/tests/fuzz/*.[ch] \
    "$src"/examples/*.c || :)
if [ -n "$long" ]; then
    echo "lines over 80 columns:"
    echo "$long" | cut -c1-120 | sed 's/^/  /'
    status=1
fi
[ "$status" = 0 ] && echo "size limits kept"
exit "$status"

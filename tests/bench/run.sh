#!/usr/bin/env bash
# run.sh: time `tally freq` against pandas on generated survey exports.
#
# Usage: tests/bench/run.sh [--sizes "10000 100000 1000000"] [--runs 5]
#                           [--skip-pandas] [--skip-tally] [--codebook]
#
# Builds gen_survey, writes (or reuses) tests/bench/data/survey_ROWS.csv,
# times each command --runs times with /usr/bin/time and prints a Markdown
# table to stdout (progress goes to stderr): median wall seconds and the
# largest peak resident set of the runs. The tally binary is $TALLY, or
# build/tools/tally/tally. See tests/bench/README.md.
set -eu
# C numbers everywhere: $EPOCHREALTIME, awk and sort follow the locale.
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data="$here/data"
sizes="10000 100000 1000000"
runs=5
skip_pandas=0
skip_tally=0
codebook=0
tally="${TALLY:-$root/build/tools/tally/tally}"
python=/usr/bin/python3

usage()
{
    sed -n '4,5p' "$0" | sed 's/^# //'
}

die()
{
    echo "run.sh: $*" >&2
    exit 1
}

parse_args()
{
    while [ $# -gt 0 ]; do
        case "$1" in
        --sizes) sizes="${2:?--sizes needs a value}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a value}"; shift 2 ;;
        --skip-pandas) skip_pandas=1; shift ;;
        --skip-tally) skip_tally=1; shift ;;
        --codebook) codebook=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
        esac
    done
    case "$runs" in
    '' | *[!0-9]* | 0) die "--runs wants a positive number" ;;
    esac
}

check_tools()
{
    [ -x /usr/bin/time ] ||
        die "/usr/bin/time is missing: apt-get install time"
    if [ "$skip_tally" = 0 ] && [ ! -x "$tally" ]; then
        die "no tally at $tally: build it, set TALLY or pass --skip-tally"
    fi
    if [ "$skip_pandas" = 0 ]; then
        "$python" -c 'import pandas' 2>/dev/null ||
            die "no pandas for $python: apt-get install python3-pandas"
    fi
    return 0
}

# The generator and the files are rebuilt only when gen_survey.c changed,
# so that repeated runs time the same bytes without regenerating 1.5 GB.
make_data()
{
    mkdir -p "$data"
    gen="$data/gen_survey"
    if [ ! -x "$gen" ] || [ "$here/gen_survey.c" -nt "$gen" ]; then
        echo "building $gen" >&2
        cc -std=c11 -O2 -o "$gen" "$here/gen_survey.c"
    fi
    "$gen" --codebook > "$data/survey.yaml"
    for n in $sizes; do
        csv="$data/survey_$n.csv"
        if [ ! -f "$csv" ] || [ "$gen" -nt "$csv" ]; then
            echo "generating $csv" >&2
            "$gen" "$n" > "$csv.tmp"
            mv "$csv.tmp" "$csv"
        fi
    done
}

# time_runs CMD...: runs CMD $runs times, output to /dev/null, and prints
# "median-wall-seconds max-peak-rss-KB". /usr/bin/time gives the peak RSS;
# the wall time is bash's clock around it, because %e has only 10 ms
# resolution and tally on the small files takes a few of those.
time_runs()
{
    local one="$data/time.$$" all="$data/times.$$" start end
    : > "$all"
    for i in $(seq "$runs"); do
        start=$EPOCHREALTIME
        /usr/bin/time -f "%e %M" -o "$one" "$@" > /dev/null ||
            die "failed: $*"
        end=$EPOCHREALTIME
        read -r _ kb < "$one"
        echo "$start $end $kb" |
            awk '{ printf "%.3f %d\n", $2 - $1, $3 }' >> "$all"
        echo "  run $i: $(tail -n 1 "$all") (s KB)" >&2
    done
    sort -g -k1,1 "$all" | awk '
        { wall[NR] = $1; if ($2 > rss) rss = $2 }
        END {
            m = NR % 2 ? wall[(NR + 1) / 2] \
                       : (wall[NR / 2] + wall[NR / 2 + 1]) / 2
            print m, rss
        }'
    rm -f "$one" "$all"
}

# tally_argv FILE: sets the array targv to the tally command for FILE.
tally_argv()
{
    targv=("$tally" freq "$1" --format json)
    if [ "$codebook" = 1 ]; then
        targv=("$tally" freq "$1" -c "$data/survey.yaml" --format json)
    fi
}

machine()
{
    local model ram
    model=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
    ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' \
        /proc/meminfo)
    echo "- Machine: $(nproc) CPUs, ${model:-unknown CPU}, $ram RAM," \
        "$(uname -sr)"
    if [ "$skip_tally" = 0 ]; then
        echo "- tally: $("$tally" --version 2>&1 | head -n 1)"
    fi
    if [ "$skip_pandas" = 0 ]; then
        echo "- pandas: $("$python" -c 'import pandas, sys
print(pandas.__version__, "on Python", sys.version.split()[0])')"
    fi
    echo "- Runs: $runs per cell; wall = median, peak RSS = largest of the runs"
}

commands()
{
    echo
    echo "Commands (FILE = tests/bench/data/survey_ROWS.csv, output to" \
        "/dev/null):"
    echo
    echo '```'
    if [ "$skip_tally" = 0 ]; then
        tally_argv FILE
        local cmd="${targv[*]}"
        echo "${cmd//$root\//}"
    fi
    if [ "$skip_pandas" = 0 ]; then
        echo "$python tests/bench/pandas_freq.py FILE"
    fi
    echo '```'
    echo
}

# row N: times both sides on survey_N.csv and prints one table row.
row()
{
    local n="$1" csv="$data/survey_$1.csv" t="- -" p="- -"
    cat "$csv" > /dev/null # both sides start from a warm page cache
    if [ "$skip_tally" = 0 ]; then
        echo "tally, $n rows:" >&2
        tally_argv "$csv"
        t=$(time_runs "${targv[@]}")
    fi
    if [ "$skip_pandas" = 0 ]; then
        echo "pandas, $n rows:" >&2
        p=$(time_runs "$python" "$here/pandas_freq.py" "$csv")
    fi
    echo "$n $(stat -c %s "$csv") $t $p" | awk '
        function mb(kb) { return kb == "-" ? "-" : sprintf("%.0f", kb / 1024) }
        function s(x) { return x == "-" ? "-" : sprintf("%.3f", x) }
        {
            up = "-"
            if ($3 != "-" && $5 != "-" && $3 > 0)
                up = sprintf("%.1f×", $5 / $3)
            printf "| %d | %.1f MB | %s | %s | %s | %s | %s |\n", $1,
                $2 / 1e6, s($3), mb($4), s($5), mb($6), up
        }'
}

main()
{
    parse_args "$@"
    check_tools
    make_data
    machine
    commands
    echo "| rows | file size | tally wall s | tally peak RSS MB" \
        "| pandas wall s | pandas peak RSS MB | speed-up |"
    echo "|---:|---:|---:|---:|---:|---:|---:|"
    for n in $sizes; do
        row "$n"
    done
}

main "$@"

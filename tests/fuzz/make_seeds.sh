#!/bin/sh
# make_seeds.sh OUT: write the seed inputs of every fuzz target to
# OUT/<target>/, from samples/, tests/fixtures/ (real exports, xlsx, zip,
# spss) and the malformed inputs of tests/cli/bad-* (each made by its cmd).
# Long text exports are cut to their first 25 lines: seeds should be
# small, and the fuzzer finds the rest. docs/fuzzing.md says how the
# committed corpora (tests/fuzz/corpus/) were minimised from these.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
out=$1
fx=$src/tests/fixtures
for t in csv xlsx stat yaml infer where roundtrip; do
    mkdir -p "$out/$t"
done

# Text exports: CSV/TSV of samples/ and of every platform.
for f in "$src"/samples/*/*.csv "$fx"/real-exports/*/*.csv \
    "$fx"/real-exports/*/*.tsv; do
    name=$(basename "$f")
    head -n 25 "$f" >"$out/csv/$name"
    cp "$out/csv/$name" "$out/infer/$name"
    head -n 12 "$f" >"$out/roundtrip/$name"
done

# The malformed inputs of the CLI tests: run each cmd's printf/head part.
for d in "$src"/tests/cli/bad-*; do
    name=$(basename "$d")
    cmd=$(sed 's/ && tally .*//; s/&& tally .*//' "$d/cmd")
    case "$cmd" in
    printf* | head*) ;;
    *) continue ;;
    esac
    tmp=$(mktemp -d)
    (cd "$tmp" && ln -s "$fx" fixtures && sh -c "$cmd") || true
    for f in "$tmp"/*; do
        [ -f "$f" ] && [ ! -L "$f" ] || continue
        case "$f" in
        *.yaml) cp "$f" "$out/yaml/$name.yaml" ;;
        *.sav) cp "$f" "$out/stat/$name.sav" ;;
        *.xlsx | *.zip) cp "$f" "$out/xlsx/$name-$(basename "$f")" ;;
        *)
            cp "$f" "$out/csv/$name.csv"
            cp "$f" "$out/roundtrip/$name.csv"
            ;;
        esac
    done
    rm -rf "$tmp"
done

# Containers: workbooks and .zip downloads.
for f in "$fx"/xlsx/*.xlsx "$fx"/zip/*.zip "$fx"/zip/*.xlsx \
    "$fx"/real-exports/*/*.xlsx; do
    cp "$f" "$out/xlsx/"
done
cp "$fx"/xlsx/survey.xlsx "$fx"/zip/wrapped.zip "$out/roundtrip/"

# SPSS and Stata.
for f in "$fx"/spss/survey.* "$fx"/real-exports/spss/*.sav; do
    case "$f" in *.R | *.sps) continue ;; esac
    cp "$f" "$out/stat/"
done
cp "$fx"/spss/survey.sav "$fx"/spss/survey.dta "$out/roundtrip/"

# Codebooks: the sample's, and small ones for fuzz_fixed_raw's columns.
cp "$src"/samples/*/codebook.yaml "$out/yaml/neaspec.yaml"
cat >"$out/yaml/fixed.yaml" <<'YAML'
title: Fixed table
population: 120
count: w
scales:
  agree:
    options: [Strongly disagree, Disagree, Neither agree nor disagree,
              Agree, Strongly agree]
    missing: ["Don't know"]
questions:
  - {id: Q1, text: Do you agree?, type: single, column: Q1,
     options: [Yes, {label: No, code: "No"}], missing: ["Don't know"]}
  - {id: Q2, type: scale, column: Q2, scale: agree, section: Views}
  - id: Q3
    text: Statements
    type: matrix
    scale: agree
    items:
      - {id: Q3_1, text: First, column: Q3_1}
      - {id: Q3_2, text: Second, column: Q3_2}
  - {id: Q4, type: multi, column: Q4, separator: ", ",
     options: [Red, Blue, Green], other: true}
  - {id: Q5, type: numeric, column: Q5}
  - {id: Q6, type: text, column: Q6}
YAML

# --where expressions over the fixed table.
i=0
for e in 'Q1=Yes' 'Q1!=Yes' 'Q2=Agree|Strongly agree & Q1=No' \
    'Q4=Red' 'Q3_1=Agree' 'Q1="Don'"'"'t know"' 'Q5=3' ' Q2 != Disagree ' \
    'Q1=Yes&Q4=Blue|Green'; do
    i=$((i + 1))
    printf '%s' "$e" >"$out/where/expr$i"
done

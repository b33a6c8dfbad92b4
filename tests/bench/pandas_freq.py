#!/usr/bin/python3
"""The pandas side of the benchmark: the work of `tally freq`, in pandas.

Usage: pandas_freq.py FILE

Reads a gen_survey export as strings (blanks stay "" rather than NaN, as
tally keeps them) and counts the answers of every column; a joined
multi-select (Q20..Q29) is split on ", " first so that each ticked option
counts once. That is the plain pandas way, and it is not even correct for
labels that contain ", " themselves (tally matches whole labels), so
pandas is timed doing slightly less than tally does. Prints one line.
"""
import sys

import pandas as pd

MULTI = {f"Q{n}" for n in range(20, 30)}


def main():
    df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
    tables = {}
    for col in df.columns:
        answers = df[col]
        if col in MULTI:
            answers = answers.str.split(", ").explode()
        tables[col] = answers.value_counts()
    distinct = sum(len(t) for t in tables.values())
    print(f"{len(df)} rows, {len(tables)} columns, {distinct} distinct "
          f"answers (pandas {pd.__version__})")


main()

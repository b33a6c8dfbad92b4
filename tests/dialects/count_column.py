#!/usr/bin/python3
"""Count the answers of export columns with Python's csv module only: the
independent check of `tally freq` in real_exports.py (no tally code).

    count_column.py FILE SKIP COL [COL...]

SKIP header rows are skipped; each COL is a 0-based column index. Prints,
per column, its non-blank answers and how often each occurs (a checkbox
column gives its one label with the number of ticks).
"""
import collections
import csv
import sys


def main():
    path, skip, cols = sys.argv[1], int(sys.argv[2]), map(int, sys.argv[3:])
    delim = "\t" if path.endswith(".tsv") else ","
    quoting = csv.QUOTE_NONE if delim == "\t" else csv.QUOTE_MINIMAL
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter=delim, quoting=quoting)
                if r][skip:]
    for c in cols:
        n = collections.Counter(r[c] for r in rows
                                if c < len(r) and r[c].strip())
        print(c, dict(sorted(n.items())))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Check a gen_survey export with Python's csv module (not with tally).

Usage: check_csv.py FILE ROWS

Fails unless FILE is one header and exactly ROWS records, every one with
as many fields as the header, every record ends in CRLF and every other
line break is inside a quoted field. Prints the
shares that the generator promises (blanks, "Don't know", quoted line
breaks, non-ASCII) and the mean bytes per respondent of each group of
columns, so that a change to the generator shows in numbers.
"""
import csv
import sys


def group(name):
    if name.startswith(("Q10_", "Q11_", "Q12_")):
        return "likert"
    if name.startswith("Q2"):
        return "multi"
    if name.startswith("Q3"):
        return "open"
    return "meta+demo"


def main():
    path, rows = sys.argv[1], int(sys.argv[2])
    size, crlf, lf = 0, 0, 0
    with open(path, "rb") as f:
        for line in f:
            size += len(line)
            lf += 1
            crlf += line.endswith(b"\r\n")
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f, strict=True)
        header = next(reader)
        groups = [group(h) for h in header]
        blank, dk, cells = 0, 0, 0
        nbytes = dict.fromkeys(groups, 0)
        open_blank, open_cells, breaks, non_ascii = 0, 0, 0, 0
        inner_lf, inner_crlf = 0, 0
        n = 0
        for rec in reader:
            n += 1
            if len(rec) != len(header):
                sys.exit(f"record {n}: {len(rec)} fields, not {len(header)}")
            for g, v in zip(groups, rec):
                nbytes[g] += len(v.encode()) + 1
                inner_lf += v.count("\n")
                inner_crlf += v.count("\r\n")
                if g == "likert":
                    cells += 1
                    blank += v == ""
                    dk += v == "Don't know"
                elif g == "open":
                    open_cells += 1
                    open_blank += v == ""
                    breaks += "\n" in v
                    non_ascii += not v.isascii()
    if n != rows:
        sys.exit(f"{n} records, not {rows}")
    if crlf - inner_crlf != n + 1 or lf - crlf != inner_lf - inner_crlf:
        sys.exit(f"line ends: {crlf} CRLF and {lf - crlf} LF for {n + 1} "
                 f"records with {inner_lf} line breaks in fields")
    print(f"ok: {n} records x {len(header)} fields, {size} bytes, CRLF")
    print(f"line breaks in quoted fields: {inner_lf}")
    print(f"likert: {100 * blank / cells:.2f} % blank, "
          f"{100 * dk / cells:.2f} % Don't know")
    print(f"open: {100 * open_blank / open_cells:.1f} % blank, "
          f"{breaks} with line breaks, {non_ascii} with non-ASCII")
    for g, b in nbytes.items():
        print(f"bytes per respondent, {g}: {b / n:.0f}")


main()

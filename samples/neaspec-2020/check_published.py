#!/usr/bin/env python3
"""Check responses.csv against the numbers published in the evaluation of
the NEASPEC Strategic Plan 2016-2020 (figures of the 2020 stakeholder
survey).

Independent of make_responses.py: it reads the CSV with the csv module,
tabulates every published figure itself, and compares the counts with the
published ones typed in below (figure number beside each). For every row it
also prints the percentage recomputed from the data (of the number who
answered: what tally shows) next to the published percentage.

Standard library only. Exit status 0 when every published count is
reproduced and the file has the promised shape, 1 otherwise.

    python3 check_published.py [responses.csv]
"""

import csv
import io
import os
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

N_RESPONDENTS = 163   # published
DONT_KNOW = "Don't know"

# --------------------------------------------------------------------------
# Published figures: (figure, column or columns, item text, published base,
# rows of (label, count, published percent)). Counts in figures 1 and 2 are
# derived from the published percentages and base (the only counts that
# round to them); all other counts are printed in the source.
# --------------------------------------------------------------------------

PERF = ["Unsatisfactory", "Partially met the goal", "Met the goal",
        "Achieved beyond the goal", "Achieved far beyond the goal"]
EXTENT = ["Not at all", "To some extent", "More or less",
          "To a large extent", "Significantly"]
EXP3 = ["Partially meets expectations", "Meets expectations",
        "Exceeds expectations"]
EXP4 = ["Below expectations"] + EXP3


def rows(labels, counts, percents):
    return list(zip(labels, counts, percents))


SINGLE = [  # figure, column, item, published base, rows
    ("1", "Q3_1", "Goal 1: Enhance coordinated actions", 74,
     rows(PERF, [1, 15, 38, 13, 8], [1.4, 20.3, 51.4, 17.6, 10.8])),
    ("1", "Q3_2", "Goal 2: Mobilize mutual support", 74,
     rows(PERF, [2, 27, 26, 15, 4], [2.7, 36.5, 35.1, 20.3, 5.4])),
    ("1", "Q3_3", "Goal 3: Contribute to national, regional, global goals",
     74, rows(PERF, [3, 18, 35, 14, 5], [4.1, 24.3, 47.3, 18.9, 6.8])),
    ("2", "Q4_1", "Strengthen the science-policy linkages", 74,
     rows(EXTENT, [1, 12, 21, 28, 12], [1.4, 16.2, 28.4, 37.8, 16.2])),
    ("2", "Q4_2", "Operate effective platforms and networks", 74,
     rows(EXTENT, [1, 7, 19, 37, 11], [1.4, 9.5, 25.7, 50.0, 14.9])),
    ("2", "Q4_3", "Focus on joint actions", 74,
     rows(EXTENT, [1, 8, 22, 37, 7], [1.4, 10.8, 29.7, 50.0, 9.5])),
    ("2", "Q4_4", "Support knowledge sharing and capacity development", 73,
     rows(EXTENT, [1, 7, 17, 36, 12], [1.4, 9.6, 23.3, 49.3, 16.4])),
    ("2", "Q4_5", "Identify and enhance potential linkages", 73,
     rows(EXTENT, [1, 6, 23, 32, 12], [1.4, 8.2, 31.5, 43.8, 16.4])),
    ("5", "Q7", "Relevance to needs and priorities of member countries", 72,
     rows(EXP3, [11, 40, 22], [15.3, 55.6, 30.6])),
    ("6", "Q8", "Fulfilment of its mandate", 71,
     rows(EXP3, [27, 32, 13], [38.0, 45.1, 18.3])),
    ("7", "Q9", "Effectiveness in building networks", 70,
     rows(EXP4, [2, 23, 31, 14], [2.9, 32.9, 44.3, 20.0])),
]

MULTI = [  # figure, columns (one per option) or (column, ", "), base, rows
    ("3", ["Q5_1", "Q5_2", "Q5_3", "Q5_4", "Q5_5"],
     "Most important achievements", 73,
     rows(["Common vision", "Joint action", "Capacity building",
           "Opportunities for exchanges of information, knowledge and "
           "experience", "Other"],
          [23, 27, 35, 52, 3], [31.5, 37.0, 47.9, 71.2, 4.1])),
    # The last two labels are illegible in the source; the sample's
    # illustrative labels stand for them, with the published counts.
    ("4", ("Q6", ", "), "Critical challenges / constraints", 73,
     rows(["Funding modality and financial sustainability",
           "Partnership with national stakeholders",
           "Visibility, profile and outreach of NEASPEC",
           "Coordination and follow-up among member States"],
          [44, 30, 27, 16], [60.3, 41.1, 37.0, 21.9])),
]

# Columns of the evaluation block (everything after the profile).
PROFILE = ["Q1", "Q2"]
META = ["RespondentID", "SubmitDate", "Email"]


# --------------------------------------------------------------------------

def pct(count, base):
    """Percentage rounded half up to one decimal, as a Decimal."""
    if base == 0:
        return None
    return (Decimal(100 * count) / Decimal(base)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP)


class Report:
    def __init__(self):
        self.failures = []
        self.checked = 0
        self.differences = []

    def check(self, ok, what):
        self.checked += 1
        if not ok:
            self.failures.append(what)
        return ok


def split_joined(text, labels, sep):
    """Options in a joined answer, longest label first, so that a label
    containing the separator survives. Returns (found, leftover)."""
    found, rest = [], text
    for label in sorted(labels, key=len, reverse=True):
        pattern = r"(?:^|(?<=%s))%s(?=%s|$)" % (
            re.escape(sep), re.escape(label), re.escape(sep))
        if re.search(pattern, rest):
            found.append(label)
            rest = re.sub(pattern, "", rest, count=1)
    leftover = rest.replace(sep.strip(), "").strip()
    return found, leftover


def check_bytes(data, rep):
    rep.check(not data.startswith(b"\xef\xbb\xbf"), "file starts with a BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        rep.check(False, "not UTF-8: %s" % e)
        return None
    # Every record ends with CRLF; bare LF only inside quoted fields.
    quoted, prev, bad = False, "", 0
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif ch == "\n" and not quoted and prev != "\r":
            bad += 1
        elif prev == "\r" and ch != "\n" and not quoted:
            bad += 1
        prev = ch
    rep.check(bad == 0 and text.endswith("\r\n"),
              "record ends that are not CRLF: %d" % bad)
    return text


def check_shape(header, records, rep):
    rep.check(len(records) == N_RESPONDENTS,
              "respondents: %d, published %d" % (len(records), N_RESPONDENTS))
    rep.check(header[:5] == META + PROFILE, "header starts %s" % header[:5])
    rep.check(all(len(r) == len(header) for r in records),
              "rows with a different number of fields")
    ids = [r["RespondentID"] for r in records]
    rep.check(len(set(ids)) == len(ids) and
              all(re.fullmatch(r"\d{11}", i) for i in ids),
              "respondent ids not unique 11-digit numbers")
    rep.check(all(re.fullmatch(r"2020-0[34]-\d\d \d\d:\d\d:\d\d",
                               r["SubmitDate"]) for r in records),
              "submission dates outside March-April 2020")
    mails = [r["Email"] for r in records if r["Email"]]
    rep.check(0 < len(mails) < len(records) and
              all(re.fullmatch(r"[a-z0-9.]+@example\.org", m)
                  for m in mails),
              "e-mail column: not only illustrative @example.org addresses")
    block = [c for c in header if c not in META + PROFILE]
    answered = [r for r in records if any(r[c] for c in block)]
    print("respondents %d; answered the evaluation block %d; left it "
          "blank %d; e-mail given %d" % (len(records), len(answered),
                                         len(records) - len(answered),
                                         len(mails)))
    return len(answered)


def show(fig, item, base, pub_base, lines, rep):
    print("\nFigure %s  %s\n  answered %d (base), published base %d"
          % (fig, item, base, pub_base))
    print("  %-52s %5s %5s %7s %7s %6s" % ("", "n", "pub n", "%", "pub %",
                                           "diff"))
    for label, n, pub_n, pub_pct in lines:
        p = pct(n, base)
        diff = p - Decimal(str(pub_pct))
        ok = rep.check(n == pub_n, "Figure %s %s / %s: %d, published %d"
                       % (fig, item, label, n, pub_n))
        if diff:
            rep.differences.append((fig, item, label, p, pub_pct, diff))
        print("  %-52s %5d %5d %7s %7.1f %+6.1f%s"
              % (label[:52], n, pub_n, p, pub_pct, diff,
                 "" if ok else "  <-- MISMATCH"))


def check_single(records, spec, rep):
    fig, column, item, pub_base, lines = spec
    labels = [label for label, _, _ in lines]
    values = [r[column] for r in records if r[column]]
    unknown = sorted(set(values) - set(labels) - {DONT_KNOW})
    rep.check(not unknown, "Figure %s %s: answers outside the scale: %s"
              % (fig, column, unknown))
    base = sum(1 for v in values if v in labels)
    show(fig, "%s (%s)" % (item, column), base, pub_base,
         [(label, values.count(label), n, p) for label, n, p in lines], rep)
    dk = values.count(DONT_KNOW)
    if dk:
        print("  %-52s %5d  (missing code: shown, not in the base)"
              % (DONT_KNOW, dk))


def check_multi(records, spec, rep):
    fig, columns, item, pub_base, lines = spec
    labels = [label for label, _, _ in lines]
    ticked = []
    for r in records:
        if isinstance(columns, tuple):
            column, sep = columns
            found, leftover = split_joined(r[column], labels, sep)
            rep.check(not leftover, "Figure %s: unmatched answer text %r"
                      % (fig, leftover))
        else:
            found = []
            for column, label in zip(columns, labels):
                rep.check(r[column] in ("", label), "Figure %s %s: %r"
                          % (fig, column, r[column]))
                if r[column]:
                    found.append(label)
        if found:
            ticked.append(found)
    base = len(ticked)
    rep.check(base == pub_base, "Figure %s: %d respondents, published %d"
              % (fig, base, pub_base))
    name = "%s (%s)" % (item, columns[0] if isinstance(columns, tuple)
                        else "%s..%s" % (columns[0], columns[-1]))
    show(fig, name, base, pub_base,
         [(label, sum(label in t for t in ticked), n, p)
          for label, n, p in lines], rep)


def check_codebook(header, path, rep):
    """Every column the codebook names exists, and every column is named."""
    if not os.path.exists(path):
        rep.check(False, "no codebook.yaml next to the data")
        return
    with open(path, encoding="utf-8") as f:
        named = re.findall(r"\bcolumn:\s*\"?([A-Za-z0-9_]+)", f.read())
    rep.check(sorted(set(named)) == sorted(header),
              "codebook columns differ from the header: %s"
              % sorted(set(named) ^ set(header)))


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    path = argv[1] if len(argv) > 1 else os.path.join(here, "responses.csv")
    rep = Report()
    with open(path, "rb") as f:
        text = check_bytes(f.read(), rep)
    if text is None:
        print("FAIL: %s" % rep.failures[0])
        return 1
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    records = [dict(zip(header, r)) for r in reader]
    check_shape(header, records, rep)
    check_codebook(header, os.path.join(os.path.dirname(path),
                                        "codebook.yaml"), rep)
    for spec in SINGLE[:8]:            # figures 1 and 2
        check_single(records, spec, rep)
    for spec in MULTI:                 # figures 3 and 4
        check_multi(records, spec, rep)
    for spec in SINGLE[8:]:            # figures 5, 6 and 7
        check_single(records, spec, rep)

    print("\nRecomputed percentages (of those who answered) that differ "
          "from the published ones: %d" % len(rep.differences))
    for fig, item, label, p, pub, diff in rep.differences:
        print("  Fig. %s  %-40s %-28s %5s vs %5.1f  %+.1f"
              % (fig, item[:40], label[:28], p, pub, diff))
    if rep.failures:
        print("\nFAIL: %d of %d checks" % (len(rep.failures), rep.checked))
        for what in rep.failures:
            print("  " + what)
        return 1
    print("\nOK: %d checks; every published count is reproduced"
          % rep.checked)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Read the annex workbook back as a spreadsheet would (annex.readback).

usage: check_annex.py TALLY SOURCE_DIR WORK_DIR

Writes the annex of tests/annex/fixture.csv and of the NEASPEC sample with
`tally annex`, opens them with openpyxl (Debian's python3-openpyxl) and
checks that:
- every count and percentage of every question equals `tally freq
  --format json` for the same question (percentages are stored as
  fractions with a % format);
- every tabulated question has a chart (xl/charts, a drawing on its sheet);
- every Contents hyperlink points at an existing sheet and row;
- respondents' text that looks like a formula (=HYPERLINK(, +, -, @) is a
  string cell, and no cell anywhere is a formula;
- metadata (the e-mail column) never appears;
- --min-cell 3 leaves no count of 1 or 2 in any table;
- --layout sections puts the questions on section sheets.
"""
import json
import os
import re
import subprocess
import sys
import zipfile

import openpyxl

TALLY, SRC, WORK = sys.argv[1:4]
FIXTURE = os.path.join(SRC, "tests", "annex", "fixture.csv")
FIXTURE_CB = os.path.join(SRC, "tests", "annex", "codebook.yaml")
NEASPEC = os.path.join(SRC, "samples", "neaspec-2020", "responses.csv")
NEASPEC_CB = os.path.join(SRC, "samples", "neaspec-2020", "codebook.yaml")
failures = []
compared = [0]


def check(cond, what):
    if not cond:
        failures.append(what)


def annex(data, cb, out, *extra):
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, out)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    subprocess.run([TALLY, "annex", data, "-c", cb, "-o", path, *extra],
                   check=True, env=env)
    return path


def freq_json(data, cb, qid):
    out = subprocess.run([TALLY, "freq", data, qid, "-c", cb, "--format",
                          "json"], check=True, capture_output=True)
    return json.loads(out.stdout)


def close(a, b):
    return isinstance(a, (int, float)) and abs(a - b) <= 1e-9 * max(1, abs(b))


def tables(ws):
    """Each distribution table of a sheet: {label: (count, pct)}."""
    found, rows = [], list(ws.iter_rows(values_only=True))
    for i, row in enumerate(rows):
        if row[0] in ("Answer", "Option") and row[1] == "Count":
            t = {}
            for r in rows[i + 1:]:
                if r[0] is None or r[0] == "Respondents":
                    break
                t[r[0]] = (r[1], r[2])
            found.append(t)
    return found


def matrix_rows(ws):
    rows = list(ws.iter_rows(values_only=True))
    for i, row in enumerate(rows):
        if row[0] == "Item":
            head = list(row)
            out = {}
            for r in rows[i + 1:]:
                if r[0] is None:
                    break
                out[r[0]] = dict(zip(head, r))
            return out
    return {}


def compare_item(where, t, item):
    for c in item["categories"]:
        got = t.get(c["label"])
        check(got is not None, f"{where}: no row {c['label']!r}")
        if got is None:
            continue
        compared[0] += 1
        check(close(got[0], c["count"]),
              f"{where} {c['label']!r}: count {got[0]} != {c['count']}")
        if not c["missing"] and c["percent"] is not None:
            check(close(got[1], c["percent"] / 100),
                  f"{where} {c['label']!r}: {got[1]} != {c['percent']}/100")


def compare_question(ws, q):
    if q["type"] == "text":
        return
    found = tables(ws)
    items = q.get("items", [q])
    check(len(found) >= len(items),
          f"{ws.title}: {len(found)} tables for {len(items)} items")
    for item, t in zip(items, found):
        compare_item(f"{ws.title}/{item['question']}", t, item)
    if "items" in q:
        m = matrix_rows(ws)
        for item in q["items"]:
            text = item["text"]
            check(text in m, f"{ws.title}: matrix has no row {text!r}")
            for c in item["categories"]:
                if text in m and not c["missing"] and item["base"] > 0:
                    check(close(m[text][c["label"]], c["percent"] / 100),
                          f"{ws.title} matrix {text!r} {c['label']!r}")


def check_values(path, data, cb):
    wb = openpyxl.load_workbook(path)
    contents = wb["Contents"]
    ids = [r[0].value for r in contents.iter_rows(min_row=6)
           if r[0].hyperlink and r[3].value is not None]
    check(ids, f"{path}: no questions in Contents")
    for qid in ids:
        q = freq_json(data, cb, qid)
        if q["type"] != "text":
            check(qid in wb.sheetnames, f"{path}: no sheet {qid}")
            if qid in wb.sheetnames:
                compare_question(wb[qid], q)
    return wb


def check_links(path, wb):
    n = 0
    for row in wb["Contents"].iter_rows():
        for c in row:
            if not c.hyperlink:
                continue
            n += 1
            m = re.fullmatch(r"'((?:[^']|'')+)'!A(\d+)", c.hyperlink.location)
            check(m is not None, f"{path}: link {c.hyperlink.location}")
            if m:
                sheet = m.group(1).replace("''", "'")
                check(sheet in wb.sheetnames,
                      f"{path}: link to a missing sheet {sheet!r}")
                if sheet in wb.sheetnames:
                    check(int(m.group(2)) <= max(wb[sheet].max_row, 1),
                          f"{path}: link beyond {sheet!r}")
    check(n > 0, f"{path}: Contents has no links")


def check_charts(path, wb):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        charts = [n for n in names if re.fullmatch(r"xl/charts/chart\d+\.xml",
                                                   n)]
        check(charts, f"{path}: no charts")
        book = z.read("xl/workbook.xml").decode()
        sheets = re.findall(r'<sheet name="([^"]*)"', book)
        for i, name in enumerate(sheets, 1):
            if name in ("Contents", "Methodology") or \
                    name.startswith("Verbatims"):
                continue
            rels = f"xl/worksheets/_rels/sheet{i}.xml.rels"
            check(rels in names and b"drawing" in z.read(rels),
                  f"{path}: sheet {name} has no chart")


def check_safety(path, wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                check(c.data_type != "f", f"{path}: formula in {ws.title}!"
                      f"{c.coordinate}")
                check(not (isinstance(c.value, str) and
                           "@example.org" in c.value),
                      f"{path}: an e-mail address in {ws.title}")


def check_verbatims(path, wb):
    ws = wb["Verbatims"]
    rows = {r[2].value: r for r in ws.iter_rows(min_row=2)}
    for text in ('=HYPERLINK("http://example.org","click")',
                 "+1 more meetings please", "-not enough funding",
                 "@SUM(A1) is not a formula"):
        check(text in rows, f"{path}: verbatim {text!r} missing")
        if text in rows:
            check(rows[text][2].data_type == "s",
                  f"{path}: {text!r} is not a string cell")
    hl = rows.get('=HYPERLINK("http://example.org","click")')
    check(hl is not None and hl[0].value == "R02" and hl[1].value == "Comment",
          f"{path}: the verbatim's respondent and question")


def check_suppressed(path):
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets[1:]:
        if ws.title in ("Methodology",) or ws.title.startswith("Verbatims"):
            continue
        for t in tables(ws):
            for label, (count, _) in t.items():
                if not str(label).startswith(("Base", "No answer")):
                    check(not (isinstance(count, (int, float)) and
                               0 < count < 3),
                          f"{path}: {ws.title} {label!r} count {count}")
    check(any("<3" == c.value for ws in wb.worksheets for r in ws.iter_rows()
              for c in r), f"{path}: nothing suppressed")


def xtab_json(data, cb, qid, by):
    out = subprocess.run([TALLY, "xtab", data, qid, "--by", by, "-c", cb,
                          "--format", "json"], check=True,
                         capture_output=True)
    d = json.loads(out.stdout)
    return d if isinstance(d, list) else [d]


def banner_counts(ws, by):
    """The count rows of the sheet's crosstab by `by`, in order:
    [(label, [counts by group])]; the label is None where the sheet
    leaves it blank."""
    rows = list(ws.iter_rows(values_only=True))
    start = next((i for i, r in enumerate(rows)
                  if isinstance(r[0], str) and r[0].endswith(", by " + by)),
                 None)
    if start is None:
        return None
    head = next(i for i in range(start, len(rows)) if "Total" in rows[i])
    lead = list(rows[head]).index("") if "" in rows[head] else None
    lead = lead if lead is not None else (2 if rows[head][0] == "Item" else 1)
    ngroups = list(rows[head]).index("Total") - lead - 1
    out = []
    for r in rows[head + 1:]:
        if r[0] is None and all(v is None for v in r):
            break
        if r[lead] == "Count":
            label = r[lead - 1]
            if label and str(label).startswith(("Base", "No answer",
                                                "Missing", "Respondents")):
                continue
            out.append((label, list(r[lead + 1:lead + 1 + ngroups])))
    return out


def check_banners(path, data, cb, by):
    """Every crosstab in the annex equals `tally xtab --format json`."""
    wb = openpyxl.load_workbook(path)
    seen = 0
    for qid in ("Q3", "Q4", "Q5", "Q7", "Q8", "Q9", "Q10"):
        got = banner_counts(wb[qid], by)
        check(got is not None, f"{path}: no crosstab by {by} on {qid}")
        if got is None:
            continue
        want = []
        for t in xtab_json(data, cb, qid, by):
            want += list(zip(t["row_labels"], t["counts"]))
        check(len(got) == len(want),
              f"{path} {qid}: {len(got)} count rows, want {len(want)}")
        for (gl, gc), (wl, wc) in zip(got, want):
            check(gl is None or gl == wl, f"{path} {qid}: {gl!r} != {wl!r}")
            check(all(close(a, b) for a, b in zip(gc, wc)),
                  f"{path} {qid} {wl!r}: {gc} != {wc}")
            seen += 1
    check(seen > 40, f"{path}: only {seen} crosstab rows compared")
    check(banner_counts(wb["Q1"], by) is None,
          f"{path}: Q1 is crossed with itself")


def main():
    for data, cb, name in ((FIXTURE, FIXTURE_CB, "fixture"),
                           (NEASPEC, NEASPEC_CB, "neaspec")):
        path = annex(data, cb, f"{name}.xlsx")
        wb = check_values(path, data, cb)
        check_links(path, wb)
        check_charts(path, wb)
        check_safety(path, wb)
    check_verbatims(os.path.join(WORK, "fixture.xlsx"),
                    openpyxl.load_workbook(os.path.join(WORK,
                                                        "fixture.xlsx")))
    check_suppressed(annex(FIXTURE, FIXTURE_CB, "min-cell.xlsx",
                           "--min-cell", "3"))
    sections = annex(FIXTURE, FIXTURE_CB, "sections.xlsx", "--layout",
                     "sections")
    wb = openpyxl.load_workbook(sections)
    check({"Profile", "Assessment"} <= set(wb.sheetnames),
          f"{sections}: sheets {wb.sheetnames}")
    check_links(sections, wb)
    check_banners(annex(NEASPEC, NEASPEC_CB, "banners.xlsx", "--by", "Q1"),
                  NEASPEC, NEASPEC_CB, "Q1")
    check(compared[0] > 100, f"only {compared[0]} categories compared")
    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print(f"annex workbooks read back: {compared[0]} categories equal to "
          "tally freq; charts, links, string cells")


main()

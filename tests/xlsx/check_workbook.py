#!/usr/bin/python3
"""Read back the workbook of make_workbook.c with openpyxl (xlsx.readback).

usage: check_workbook.py MAKE_WORKBOOK OUT.xlsx

Runs MAKE_WORKBOOK OUT.xlsx, then checks what a spreadsheet sees: sheet
names, numbers stored as numbers with the right formats, respondent text
that looks like a formula stored as a string, blanks for NaN, styles,
frozen panes, print setup and document properties. The tables are those of
tests/xlsx/sample_tables.h.
"""
import datetime
import math
import subprocess
import sys
import zipfile

try:
    import openpyxl
except ImportError:
    sys.exit("check_workbook.py: the Python module openpyxl is missing "
             "(Debian: apt-get install python3-openpyxl); python is "
             + sys.executable)

SHEETS = ["Q1", "Q2_3_ _draft___", "q1 (2)", "Sheet 4", "quoted",
          "History (2)", "\u8abf\u67fb 0123456789 0123456789 012345", "Long"]
FORMULA_LIKE = ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)"]
# label -> (count, percent) in the first Q1 table
BODY = {"Strongly agree": (12, 16.216), '=HYPERLINK("x")': (40, 54.054),
        "+1": (2, 2.703), "-2": (3, 4.054), "@SUM(A1)": (4, 5.405),
        "_x0041_ stays literal": (6, 8.108), "Total": (74, 100.0)}

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def rows_by_label(ws):
    """Column-A text -> row number (first occurrence)."""
    out = {}
    for row in ws.iter_rows(min_col=1, max_col=1):
        c = row[0]
        if isinstance(c.value, str) and c.value not in out:
            out[c.value] = c.row
    return out


def check_raw_xml(path):
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            text = z.read(name).decode("utf-8")  # must be valid UTF-8
            if name.startswith("xl/worksheets/"):
                check("<f>" not in text, name + ": has a formula")
                check("NAN" not in text.upper() and "INF<" not in text.upper(),
                      name + ": has a non-finite number")
        check("_x005F_x0041_" in z.read("xl/sharedStrings.xml").decode(),
              "literal _x0041_ is not escaped")


def check_every_cell(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                check(c.data_type != "f", "%s!%s is a formula"
                      % (ws.title, c.coordinate))
                if c.data_type == "n" and c.value is not None:
                    check(math.isfinite(c.value), "%s!%s is not finite"
                          % (ws.title, c.coordinate))


def check_body(ws, at):
    for label, (count, pct) in BODY.items():
        r = at[label]
        a, n, p = ws.cell(r, 1), ws.cell(r, 2), ws.cell(r, 3)
        check(a.data_type == "s" and a.value == label, "label " + label)
        check(n.data_type == "n" and n.value == count
              and n.number_format == "0", "count of " + label)
        check(p.data_type == "n" and "%" in p.number_format
              and p.number_format == "0.0%"
              and math.isclose(p.value, pct / 100, rel_tol=1e-12),
              "percent of %s: %r %r" % (label, p.value, p.number_format))
    for text in FORMULA_LIKE:
        c = ws.cell(at[text], 1)
        check(c.data_type == "s" and c.value == text, "string " + text)
    cjk = "\u4e2d\u6587\u56de\u7b54 caf\u00e9 d\u00e9j\u00e0"
    check(cjk in at, "CJK/accented label")
    check("bad byte caf\ufffd \ufffd" in at, "invalid byte, U+FFFE -> U+FFFD")


def check_blanks_and_styles(ws, at):
    r = at['=HYPERLINK("x")']
    check(ws.cell(r, 4).value is None, "NaN CI lower is blank")
    check(ws.cell(r, 5).value is None, "+inf CI upper is blank")
    r = at["+1"]
    check(ws.cell(r, 4).value == 0 and ws.cell(r, 5).value is None,
          "-0 is 0, -inf is blank")
    check(ws.cell(at["No answer"], 3).value is None, "NaN percent is blank")
    total = at["Total"]
    for col in range(1, 6):
        c = ws.cell(total, col)
        check(c.font.b and c.border.top.style == "thin",
              "total row bold with a top border, column %d" % col)
    miss = ws.cell(at["No answer"], 1)
    check(miss.font.i, "missing row italic")
    head = at["Answer"]
    for col in range(1, 6):
        c = ws.cell(head, col)
        check(c.font.b and c.border.bottom.style == "thin"
              and c.alignment.wrap_text, "header column %d" % col)
    note = ws.cell(at["CI: Wilson score interval, 95%."], 1)
    check(note.font.i and note.font.sz < 11, "footnote italic and small")
    check(ws.cell(at["Blank CI: not defined."], 1).font.i, "second footnote")


def check_q1_layout(ws, at):
    title = ws.cell(1, 1)
    check(title.value.startswith("Q1. To what extent") and title.font.b
          and title.alignment.wrap_text, "title bold and wrapped")
    check("A1:E1" in [str(r) for r in ws.merged_cells.ranges],
          "title merged across the table")
    check(ws.row_dimensions[1].height >= 3 * 15, "title row tall enough")
    check(ws.cell(2, 1).value == "Base: 74 of 163 respondents", "subtitle")
    check(at["Answer"] == 3, "header under title and subtitle")
    # The summary table follows the footnotes after one blank row, and
    # "Q1. Again" (after Q2 in the list) lands on this sheet as well.
    last_note = at["Blank CI: not defined."]
    check(ws.cell(last_note + 1, 1).value is None
          and at.get("Q1. Summary") == last_note + 2, "tables stacked")
    check(ws.cell(at["Mean"], 2).number_format == "0.00"
          and ws.cell(at["SD"], 2).value is None, "statistics")
    check(ws.cell(at["Weighted n"], 2).number_format == "0.0",
          "weighted count decimals")
    check("Q1. Again" in at, "non-consecutive table on its sheet")
    width_a = ws.column_dimensions["A"].width
    check(20 <= width_a <= 65, "column A width %r" % width_a)


def check_page(ws, header_row):
    ps = ws.page_setup
    check(ws.freeze_panes == "A%d" % (header_row + 1),
          "%s: frozen under the header (%r)" % (ws.title, ws.freeze_panes))
    check(ps.orientation == "landscape", ws.title + ": landscape")
    check(str(ps.paperSize) == "9", ws.title + ": A4")
    check(ws.sheet_properties.pageSetUpPr.fitToPage, ws.title + ": fit")
    check(ps.fitToWidth in (None, 1) and ps.fitToHeight == 0,
          ws.title + ": one page wide")
    check(ws.print_title_rows == "$%d:$%d" % (header_row, header_row),
          "%s: print titles %r" % (ws.title, ws.print_title_rows))


def check_long(wb):
    ws = wb["Long"]
    text = [c.value for c in ws["A"] if isinstance(c.value, str)
            and c.value.startswith("aaa")]
    check(len(text) == 1 and len(text[0]) == 32767
          and text[0].endswith("a\u2026"), "long text cut to 32767")


def main():
    maker, path = sys.argv[1], sys.argv[2]
    subprocess.run([maker, path], check=True)
    check_raw_xml(path)
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == SHEETS, "sheet names %r" % wb.sheetnames)
    check(wb.properties.title == "tally read-back test", "document title")
    check(wb.properties.creator == "tally", "document author")
    check(wb.properties.created == datetime.datetime(2023, 11, 14, 22, 13,
                                                     20), "created")
    check_every_cell(wb)
    ws = wb["Q1"]
    at = rows_by_label(ws)
    check_body(ws, at)
    check_blanks_and_styles(ws, at)
    check_q1_layout(ws, at)
    check_page(ws, 3)
    check_page(wb["quoted"], 2)
    check_long(wb)
    for f in failures:
        print("FAIL:", f)
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

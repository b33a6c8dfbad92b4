#!/usr/bin/python3
"""The generated survey of synthetic.py in the other containers: written
as XLSX (openpyxl) in the plain, SurveyMonkey, Qualtrics and Google Forms
layouts, and as an SPSS .sav file by GNU PSPP from a .sps syntax file
(DATA LIST, VARIABLE LABELS, VALUE LABELS, MISSING VALUES, SAVE OUTFILE).
Each must give the same `tally freq --format json` counts as the plain
CSV file for every question.

    synthetic_containers.py TALLY WORKDIR

XLSX: each workbook holds the rows of the same layout's CSV file, with
numbers as number cells and the dates of the Google Forms Timestamp and
the Qualtrics StartDate/EndDate as real date cells (formatted as Excel
shows them). It must be read as the same dialect as the CSV file, give
tables identical to the CSV file's (ids and texts included: the dialect
sees the same header cells), and the plain CSV file's counts.

SPSS: the question ids are the variable names and the texts the variable
labels. The rule that pairs them with the plain CSV file's questions:
the variables are named as the plain file's questions (Q1, Q4) and
items (Q2_1..Q2_3, Q3_1..Q3_4, in the order of the plain file's columns),
so a plain question Qn is paired with the SPSS question whose id is Qn.
A question of one variable has its variable label as text; a group of
variables (the matrix Q2, the multi-select Q3) is named by its stem
(text = id), and a matrix item's text is its variable label. Answers
are codes with value labels: Q1 1-3, Q2 1-5 (ordinal) plus 9 "Don't
know" declared user-missing and never given, Q3 one variable per option
with 1 labelled as the option and system-missing when not ticked, Q4 a
string (with an embedded line feed made by REPLACE). Counts are compared per question, item and option
label (options with no answers left out), and so are the bases.

PSPP missing is an error, not a skipped test: this test exists to check
the .sav reader against a file PSPP wrote.
"""
import datetime
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synthetic  # noqa: E402  (the survey and its CSV layouts)

XLSX_LAYOUTS = ["plain", "surveymonkey", "qualtrics", "google-forms"]
DATE_HEADERS = {"Timestamp": "%m/%d/%Y %H:%M:%S",
                "StartDate": "%Y-%m-%d %H:%M:%S",
                "EndDate": "%Y-%m-%d %H:%M:%S"}
DATE_FORMATS = {"Timestamp": "m/d/yyyy h:mm:ss",
                "StartDate": "yyyy-mm-dd h:mm:ss",
                "EndDate": "yyyy-mm-dd h:mm:ss"}


def cell(value, header, data_row):
    """A CSV cell as a workbook would hold it: dates in the date columns
    as date cells, whole numbers as numbers, blanks as no cell at all
    (as Excel writes them), the rest as text."""
    if value == "":
        return None
    if data_row and header in DATE_HEADERS and value:
        return datetime.datetime.strptime(value, DATE_HEADERS[header])
    if data_row and value.isdigit() and len(value) < 15:
        return int(value)
    return value


def write_xlsx(path, rows, header_rows):
    import openpyxl  # Debian's python3-openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    head = rows[0]
    for r, row in enumerate(rows):
        ws.append([cell(v, head[i], r >= header_rows)
                   for i, v in enumerate(row)])
    for i, h in enumerate(head):
        if h in DATE_FORMATS:
            for col in ws.iter_cols(min_col=i + 1, max_col=i + 1,
                                    min_row=header_rows + 1):
                for c in col:
                    c.number_format = DATE_FORMATS[h]
    wb.save(path)


HEADER_ROWS = {"plain": 1, "surveymonkey": 2, "qualtrics": 3,
               "google-forms": 1}


def sps_string(s):
    return "'" + s.replace("'", "''") + "'"


def write_sps(path, sav, rs):
    """The survey as PSPP syntax that saves it as sav."""
    g = {k: i + 1 for i, k in enumerate(synthetic.GROUPS)}
    a = {k: i + 1 for i, k in enumerate(synthetic.AGREE)}
    items = ["Q2_%d" % (i + 1) for i in range(len(synthetic.ITEMS))]
    opts = ["Q3_%d" % (i + 1) for i in range(len(synthetic.OPTIONS))]
    lines = ["DATA LIST LIST /Q1 %s %s (F1.0) Q4 (A40)."
             % (" ".join(items), " ".join(opts)), "BEGIN DATA."]
    for r in rs:
        vals = [str(g[r["q1"]]) if r["q1"] else ""] + \
            [str(a[v]) if v else "" for v in r["q2"]] + \
            ["1" if o in r["q3"] else "" for o in synthetic.OPTIONS] + \
            ['"%s"' % r["q4"].replace("\n", "|")]
        lines.append(",".join(vals))
    lines += ["END DATA.",
              "COMPUTE Q4 = REPLACE(Q4, '|', X'0A').",
              "VARIABLE LABELS Q1 %s" % sps_string(synthetic.Q1)]
    lines += ["  /%s %s" % (v, sps_string("%s - %s" % (synthetic.Q2, t)))
              for v, t in zip(items, synthetic.ITEMS)]
    lines += ["  /%s %s" % (v, sps_string("%s - %s" % (synthetic.Q3, t)))
              for v, t in zip(opts, synthetic.OPTIONS)]
    lines += ["  /Q4 %s." % sps_string(synthetic.Q4),
              "VALUE LABELS Q1 " + " ".join(
                  "%d %s" % (v, sps_string(k)) for k, v in g.items())]
    lines += ["  /%s %s 9 %s" % (" ".join(items), " ".join(
        "%d %s" % (v, sps_string(k)) for k, v in a.items()),
        sps_string("Don't know"))]
    lines += ["  /%s 1 %s" % (v, sps_string(t))
              for v, t in zip(opts, synthetic.OPTIONS)]
    lines[-1] += "."
    lines += ["MISSING VALUES %s (9)." % " ".join(items),
              "VARIABLE LEVEL %s (ORDINAL)." % " ".join(items),
              "SAVE OUTFILE=%s." % sps_string(sav), ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def counts(q):
    """A question's counts by label: its base, then (label, count) of
    every category with answers, or per item (id left out)."""
    def cats(o):
        return sorted((c["label"], c["count"]) for c in o["categories"]
                      if c["count"])
    if "items" in q:
        return (q["type"], q.get("base"),
                [(i["base"], cats(i)) for i in q["items"]])
    return (q["type"], q["base"], cats(q))


def freq(exe, path):
    return json.loads(synthetic.tally(exe, "freq", path, "--format", "json"))


def check_xlsx(exe, work, rs, want, errors):
    for name in XLSX_LAYOUTS:
        layout, kw = synthetic.LAYOUTS[name]
        rows = layout(rs)
        csv_path = os.path.join(work, name + ".csv")
        synthetic.write(csv_path, rows, **kw)
        path = os.path.join(work, name + ".xlsx")
        write_xlsx(path, rows, HEADER_ROWS[name])
        info = json.loads(synthetic.tally(exe, "info", path,
                                          "--format", "json"))
        if info["format"] != "xlsx" or info["dialect"] != name:
            errors.append("%s.xlsx: read as %s %s"
                          % (name, info["format"], info["dialect"]))
        got = freq(exe, path)
        if got != freq(exe, csv_path):
            errors.append("%s.xlsx: tables differ from %s.csv"
                          % (name, name))
        if [counts(q) for q in got] != want:
            errors.append("%s.xlsx: %s\n  plain: %s"
                          % (name, [counts(q) for q in got], want))


def check_sav(exe, work, rs, plain, errors):
    pspp = shutil.which("pspp")
    if not pspp:
        errors.append("GNU PSPP (pspp) is not installed: the .sav round "
                      "trip cannot run (apt-get install pspp)")
        return
    sps, sav = os.path.join(work, "survey.sps"), "survey.sav"
    write_sps(sps, sav, rs)
    run = subprocess.run([pspp, "-O", "format=txt", "-o", "survey.lst",
                          "survey.sps"], cwd=work, capture_output=True,
                         text=True)
    if run.returncode != 0 or not os.path.exists(os.path.join(work, sav)):
        errors.append("pspp survey.sps failed (%d): %s%s" %
                      (run.returncode, run.stdout, run.stderr))
        return
    got = {q["question"]: q for q in freq(exe, os.path.join(work, sav))}
    texts = {"Q1": synthetic.Q1, "Q2": "Q2", "Q3": "Q3", "Q4": synthetic.Q4}
    items = ["%s - %s" % (synthetic.Q2, t) for t in synthetic.ITEMS]
    for q in plain:
        s = got.pop(q["question"], None)
        if s is None:
            errors.append("survey.sav: no question %s" % q["question"])
        elif counts(s) != counts(q):
            errors.append("survey.sav %s: %s\n  plain: %s"
                          % (q["question"], counts(s), counts(q)))
        elif s["text"] != texts[q["question"]]:
            errors.append("survey.sav %s: text %r, not the variable "
                          "label" % (q["question"], s["text"]))
        elif "items" in s and [i["text"] for i in s["items"]] != items:
            errors.append("survey.sav %s: item texts %s" %
                          (q["question"], [i["text"] for i in s["items"]]))
    if got:
        errors.append("survey.sav: questions the plain file lacks: %s"
                      % sorted(got))


def main():
    exe, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    rs = synthetic.respondents()
    plain_csv = os.path.join(work, "plain.csv")
    synthetic.write(plain_csv, synthetic.plain(rs))
    plain = freq(exe, plain_csv)
    errors = []
    check_xlsx(exe, work, rs, [counts(q) for q in plain], errors)
    check_sav(exe, work, rs, plain, errors)
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""--xlsform FORM.xlsx on Kobo/ODK exports (formats.md 5.4).

    xlsform.py TALLY FIXTURES WORKDIR

1. A small XLSForm written with openpyxl and a KPI CSV export of six
   submissions in XML-values mode (';', all quoted), once with the
   select_multiple as summary plus 0/1 choice columns ("both", formpack's
   default) and once as the summary column only. The counts below were
   made by hand from the six rows in SUBMISSIONS:
     grp/group (select_one): nfp rows 1 3, pp rows 2 5, exp row 4 ->
       National focal point 2, Project partner 2, Expert 1, Other 0;
       base 5 (row 6 blank);
     support (select_multiple "a b", "b", "a b c", "", "c", "a") ->
       Funding (a) rows 1 3 6 = 3, Training (b) rows 1 2 3 = 3,
       Networking, regional (c) rows 3 5 = 2; base 5 (row 4 blank);
     grp/age (integer): 34 41 29 50 38 and a blank -> numeric, n 5,
       mean 192 / 5 = 38.4;
     rate/r1, rate/r2 (select_one agree, in the group "rate" labelled
       "How far do you agree?"): r1 = 4 5 4 2 "" 3 -> Agree 2, Strongly
       agree 1, Disagree 1, Neither 1; r2 = 5 5 3 "" 1 4;
     comments (text) -> text with 3 answers; calc (calculate) -> meta.
2. The real XLSForm of tests/fixtures/real-exports/kobo-odk/
   kobo_xlsform_artifact_codebook.xlsx (its response export was not
   copied, README there) with an export in the layout of that survey's
   genuine KPI CSV (the column subset quoted in formats.md 5.1) and
   made-up rows: the English labels become the texts, the choice
   labels the options.
"""
import json
import os
import sys

import openpyxl  # Debian's python3-openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from synthetic import tally  # noqa: E402

SURVEY = [
    ("type", "name", "label::English (en)", "label::Français (fr)"),
    ("start", "start", None, None),
    ("end", "end", None, None),
    ("begin_group", "grp", "Background", "Profil"),
    ("select_one groups", "group", "Which group do you belong to?",
     "Groupe ?"),
    ("integer", "age", "Age in years", "Âge"),
    ("end_group", None, None, None),
    ("select_multiple sup", "support", "Which support did you use?",
     "Soutien ?"),
    ("begin group", "rate", "How far do you agree?", "Accord ?"),
    ("select_one agree", "r1", "Coordination", "Coordination"),
    ("select_one agree", "r2", "Visibility", "Visibilité"),
    ("end group", None, None, None),
    ("note", "thanks", "Thank you", "Merci"),
    ("text", "comments", "Any comments?", "Commentaires ?"),
    ("calculate", "calc", None, None),
]
CHOICES = [
    ("list_name", "name", "label::English (en)", "label::Français (fr)"),
    ("groups", "nfp", "National focal point", "Point focal"),
    ("groups", "pp", "Project partner", "Partenaire"),
    ("groups", "exp", "Expert", "Expert"),
    ("groups", "oth", "Other", "Autre"),
    ("sup", "a", "Funding", "Financement"),
    ("sup", "b", "Training", "Formation"),
    ("sup", "c", "Networking, regional", "Réseau"),
] + [("agree", str(i + 1), t, t) for i, t in enumerate(
    ["Strongly disagree", "Disagree", "Neither agree nor disagree",
     "Agree", "Strongly agree"])]
SUBMISSIONS = [  # group, age, support, r1, r2, comments
    ("nfp", "34", "a b", "4", "5", "Good"),
    ("pp", "41", "b", "5", "5", ""),
    ("nfp", "29", "a b c", "4", "3", "More meetings"),
    ("exp", "", "", "2", "", ""),
    ("pp", "50", "c", "", "1", ""),
    ("", "38", "a", "3", "4", "ok"),
]


def workbook(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(list(r))
    wb.save(path)


def kpi_csv(path, head, rows):
    def q(s):
        return '"%s"' % s.replace('"', '""')
    with open(path, "w", encoding="utf-8", newline="") as f:
        for r in [head] + rows:
            f.write(";".join(q(c) for c in r) + "\r\n")


def synthetic_export(path, details):
    head = ["start", "end", "grp/group", "grp/age", "support"] + \
        (["support/a", "support/b", "support/c"] if details else []) + \
        ["rate/r1", "rate/r2", "comments", "calc", "_id", "_uuid",
         "_submission_time", "_index"]
    rows = []
    for i, (g, age, sup, r1, r2, com) in enumerate(SUBMISSIONS):
        ticks = [("1" if c in sup.split() else "0") if sup else ""
                 for c in "abc"]
        rows.append(["2024-05-02T10:00:09.772+02:00",
                     "2024-05-02T10:05:00.000+02:00", g, age, sup] +
                    (ticks if details else []) +
                    [r1, r2, com, str(len(com)), str(9000 + i),
                     "e6eddaab-b7dc-4cb1-bf93-%012d" % i,
                     "2024-05-02T08:06:00", str(i + 1)])
    kpi_csv(path, head, rows)


def counts(q):
    return {c["label"]: c["count"] for c in q["categories"]}


def check_synthetic(exe, work, errors):
    form = os.path.join(work, "form.xlsx")
    workbook(form, [("survey", SURVEY), ("choices", CHOICES),
                    ("settings", [("form_title", "default_language"),
                                  ("Synthetic", "English (en)")])])
    want = {
        "Which group do you belong to?": ("single", 5, {
            "National focal point": 2, "Project partner": 2, "Expert": 1,
            "Other": 0}),
        "Which support did you use?": ("multi", 5, {
            "Funding": 3, "Training": 3, "Networking, regional": 2}),
        "Age in years": ("numeric", 5, {}),
        "Any comments?": ("text", 3, {}),
    }
    for details in (True, False):
        name = "kobo-%s.csv" % ("both" if details else "summary")
        path = os.path.join(work, name)
        synthetic_export(path, details)
        got = json.loads(tally(exe, "freq", path, "--xlsform", form,
                               "--format", "json"))
        by_text = {q["text"]: q for q in got}
        for text, (kind, base, cats) in want.items():
            q = by_text.get(text)
            if q is None:
                errors.append("%s: no question %r in %s" %
                              (name, text, sorted(by_text)))
                continue
            seen = (q["type"], q.get("base"),
                    counts(q) if q.get("categories") else {})
            if seen != (kind, base, cats):
                errors.append("%s: %r: %s, not %s" %
                              (name, text, seen, (kind, base, cats)))
        age = by_text.get("Age in years", {}).get("summary", {})
        if abs(age.get("mean", 0) - 38.4) > 1e-9:
            errors.append("%s: mean age %s, not 38.4" % (name, age))
        rate = by_text.get("How far do you agree?")
        if not rate or rate["type"] != "matrix" or \
                [i["text"] for i in rate["items"]] != ["Coordination",
                                                      "Visibility"] or \
                counts(rate["items"][0]) != {
                    "Strongly disagree": 0, "Disagree": 1,
                    "Neither agree nor disagree": 1, "Agree": 2,
                    "Strongly agree": 1}:
            errors.append("%s: the rate group: %s" % (name, rate))
        info = json.loads(tally(exe, "info", path, "--xlsform", form,
                                "--format", "json"))
        meta = {c["column"] for c in info["ignored_columns"]}
        if "calc" not in meta or "start" not in meta:
            errors.append("%s: calc/start not metadata: %s" % (name, meta))
        # The codebook written with the form reads back to the same tables.
        cb = os.path.join(work, name.replace(".csv", ".yaml"))
        tally(exe, "codebook", path, "--xlsform", form, "-o", cb)
        if json.loads(tally(exe, "freq", path, "-c", cb, "--format",
                            "json")) != got:
            errors.append("%s: the codebook read back gives other tables"
                          % name)


def check_real(exe, fixtures, work, errors):
    form = os.path.join(fixtures, "kobo-odk",
                        "kobo_xlsform_artifact_codebook.xlsx")
    head = ["start", "end", "Site_name", "point", "_point_latitude",
            "_point_longitude", "_point_altitude", "_point_precision",
            "Artifact_type", "Retouch", "_id", "_uuid", "_submission_time",
            "_validation_status", "_notes", "_status", "_submitted_by",
            "_tags", "_index"]
    types = ["core", "core", "tool", "broken_flake", "core", "bone", "",
             "tool"]
    rows = [["2021-12-06T10:00:09.772+06:00",
             "2021-12-06T11:52:59.872+06:00", "Semizbugu 10A",
             "", "", "", "", "", t, "", str(128393877 + i),
             "e6eddaab-b7dc-4cb1-bf93-%012d" % i, "2021-12-06T06:01:47",
             "", "", "submitted_via_web", "", "", str(i + 1)]
            for i, t in enumerate(types)]
    path = os.path.join(work, "paleocore.csv")
    kpi_csv(path, head, rows)
    got = json.loads(tally(exe, "freq", path, "--xlsform", form,
                           "--format", "json"))
    by_id = {q["question"]: q for q in got}
    art = by_id.get("Artifact_type")
    # 12 choices in the list dz6vl92; counted by hand from `types`.
    if not art or art["text"] != "Artifact type" or \
            len(art["categories"]) != 12 or \
            {k: v for k, v in counts(art).items() if v} != {
                "core": 3, "tool": 2, "broken flake": 1, "bone": 1}:
        errors.append("paleocore.csv: Artifact_type: %s" % art)
    site = by_id.get("Site_name")
    if not site or site["text"] != "Site name" or site["type"] != "text":
        errors.append("paleocore.csv: Site_name: %s" % site)


def main():
    exe, fixtures, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    errors = []
    check_synthetic(exe, work, errors)
    check_real(exe, fixtures, work, errors)
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

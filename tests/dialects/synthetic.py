#!/usr/bin/python3
"""One generated survey written in each platform's CSV layout (formats.md
2-6) must give the same `tally freq --format json` counts for every
question, and each layout's inferred codebook read back with -c the
same tables (the codebook round trip of tests/cli/codebook-roundtrip,
per dialect); an edited codebook (a question renamed, a scale reversed,
a missing code declared) applies to every layout alike.

    synthetic.py TALLY WORKDIR

The survey: Q1 single choice, Q2 a Likert matrix of three items, Q3 a
checkbox question of four options, Q4 an open question; 40 respondents
drawn with a fixed seed. The Qualtrics file also holds two preview
responses, which tally must leave out; the layouts are plain, SurveyMonkey,
Qualtrics current, Google Forms, KoboToolbox (KPI: ';', all quoted) and
LimeSurvey (code headings, full answer texts).
"""
import csv
import json
import os
import random
import subprocess
import sys

GROUPS = ["National focal point", "Project partner", "Expert"]
ITEMS = ["Coordination", "Support", "Visibility"]
AGREE = ["Strongly disagree", "Disagree", "Neither agree nor disagree",
         "Agree", "Strongly agree"]
OPTIONS = ["Funding", "Training", "Networking", "Research"]
Q1, Q2, Q3, Q4 = ("Which group do you belong to?", "How far do you agree?",
                  "Which support did you use?", "Any comments?")


def respondents(n=40, groups=GROUPS, options=OPTIONS, seed=2024):
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        out.append({
            "q1": rnd.choice(groups + [""]),
            "q2": [rnd.choice(AGREE + [""]) for _ in ITEMS],
            "q3": [o for o in options if rnd.random() < 0.4],
            "q4": rnd.choice(["", "", "Good work", "More meetings, please",
                              "Too short\nand late"]),
            "id": 1000 + i,
        })
    return out


def write(path, rows, **kw):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n", **kw).writerows(rows)


def plain(rs, options=OPTIONS):
    head = ["Q1"] + ["Q2 [%s]" % i for i in ITEMS] + \
        ["Q3 [%s]" % o for o in options] + ["Q4"]
    return [head] + [[r["q1"]] + r["q2"] +
                     [o if o in r["q3"] else "" for o in options] + [r["q4"]]
                     for r in rs]


def surveymonkey(rs):
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date",
            "IP Address"]
    row1 = meta + [Q1, Q2, "", "", Q3, "", "", "", Q4]
    row2 = [""] * 5 + ["Response"] + ITEMS + OPTIONS + ["Open-Ended Response"]
    data = [[str(r["id"]) * 2, "412345678", "10/14/2022 09:01:12 AM",
             "10/14/2022 09:03:40 AM", "10.0.0.1", r["q1"]] + r["q2"] +
            [o if o in r["q3"] else "" for o in OPTIONS] + [r["q4"]]
            for r in rs]
    return [row1, row2] + data


def qualtrics(rs, options=OPTIONS, joined=None, groups=GROUPS):
    """The current exporter's layout; joined: the checkbox question in
    one column, its choices joined with "," as the exporter does by
    default (formats.md 2.4): "text" (choice texts) or "codes" (numeric
    recodes 1..k, and codes for Q1 and Q2 too)."""
    meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress",
            "Finished", "ResponseId"]
    ids = ["startDate", "endDate", "status", "ipAddress", "progress",
           "finished", "_recordId"]
    n = 1 if joined else len(options)
    row1 = meta + ["Q1"] + ["Q2_%d" % (i + 1) for i in range(3)] + \
        (["Q3"] if joined else ["Q3_%d" % (i + 1) for i in range(n)]) + \
        ["Q4"]
    row2 = ["Start Date", "End Date", "Response Type", "IP Address",
            "Progress", "Finished", "Response ID", Q1] + \
        ["%s - %s" % (Q2, i) for i in ITEMS] + \
        ([Q3 + " - Selected Choice"] if joined else
         ["%s - Selected Choice - %s" % (Q3, o) for o in options]) + [Q4]
    row3 = ['{"ImportId":"%s"}' % i for i in ids] + \
        ['{"ImportId":"QID1"}'] + \
        ['{"ImportId":"QID2_%d"}' % (i + 1) for i in range(3)] + \
        (['{"ImportId":"QID3"}'] if joined else
         ['{"ImportId":"QID3_%d"}' % (i + 1) for i in range(n)]) + \
        ['{"ImportId":"QID4_TEXT"}']

    def code(labels, v):
        return str(labels.index(v) + 1) if v else ""

    def line(r, status):
        q1, q2 = r["q1"], r["q2"]
        if joined == "codes":
            q3 = [",".join(code(options, o) for o in r["q3"])]
            q1 = code(groups, q1)
            q2 = [code(AGREE, v) for v in q2]
        elif joined:
            q3 = [",".join(r["q3"])]
        else:
            q3 = [o if o in r["q3"] else "" for o in options]
        return ["2024-03-01 09:12:44", "2024-03-01 09:15:02", status, "",
                "100", "True", "R_%dabcdefgh" % r["id"], q1] + q2 + q3 + \
            [r["q4"]]
    preview = dict(rs[0], q1="Expert", id=1)
    return [row1, row2, row3] + [line(r, "IP Address") for r in rs] + \
        [line(preview, "Survey Preview"), line(preview, "Survey Preview")]


def google(rs):
    head = ["Timestamp", Q1] + ["%s [%s]" % (Q2, i) for i in ITEMS] + [Q3, Q4]
    return [head] + [["12/13/2019 12:02:%02d" % (r["id"] % 60), r["q1"]] +
                     r["q2"] + [", ".join(r["q3"]), r["q4"]] for r in rs]


def kobo(rs):
    head = ["start", "q1"] + ["q2/%s" % i for i in ITEMS] + ["q3"] + \
        ["q3/%s" % o for o in OPTIONS] + ["q4", "_id", "_uuid",
                                          "_submission_time", "_index"]
    return [head] + [["2021-12-06T10:00:09.772+06:00", r["q1"]] + r["q2"] +
                     [" ".join(r["q3"])] +
                     [("1" if o in r["q3"] else "0") if r["q3"] else ""
                      for o in OPTIONS] +
                     [r["q4"], str(r["id"]),
                      "e6eddaab-b7dc-4cb1-bf93-%012d" % r["id"],
                      "2021-12-06T06:01:47", str(r["id"] - 999)]
                     for r in rs]


def limesurvey(rs):
    # Subquestion codes as the survey author chose them (alphanumeric).
    head = ["id", "submitdate", "lastpage", "startlanguage", "seed", "Q1"] + \
        ["Q2[%s]" % i for i in ITEMS] + ["Q3[%s]" % o for o in OPTIONS] + \
        ["Q4"]
    return [head] + [[str(r["id"]), "2022-03-15 10:50:10", "3", "en",
                      "274068858", r["q1"]] + r["q2"] +
                     ["Y" if o in r["q3"] else "" for o in OPTIONS] + [r["q4"]]
                     for r in rs]


LAYOUTS = {
    "plain": (plain, {}),
    "surveymonkey": (surveymonkey, {}),
    "qualtrics": (qualtrics, {}),
    "google-forms": (google, {}),
    "kobo": (kobo, {"delimiter": ";", "quoting": csv.QUOTE_ALL}),
    "limesurvey": (limesurvey, {"quoting": csv.QUOTE_ALL}),
}


def tally(exe, *args):
    out = subprocess.run([exe] + list(args), capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("tally %s: %s" % (" ".join(args), out.stderr))
    return out.stdout


def shape(q):
    """A question's counts, without ids and texts (which differ by
    platform): type, then (label, count) of every category or item."""
    def cats(o):
        return sorted((c["label"], c["count"]) for c in o["categories"]
                      if c["count"])
    if "items" in q:
        return (q["type"], [cats(i) for i in q["items"]])
    return (q["type"], cats(q))


def edited(exe, path, cb, name):
    """An evaluator's corrections work for every dialect: the single
    question renamed, the Likert scale reversed, its middle point made a
    missing code. Returns the problems found."""
    import yaml  # Debian's python3-yaml
    with open(cb, encoding="utf-8") as f:
        book = yaml.safe_load(f)
    for q in book["questions"]:
        if q["type"] == "single":
            q["id"], q["text"] = "group", "Stakeholder group"
        if q["type"] == "matrix":
            q["options"] = list(reversed(AGREE[:2] + AGREE[3:]))
            q["missing"] = [AGREE[2]]
            q.pop("values", None)
    out = cb.replace(".yaml", "-edited.yaml")
    with open(out, "w", encoding="utf-8") as f:
        yaml.safe_dump(book, f, allow_unicode=True)
    got = json.loads(tally(exe, "freq", path, "-c", out, "--format", "json"))
    single = [q for q in got if q["question"] == "group"]
    matrix = [q for q in got if q["type"] == "matrix"]
    problems = []
    if len(single) != 1 or single[0]["text"] != "Stakeholder group":
        problems.append("%s: the renamed question is missing" % name)
    labels = [c["label"] for c in matrix[0]["items"][0]["categories"]]
    if labels[:5] != list(reversed(AGREE[:2] + AGREE[3:])) + [AGREE[2]] or \
            not matrix[0]["items"][0]["categories"][4]["missing"]:
        problems.append("%s: scale order or missing code not applied: %s"
                        % (name, labels))
    return problems


# Qualtrics' current exporter joins a checkbox question's choices with
# "," in one column unless told to split them (formats.md 2.4). A second
# survey whose options contain commas -- the single choice "Partner,
# implementing", the checkbox option "Training, coaching" (also chosen
# alone) -- written plain, as Qualtrics split columns, and as Qualtrics
# joined choice texts and joined numeric recodes, must give the same
# counts; the codebook of a joined file says `separator: ","`.
GROUPS2 = ["National focal point", "Partner, implementing", "Expert"]
OPTIONS2 = ["Funding", "Training, coaching", "Networking", "Research"]


def joined_variants(exe, work):
    rs = respondents(groups=GROUPS2, options=OPTIONS2, seed=2025)
    rs[0]["q3"] = ["Training, coaching"]
    rs[1]["q3"] = ["Funding", "Training, coaching", "Research"]
    files = {"plain": plain(rs, OPTIONS2),
             "qualtrics": qualtrics(rs, OPTIONS2),
             "qualtrics-joined": qualtrics(rs, OPTIONS2, "text"),
             "qualtrics-codes": qualtrics(rs, OPTIONS2, "codes", GROUPS2)}
    got, errors = {}, []
    for name, rows in files.items():
        path = os.path.join(work, "commas-%s.csv" % name)
        write(path, rows)
        info = json.loads(tally(exe, "info", path, "--format", "json"))
        if info["dialect"] != name.split("-")[0]:
            errors.append("commas-%s: read as %s" % (name, info["dialect"]))
        freq = tally(exe, "freq", path, "--format", "json")
        got[name] = [shape(q) for q in json.loads(freq)]
        cb = path.replace(".csv", ".yaml")
        tally(exe, "codebook", path, "-o", cb)
        if tally(exe, "freq", path, "-c", cb, "--format", "json") != freq:
            errors.append("commas-%s: the codebook read back gives other "
                          "tables" % name)
        import yaml  # Debian's python3-yaml
        with open(cb, encoding="utf-8") as f:
            joined = any(q.get("separator") == ","
                         for q in yaml.safe_load(f)["questions"])
        if joined != (name in ("qualtrics-joined", "qualtrics-codes")):
            errors.append("commas-%s: separator \",\" %s in the codebook"
                          % (name, "found" if joined else "not found"))
    want = got["plain"]
    if [q[0] for q in want] != ["single", "matrix", "multi", "text"]:
        errors.append("commas-plain: %s" % want)
    for name in ("qualtrics", "qualtrics-joined"):
        if got[name] != want:
            errors.append("commas-%s: %s\n  plain: %s"
                          % (name, got[name], want))
    # Numeric recodes: the multi-select question's codes are the options'
    # positions (Q1 and Q2 as codes are typed by their numbers).
    multi = [q for q in got["qualtrics-codes"] if q[0] == "multi"]
    relabel = [("multi", sorted((OPTIONS2[int(c) - 1], n)
                                for c, n in q[1])) for q in multi]
    if relabel != [want[2]]:
        errors.append("commas-qualtrics-codes: %s\n  plain: %s"
                      % (multi, want[2]))
    return errors


def main():
    exe, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    rs = respondents()
    want, errors = None, []
    for name, (layout, kw) in LAYOUTS.items():
        path = os.path.join(work, name + ".csv")
        write(path, layout(rs), **kw)
        info = json.loads(tally(exe, "info", path, "--format", "json"))
        if info["dialect"] != name:
            errors.append("%s: read as %s" % (name, info["dialect"]))
        freq = tally(exe, "freq", path, "--format", "json")
        got = [shape(q) for q in json.loads(freq)]
        if want is None:
            want = got
        elif got != want:
            errors.append("%s: %s\n  plain: %s" % (name, got, want))
        cb = os.path.join(work, name + ".yaml")
        tally(exe, "codebook", path, "-o", cb)
        if tally(exe, "freq", path, "-c", cb, "--format", "json") != freq:
            errors.append("%s: the codebook read back gives other tables"
                          % name)
        errors += edited(exe, path, cb, name)
    errors += joined_variants(exe, work)
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Real platform exports (tests/fixtures/real-exports, provenance in its
README.md): `tally info --format json` must find the platform's dialect
and the questions the platform meant, and `tally freq --format json` the
counts established independently of tally.

    real_exports.py TALLY FIXTURES FILE

One ctest test per file (tests/CMakeLists.txt). SPEC below holds, per
file: the command-line options, the dialect (and Qualtrics layout), the
header rows, the respondents, the number of questions, some questions as
(type, items, options) -- options are the valid ones, missing codes
excluded -- with how that was checked by hand against the file, the
columns left out, and frequency counts. Every count comes from
tests/dialects/count_column.py (Python's csv module only), whose
invocation is written beside it: `count FILE SKIP COL...` means
`count_column.py FILE SKIP COL...` run in tests/fixtures/real-exports;
for a checkbox column the count is that of its one label ("1", "True",
the option text); for Google Forms' joined answers, the number of cells
that hold the option as one ", "-separated element (one Python line,
written out where used). Categories that tally shows with count 0 are
not listed.

The Qualtrics files are Qualtrics' generated test responses (Status 2):
by default tally leaves them all out (checked by the *+default entries);
the other entries use --all-responses. For every entry, the codebook
that `tally codebook` writes, read back with -c, gives the same tables.
"""
import json
import subprocess
import sys

GF_Q24 = "Cuando tienes problemas en R"
SM = "surveymonkey/sm_ohbm2022_pandas_roundtrip.csv"

SPEC = {
    # Row 1: an empty cell (pandas' index column), then 24 question
    # texts; "Unnamed: N" cells continue a block. Row 2: "Response"
    # under 20 single columns; option texts under cols 4-13 (10), 32-39
    # (8), 40-47 (8), whose cells hold that text or nothing: 3 multi.
    SM: {
        "dialect": "surveymonkey", "header_rows": 2, "respondents": 311,
        "questions": 24,
        "check": {"Q1": ("single", 0, 2), "Q2": ("single", 0, 6),
                  "Q4": ("multi", 0, 10), "Q23": ("multi", 0, 8),
                  "Q24": ("multi", 0, 8), "Q5": ("single", 0, 4)},
        "ignored": {"Column 1": "metadata: row index"},
        "freq": {
            # count SM 2 1 -> {'No': 56, 'Yes': 254}
            "Q1": {"Yes": 254, "No": 56},
            # count SM 2 2 -> Asia 44, Europe 138, Middle East 4, ...
            "Q2": {"Asia": 44, "Europe": 138, "Middle East": 4,
                   "North America (Including Canada and Mexico)": 108,
                   "Oceania (Australia and New Zealand)": 9,
                   "South America (Including Central America)": 7},
            # count SM 2 4 5 6 7 8 9 10 11 12 13 (ticks per column)
            "Q4": {"OHBM website (https://www.humanbrainmapping.org)": 272,
                   "Official OHBM Emails (*@humanbrainmapping.org "
                   "emails)": 213,
                   "Blog (https://www.ohbmbrainmappingblog.com)": 44,
                   "Twitter (https://twitter.com/OHBM)": 134,
                   "NeuroSalience podcast (https://anchor.fm/ohbm)": 34,
                   "Facebook (https://www.facebook.com/"
                   "humanbrainmapping.org)": 7,
                   "Youtube (https://www.youtube.com/channel/"
                   "UCwMM4wEFi_hx2_6wVVoPBJA)": 11,
                   "LinkedIn (https://www.linkedin.com/company/"
                   "organization-for-human-brain-mapping)": 4,
                   "OHBM OnDemand (https://www.pathlms.com/ohbm)": 43,
                   "OHBM Job Board": 35},
        },
    },
}

# Google Forms: CSV and TSV hold the same 338 responses (README). Row 1:
# Timestamp + 51 question titles; col 44 (highest degree) is a single
# choice whose options contain ", " ("Maestría (por ejemplo, MA, MS,
# MEd)"): 14 options; col 24 is a checkbox question whose options
# contain ", " too ("Su red personal, como colegas y profesores").
for ext in ("csv", "tsv"):
    SPEC["google-forms/gf_rcs2019_es_form_responses." + ext] = {
        "dialect": "google-forms", "header_rows": 1, "respondents": 338,
        "questions": 51,
        "check": {"Q1": ("single", 0, 4), "Q44": ("single", 0, 14),
                  "Q24": ("multi", 0, 14), "Q2": ("scale", 0, 5)},
        "ignored": {"Timestamp": "metadata: platform metadata"},
        "freq": {
            # count gf.EXT 1 1 -> Experto 62, Inicial 84, Intermedio 185,
            # Sin experiencia 7
            "Q1": {"Experto": 62, "Inicial": 84, "Intermedio": 185,
                   "Sin experiencia": 7},
            # count gf.EXT 1 44 (one answer per cell)
            "Q44": {"Maestría (por ejemplo, MA, MS, MEd)": 116,
                    "Doctorado (por ejemplo, PhD, EdD)": 65,
                    "Licenciatura (por ejemplo, BA, BS)": 47,
                    "Uno o más cursos de postgrado, sin título de "
                    "postgrado": 34,
                    "Título profesional (por ejemplo, MD, DDS, DVM)": 22,
                    "Algunos cursos universitarios de grado, sin "
                    "título": 16,
                    "Grado universitario asociado (por ejemplo, AA, "
                    "AS)": 15,
                    "Título de escuela secundaria o equivalente": 8,
                    "Formación terciaria comercial / técnica / "
                    "profesional, sin título": 7,
                    "Especialista (grado MD y especialidad médica)": 1,
                    "Estoy en la escuela de medicina": 1,
                    "Estudiante avanzado de licenciatura": 1,
                    "Grado u diplomatura": 1,
                    "No soy parte de un programa de educación "
                    "institucional.": 1},
            # python3: sum(c == o or c.startswith(o + ', ') or
            #   c.endswith(', ' + o) or ', ' + o + ', ' in c
            #   for c in column 24) -> 79, 160, 1
            "Q24": {"Su red personal, como colegas y profesores": 79,
                    "Redes sociales como blogs, R-bloggers, Twitter, "
                    "Slack o contactos de GitHub": 160,
                    "Documentación de R y sus paquetes": 1},
        },
        "partial": ["Q24"],
    }

KOBO = {
    # children/fav_colors (summary "red blue") + /red /blue /pink
    # True/False, the same for ice.creams: 2 multi of 3 options, the
    # summaries left out; name, age; _id ... _notes metadata.
    "kobo-odk/kobocat_children_repeat_table.csv": {
        "respondents": 3, "questions": 4,
        "check": {"Q1": ("single", 0, 3), "Q3": ("multi", 0, 3),
                  "Q4": ("multi", 0, 3)},
        "ignored": {"children/fav_colors": "metadata: select_multiple "
                    "summary (its choice columns are the question)",
                    "_uuid": "metadata: KoboToolbox/ODK submission "
                    "metadata"},
        "freq": {
            # count F 1 0 -> Imora 1, John 1, Mike 1
            "Q1": {"Imora": 1, "John": 1, "Mike": 1},
            # count F 1 3 4 5 -> True 1, True 1, (False 1)
            "Q3": {"red": 1, "blue": 1},
            # count F 1 7 8 9 -> True 1, (False 1), True 1
            "Q4": {"vanilla": 1, "chocolate": 1},
        },
    },
    # name (a name: personal data), age, geopoint + 4 parts, tel/*,
    # meta/instanceID and _* metadata.
    "kobo-odk/kobocat_childrens_survey_main.csv": {
        "respondents": 2, "questions": 3,
        "check": {"age": ("numeric", 0, 0)},
        "ignored": {"geo/geolocation": "metadata: location",
                    "meta/instanceID": "metadata: KoboToolbox/ODK "
                    "submission metadata"},
        "freq": {
            # count F 1 1 -> 35: 1 (numeric: no categories)
            "age": {},
        },
    },
    # Flattened repeats (kids_details[n]/...) are questions of their own;
    # web_browsers/* True/False: one multi of 4; gps + parts location.
    "kobo-odk/kobocat_nested_repeats.csv": {
        "respondents": 2, "questions": 18,
        "check": {"web_browsers": ("multi", 0, 4),
                  "Q2": ("single", 0, 2)},
        "ignored": {"gps": "metadata: location"},
        "freq": {
            # count F 1 22 23 24 25 -> True 1, 1, 2, 1
            "web_browsers": {"firefox": 1, "chrome": 1, "ie": 2,
                             "safari": 1},
            # count F 1 1 -> Hansel 1, Tom 1
            "Q2": {"Hansel": 1, "Tom": 1},
        },
    },
    # 10 .../available_transportation_types_to_referral_facility/<x>
    # True/False columns (no summary column): one multi of 10, then the
    # "_other" text; 9 per-type frequency questions.
    "kobo-odk/kobocat_transportation.csv": {
        "respondents": 4, "questions": 11,
        "check": {"Q1": ("multi", 0, 10), "Q2": ("text", 0, 0)},
        "ignored": {"_uuid": "metadata: KoboToolbox/ODK submission "
                    "metadata"},
        "freq": {
            # count F 1 0 1 2 9 -> True 2, 1, 0, 1
            "Q1": {"ambulance": 2, "bicycle": 1, "other": 1},
            # count F 1 11 -> daily 1, weekly 1, n/a 2 (missing code)
            "Q3": {"daily": 1, "weekly": 1, "n/a": 2},
        },
        "partial": ["Q1"],
    },
    "kobo-odk/kobocat_tutorial_w_repeats.csv": {
        "respondents": 1, "questions": 8,
        "check": {"web_browsers": ("multi", 0, 4), "age": ("numeric", 0, 0)},
        "ignored": {"_gps_latitude": "metadata: location"},
        "freq": {
            # count F 1 13 14 15 16 -> n/a only: nothing ticked
            "web_browsers": {},
            # count F 1 3 -> 1: 1
            "has_children": {"1": 1},
        },
    },
    # ODK Central repeat table: XML choice names; PARENT_KEY, KEY meta.
    "kobo-odk/odkcentral_flora_quadrat_vegetation_stratum.csv": {
        "respondents": 7, "questions": 7,
        "check": {"Q1": ("single", 0, 5), "foliage_cover": ("single", 0, 4)},
        "ignored": {"KEY": "metadata: KoboToolbox/ODK submission metadata"},
        "freq": {
            # count F 1 0
            "Q1": {"g4.0_sedge": 1, "m1.0_bryophyte": 1,
                   "w1.0_trees_with_dominant_genus": 1, "w3.0_shrub": 3,
                   "w3.1_heath_shrub": 1},
            # count F 1 2
            "foliage_cover": {"10-5": 1, "100-70": 1, "30-10": 2, "5-0": 3},
        },
    },
}
for name, spec in KOBO.items():
    spec.update(dialect="kobo", header_rows=1)
    SPEC[name] = spec

SPEC.update({
    # Full headings: 7 metadata columns, equations ({...}), timings;
    # "... [Primary School]" x4 1/0: one multi; "Describe yourselves [x]"
    # x5 codes 1-4: a matrix; "How do you identify? [Other]": text.
    "limesurvey/ls_survey_998192_R_data_file.csv": {
        "dialect": "limesurvey", "header_rows": 1, "respondents": 7,
        "questions": 28,
        "check": {"Q3": ("single", 0, 3), "Q4": ("text", 0, 0),
                  "Q6": ("multi", 0, 4), "Q21": ("matrix", 5, 5)},
        "ignored": {"Date submitted": "metadata: LimeSurvey response "
                    "metadata",
                    "Total time": "metadata: LimeSurvey response metadata",
                    "Question time: age": "metadata: timing"},
        "freq": {
            # count F 1 9 -> -oth- 1, man 1, woman 1
            "Q3": {"-oth-": 1, "man": 1, "woman": 1},
            # count F 1 12 13 14 15 -> "1": 1, 2, 2, 0
            "Q6": {"Primary School": 1, "Secondary School": 2,
                   "Tertairy School": 2},
        },
    },
    "limesurvey/ls_survey_100001_R_data_file.csv": {
        "dialect": "limesurvey", "header_rows": 1, "respondents": 3,
        "questions": 101,
        "check": {"Q1": ("single", 0, 2), "Q8": ("multi", 0, 10),
                  "Q11": ("matrix", 4, 5)},
        "ignored": {"Response ID": "metadata: LimeSurvey response "
                    "metadata"},
        "freq": {
            # count F 1 7 -> af00 1, nl00 1
            "Q1": {"af00": 1, "nl00": 1},
            # count F 1 27 ... 36 -> "1": Friends or family 2,
            # Couchsurfing 1, House swap 1; [Other] (37) is text
            "Q8": {"Friends or family": 2, "Couchsurfing": 1,
                   "House swap": 1},
        },
    },
})

QT = "qualtrics/qt_"
SPEC.update({
    # Current layout, only ResponseId kept; C1_1..C5_4 MaxDiff: 5
    # matrices of 4 items x Most/Least Important; *_MAXDIFF embedded
    # data (the feature shown).
    QT + "current_maxdiff_sixfeatures.csv": {
        "dialect": "qualtrics", "layout": "current", "header_rows": 3,
        "respondents": 44, "questions": 26,
        "check": {"C1": ("matrix", 4, 2), "C5": ("matrix", 4, 2)},
        "ignored": {"ResponseId": "metadata: Qualtrics response metadata"},
        "freq": {
            # count F 3 1 2 3 4
            "C1": {"C1_1": {"Least Important": 12, "Most Important": 13},
                   "C1_2": {"Least Important": 13, "Most Important": 10},
                   "C1_3": {"Least Important": 11, "Most Important": 12},
                   "C1_4": {"Least Important": 8, "Most Important": 9}},
            # count F 3 22
            "Q7": {"Feature 1": 8, "Feature 2": 6, "Feature 3": 4,
                   "Feature 4": 10, "Feature 5": 4, "Feature 6": 12},
        },
    },
})

# Status 2 everywhere: (layout, header rows, respondents with
# --all-responses, questions, checks, freq). Q2_1..Q2_3 (QID2) is a
# multi (1/blank) in the multi_answer files and a Likert matrix in the
# single_answer ones; side by side Q1#1_1..3 a matrix of 3 items.
QUALTRICS = {
    "insights2016_multi_answer_mc": ("2016", 3, 5, 6, 11),
    "legacy_multi_answer_mc": ("legacy", 2, 5, 7, 10),
    "insights2016_single_answer_matrix": ("2016", 3, 5, 12, 11),
    "legacy_single_answer_matrix": ("legacy", 2, 5, 12, 10),
    "insights2016_side_by_side": ("2016", 3, 25, 30, 11),
    "legacy_side_by_side": ("legacy", 2, 25, 32, 10),
    "insights2016_many_question_types": ("2016", 3, 5, 74, 11),
    "legacy_many_question_types": ("legacy", 2, 5, 90, 10),
    "insights2016_text_entry_components": ("2016", 3, 15, 22, 11),
}
for stem, (layout, rows, n, nq, first) in QUALTRICS.items():
    spec = {"args": ["--all-responses"], "dialect": "qualtrics",
            "layout": layout, "header_rows": rows, "respondents": n,
            "questions": nq, "check": {}, "freq": {},
            "ignored": {"Status": "metadata: Qualtrics response metadata",
                        "StartDate": "metadata: Qualtrics response "
                        "metadata"}}
    SPEC[QT + stem + ".csv"] = spec
    # The same file without --all-responses: nobody is left (and with
    # no answers, no matrix or multi is formed: questions not counted).
    SPEC[QT + stem + ".csv+default"] = {
        "dialect": "qualtrics", "layout": layout, "header_rows": rows,
        "respondents": 0, "questions": None, "check": {}, "freq": {},
        "note": "left out %d Qualtrics preview, test" % n}


def qt(stem, check, freq):
    SPEC[QT + stem + ".csv"]["check"].update(check)
    SPEC[QT + stem + ".csv"]["freq"].update(freq)


# count F 3 11 12 13 (2016) / count F 2 10 11 12 (legacy): "1" 4, 4, 5;
# count F 3 17..21 / F 2 16..20: "1" 0, 3, 3, 4, 5 (2016 order Q3_1,
# Q3_4, Q3_5, Q3_2, Q3_3) / 0, 4, 5, 3, 3.
for stem in ("insights2016_multi_answer_mc", "legacy_multi_answer_mc"):
    qt(stem, {"Q2": ("multi", 0, 3), "Q3": ("multi", 0, 5)},
       {"Q2": {"Click to write Statement 1": 4,
               "Click to write Statement 2": 4,
               "Click to write Statement 3": 5}})
# count F 3 11 12 13 / F 2 10 11 12: the three statements.
for stem in ("insights2016_single_answer_matrix",
             "legacy_single_answer_matrix"):
    qt(stem, {"Q2": ("matrix", 3, 5)},
       {"Q2": {"Q2_1": {"2": 1, "3": 2, "4": 2},
               "Q2_2": {"2": 1, "3": 2, "4": 2},
               "Q2_3": {"1": 2, "2": 1, "3": 1, "4": 1}}})
# count F 3 11 12 13 / F 2 10 11 12: Q1#1_1..3 -> 1/2 (item ids are
# made id-like: Q1_1..Q1_3).
for stem in ("insights2016_side_by_side", "legacy_side_by_side"):
    qt(stem, {"Q1": ("matrix", 3, 2)},
       {"Q1": {"Q1_1": {"1": 9, "2": 16}, "Q1_2": {"1": 12, "2": 13},
               "Q1_3": {"1": 13, "2": 12}}})
# count F 3 11 12 13 14 / F 2 10 11 12 13: fruits 1 1, 2 2, 3 2; Q2_*
# "1" 5, 4, 5.
for stem in ("insights2016_many_question_types",
             "legacy_many_question_types"):
    qt(stem, {"fruits": ("scale", 0, 5), "Q2": ("multi", 0, 3),
              "Q3": ("matrix", 3, 5)},
       {"fruits": {"1": 1, "2": 2, "3": 2}})
# count F 3 11 13: MCSA_single_text 1 6, 2 6, 3 3; MSCA 1 4, 2 7, 3 4;
# their _TEXT boxes are text questions.
qt("insights2016_text_entry_components",
   {"MCSA_single_text_TEXT": ("text", 0, 0),
    "MSCA_multi_text_TEXT": ("text", 0, 0)},
   {"MCSA_single_text": {"1": 6, "2": 6, "3": 3},
    "MSCA_multi_text": {"1": 4, "2": 7, "3": 4}})
# Row 2 of cols 12-14: "... fruits below. -Oranges", "-Blueberries",
# "-Strawberries" (the option labels).
SPEC[QT + "insights2016_many_question_types.csv"]["freq"]["Q2"] = {
    "Oranges": 5, "Blueberries": 4, "Strawberries": 5}


def run(tally, args):
    out = subprocess.run([tally] + args, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("tally %s failed: %s" % (" ".join(args), out.stderr))
    return json.loads(out.stdout)


def counts(obj):
    return {c["label"]: c["count"] for c in obj["categories"]
            if c["count"]}


def check_freq(tally, path, args, qid, want, partial, fail):
    got = run(tally, ["freq", path, qid, "--format", "json"] + args)
    if "items" in got:
        have = {i["question"]: counts(i) for i in got["items"]}
    else:
        have = counts(got)
    if partial:
        have = {k: v for k, v in have.items() if k in want}
    if have != want:
        fail("freq %s: %s, expected %s" % (qid, have, want))


def roundtrip(tally, path, args, name, fail):
    """`tally codebook` read back with -c gives the same tables."""
    cb = "%s.yaml" % name.replace("/", "_").replace("+", "_")
    out = subprocess.run([tally, "codebook", path, "-o", cb] + args,
                         capture_output=True, text=True)
    if out.returncode != 0:
        return fail("codebook: %s" % out.stderr)
    a = subprocess.run([tally, "freq", path, "--format", "json"] + args,
                       capture_output=True, text=True)
    b = subprocess.run([tally, "freq", path, "-c", cb, "--format", "json"] +
                       args, capture_output=True, text=True)
    if a.returncode != b.returncode or a.stdout != b.stdout:
        fail("codebook round trip: other tables (%s)" % b.stderr.strip())


def main():
    tally, fixtures, name = sys.argv[1:4]
    spec = SPEC[name]
    path = fixtures + "/" + name.split("+")[0]
    args = spec.get("args", [])
    errors = []
    fail = errors.append
    info = run(tally, ["info", path, "--format", "json"] + args)
    for key in ("dialect", "layout", "header_rows", "respondents"):
        if info.get(key) != spec.get(key):
            fail("%s: %r, expected %r" % (key, info.get(key), spec.get(key)))
    if spec["questions"] is not None and \
            len(info["questions"]) != spec["questions"]:
        fail("%d questions, expected %d" % (len(info["questions"]),
                                             spec["questions"]))
    qs = {q["id"]: q for q in info["questions"]}
    for qid, (qtype, items, options) in spec["check"].items():
        q = qs.get(qid)
        got = q and (q["type"], len(q["items"]), len(q["options"]))
        if got != (qtype, items, options):
            fail("question %s: %s, expected %s" % (qid, got,
                                                   (qtype, items, options)))
    ignored = {c["column"]: c["reason"] for c in info["ignored_columns"]}
    for col, reason in spec.get("ignored", {}).items():
        if ignored.get(col) != reason:
            fail("ignored %s: %r, expected %r" % (col, ignored.get(col),
                                                  reason))
    if "note" in spec and not any(spec["note"] in n for n in info["notes"]):
        fail("no note %r in %s" % (spec["note"], info["notes"]))
    for qid, want in spec["freq"].items():
        check_freq(tally, path, args, qid, want,
                   qid in spec.get("partial", []), fail)
    roundtrip(tally, path, args, name, fail)
    for e in errors:
        print("%s: %s" % (name, e))
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--list":
        print(";".join(SPEC))
        sys.exit(0)
    sys.exit(main())

#!/usr/bin/env python3
"""Write responses.csv: a respondent-level reconstruction of the NEASPEC 2020
stakeholder survey (163 respondents) whose tabulation reproduces the counts
published in the evaluation of the NEASPEC Strategic Plan 2016-2020.

The raw responses were never published. The published numbers are typed in
below with their figure numbers; everything marked ILLUSTRATIVE is invented
(plausible, but not in the source). See README.md.

Python 3 standard library only; a fixed seed, so every run writes the same
bytes:  python3 make_responses.py
"""

import csv
import datetime
import math
import os
import random

SEED = 2020
N_RESPONDENTS = 163          # published
# Respondents who answered the evaluation block. The published bases are
# 70-74, but the counts of Fig. 1 (goals 1 and 3) and Fig. 2 (approaches 2
# and 3) add up to 75, so 75 people must have answered something there.
N_ENGAGED = 75
DONT_KNOW = "Don't know"     # missing code: shown, not in the base

# --------------------------------------------------------------------------
# Published numbers (counts, in scale order)
# --------------------------------------------------------------------------

# Figure 1: performance against the three goals of the Strategic Plan.
# Counts derived in the source note from the percentages and base 74;
# goals 1 and 3 add up to 75.
PERFORMANCE = ["Unsatisfactory", "Partially met the goal", "Met the goal",
               "Achieved beyond the goal", "Achieved far beyond the goal"]
FIG1 = [  # column, counts
    ("Q3_1", [1, 15, 38, 13, 8]),    # goal 1: sum 75, published base 74
    ("Q3_2", [2, 27, 26, 15, 4]),    # goal 2: sum 74
    ("Q3_3", [3, 18, 35, 14, 5]),    # goal 3: sum 75, published base 74
]

# Figure 2: effectiveness of the current approaches. Only percentages are
# published; these counts are the only ones (bases 60-79) that round to them.
EXTENT = ["Not at all", "To some extent", "More or less",
          "To a large extent", "Significantly"]
FIG2 = [
    ("Q4_1", [1, 12, 21, 28, 12]),   # base 74, sum 74
    ("Q4_2", [1, 7, 19, 37, 11]),    # base 74, sum 75
    ("Q4_3", [1, 8, 22, 37, 7]),     # base 74, sum 75
    ("Q4_4", [1, 7, 17, 36, 12]),    # base 73, sum 73
    ("Q4_5", [1, 6, 23, 32, 12]),    # base 73, sum 74
]

# Figure 3: most important achievements (multiple response, base 73).
# One column per option holding the option text when ticked.
FIG3_BASE = 73
FIG3 = [  # column, label, count
    ("Q5_1", "Common vision", 23),
    ("Q5_2", "Joint action", 27),
    ("Q5_3", "Capacity building", 35),
    ("Q5_4", "Opportunities for exchanges of information, knowledge and "
             "experience", 52),
    ("Q5_5", "Other", 3),
]

# Figure 4: critical challenges / constraints (multiple response, base 73).
# One column, answers joined with ", ". The last two labels are not
# legible in the source: ILLUSTRATIVE labels, published counts.
FIG4_BASE = 73
FIG4 = [  # label, count
    ("Funding modality and financial sustainability", 44),
    ("Partnership with national stakeholders", 30),
    ("Visibility, profile and outreach of NEASPEC", 27),        # label illustr.
    ("Coordination and follow-up among member States", 16),     # label illustr.
]

# Figures 5 and 6: 3-point expectations scale.
EXPECT3 = ["Partially meets expectations", "Meets expectations",
           "Exceeds expectations"]
FIG5 = [11, 40, 22]   # relevance; published base 72, sum 73
FIG6 = [27, 32, 13]   # mandate; published base 71, sum 72

# Figure 7: effectiveness in building networks; base 70.
EXPECT4 = ["Below expectations"] + EXPECT3
FIG7 = [2, 23, 31, 14]
FIG7_DONT_KNOW = 3    # ILLUSTRATIVE: shown, outside the base of 70

# --------------------------------------------------------------------------
# ILLUSTRATIVE numbers (not legible or not given in the source)
# --------------------------------------------------------------------------

# Figure 8: institutional arrangements and resources. Item texts and the
# scale's end points are published; "(Fair)" and all counts are invented,
# keeping the published ordering: secretariat highest, finance lowest.
RATING5 = ["Below expectations (Poor)",
           "Partially meets expectations (Fair)",
           "Meets expectations (Good)",
           "Exceeds expectations (Very good)",
           "Far exceeds expectations (Excellent)"]
FIG8 = [  # column, counts, "Don't know"
    ("Q10_1", [1, 9, 36, 19, 6], 2),    # Senior Officials Meeting
    ("Q10_2", [0, 4, 25, 28, 15], 1),   # Secretariat operation
    ("Q10_3", [2, 14, 34, 15, 5], 2),   # National focal points / coordination
    ("Q10_4", [7, 25, 26, 8, 2], 5),    # Financial & in-kind resources
]

# Figure 10: types of action that should be strengthened (multiple
# response, joined with ", "). The first three are the published top three.
FIG10_BASE = 72
FIG10 = [
    ("Joint research activities", 43),
    ("Capacity building (training and workshops)", 46),
    ("Information sharing on environmental policies and regulations", 39),
    ("Demonstration and pilot projects", 21),
    ("Policy dialogue, consultations and expert meetings", 24),
    ("Public awareness and outreach", 15),
    ("Other", 4),
]

# Respondent profile (Q1, Q2): counts among all 163, and among the 75 who
# answered the evaluation block (focal points and former personnel more
# often went on to the end).
GROUPS = [  # label, all, engaged
    ("National focal point", 18, 12),
    ("Project partner", 52, 24),
    ("Expert", 61, 25),
    ("Former personnel", 9, 7),
    ("Other", 23, 7),
]
COUNTRIES = [  # label, count (2 respondents skipped the question)
    ("China", 27), ("DPR Korea", 3), ("Japan", 22), ("Mongolia", 24),
    ("Republic of Korea", 41), ("Russian Federation", 25),
    ("Other/International", 19),
]
COUNTRY_BLANK = 2

# How favourable each group tends to be (shifts the latent score that
# orders the answers of every rating question).
GROUP_SHIFT = {"National focal point": 0.3, "Project partner": 0.1,
               "Expert": -0.2, "Former personnel": 0.4, "Other": 0.0}
NOISE = 1.0   # per-question noise around the latent score

# Share of respondents who left an e-mail address for follow-up.
EMAIL_SHARE_ENGAGED = 0.55
EMAIL_SHARE_PARTIAL = 0.30

# Open questions (Figures 9, 11, 12, 13): invented answers in the themes the
# report names (joint action, profiling, outreach and partnerships;
# financing, coordination, operational).
FIG9 = [  # Q11: suggestions to improve effectiveness
    "More joint projects with clear deliverables, and regular follow-up "
    "at the SOM.",
    "Strengthen the role of national focal points; they should report back "
    "to their ministries after each meeting.",
    "Increase visibility: a newsletter, a better website and a presence on "
    "social media.",
    'Engage the private sector and academia more actively, e.g. through a '
    '"NEASPEC partners forum".',
    "Secure stable funding.\nThe Core Fund depends on voluntary "
    "contributions from a few countries; a predictable contribution scheme "
    "is needed.",
    "Fewer but larger projects",
    "Share the results of projects (reports, data, training materials) in "
    "national languages, not only in English.",
    "Closer coordination with other subregional mechanisms (TEMM, NOWPAP, "
    "EANET) to avoid duplication.",
    "Organise more site visits and exchanges of experts between member "
    "States.\n\nWebinars could also be used when travel is not possible.",
    "Involve local governments and cities, not only central governments.",
    "Make the SOM more of a decision-making body, with a work plan and a "
    "budget that are reviewed each year.",
    "None at this time.",
]
FIG11 = [  # Q13: new issues for 2021-2025
    "Marine plastic litter",
    "Air pollution, especially fine particulate matter (PM2.5) and its "
    "transboundary movement",
    "Low-carbon cities; climate change adaptation",
    "Sand and dust storms \u2014 monitoring, early warning and combating "
    "desertification in Mongolia and northern China",
    "Biodiversity: migratory birds and the flyway network, transboundary "
    "protected areas for the Amur tiger and Far Eastern leopard",
    'Circular economy, waste management and the "3Rs"',
    "Green recovery after the COVID-19 pandemic",
    "Nature-based solutions\nEnvironmental data sharing and monitoring",
    "Energy transition, renewable energy, and power grid interconnection in "
    'North-East Asia ("Asian Super Grid")',
    "Environmental education for young people",
]
FIG12 = [  # Q14: overarching goal and programmes
    "Keep the overarching goal broad: a sustainable and resilient North-East "
    "Asia. Programmes should follow the priority areas agreed by the SOM.",
    "A clean-air North-East Asia by 2030",
    "The goal should link to the 2030 Agenda and the environment-related "
    "SDGs, with indicators that can be measured.",
    "Programmes:\n(1) transboundary air pollution\n(2) nature conservation\n"
    "(3) marine protected areas\n(4) low-carbon cities\n(5) desertification "
    "and land degradation",
    'I suggest fewer programmes with clearer goals; "everything" cannot be '
    "a priority.",
    "Regional cooperation for environmental sustainability and resilience "
    "in North-East Asia",
    "Same as the current plan, but with stronger monitoring of results.",
    "NEASPEC\u2019s strength is being a platform \u2014 connecting existing "
    "initiatives \u2014 rather than implementing many small projects.",
]
FIG13 = [  # Q15: obstacles
    "Lack of funding",
    "Limited and unpredictable financial resources; most activities depend "
    "on one-off project funding.",
    "Political tensions between some member States sometimes make joint "
    "action difficult.",
    "Coordination among ministries at the national level is weak \u2014 the "
    "focal point is often in the foreign ministry while the technical work "
    "is done elsewhere.",
    "The secretariat is small (only a few staff), so capacity is limited.\n"
    "Frequent staff turnover among national focal points also makes "
    "continuity difficult.",
    "Language barriers",
    "Low visibility of NEASPEC compared to other mechanisms, e.g. TEMM.",
    "Data sharing restrictions in some countries.",
    'Travel restrictions due to COVID-19 may delay meetings and "on the '
    'ground" activities in 2020-2021.',
    "Overlap with other regional programmes, and unclear division of labour",
]

# Surnames for the illustrative e-mail addresses, by country.
SURNAMES = {
    "China": ["wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang"],
    "DPR Korea": ["ri", "pak", "kim"],
    "Japan": ["sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito",
              "yamamoto", "nakamura"],
    "Mongolia": ["batbayar", "enkhbold", "ganbaatar", "bolormaa", "tsogt",
                 "oyunchimeg", "erdene", "munkhbat"],
    "Republic of Korea": ["kim", "lee", "park", "choi", "jung", "kang",
                          "cho", "yoon"],
    "Russian Federation": ["ivanov", "petrova", "smirnov", "kuznetsova",
                           "popov", "sokolov", "volkova", "orlov"],
    "Other/International": ["smith", "garcia", "mueller", "dubois", "khan",
                            "rossi", "nguyen", "silva"],
}

# Fieldwork (ILLUSTRATIVE dates): invitation, two reminders, close.
INVITED = datetime.date(2020, 3, 16)
REMINDERS = [datetime.date(2020, 3, 30), datetime.date(2020, 4, 13)]
CLOSED = datetime.date(2020, 4, 17)

HEADER = (["RespondentID", "SubmitDate", "Email", "Q1", "Q2"]
          + [c for c, _ in FIG1] + [c for c, _ in FIG2]
          + [c for c, _, _ in FIG3] + ["Q6", "Q7", "Q8", "Q9"]
          + [c for c, _, _ in FIG8] + ["Q11", "Q12", "Q13", "Q14", "Q15"])

rng = random.Random(SEED)


def shuffled(seq):
    out = list(seq)
    rng.shuffle(out)
    return out


def expand(labels, counts):
    """["a", "b"], [2, 1] -> ["a", "a", "b"]"""
    return [label for label, n in zip(labels, counts) for _ in range(n)]


def make_profile():
    """163 rows with Q1 and Q2; the first N_ENGAGED are the engaged ones."""
    engaged = expand([g for g, _, _ in GROUPS], [e for _, _, e in GROUPS])
    partial = expand([g for g, _, _ in GROUPS],
                     [a - e for _, a, e in GROUPS])
    countries = shuffled(expand([c for c, _ in COUNTRIES],
                                [n for _, n in COUNTRIES])
                         + [""] * COUNTRY_BLANK)
    rows = []
    for i, group in enumerate(engaged + partial):
        row = dict.fromkeys(HEADER, "")
        row["Q1"] = group
        row["Q2"] = countries[i]
        row["_engaged"] = i < N_ENGAGED
        row["_z"] = rng.gauss(0, 1) + GROUP_SHIFT[group]
        rows.append(row)
    assert len(rows) == N_RESPONDENTS
    return rows


def fill_scale(engaged, column, labels, counts, dont_know=0):
    """Give the answers (labels x counts) to as many engaged respondents,
    lower answers to those with a lower latent score plus noise; dont_know
    others answer "Don't know"; the rest leave the question blank."""
    answers = expand(labels, counts)
    pool = shuffled(engaged)
    for row in pool[:dont_know]:
        row[column] = DONT_KNOW
    takers = pool[dont_know:dont_know + len(answers)]
    assert len(takers) == len(answers), column
    keys = [row["_z"] + rng.gauss(0, NOISE) for row in takers]
    order = sorted(range(len(takers)), key=lambda k: keys[k])
    for k, answer in zip(order, answers):
        takers[k][column] = answer


def pick_multi(engaged, base, options):
    """Tick options (label, count) for `base` engaged respondents so that
    each of them ticks at least one. Returns {id(row): [labels]}."""
    takers = shuffled(engaged)[:base]
    ticks = {id(row): set() for row in takers}
    for label, count in sorted(options, key=lambda o: -o[1]):
        bare = shuffled(r for r in takers if not ticks[id(r)])
        rest = shuffled(r for r in takers if ticks[id(r)])
        for row in (bare + rest)[:count]:
            ticks[id(row)].add(label)
    assert all(ticks.values()), "a respondent with no tick"
    return takers, ticks


def fill_multi_columns(engaged):
    """Figure 3: one column per option, option text when ticked."""
    takers, ticks = pick_multi(engaged, FIG3_BASE,
                               [(label, n) for _, label, n in FIG3])
    for row in takers:
        for column, label, _ in FIG3:
            if label in ticks[id(row)]:
                row[column] = label


def fill_multi_joined(engaged, column, base, options):
    """Figures 4 and 10: one column, ticked options joined with ", " in
    the order of the form."""
    takers, ticks = pick_multi(engaged, base, options)
    for row in takers:
        row[column] = ", ".join(label for label, _ in options
                                if label in ticks[id(row)])


def fill_text(engaged, column, answers):
    for row, answer in zip(shuffled(engaged), answers):
        row[column] = answer


def fill_evaluation(rows):
    engaged = [row for row in rows if row["_engaged"]]
    for column, counts in FIG1:
        fill_scale(engaged, column, PERFORMANCE, counts)
    for column, counts in FIG2:
        fill_scale(engaged, column, EXTENT, counts)
    fill_multi_columns(engaged)
    fill_multi_joined(engaged, "Q6", FIG4_BASE, FIG4)
    fill_scale(engaged, "Q7", EXPECT3, FIG5)
    fill_scale(engaged, "Q8", EXPECT3, FIG6)
    fill_scale(engaged, "Q9", EXPECT4, FIG7, FIG7_DONT_KNOW)
    for column, counts, dont_know in FIG8:
        fill_scale(engaged, column, RATING5, counts, dont_know)
    fill_text(engaged, "Q11", FIG9)
    fill_multi_joined(engaged, "Q12", FIG10_BASE, FIG10)
    fill_text(engaged, "Q13", FIG11)
    fill_text(engaged, "Q14", FIG12)
    fill_text(engaged, "Q15", FIG13)


def day_weight(day):
    """Responses come in after the invitation and each reminder, tailing
    off; fewer at weekends."""
    w = 0.0
    for start, size in [(INVITED, 10.0)] + [(d, 5.0) for d in REMINDERS]:
        since = (day - start).days
        if since >= 0:
            w += size * math.exp(-since / 2.5)
    return w * (0.25 if day.weekday() >= 5 else 1.0)


def weighted_pick(items, weights):
    x = rng.random() * sum(weights)
    for item, w in zip(items, weights):
        x -= w
        if x < 0:
            return item
    return items[-1]


def fill_meta(rows):
    """Submission times (Seoul time), ids increasing with time, e-mails."""
    days = [INVITED + datetime.timedelta(d)
            for d in range((CLOSED - INVITED).days + 1)]
    weights = [day_weight(d) for d in days]
    for row in rows:
        day = weighted_pick(days, weights)
        seconds = int((8.5 + 11.5 * rng.random() ** 1.3) * 3600)
        row["_time"] = (datetime.datetime.combine(day, datetime.time())
                        + datetime.timedelta(seconds=seconds))
    rows.sort(key=lambda r: r["_time"])
    rid = 11326500000
    used = set()
    for row in rows:
        rid += 40000 + int(rng.random() * 2900000)
        row["RespondentID"] = str(rid)
        row["SubmitDate"] = row["_time"].strftime("%Y-%m-%d %H:%M:%S")
        share = (EMAIL_SHARE_ENGAGED if row["_engaged"]
                 else EMAIL_SHARE_PARTIAL)
        if rng.random() < share:
            names = SURNAMES[row["Q2"] or "Other/International"]
            name = "%s.%s" % ("abcdeghjklmnoprstvwy"[int(rng.random() * 20)],
                              names[int(rng.random() * len(names))])
            while name in used:
                name += str(int(rng.random() * 10))
            used.add(name)
            row["Email"] = name + "@example.org"


def main():
    rows = make_profile()
    fill_evaluation(rows)
    fill_meta(rows)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "responses.csv"), "w", encoding="utf-8",
              newline="") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(HEADER)
        for row in rows:
            out.writerow(row[c] for c in HEADER)


if __name__ == "__main__":
    main()

"""reference.pspp-crosstabs: tally xtab's tests against GNU PSPP CROSSTABS.

    /usr/bin/python3 pspp_crosstabs.py TALLY WORKDIR

Generates a respondent-level export (fixed seed, stdlib random only) with
answers as label text, writes tally's codebook and PSPP syntax reading the
same CSV (GET DATA /TYPE=TXT, RECODE of the labels to codes, MISSING VALUES
for "Don't know", blanks system-missing), runs `TALLY xtab ... --format json`
and `pspp crosstabs.sps -o crosstabs.spv` (CROSSTABS /STATISTICS=ALL), reads
PSPP's numbers at full precision with spv_values.tables() and compares, to a
relative tolerance of 1e-9: Pearson chi-square with df and p, likelihood
ratio G2 with df and p, Cramer's V and, when both questions are ordered,
gamma, tau-b, tau-c and Somers' d (symmetric, row and column dependent)
with the asymptotic standard errors PSPP prints (it prints none for the
symmetric Somers' d). The cases: ordered by ordered, ordered by unordered,
a declared column category nobody chose (tally keeps it in the display and
leaves it out of the tests; PSPP never sees it), and both ordered cases
again with non-integer frequency weights (tally --count, PSPP WEIGHT BY).

Somers' d: PSPP's "<row variable> Dependent" line is tally's
somers_d.row_dependent (the row question is the dependent variable), i.e.
d(R|C) = (P - Q) / ((n^2 - sum of squared column totals) / 2) (Agresti,
Analysis of Ordinal Categorical Data, 2nd ed., 2010, 9.4.3). This script
checks that correspondence on every ordered case against P and Q counted
here from tally's table; on "empty-column" the two directions differ by
0.06, so a swap could not pass.

Exit 0 when every value agrees; 1 otherwise, and also when PSPP is not
installed (the comparison then did not run, which is not a pass).
"""
import json
import math
import os
import random
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import spv_values  # noqa: E402

REL = 1e-9
SAT = ["Very dissatisfied", "Dissatisfied", "Neither", "Satisfied",
       "Very satisfied"]
AGE = ["Under 30", "30 to 44", "45 to 59", "60 or over"]
REGION = ["North", "Coast", "Highlands"]
ROLE = ["Volunteer", "Staff", "Manager", "Director"]  # nobody is Director
DONT_KNOW = "Don't know"

# (name, row, column, weighted, ordinal); PSPP variables have the ids.
CASES = [
    ("ordered", "sat", "age", False, True),
    ("unordered", "sat", "region", False, False),
    ("empty-column", "sat", "role", False, True),
    ("ordered-count", "sat", "age", True, True),
    ("empty-column-count", "sat", "role", True, True),
]
LABELS = {"sat": SAT, "age": AGE, "region": REGION, "role": ROLE}


def pick(rng, weights):
    return rng.choices(range(len(weights)), weights=weights)[0]


def generate(path, n=420, seed=20240603):
    """Answers that depend on age and role, so the measures are not ~0."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        age = pick(rng, [3, 4, 3, 2])
        role = pick(rng, [5, 3, 1, 0])
        region = pick(rng, [4, 3, 2])
        latent = 0.45 * age - 0.3 * role + 0.2 * (region == 1)
        latent += rng.gauss(0, 1)
        sat = min(4, max(0, int(math.floor(latent + 1.6))))
        s = SAT[sat]
        u = rng.random()
        if u < 0.05:
            s = DONT_KNOW
        elif u < 0.09:
            s = ""
        a = "" if rng.random() < 0.03 else AGE[age]
        w = "%.3f" % rng.uniform(0.2, 3.0)
        rows.append([str(i + 1), s, a, REGION[region], ROLE[role], w])
    with open(path, "w", newline="") as f:
        f.write("Respondent,Satisfaction,Age group,Region,Role,Weight\n")
        for r in rows:
            f.write(",".join(r) + "\n")


def flow(labels):
    return "[" + ", ".join(json.dumps(s) for s in labels) + "]"


def codebook(path):
    with open(path, "w") as f:
        f.write(f"""questions:
  - {{id: id, type: meta, column: Respondent}}
  - id: sat
    type: scale
    column: Satisfaction
    options: {flow(SAT)}
    missing: {flow([DONT_KNOW])}
  - id: age
    type: single
    ordered: true
    column: Age group
    options: {flow(AGE)}
  - id: region
    type: single
    column: Region
    options: {flow(REGION)}
  - id: role
    type: single
    ordered: true
    column: Role
    options: {flow(ROLE)}
  - {{id: w, type: numeric, column: Weight}}
""")


def quote(s):
    return '"' + s.replace('"', '""') + '"'


def syntax(path, csv):
    out = [f"GET DATA /TYPE=TXT /FILE={quote(csv)} /ENCODING='UTF-8'",
           "  /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2",
           "  /DELIMITERS=\",\" /QUALIFIER='\"'",
           "  /VARIABLES=id F8.0 sat_s A40 age_s A40 region_s A40",
           "    role_s A40 w F12.3."]
    for var, labels in LABELS.items():
        pairs = " ".join(f"({quote(s)}={k + 1})"
                         for k, s in enumerate(labels))
        extra = f" ({quote(DONT_KNOW)}=9)" if var == "sat" else ""
        out.append(f"RECODE {var}_s {pairs}{extra} (ELSE=SYSMIS)"
                   f" INTO {var}.")
        out.append(f"VALUE LABELS {var} " + " ".join(
            f"{k + 1} {quote(s)}" for k, s in enumerate(labels)) + ".")
    out.append("MISSING VALUES sat (9).")
    weighted = False
    for _, row, col, w, _ in CASES:
        if w and not weighted:
            out.append("WEIGHT BY w.")
            weighted = True
        out.append(f"CROSSTABS /TABLES={row} BY {col} /STATISTICS=ALL.")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def run_tally(tally, work, csv, cb):
    results = []
    for _, row, col, w, _ in CASES:
        cmd = [tally, "xtab", csv, row, "--by", col, "-c", cb,
               "--format", "json"] + (["--count", "Weight"] if w else [])
        p = subprocess.run(cmd, capture_output=True, text=True, cwd=work)
        if p.returncode != 0:
            sys.exit(f"tally failed ({p.returncode}): {' '.join(cmd)}\n"
                     + p.stderr)
        results.append(json.loads(p.stdout))
    return results


def run_pspp(work, sps):
    spv = os.path.join(work, "crosstabs.spv")
    p = subprocess.run(["pspp", sps, "-o", spv], capture_output=True,
                       text=True, cwd=work)
    if p.returncode != 0 or not os.path.exists(spv):
        sys.exit(f"pspp failed ({p.returncode}):\n{p.stdout}{p.stderr}")
    # One group of tables per CROSSTABS, each starting with "Summary".
    groups = []
    for t in spv_values.tables(spv):
        if t["title"] == "Summary":
            groups.append({})
        if groups:
            groups[-1][t["title"]] = t["cells"]
    if len(groups) != len(CASES):
        sys.exit(f"expected {len(CASES)} CROSSTABS outputs in {spv}, "
                 f"found {len(groups)}")
    return groups


def cell(tables, title, *paths):
    """The number at the given label paths (in any dimension order)."""
    want = set(paths)
    for key, v in tables.get(title, {}).items():
        if set(key) == want:
            return v
    return None


def pspp_values(g, row, col, ordinal):
    chi, sym, dirm = "Chi-Square Tests", "Symmetric Measures", \
        "Directional Measures"
    val, ase = ("Value",), ("Asymp. Std. Error",)
    out = {"base": cell(g, "Summary", ("N",), ("Valid",),
                        (f"{row} × {col}",))}
    for key, line in (("chisq", "Pearson Chi-Square"),
                      ("lr", "Likelihood Ratio")):
        out[key + ".statistic"] = cell(g, chi, (line,), val)
        out[key + ".df"] = cell(g, chi, (line,), ("df",))
        out[key + ".p"] = cell(g, chi, (line,),
                               ("Asymptotic Sig. (2-tailed)",))
    out["cramers_v"] = cell(g, sym, val, ("Nominal by Nominal",
                                          "Cramer's V"))
    if not ordinal:
        return out
    for key, line in (("gamma", "Gamma"), ("tau_b", "Kendall's tau-b"),
                      ("tau_c", "Kendall's tau-c")):
        path = ("Ordinal by Ordinal", line)
        out[key + ".value"] = cell(g, sym, val, path)
        out[key + ".ase"] = cell(g, sym, ase, path)
    d = ("Ordinal by Ordinal", "Somers' d")
    out["somers_d.symmetric"] = cell(g, dirm, val, d + ("Symmetric",))
    for key, var in (("row_dependent", row), ("col_dependent", col)):
        path = d + (f"{var} Dependent",)
        out["somers_d." + key] = cell(g, dirm, val, path)
        out["somers_d.ase." + key] = cell(g, dirm, ase, path)
    return out


def tally_value(x, key):
    if key == "base":
        return x["base"]
    v = x["tests"]
    for part in key.split("."):
        v = v[part]
    return v


def close(a, b):
    if a is None or b is None:
        return False
    return abs(a - b) <= REL * max(abs(a), abs(b)) or a == b


def somers_row_dependent(counts):
    """d(R|C) = 2 (P - Q) / (n^2 - sum c_j^2), P and Q counted here."""
    r, c = len(counts), len(counts[0])
    p = q = 0.0
    for i in range(r):
        for j in range(c):
            for k in range(i + 1, r):
                for m in range(c):
                    if m > j:
                        p += counts[i][j] * counts[k][m]
                    elif m < j:
                        q += counts[i][j] * counts[k][m]
    n = sum(map(sum, counts))
    cols = [sum(counts[i][j] for i in range(r)) for j in range(c)]
    return 2 * (p - q) / (n * n - sum(t * t for t in cols))


def check_somers(x, pspp, row):
    """Which PSPP line is row_dependent, on an asymmetric table."""
    d = somers_row_dependent(x["counts"])
    s = x["tests"]["somers_d"]
    ok = (close(d, s["row_dependent"])
          and close(d, pspp["somers_d.row_dependent"]))
    print(f"  Somers' d with {row} (the row) dependent, counted here: "
          f"{d!r}; tally row_dependent {s['row_dependent']!r}, PSPP "
          f"\"{row} Dependent\" {pspp['somers_d.row_dependent']!r}, "
          f"col_dependent {s['col_dependent']!r}: "
          f"{'ok' if ok else 'MISMATCH'}")
    return ok


def compare(results, groups):
    bad = 0
    for (name, row, col, w, ordinal), x, g in zip(CASES, results, groups):
        print(f"{name}: {row} by {col}"
              f"{' weighted (--count Weight, WEIGHT BY w)' if w else ''}")
        print(f"  {'value':<28} {'tally':>24} {'pspp':>24}  ok")
        pspp = pspp_values(g, row, col, ordinal)
        for key, pv in pspp.items():
            tv = tally_value(x, key)
            ok = close(tv, pv)
            bad += not ok
            print(f"  {key:<28} {tv!r:>24} {pv!r:>24}  "
                  f"{'ok' if ok else 'MISMATCH'}")
        if ordinal:
            print(f"  {'somers_d.ase.symmetric':<28} "
                  f"{x['tests']['somers_d']['ase']['symmetric']!r:>24} "
                  f"{'(PSPP prints none)':>24}  -")
        if not ordinal and "gamma" in x["tests"]:
            print("  tally gives ordinal measures for an unordered column")
            bad += 1
        if name.startswith("empty-column") and 0 not in x["col_bases"]:
            print("  the declared empty column is not in tally's table")
            bad += 1
        if ordinal:
            bad += not check_somers(x, pspp, row)
        s = x["tests"].get("somers_d")
        if name == "empty-column" and not (
                s and abs(s["row_dependent"] - s["col_dependent"]) > 0.05):
            print("  the table is not asymmetric enough to tell the "
                  "Somers' d directions apart")
            bad += 1
    return bad


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: pspp_crosstabs.py TALLY WORKDIR")
    tally, work = os.path.abspath(sys.argv[1]), sys.argv[2]
    missing = [p for p in ("pspp", "pspp-output") if not shutil.which(p)]
    if missing:
        print("PSPP is not installed (Debian package pspp): the comparison "
              f"did not run ({' and '.join(missing)} not found)",
              file=sys.stderr)
        return 1
    os.makedirs(work, exist_ok=True)
    csv = os.path.join(work, "responses.csv")
    cb = os.path.join(work, "codebook.yaml")
    sps = os.path.join(work, "crosstabs.sps")
    generate(csv)
    codebook(cb)
    syntax(sps, csv)
    results = run_tally(tally, work, csv, cb)
    groups = run_pspp(work, sps)
    bad = compare(results, groups)
    print(f"{bad} mismatch(es); relative tolerance {REL}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

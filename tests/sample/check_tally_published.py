#!/usr/bin/env python3
"""tally reproduces the published NEASPEC 2020 figures.

Runs `tally freq --format json` on samples/neaspec-2020 (with its codebook,
and again with the codebook tally infers) and checks, for every published
figure row, that tally's count equals the published count and that its
percentage is that count over the number who answered, computed here
independently from the counts. The published numbers are the ones typed
in samples/neaspec-2020/check_published.py (imported, not copied).

    check_tally_published.py TALLY SAMPLE_DIR
"""
import importlib.util
import json
import os
import subprocess
import sys


def load_published(sample_dir):
    path = os.path.join(sample_dir, "check_published.py")
    spec = importlib.util.spec_from_file_location("published", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def freq(tally, sample_dir, questions, codebook):
    cmd = [tally, "freq", os.path.join(sample_dir, "responses.csv"),
           *questions, "--format", "json", "-q"]
    if codebook:
        cmd += ["-c", os.path.join(sample_dir, "codebook.yaml")]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    result = json.loads(out.stdout)
    return result if isinstance(result, list) else [result]


def check_table(table, rows, where, errors, multi_base=None):
    """rows: (label, published count, published percent). A single-choice
    base is the sum of its valid counts; a multi-select base is the
    published number of respondents who answered (multi_base)."""
    got = {c["label"]: c for c in table["categories"]}
    base = multi_base
    if base is None:
        base = sum(c["count"] for c in table["categories"]
                   if not c["missing"])
    if abs(table["base"] - base) > 1e-9:
        errors.append(f"{where}: base {table['base']} != {base}")
    total = table["base"] + table["missing"] + table["no_answer"]
    if abs(total - table["respondents"]) > 1e-9 or table["respondents"] != 163:
        errors.append(f"{where}: respondents {table['respondents']} do not "
                      f"add up ({total})")
    for label, count, _published_pct in rows:
        cat = got.get(label)
        if cat is None:
            errors.append(f"{where}: no category {label!r}")
            continue
        if cat["count"] != count:
            errors.append(f"{where}: {label!r} count {cat['count']} != "
                          f"published {count}")
        want = 100.0 * count / base
        if abs(cat["percent"] - want) > 1e-9:
            errors.append(f"{where}: {label!r} percent {cat['percent']} != "
                          f"{want}")


def main():
    tally, sample_dir = sys.argv[1], sys.argv[2]
    pub = load_published(sample_dir)
    errors = []
    for codebook in (True, False):
        mode = "codebook" if codebook else "inferred"
        items = [spec[1] for spec in pub.SINGLE]
        for table, spec in zip(freq(tally, sample_dir, items, codebook),
                               pub.SINGLE):
            check_table(table, spec[4], f"{mode} figure {spec[0]} {spec[1]}",
                        errors)
        multis = ["Q5", "Q6"]
        for table, spec in zip(freq(tally, sample_dir, multis, codebook),
                               pub.MULTI):
            check_table(table, spec[4], f"{mode} figure {spec[0]} "
                        f"{table['question']}", errors, multi_base=spec[3])
    for e in errors:
        print("MISMATCH", e)
    print(f"{len(pub.SINGLE) + len(pub.MULTI)} published figure rows x 2 "
          f"modes checked: {'FAILED' if errors else 'all reproduced'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""Reference values for tests/unit/test_assoc.c from scipy (1.10.1 here).

    /usr/bin/python3 tests/reference/assoc_reference.py

Reads assoc_tables.txt and prints, per table, the exact call and its
value. Also computes every ordinal measure's ASE1 by numerical
differentiation (the delta method on the cell proportions,
var = (sum p phi^2 - (sum p phi)^2) / n with phi the gradient), a check
independent of the closed forms in assoc_ordinal.c and of PSPP; it is the
only reference for the symmetric Somers' d ASE, which PSPP 1.6 does not
print. CI does not run this script.
"""
import os

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))


def tables():
    for line in open(os.path.join(HERE, "assoc_tables.txt")):
        if line.startswith("#") or not line.strip():
            continue
        p = line.split()
        r, c = int(p[1]), int(p[2])
        m = np.array([float(v) for v in p[3:]]).reshape(r, c)
        m = m[m.sum(axis=1) > 0][:, m.sum(axis=0) > 0]
        yield p[0], m


def ordinal(p):
    """gamma, tau-b, tau-c, d(row dep.), d(col dep.), d(sym) of a
    probability table p, from first principles (pair counts)."""
    r, c = p.shape
    conc = disc = 0.0
    for i in range(r):
        for j in range(c):
            conc += p[i, j] * p[i + 1:, j + 1:].sum()
            disc += p[i, j] * p[i + 1:, :j].sum()
    s = conc - disc
    tr = (1 - (p.sum(axis=1) ** 2).sum()) / 2  # pairs untied on row
    tc = (1 - (p.sum(axis=0) ** 2).sum()) / 2
    q = min(r, c)
    return np.array([s / (conc + disc), s / np.sqrt(tr * tc),
                     2 * q * s / (q - 1), s / tc, s / tr,
                     s / ((tr + tc) / 2)])


def ase1(m, h=1e-6):
    n = m.sum()
    p = m / n
    base = ordinal(p)
    grads = np.zeros(p.shape + base.shape)
    for i in range(p.shape[0]):
        for j in range(p.shape[1]):
            up, dn = p.copy(), p.copy()
            up[i, j] += h
            dn[i, j] -= h
            grads[i, j] = (ordinal(up) - ordinal(dn)) / (2 * h)
    mean = (p[..., None] * grads).sum(axis=(0, 1))
    var = (p[..., None] * grads ** 2).sum(axis=(0, 1)) - mean ** 2
    return base, np.sqrt(var / n)


def expand(m):
    x, g = [], []
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            x += [i + 1] * int(m[i, j])
            g += [j] * int(m[i, j])
    return np.array(x), np.array(g)


for name, m in tables():
    print("==", name)
    if min(m.shape) < 2:
        continue
    g2, p, df, _ = stats.chi2_contingency(m, correction=False,
                                          lambda_="log-likelihood")
    print("chi2_contingency(m, correction=False, lambda_='log-likelihood'):"
          " %r df %r p %r" % (g2, df, p))
    names = ["gamma", "tau_b", "tau_c", "somers_row", "somers_col",
             "somers_sym"]
    v, a = ase1(m)
    print("delta-method ASE1 (h = 1e-6):")
    for k in range(6):
        print("    %-10s %.17g ase %.10g" % (names[k], v[k], a[k]))
    if np.all(m == np.round(m)):
        x, g = expand(m)
        groups = [x[g == j] for j in range(m.shape[1])]
        h, pk = stats.kruskal(*groups)
        print("kruskal(*groups): %r p %r" % (h, pk))
        if m.shape[1] == 2:
            u = stats.mannwhitneyu(groups[0], groups[1],
                                   use_continuity=False,
                                   method="asymptotic")
            print("mannwhitneyu(g1, g2, use_continuity=False, "
                  "method='asymptotic'): U %r p %r" % (u.statistic, u.pvalue))

#!/usr/bin/python3
"""Sison-Glaz intervals evaluated in 50-digit arithmetic (mpmath 1.2.1).

statsmodels 0.13.5's multinomial_proportions_confint(method='sison-glaz')
evaluates nu(c) in double precision from factorial moments, which leaves
noise of about count^2 * 1e-16 in nu(c) (1e-9 at counts near 4000). This
script evaluates the same formulas -- statsmodels' truncated Poisson
moments, Edgeworth expansion, nu(c) and the search for c -- with 50
digits, for test_ci.c's high-precision Sison-Glaz table:

    /usr/bin/python3 tests/reference/ci_sison_glaz_mpmath.py

CI does not run it.
"""
import textwrap

import mpmath as mp

mp.mp.dps = 50


def cdf(k, mu):
    if k < 0:
        return mp.mpf(0)
    if mu == 0:
        return mp.mpf(1)
    return mp.gammainc(k + 1, mu, mp.inf, regularized=True)


def between(b, a, mu):
    return cdf(a, mu) - cdf(b - 1, mu)


def nu(counts, c):
    n = sum(counts)
    log_prob, s1, s2, s3, s4, s2sq = 0, 0, 0, 0, 0, 0
    for x in counts:
        b, a, mu = max(x - c, 0), min(x + c, n), mp.mpf(x)
        pba = between(b, a, mu)
        f = [None] + [mu**r * (1 - (between(a - r + 1, a, mu)
                                    - between(b - r, b - 1, mu)) / pba)
                      for r in range(1, 5)]
        m = f[1]
        c2 = f[2] + m - m**2
        c3 = f[3] + f[2] * (3 - 3 * m) + m - 3 * m**2 + 2 * m**3
        c4 = (f[4] + f[3] * (6 - 4 * m) + f[2] * (7 - 12 * m + 6 * m**2)
              + m - 4 * m**2 + 6 * m**3 - 3 * m**4)
        log_prob += mp.log(pba)
        s1, s2, s3, s4, s2sq = s1 + m, s2 + c2, s3 + c3, s4 + c4, s2sq + c2**2
    g1 = s3 / s2**1.5
    g2 = (s4 - 3 * s2sq) / s2**2
    x = (n - s1) / mp.sqrt(s2)
    phi = mp.exp(-x**2 / 2) / mp.sqrt(2 * mp.pi)
    h3, h4 = x**3 - 3 * x, x**4 - 6 * x**2 + 3
    h6 = x**6 - 15 * x**4 + 45 * x**2 - 15
    f = phi * (1 + g1 * h3 / 6 + g2 * h4 / 24 + g1**2 * h6 / 72) / mp.sqrt(s2)
    log_pmf = n * mp.log(n) - n - mp.loggamma(n + 1)
    return mp.exp(log_prob + mp.log(f) - log_pmf)


def sison_glaz(counts, level, c=1):
    """Scan c = 1, 2, ... as statsmodels does; a larger starting c (one
    statsmodels' scan found) saves time at large counts, and the bracket
    nu(c) <= level < nu(c + 1) is then checked at that c."""
    n, level = sum(counts), mp.mpf(level)
    nu_c, nu_c1 = nu(counts, c), nu(counts, c + 1)
    while not nu_c <= level < nu_c1:
        c, nu_c, nu_c1 = c + 1, nu_c1, nu(counts, c + 2)
    g = (level - nu_c) / (nu_c1 - nu_c)
    lo = [max(mp.mpf(x) / n - mp.mpf(c) / n, 0) for x in counts]
    hi = [min(mp.mpf(x) / n + (c + 2 * g) / n, 1) for x in counts]
    return lo, hi


def main():
    # c = 1059 is where statsmodels' own scan stops for the last vector.
    for counts, level, start in (([1, 15, 38, 13, 8], 0.95, 1),
                                 ([4000, 3500, 1200, 900, 400], 0.95, 1),
                                 ([400000, 350000, 120000, 90000, 40000],
                                  0.95, 1059)):
        lo, hi = sison_glaz(counts, level, start)
        print('    /* mpmath %s, 50 digits:\n       sison_glaz(%r, %r, %d) */'
              % (mp.__version__, counts, level, start))
        print('    {TALLY_CI_SISON_GLAZ, %d, %r,' % (len(counts), level))
        for values, end in ((['%r' % float(x) for x in counts], ','),
                            ([mp.nstr(v, 17) for v in lo], ','),
                            ([mp.nstr(v, 17) for v in hi], '},')):
            print(textwrap.fill('{%s}' % ', '.join(values), 79,
                                initial_indent='     ',
                                subsequent_indent='      ') + end)


if __name__ == '__main__':
    main()

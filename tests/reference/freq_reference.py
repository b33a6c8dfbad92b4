#!/usr/bin/python3
"""Interval references for tests/unit/test_freq.c and test_freq_weights.c.

Run with Debian's interpreter (statsmodels 0.13.5+dfsg, scipy 1.10.1):

    /usr/bin/python3 tests/reference/freq_reference.py > /tmp/freq_py.txt

It prints C table rows, each block headed by the exact call that produced
it; they are pasted into the tests by hand. Bounds are printed as percent
(100 * the statsmodels bound), as tally_category holds them. The data are
the runs of rows in the tests, written here as counts (or as rows with
their weights). CI does not run this script; freq_reference.R has the
counts, percentages and summaries.
"""
import math
import textwrap
import warnings

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import (multinomial_proportions_confint,
                                          proportion_confint)

ALPHA = {0.90: 0.10, 0.95: 0.05, 0.99: 0.01}
SM = 'statsmodels %s' % statsmodels.__version__
SP = 'scipy %s' % scipy.__version__

SM_METHOD = {
    'wilson': 'TALLY_CI_WILSON',
    'normal': 'TALLY_CI_WALD',
    'agresti_coull': 'TALLY_CI_AGRESTI_COULL',
    'beta': 'TALLY_CI_CLOPPER_PEARSON',
    'jeffreys': 'TALLY_CI_JEFFREYS',
    'goodman': 'TALLY_CI_GOODMAN',
    'sison-glaz': 'TALLY_CI_SISON_GLAZ',
}


def fmt(v):
    v = float(v)
    return 'NAN' if math.isnan(v) else repr(v)


def comment(text):
    lines = textwrap.wrap(text, 68, break_on_hyphens=False)
    print('    /* %s */' % '\n       '.join(lines))


def array(values, indent='     '):
    text = '{%s}' % ', '.join(fmt(v) for v in values)
    return textwrap.fill(text, 79, initial_indent=indent,
                         subsequent_indent=indent + ' ')


def ci_row(method, level, lo, hi):
    """{method, level, {lo...}, {hi...}} in percent."""
    print('    {%s, %s,' % (SM_METHOD[method], fmt(level)))
    print(array(np.asarray(lo) * 100) + ',')
    print(array(np.asarray(hi) * 100) + '},')


def binomial(counts, n, level, method):
    lo, hi = proportion_confint(np.asarray(counts, float), n, ALPHA[level],
                                method=method)
    return lo, hi


def multinomial(counts, level, method):
    try:
        ci = multinomial_proportions_confint(counts, ALPHA[level],
                                             method=method)
    except Exception as e:  # statsmodels raises for some inputs
        comment('raises: %s: NaN' % e)
        nan = [math.nan] * len(counts)
        return nan, nan
    return ci[:, 0], ci[:, 1]


def ci_table(name, counts, n, levels, methods, simultaneous, what):
    """One table: every method at every level for a count vector."""
    print('/* ---- %s ---- */' % name)
    for method in methods:
        comment('%s: proportion_confint(%s, %s, alpha, method=%r), alpha '
                '= 0.10, 0.05, 0.01 for level 0.90, 0.95, 0.99'
                % (SM, what, n, method))
        for level in levels:
            ci_row(method, level, *binomial(counts, n, level, method))
    for method in simultaneous:
        comment('%s: multinomial_proportions_confint(%s, alpha, '
                'method=%r)' % (SM, what, method))
        for level in levels:
            ci_row(method, level, *multinomial(counts, level, method))


LEVELS = (0.90, 0.95, 0.99)
BINOMIAL = ('wilson', 'normal', 'agresti_coull', 'beta', 'jeffreys')
SIMULTANEOUS = ('goodman', 'sison-glaz')

# The scale S of test_freq.c: Unsatisfactory .. Far beyond (Don't know,
# N/A and no answers are outside the base).
S = [3, 7, 12, 9, 4]
# The single question G: the third option nobody chose.
G = [14, 9, 0, 5, 2]
# Frequency weights, integer (test_freq_weights.c): rep(x, w) gives these
# counts of S.
FI = [3, 4, 8, 6, 2]

# Frequency weights, non-integer: (answer, weight) rows over the base.
FN_ROWS = [(1, 1.5), (2, 0.25), (3, 2.75), (3, 1.2), (4, 3.1), (5, 0.8),
           (4, 1.45), (2, 2.35)]
# Sampling weights: (answer, weight) rows over the base of S.
SW_ROWS = [(1, 0.8), (2, 1.6), (2, 0.9), (3, 1.25), (3, 2.1), (3, 0.7),
           (4, 1.9), (4, 0.55), (5, 1.35), (5, 3.0), (1, 1.05)]


def weighted_counts(rows):
    return [sum(w for x, w in rows if x == v) for v in range(1, 6)]


def fpc_block():
    """Finite population correction, N = 120, S (n = 35)."""
    n, N = sum(S), 120.0
    fpc = math.sqrt((N - n) / (N - 1))
    f2 = fpc * fpc
    x = np.asarray(S, float)
    print('/* ---- fpc: S with population 120 ---- */')
    comment('fpc = sqrt((120 - 35) / 119); %s: proportion_confint(x / '
            'fpc**2, 35 / fpc**2, alpha, method=...) for x = %r' % (SM, S))
    for method in ('wilson', 'beta', 'jeffreys'):
        for level in (0.90, 0.95, 0.99):
            ci_row(method, level, *binomial(x / f2, n / f2, level, method))
    comment('%s: multinomial_proportions_confint(x / fpc**2, alpha, '
            'method=\'goodman\')' % SM)
    ci_row('goodman', 0.95, *multinomial(x / f2, 0.95, 'goodman'))
    comment('Wald with se * fpc: p -/+ z fpc sqrt(p (1 - p) / n), '
            'clipped to [0, 1], z = %s norm.ppf(1 - alpha / 2)' % SP)
    for level in (0.90, 0.95, 0.99):
        z = stats.norm.ppf(1 - ALPHA[level] / 2)
        p = x / n
        half = z * fpc * np.sqrt(p * (1 - p) / n)
        ci_row('normal', level, np.clip(p - half, 0, 1),
               np.clip(p + half, 0, 1))
    comment('Agresti-Coull (1998) with se * fpc: n~ = n + z^2, p~ = (x + '
            'z^2 / 2) / n~, p~ -/+ z fpc sqrt(p~ (1 - p~) / n~), clipped '
            'to [0, 1], z = %s norm.ppf(1 - alpha / 2)' % SP)
    for level in (0.90, 0.95, 0.99):
        z = stats.norm.ppf(1 - ALPHA[level] / 2)
        nt = n + z * z
        pt = (x + z * z / 2) / nt
        half = z * fpc * np.sqrt(pt * (1 - pt) / nt)
        ci_row('agresti_coull', level, np.clip(pt - half, 0, 1),
               np.clip(pt + half, 0, 1))


def small_blocks():
    print('/* ---- G: an option nobody chose (x = 0) ---- */')
    for method in ('wilson', 'beta', 'jeffreys'):
        comment('%s: proportion_confint(%r, 30, 0.05, method=%r)'
                % (SM, G, method))
        ci_row(method, 0.95, *binomial(G, 30, 0.95, method))
    print('/* ---- X0N: counts [0, 12, 0] (x = 0 and x = n) ---- */')
    for method in BINOMIAL:
        comment('%s: proportion_confint([0, 12, 0], 12, 0.05, method=%r)'
                % (SM, method))
        ci_row(method, 0.95, *binomial([0, 12, 0], 12, 0.95, method))
    for method in SIMULTANEOUS:
        comment('%s: multinomial_proportions_confint([0, 12, 0], 0.05, '
                'method=%r)' % (SM, method))
        ci_row(method, 0.95, *multinomial([0, 12, 0], 0.95, method))
    print('/* ---- N1: one respondent, counts [0, 0, 1, 0, 0] ---- */')
    for method in ('wilson', 'beta'):
        comment('%s: proportion_confint([0, 0, 1, 0, 0], 1, 0.05, '
                'method=%r)' % (SM, method))
        ci_row(method, 0.95, *binomial([0, 0, 1, 0, 0], 1, 0.95, method))
    print('/* ---- multi questions: Wilson per option ---- */')
    comment('%s: proportion_confint([11, 9, 5], 16, 0.05, '
            'method=\'wilson\')' % SM)
    ci_row('wilson', 0.95, *binomial([11, 9, 5], 16, 0.95, 'wilson'))
    comment('%s: proportion_confint([8, 5, 1], 10, 0.01, '
            'method=\'beta\')' % SM)
    ci_row('beta', 0.99, *binomial([8, 5, 1], 10, 0.99, 'beta'))


def weight_blocks():
    print('/* ---- FI: frequency weights, integer: rep(x, w) ---- */')
    for method in ('wilson', 'beta'):
        comment('%s: proportion_confint(%r, 23, 0.05, method=%r)'
                % (SM, FI, method))
        ci_row(method, 0.95, *binomial(FI, 23, 0.95, method))
    comment('%s: multinomial_proportions_confint(%r, 0.05, '
            'method=\'sison-glaz\')' % (SM, FI))
    ci_row('sison-glaz', 0.95, *multinomial(FI, 0.95, 'sison-glaz'))

    print('/* ---- FN: frequency weights, non-integer ---- */')
    x = weighted_counts(FN_ROWS)
    n = sum(w for _, w in FN_ROWS)
    for method in ('wilson', 'beta', 'agresti_coull'):
        comment('%s: proportion_confint(x, n, 0.05, method=%r), x = '
                'weighted counts %s of n = %s'
                % (SM, method, [fmt(v) for v in x], fmt(n)))
        ci_row(method, 0.95, *binomial(x, n, 0.95, method))
    comment('%s: multinomial_proportions_confint(x, 0.05, '
            'method=\'goodman\')' % SM)
    ci_row('goodman', 0.95, *multinomial(x, 0.95, 'goodman'))

    print('/* ---- SW: sampling weights, (p n_eff, n_eff) ---- */')
    w = np.array([w for _, w in SW_ROWS])
    x = np.array(weighted_counts(SW_ROWS))
    p = x / w.sum()
    n_eff = w.sum() ** 2 / (w * w).sum()
    comment('p = weighted proportions, n_eff = sum(w)^2 / sum(w^2) = %s'
            % fmt(n_eff))
    for method in ('wilson', 'beta', 'jeffreys', 'agresti_coull',
                   'normal'):
        comment('%s: proportion_confint(p * n_eff, n_eff, 0.05, '
                'method=%r)' % (SM, method))
        ci_row(method, 0.95, *binomial(p * n_eff, n_eff, 0.95, method))
    comment('%s: multinomial_proportions_confint(p * n_eff, 0.10, '
            'method=\'goodman\')' % SM)
    ci_row('goodman', 0.90, *multinomial(p * n_eff, 0.90, 'goodman'))
    r = np.floor(p * n_eff + 0.5)
    comment('%s: multinomial_proportions_confint(%r, 0.05, method='
            '\'sison-glaz\'): p * n_eff rounded (no halves)'
            % (SM, r.astype(int).tolist()))
    assert not np.any(np.abs(p * n_eff - np.floor(p * n_eff) - 0.5) < 1e-6)
    ci_row('sison-glaz', 0.95, *multinomial(r, 0.95, 'sison-glaz'))


def main():
    warnings.simplefilter('ignore')
    ci_table('S: every method at every level', S, sum(S), LEVELS,
             BINOMIAL, SIMULTANEOUS, repr(S))
    fpc_block()
    small_blocks()
    weight_blocks()


if __name__ == '__main__':
    main()

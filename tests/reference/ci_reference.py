#!/usr/bin/python3
"""Reference values for tests/unit/test_ci.c from statsmodels and scipy.

Run with Debian's interpreter (statsmodels 0.13.5+dfsg, scipy 1.10.1):

    /usr/bin/python3 tests/reference/ci_reference.py > /tmp/ci_py.txt

It prints C table rows, each block headed by the exact call that produced
it; they are pasted into test_ci.c by hand. CI does not run this script.
"""
import textwrap
import warnings

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import (multinomial_proportions_confint,
                                          proportion_confint)

# The alpha literal passed for each level (not 1 - level, to keep the
# calls exact as written in the comments).
ALPHA = {0.90: 0.10, 0.95: 0.05, 0.99: 0.01, 0.80: 0.20}

SM = 'statsmodels %s' % statsmodels.__version__
SP = 'scipy %s' % scipy.__version__

ENUM = {
    'wilson': 'TALLY_CI_WILSON',
    'normal': 'TALLY_CI_WALD',
    'agresti_coull': 'TALLY_CI_AGRESTI_COULL',
    'beta': 'TALLY_CI_CLOPPER_PEARSON',
    'jeffreys': 'TALLY_CI_JEFFREYS',
}

# (x, n, level): x = 0, x = n, n = 1, small n, large n, three levels.
BINOMIAL = [
    (0, 1, 0.95), (1, 1, 0.95), (0, 10, 0.95), (10, 10, 0.95),
    (3, 10, 0.95), (3, 10, 0.90), (3, 10, 0.99), (1, 2, 0.95),
    (7, 9, 0.95), (40, 72, 0.95), (81, 263, 0.95), (15, 148, 0.99),
    (1, 29, 0.90), (0, 20, 0.99), (40000, 100000, 0.95),
    (1, 100000, 0.95), (99999, 100000, 0.99),
]

# Non-integer (weighted or effective) counts.
REAL = [
    (2.5, 7.25, 0.95), (0.3, 1.7, 0.90), (12.34, 56.78, 0.99),
    (0.5, 3.0, 0.95), (4.6, 5.1, 0.95), (1234.5, 9876.5, 0.90),
]


def fmt(v):
    return repr(float(v))


def row(enum, x, n, level, lo, hi):
    return '    {%s, %s, %s, %s,\n     %s, %s},' % (
        enum, fmt(x), fmt(n), fmt(level), fmt(lo), fmt(hi))


def comment(text):
    """A C comment wrapped to 80 columns."""
    lines = textwrap.wrap(text, 68, break_on_hyphens=False)
    body = '\n       '.join(lines)
    print('    /* %s */' % body)


def array(values, indent='     '):
    """A brace-enclosed list of doubles wrapped to 80 columns."""
    text = '{%s}' % ', '.join(fmt(v) for v in values)
    return textwrap.fill(text, 79, initial_indent=indent,
                         subsequent_indent=indent + ' ')


def binomial_block(method, cases):
    comment('%s: proportion_confint(x, n, alpha, method=%r), alpha = '
            '0.10, 0.05, 0.01 for level 0.90, 0.95, 0.99' % (SM, method))
    for x, n, level in cases:
        lo, hi = proportion_confint(x, n, ALPHA[level], method=method)
        print(row(ENUM[method], x, n, level, lo, hi))


def beta_block(cases):
    """Clopper-Pearson from scipy's beta quantiles (real x, n)."""
    comment('%s: lo = beta.ppf(alpha/2, x, n - x + 1), '
            'hi = beta.isf(alpha/2, x + 1, n - x)' % SP)
    for x, n, level in cases:
        a2 = ALPHA[level] / 2
        lo = stats.beta.ppf(a2, x, n - x + 1)
        hi = stats.beta.isf(a2, x + 1, n - x)
        print(row('TALLY_CI_CLOPPER_PEARSON', x, n, level, lo, hi))


def multinomial_block(method, vectors):
    for counts, level in vectors:
        comment('%s: multinomial_proportions_confint(%r, %r, method=%r)'
                % (SM, counts, ALPHA[level], method))
        try:
            ci = multinomial_proportions_confint(counts, ALPHA[level],
                                                 method=method)
        except Exception as e:  # statsmodels raises for some inputs
            comment('raises: %s' % e)
            continue
        print('    {%s, %d, %s,' % (
            'TALLY_CI_' + method.upper().replace('-', '_'), len(counts),
            fmt(level)))
        print(array(counts) + ',')
        print(array(ci[:, 0]) + ',')
        print(array(ci[:, 1]) + '},')


MULTINOMIAL = [
    ([1, 15, 38, 13, 8], 0.95), ([1, 15, 38, 13, 8], 0.90),
    ([11, 40, 22], 0.95), ([11, 40, 22], 0.99), ([5, 5], 0.95),
    ([2, 3], 0.95), ([10, 10], 0.90), ([3, 0, 2, 1, 0, 4, 1], 0.95),
    ([56, 72, 73, 59, 62, 87, 58], 0.95), ([20, 0, 31, 7], 0.95),
    ([400, 350, 120, 90, 40, 0], 0.99), ([1, 2], 0.95),
    ([10.5, 40.25, 22.0], 0.95), ([4000, 3500, 1200, 900, 400], 0.95),
]

# statsmodels raises for these (no c with nu(c) <= 1 - alpha < nu(c+1)).
SISON_FAILS = [([1, 1], 0.95), ([0, 10], 0.95), ([1, 2], 0.90),
               ([1, 0, 0], 0.95)]


def main():
    warnings.simplefilter('ignore')
    print('/* ---- binomial, integer counts ---- */')
    for method in ('wilson', 'normal', 'agresti_coull', 'beta', 'jeffreys'):
        binomial_block(method, BINOMIAL)
    print('/* ---- binomial, non-integer counts ---- */')
    for method in ('wilson', 'normal', 'agresti_coull', 'jeffreys'):
        binomial_block(method, REAL)
    beta_block(REAL)
    print('/* ---- multinomial ---- */')
    multinomial_block('goodman', MULTINOMIAL)
    multinomial_block('sison-glaz',
                      [v for v in MULTINOMIAL if v[0] != [10.5, 40.25, 22.0]])
    print('/* ---- sison-glaz: statsmodels raises ---- */')
    multinomial_block('sison-glaz', SISON_FAILS)
    print('/* ---- binomial methods per category (x_i of sum) ---- */')
    counts = np.array([1, 15, 38, 13, 8])
    for method in ('wilson', 'beta'):
        lo, hi = proportion_confint(counts, counts.sum(), 0.05, method=method)
        comment('%s: proportion_confint(%r, %d, 0.05, method=%r)'
                % (SM, counts.tolist(), counts.sum(), method))
        print('    {%s, %d, 0.95,' % (ENUM[method], len(counts)))
        print(array(counts) + ',')
        print(array(lo) + ',')
        print(array(hi) + '},')


if __name__ == '__main__':
    main()

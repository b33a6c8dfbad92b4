/*
 * Unit tests: tests and measures of association (assoc*.c).
 *
 * The tables are those of tests/reference/assoc_tables.txt. Expected
 * values, each with its source:
 *   R 4.2.2      tests/reference/assoc_reference.R (chisq.test,
 *                fisher.test, kruskal.test, wilcox.test);
 *   scipy 1.10.1 tests/reference/assoc_reference.py (chi2_contingency
 *                with lambda_="log-likelihood", kruskal, mannwhitneyu),
 *                which also differentiates the ordinal measures
 *                numerically (delta method) for their ASE1;
 *   PSPP 1.6.2   tests/reference/assoc_reference.sps, CROSSTABS
 *                /STATISTICS=ALL, full precision read from the .spv by
 *                spv_values.py. Every CROSSTABS value we compute (X^2, G^2,
 *                Yates, V, phi, gamma, tau-b, tau-c, Somers' d and their
 *                ASEs) matches PSPP to 6e-14 on all nine tables; below, the
 *                ordinal values are PSPP's (the delta-method values agree
 *                to 1e-9, its step error).
 * Comparisons are relative: |got - want| <= tol |want|.
 *
 * Where the references disagree:
 * - PSPP 1.6's NPAR TESTS /K-W and /M-W mishandle WEIGHT (a chi-square
 *   of -91.67 and U = -63 for t2x2), so R on the expanded cases is the
 *   reference, and for non-integer counts R's textbook formula.
 * - PSPP prints no ASE for the symmetric Somers' d: the reference is the
 *   delta method (assoc_reference.py).
 * - Fisher: for t2x2, PSPP's "Exact Sig. (2-tailed)" (read from the
 *   .spv: 0.0005367241191434294) is R's value; PSPP gives no Fisher test
 *   for r x c tables, so R is the only reference there. We follow R: the
 *   sum of the probabilities of the tables no more probable than the
 *   observed one (Agresti 2013, 3.5.1). We did not find a 2 x 2 table
 *   where the two differ.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "tally_test.h"

#include <time.h>

#include "common.h"

#define TOL 1e-12    /* closed forms against R, scipy and PSPP        */
#define TOL_P 1e-10  /* p-values: GSL's and R's tail functions differ  */
#define TOL_FISHER 1e-9

static void rel(double got, double want, double tol, const char *what,
                int line)
{
    if (isnan(want) && isnan(got))
        return;
    if (!(fabs(got - want) <= tol * fabs(want))) {
        print_error("line %d: %s = %.17g, expected %.17g (rel. tol %g)\n",
                    line, what, got, want, tol);
        fail();
    }
}
#define REL(got, want, tol) rel((got), (want), (tol), #got, __LINE__)

static tally_assoc compute(const double *m, size_t r, size_t c)
{
    tally_assoc a;
    tally_error err = {0};
    tally_assoc_opts o = {.row_ordered = 1, .col_ordered = 1};
    assert_int_equal(tally_assoc_compute(m, r, c, &o, &a, &err), TALLY_OK);
    return a;
}

static int has_note(const tally_assoc *a, const char *part)
{
    for (size_t i = 0; i < a->n_notes; i++)
        if (strstr(a->notes[i], part))
            return 1;
    return 0;
}

static void test_2x2(void **state)
{
    (void)state;
    static const double m[] = {10, 2, 3, 15};
    tally_assoc a = compute(m, 2, 2);
    /* R: chisq.test(m, correct = FALSE) */
    REL(a.chisq, 13.031674208144796, TOL);
    REL(a.chisq_p, 0.00030626663018354985, TOL_P);
    REL(a.min_expected, 5.2, TOL);
    assert_int_equal(a.cells_below_5, 0);
    /* R: chisq.test(m, correct = TRUE) */
    assert_true(a.has_yates);
    REL(a.yates, 10.45814479638009, TOL);
    REL(a.yates_p, 0.0012210985163115088, TOL_P);
    /* scipy: chi2_contingency(m, correction=False,
       lambda_='log-likelihood') */
    REL(a.lr, 14.020233375839739, TOL);
    REL(a.lr_p, 0.00018085403546125192, TOL_P);
    /* R: fisher.test(m)$p.value */
    assert_int_equal(a.fisher_method, TALLY_FISHER_EXACT);
    REL(a.fisher_p, 0.00053672411914343593, TOL_FISHER);
    /* PSPP CROSSTABS: Phi, Cramer's V, ordinal measures and ASEs */
    REL(a.phi, 0.6590820436573077, TOL);
    REL(a.cramers_v, 0.6590820436573077, TOL);
    REL(a.gamma.value, 0.9230769230769231, TOL);
    REL(a.gamma.ase, 0.07396449704142012, TOL);
    REL(a.tau_b.value, 0.6590820436573077, TOL);
    REL(a.tau_b.ase, 0.13854579993117522, TOL);
    REL(a.tau_c.value, 0.64, TOL);
    REL(a.tau_c.ase, 0.14160979250508535, TOL);
    REL(a.somers_row.value, 0.6515837104072398, TOL);
    REL(a.somers_row.ase, 0.14057465204314076, TOL);
    REL(a.somers_col.value, 0.6666666666666666, TOL);
    REL(a.somers_col.ase, 0.13888888888888887, TOL);
    REL(a.somers_sym.value, 0.6590389016018307, TOL);
    /* delta method (assoc_reference.py), to its step error */
    REL(a.somers_sym.ase, 0.1385650687, 1e-9);
    /* R: kruskal.test(x, g); wilcox.test(x[g == 1], x[g == 2],
       correct = FALSE, exact = FALSE): W = U of the first column */
    REL(a.kruskal_h, 12.597285067873297, TOL);
    REL(a.kruskal_p, 0.00038630747657542752, TOL_P);
    assert_true(a.has_mann_whitney);
    REL(a.mw_u, 38.5, TOL);
    REL(a.mw_p, 0.0003863074765754266, TOL_P);
    assert_true(a.mw_z < 0);
}

typedef struct rc_case {
    const char *name;
    size_t r, c;
    double m[25];
    double chisq, chisq_p, lr, fisher, kw, kw_p;
    double gamma, gamma_ase, tau_b_ase, tau_c_ase, d_row_ase, d_col_ase;
    double d_sym_ase;
} rc_case;

/* chisq*: R chisq.test(m, correct = FALSE); lr: scipy
   chi2_contingency(lambda_='log-likelihood'); fisher: R fisher.test(m,
   workspace = 2e8)$p.value; kw*: R kruskal.test(x, g); gamma and the
   ASEs: PSPP CROSSTABS (d_sym_ase: delta method, assoc_reference.py). */
static const rc_case rc_cases[] = {
    {"t2x5", 2, 5, {12, 5, 9, 7, 3, 4, 8, 6, 11, 14},
     12.778921698540945, 0.012408096526415035, 13.48695309784313,
     0.011512978831498506, 12.617163196027724, 0.013306104302729292,
     0.47008547008547008, 0.1299925084, 0.09053115416, 0.1138880345,
     0.07165012689, 0.114522385, 0.08810127917},
    {"t3x5", 3, 5, {8, 3, 5, 2, 1, 4, 7, 6, 5, 3, 1, 3, 6, 9, 12},
     22.938998532676752, 0.0034434542924066062, 23.26179844937139,
     0.0044558520372018186, 19.398519789034495, 0.00065617349875565149,
     0.57611548556430447, 0.0989846022, 0.08018291501, 0.0871868478,
     0.07247310615, 0.08900697089, 0.07976318044},
    {"tzero (row 2 and column 2 empty)", 3, 4,
     {4, 0, 3, 2, 0, 0, 0, 0, 1, 0, 5, 6},
     3.9520833333333334, 0.13861684446606576, 4.095742037609284,
     0.19647535127411064, 3.7638888888889008, 0.15229369104782592,
     0.61038961038961037, 0.2548422938, 0.1843425906, 0.2125698803,
     0.1584102072, 0.2152598006, 0.1822102787},
};

static void test_rc(void **state)
{
    (void)state;
    for (size_t k = 0; k < TALLY_ARRAY_SIZE(rc_cases); k++) {
        const rc_case *t = &rc_cases[k];
        print_message("%s\n", t->name);
        tally_assoc a = compute(t->m, t->r, t->c);
        REL(a.chisq, t->chisq, TOL);
        REL(a.chisq_p, t->chisq_p, TOL_P);
        REL(a.lr, t->lr, TOL);
        assert_int_equal(a.fisher_method, TALLY_FISHER_EXACT);
        REL(a.fisher_p, t->fisher, TOL_FISHER);
        REL(a.kruskal_h, t->kw, TOL);
        REL(a.kruskal_p, t->kw_p, TOL_P);
        REL(a.gamma.value, t->gamma, TOL);
        /* the ASEs to the delta method's 1e-9 (PSPP's agree to 6e-14) */
        REL(a.gamma.ase, t->gamma_ase, 1e-8);
        REL(a.tau_b.ase, t->tau_b_ase, 1e-8);
        REL(a.tau_c.ase, t->tau_c_ase, 1e-8);
        REL(a.somers_row.ase, t->d_row_ase, 1e-8);
        REL(a.somers_col.ase, t->d_col_ase, 1e-8);
        REL(a.somers_sym.ase, t->d_sym_ase, 1e-8);
        assert_false(a.has_yates);
        assert_false(a.has_mann_whitney);
    }
}

static void test_5x5_and_large(void **state)
{
    (void)state;
    static const double m5[] = {5, 2, 1, 0, 0, 3, 6, 2, 1, 0, 1, 3, 7, 2,
                                1, 0, 1, 3, 6, 2, 0, 0, 1, 2, 5};
    tally_assoc a = compute(m5, 5, 5);
    /* R chisq.test(m, correct = FALSE), kruskal.test */
    REL(a.chisq, 50.158685064935071, TOL);
    REL(a.chisq_p, 2.1627794807111546e-05, TOL_P);
    REL(a.min_expected, 1.1851851851851851, TOL);
    assert_int_equal(a.cells_below_5, 25);
    assert_true(has_note(&a, "expected count below 5"));
    REL(a.kruskal_h, 30.814286564296527, TOL);
    /* PSPP CROSSTABS */
    REL(a.tau_b.value, 0.6666672303388671, TOL);
    REL(a.tau_b.ase, 0.0630151563, 1e-8);
    /* R fisher.test(m, workspace = 2e8): 0.00010502120483242707. Our
       simpler network algorithm gives up within the default work limit
       here and simulates: checked loosely (Monte Carlo SE 3e-5). */
    assert_int_equal(a.fisher_method, TALLY_FISHER_MONTE_CARLO);
    assert_true(fabs(a.fisher_p - 0.000105) < 1.5e-4);

    static const double big[] = {1400, 900, 700, 400, 1000, 1100,
                                  900,  500, 400, 800, 900,  1000};
    a = compute(big, 3, 4); /* n = 10000 */
    REL(a.chisq, 955.1817942796813, TOL);
    REL(a.chisq_p, 4.4036169366944518e-203, 1e-9);
    REL(a.kruskal_h, 853.35601999145308, 1e-12);
    REL(a.kruskal_p, 1.1590653767686787e-184, 1e-9);
    REL(a.gamma.value, 0.35001986491855386, TOL);
}

static void test_small_and_weighted(void **state)
{
    (void)state;
    static const double n2[] = {1, 0, 0, 1};
    tally_assoc a = compute(n2, 2, 2);
    /* R: chisq.test 2 (p 0.15729920705028447), Yates 0 (p 1), fisher 1,
       wilcox.test W 0, p 0.31731050786291409 */
    REL(a.chisq, 2, TOL);
    REL(a.chisq_p, 0.15729920705028447, TOL_P);
    REL(a.yates, 0, TOL);
    REL(a.yates_p, 1, TOL);
    REL(a.fisher_p, 1, TOL);
    REL(a.mw_u, 0, TOL);
    REL(a.mw_p, 0.31731050786291409, TOL_P);
    REL(a.gamma.value, 1, TOL);

    /* non-integer (weighted) counts */
    static const double w[] = {2.5, 1.25, 0.5, 1.75, 3.5,
                               2.25, 0.5, 2.0, 4.75};
    a = compute(w, 3, 3);
    /* R chisq.test(m, correct = FALSE) */
    REL(a.chisq, 5.5819354919490145, TOL);
    REL(a.chisq_p, 0.23262061424384126, TOL_P);
    /* R: the textbook weighted Kruskal-Wallis (assoc_reference.R) */
    REL(a.kruskal_h, 4.6306318446675707, TOL);
    REL(a.kruskal_p, 0.098734986487037865, TOL_P);
    /* PSPP CROSSTABS with WEIGHT */
    REL(a.gamma.value, 0.65909090909090906, TOL);
    REL(a.tau_b.ase, 0.17195409798377215, 1e-12);
    assert_true(isnan(a.fisher_p));
    assert_int_equal(a.fisher_method, TALLY_FISHER_NONE);
    assert_true(has_note(&a, "whole counts"));
}

static void test_degenerate(void **state)
{
    (void)state;
    /* one column left after dropping the empty one */
    static const double m[] = {3, 0, 5, 0};
    tally_assoc a = compute(m, 2, 2);
    assert_int_equal(a.cols_used, 1);
    assert_true(isnan(a.chisq) && isnan(a.chisq_p) && isnan(a.lr));
    assert_true(isnan(a.fisher_p) && isnan(a.gamma.value));
    assert_true(isnan(a.kruskal_h) && isnan(a.mw_u) && isnan(a.phi));
    assert_true(a.has_yates && a.has_mann_whitney);
    assert_true(has_note(&a, "column 2 (1-based) has no counts"));
    assert_true(has_note(&a, "fewer than 2"));
    /* one row, and an all-zero table */
    static const double one_row[] = {1, 2, 3};
    a = compute(one_row, 1, 3);
    assert_true(isnan(a.chisq) && isnan(a.kruskal_h));
    static const double zeros[] = {0, 0, 0, 0};
    a = compute(zeros, 2, 2);
    assert_true(isnan(a.chisq));
    assert_true(has_note(&a, "rows 1, 2"));
    /* bad input */
    static const double bad[] = {1, -1, 2, 3};
    tally_error err = {0};
    assert_int_equal(tally_assoc_compute(bad, 2, 2, NULL, &a, &err),
                     TALLY_ERR_INVALID_ARG);
    assert_int_equal(tally_assoc_compute(m, 0, 2, NULL, &a, &err),
                     TALLY_ERR_INVALID_ARG);
    static const double inf[] = {1, INFINITY, 2, 3};
    assert_int_equal(tally_assoc_compute(inf, 2, 2, NULL, &a, &err),
                     TALLY_ERR_INVALID_ARG);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Monte Carlo on a 6 x 6 table, n = 1000, against R's simulated p; and
   the performance guard: a 10 x 10 table with n = 10000 must give up
   enumerating quickly (generous bounds: sanitizer builds are slow). */
static void test_monte_carlo(void **state)
{
    (void)state;
    static const double m[] = {9,  27, 27, 32, 30, 25, 21, 35, 43, 38, 33, 30,
                               22, 26, 17, 31, 33, 21, 27, 34, 30, 50, 32, 27,
                               17, 18, 22, 9,  13, 21, 24, 40, 21, 40, 49, 26};
    double t0 = seconds();
    tally_assoc a = compute(m, 6, 6);
    print_message("6x6, n = 1000: %.3f s\n", seconds() - t0);
    /* R: set.seed(s); fisher.test(m, simulate.p.value = TRUE, B = 1e5)
       for s = 1..5: 0.01487 0.01552 0.01574 0.01556 0.01497; Monte Carlo
       SE 0.0004, so within 0.002 */
    assert_int_equal(a.fisher_method, TALLY_FISHER_MONTE_CARLO);
    assert_int_equal(a.fisher_replicates, 100000);
    assert_true(fabs(a.fisher_p - 0.0153) < 0.002);
    /* same seed, same p */
    tally_assoc b = compute(m, 6, 6);
    assert_true(a.fisher_p == b.fisher_p);

    double big[100];
    for (size_t i = 0; i < 100; i++)
        big[i] = 100 + (double)((i * 37) % 11) - 5;
    t0 = seconds();
    a = compute(big, 10, 10);
    double dt = seconds() - t0;
    print_message("10x10, n = 10000: %.3f s\n", dt);
    assert_int_equal(a.fisher_method, TALLY_FISHER_MONTE_CARLO);
    assert_true(dt < 30);
}

static void test_column_letters(void **state)
{
    (void)state;
    /* row 0: 40/100 vs 20/100 vs 38/95; row 1: 0/100 (left out) */
    static const double counts[] = {40, 20, 38, 0, 5, 9};
    static const double bases[] = {100, 100, 95};
    uint64_t g[6];
    tally_error err = {0};
    assert_int_equal(tally_assoc_column_letters(counts, bases, 2, 3, 0.05,
                                                30, g, &err),
                     TALLY_OK);
    /* statsmodels 0.13.5 proportions_ztest([40, 20], [100, 100]):
       p = 0.0020282, times 3 pairs = 0.0061 < 0.05; ([20, 38], [100, 95]):
       p = 0.0022599, 0.0068 < 0.05; ([40, 38], [100, 95]): p = 1 */
    assert_true(g[0] == (UINT64_C(1) << 1));
    assert_true(g[2] == (UINT64_C(1) << 1));
    assert_true(g[1] == 0);
    /* row 1: column 0 has p = 0 and takes no part; 5/100 vs 9/95 */
    assert_true(g[3] == 0 && g[4] == 0 && g[5] == 0);
    /* min_base leaves column 2 out */
    static const double b2[] = {100, 100, 20};
    static const double c2[] = {40, 20, 1};
    assert_int_equal(tally_assoc_column_letters(c2, b2, 1, 3, 0.05, 30, g,
                                                &err),
                     TALLY_OK);
    assert_true(g[0] == (UINT64_C(1) << 1) && g[2] == 0);
    assert_int_equal(tally_assoc_column_letters(c2, b2, 1, 3, 1.5, 30, g,
                                                &err),
                     TALLY_ERR_INVALID_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_2x2),
        cmocka_unit_test(test_rc),
        cmocka_unit_test(test_5x5_and_large),
        cmocka_unit_test(test_small_and_weighted),
        cmocka_unit_test(test_degenerate),
        cmocka_unit_test(test_monte_carlo),
        cmocka_unit_test(test_column_letters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

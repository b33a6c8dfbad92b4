/*
 * Unit tests: weighted frequencies (freq.c, summary.c): frequency weights
 * (`--count`, each row stands for w respondents) and sampling weights
 * (`--weight`: weighted percentages, Kish's effective n in the intervals,
 * the mean's interval as R survey::svymean).
 *
 * Expected values from R 4.2.2 (survey 4.1.1, matrixStats 0.63.0, Hmisc
 * 4.8.0) and statsmodels 0.13.5, with the exact call beside each
 * (tests/reference/freq_reference.R and freq_reference.py); freq_of()
 * checks the invariants of tally/freq.h on every item (freq_test.h).
 */
#include "freq_test.h"

/* Scale S and numeric N (missing code -99), then the weight column. */
#define YAML                                                                  \
    "scales:\n"                                                               \
    "  perf:\n"                                                               \
    "    options: [Unsatisfactory, Partially met, Met, Beyond,\n"             \
    "              Far beyond]\n"                                             \
    "    missing: [\"Don't know\", N/A]\n"                                    \
    "questions:\n"                                                            \
    "  - {id: S, type: scale, column: S, scale: perf}\n"                      \
    "  - {id: N, type: numeric, column: N, missing: [-99]}\n"

typedef struct ci_case {
    tally_ci_method method;
    double level;
    double lo[5], hi[5];
} ci_case;

/* S with each case's method and level against cases[]. */
static void check_cis(const tally_dataset *ds, const ci_case *cases,
                      size_t n)
{
    for (size_t i = 0; i < n; i++) {
        tally_freq_opts o = {cases[i].method, cases[i].level, 0};
        tally_freq *f = freq_of(ds, "S", &o);
        const tally_freq_item *it = tally_freq_get_item(f, 0);
        for (size_t j = 0; j < 5; j++) {
            tally_assert_rel(it->categories[j].ci_low, cases[i].lo[j], TOL);
            tally_assert_rel(it->categories[j].ci_high, cases[i].hi[j], TOL);
        }
        tally_freq_free(f);
    }
}

/* {base, missing, no_answer} of an item. */
static void check_counts(const tally_freq_item *it, const double *want)
{
    tally_assert_rel(it->base, want[0], SUM_TOL);
    tally_assert_rel(it->missing, want[1], SUM_TOL);
    tally_assert_rel(it->no_answer, want[2], SUM_TOL);
}

/* What a weighted dataset of S and N gives. */
typedef struct weighted_want {
    tally_weight_kind kind;
    double respondents;
    double s[3], n[3];        /* check_counts() of S and of N            */
    double n_eff;             /* of S                                    */
    const double *percent;    /* S's valid percentages, or NULL          */
    const summary_want *want; /* S at level 0.95, N at n_level           */
    double n_level;
    const ci_case *cis;       /* S's intervals                           */
    size_t n_cis;
} weighted_want;

static void check_weighted(const tally_dataset *ds, const weighted_want *w)
{
    assert_int_equal(tally_dataset_weight_kind(ds), w->kind);
    tally_freq *f = freq_of(ds, "S", NULL);
    const tally_freq_item *it = tally_freq_get_item(f, 0);
    assert_int_equal(tally_freq_weight_kind(f), w->kind);
    tally_assert_rel(it->respondents, w->respondents, SUM_TOL);
    check_counts(it, w->s);
    tally_assert_rel(it->n_eff, w->n_eff, TOL);
    for (size_t i = 0; w->percent && i < 5; i++)
        tally_assert_rel(it->categories[i].percent, w->percent[i], TOL);
    check_summary(it, &w->want[0], TOL);
    tally_freq_free(f);
    check_cis(ds, w->cis, w->n_cis);
    tally_freq_opts o = {TALLY_CI_WILSON, w->n_level, 0};
    f = freq_of(ds, "N", &o);
    check_counts(tally_freq_get_item(f, 0), w->n);
    check_summary(tally_freq_get_item(f, 0), &w->want[1], TOL);
    tally_freq_free(f);
}

/* ---- rows of weight 0 ---------------------------------------------- */

/*
 * A row of weight 0 stands for nobody: it is not the minimum or maximum
 * of a numeric item. R 4.2.2: x = rep(c(1, 5, 7, 50), c(0, 2, 1, 0)):
 * min(x) = 5, max(x) = 7, mean(x) = 17 / 3. Sampling weights: the same
 * rows (a scale point of weight 0 is not the minimum either).
 */
static void test_zero_weight_rows_not_min_max(void **state)
{
    (void)state;
    static const run runs[] = {
        {"r,,1,0", 1}, {"r,,5,2", 1}, {"r,,7,1", 1}, {"r,,50,0", 1}};
    for (int sampling = 0; sampling < 2; sampling++) {
        tally_dataset_opts dso = {sampling ? "c" : NULL,
                                  sampling ? NULL : "c"};
        tally_dataset *ds = build_runs("k,S,N,c", runs, 4, YAML, &dso);
        tally_freq *f = freq_of(ds, "N", NULL);
        const tally_summary *s = &tally_freq_get_item(f, 0)->summary;
        tally_assert_rel(s->min, 5, 0);
        tally_assert_rel(s->max, 7, 0);
        tally_assert_rel(s->mean, 17.0 / 3, TOL);
        tally_freq_free(f);
        tally_dataset_free(ds);
    }
}

/* ---- frequency weights, integer: the expanded data --------------------- */

static const run fi_runs[] = {
    {"r,Unsatisfactory,10,2", 1}, {"r,Unsatisfactory,12,1", 1},
    {"r,Partially met,15,4", 1},  {"r,Met,11,5", 1},
    {"r,Met,14,3", 1},            {"r,Beyond,18,6", 1},
    {"r,Far beyond,9,2", 1},      {"r,Don't know,-99,3", 1},
    {"r,,,2", 1},                 {"r,Met,100,0", 1}};

static const ci_case fi_cis[] = {
    /* statsmodels 0.13.5+dfsg: proportion_confint([3, 4, 8, 6, 2], 23,
       0.05, method='wilson') */
    {TALLY_CI_WILSON, 0.95,
     {4.537659093631238, 6.978653563062565, 18.811275938797728,
      12.54861604498634, 2.4180004484220334},
     {32.12748227009597, 37.13764764022614, 55.109664622736986,
      46.47000483742537, 26.795981075743658}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([3, 4, 8, 6, 2], 23,
       0.05, method='beta') */
    {TALLY_CI_CLOPPER_PEARSON, 0.95,
     {2.7751507422793193, 4.950764530579343, 16.376359837494988,
      10.228613391535845, 1.0709966037875884},
     {33.5889137537121, 38.78118899547975, 57.26560369635057,
      48.40519704024381, 28.037933590941094}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([3, 4, 8,
       6, 2], 0.05, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 0.95,
     {0.0, 0.0, 17.391304347826086, 8.695652173913043, 0.0},
     {35.68129710281953, 40.02912318977605, 57.42042753760214,
      48.72477536368909, 31.333471015863}},
};

static void test_count_integer(void **state)
{
    (void)state;
    /* R 4.2.2: xs = rep(S, c), xn = rep(N, c); table(xs); summaries as
       for the scales at level 0.95 (xs, boxes 4:5 and 1:2) and 0.99 (xn) */
    static const double want_count[] =
        {3, 4, 8, 6, 2};
    static const summary_want want[] = {
     {3, 1.1677484162422844, 3, 2.4950277175584303, 3.5049722824415701,
      34.782608695652172, 30.434782608695656, 1, 5},
     {13.695652173913043, 3.2253933179282135, 14, 11.799923160386451,
      15.591381187439636, NAN, NAN, 9, 18}};
    static const weighted_want w = {
        TALLY_WEIGHT_FREQUENCY, 28, {23, 3, 2}, {23, 3, 2}, 23, NULL, want,
        0.99, fi_cis, sizeof fi_cis / sizeof *fi_cis};
    tally_dataset_opts dso = {.count = "c"};
    tally_dataset *ds = build_runs("k,S,N,c", fi_runs, 10, YAML, &dso);
    check_weighted(ds, &w);
    tally_freq *f = freq_of(ds, "S", NULL);
    check_cats(tally_freq_get_item(f, 0), 0, 5, want_count, NULL, NULL, 0);
    tally_freq_free(f);
    tally_dataset_free(ds);
}

/* ---- frequency weights, non-integer ------------------------------------ */

static const ci_case fn_cis[] = {
    /* statsmodels 0.13.5+dfsg: proportion_confint(x, n, 0.05,
       method='wilson'), x = weighted counts ['1.5', '2.6', '3.95', '4.55',
       '0.8'] of n = 13.4 */
    {TALLY_CI_WILSON, 0.95,
     {2.628413188839804, 6.3480567958942995, 12.048288766298047,
      14.89311887590998, 0.903598539939654},
     {37.05186498160503, 46.0921625308026, 56.051858343071814,
      60.16699613687009, 30.6567170765266}},
    /* statsmodels 0.13.5+dfsg: proportion_confint(x, n, 0.05,
       method='beta'), x = weighted counts ['1.5', '2.6', '3.95', '4.55',
       '0.8'] of n = 13.4 */
    {TALLY_CI_CLOPPER_PEARSON, 0.95,
     {0.8174130775520866, 3.5456422286037634, 8.583691932480374,
      11.251278409438779, 0.06768974394111721},
     {39.90154020996195, 49.380596637853905, 59.69630257418154,
      63.91940349189753, 33.115362982265225}},
    /* statsmodels 0.13.5+dfsg: proportion_confint(x, n, 0.05,
       method='agresti_coull'), x = weighted counts ['1.5', '2.6', '3.95',
       '4.55', '0.8'] of n = 13.4 */
    {TALLY_CI_AGRESTI_COULL, 0.95,
     {1.01613882904297, 5.459154000148237, 11.682067513175841,
      14.674792861445034, 0.0},
     {38.66413934140186, 46.98106532654865, 56.418079596194026,
      60.38532215133503, 32.98790310230272}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint(x, 0.05,
       method='goodman') */
    {TALLY_CI_GOODMAN, 0.95,
     {1.8109254418320078, 4.62469484401089, 9.169879333663577,
      11.503694770716171, 0.5884087474648787},
     {46.279647686107694, 54.446718583787714, 63.37801991668914,
      67.03375373410505, 40.51435691692825}},
};

static void test_count_fractional(void **state)
{
    (void)state;
    static const run runs[] = {
        {"r,Unsatisfactory,12.5,1.5", 1}, {"r,Partially met,20,0.25", 1},
        {"r,Met,31,2.75", 1},             {"r,Met,18,1.2", 1},
        {"r,Beyond,27,3.1", 1},           {"r,Far beyond,40,0.8", 1},
        {"r,Beyond,22.5,1.45", 1},        {"r,Don't know,-99,0.6", 1},
        {"r,,,1.1", 1},                   {"r,Partially met,35,2.35", 1}};
    /* R 4.2.2: over rows with an answer: W = sum(w), m = weighted.mean(x,
       w), v = sum(w * (x - m)^2) / (W - 1) (= Hmisc::wtd.var(x, w)), sd
       sqrt(v), matrixStats::weightedMedian(x, w, interpolate = FALSE,
       ties = "mean"), m -/+ qt(1 - alpha / 2, W - 1) * sqrt(v / W), boxes
       100 * sum(w[x %in% box]) / W, min and max of x[w > 0]; S at 0.95, N
       at 0.90 */
    static const double percent[] =
        {11.194029850746269, 19.402985074626866, 29.477611940298509,
         33.955223880597011, 5.9701492537313428};
    static const summary_want want[] = {
     {3.0410447761194028, 1.1474876263699418, 3, 2.3604884728787017,
      3.721601079360104, 39.92537313432836, 30.597014925373131, 1, 5},
     {26.953358208955223, 7.9502401509710801, 27, 23.092892063072348,
      30.813824354838097, NAN, NAN, 12.5, 40}};
    static const weighted_want w = {
        TALLY_WEIGHT_FREQUENCY, 15.1, {13.4, 0.6, 1.1}, {13.4, 0.6, 1.1},
        13.4, percent, want, 0.9, fn_cis, sizeof fn_cis / sizeof *fn_cis};
    tally_dataset_opts dso = {.count = "c"};
    tally_dataset *ds = build_runs("k,S,N,c", runs, 10, YAML, &dso);
    check_weighted(ds, &w);
    tally_dataset_free(ds);
}

/* ---- sampling weights ------------------------------------------------- */

static const ci_case sw_cis[] = {
    /* p = weighted proportions, n_eff = sum(w)^2 / sum(w^2) =
       8.781451919422272 */
    /* statsmodels 0.13.5+dfsg: proportion_confint(p * n_eff, n_eff, 0.05,
       method='wilson') */
    {TALLY_CI_WILSON, 0.95,
     {2.2859820773637547, 3.800626623979525, 8.348981918437254,
      3.6747458929365875, 9.356722033244885},
     {45.08066111335219, 49.51587429300331, 59.155641268874334,
      49.18407366048726, 60.89398933542065}},
    /* statsmodels 0.13.5+dfsg: proportion_confint(p * n_eff, n_eff, 0.05,
       method='beta') */
    {TALLY_CI_CLOPPER_PEARSON, 0.95,
     {0.37825051956058586, 1.1147892948611229, 4.3122868072558065,
      1.0439629403050412, 5.125326156525555},
     {50.041557363318745, 54.70067413491784, 64.67601986012994,
      54.35363490463353, 66.45190179810587}},
    /* statsmodels 0.13.5+dfsg: proportion_confint(p * n_eff, n_eff, 0.05,
       method='jeffreys') */
    {TALLY_CI_JEFFREYS, 0.95,
     {1.44553918271454, 2.6775451223629334, 6.802599861249037,
      2.5710712368739967, 7.764417904970641},
     {43.24795111407526, 48.4201608944004, 59.283275975819215,
      48.03781245031215, 61.20007785828153}},
    /* statsmodels 0.13.5+dfsg: proportion_confint(p * n_eff, n_eff, 0.05,
       method='agresti_coull') */
    {TALLY_CI_AGRESTI_COULL, 0.95,
     {0.23026932234417596, 2.2655551945159864, 7.666433478108842,
      2.103774675277445, 8.791394224354597},
     {47.13637386837177, 51.05094572246684, 59.83818970920274,
      50.75504487814641, 61.45931714431093}},
    /* statsmodels 0.13.5+dfsg: proportion_confint(p * n_eff, n_eff, 0.05,
       method='normal') */
    {TALLY_CI_WALD, 0.95,
     {0.0, 0.0, 0.0, 0.0, 0.0},
     {33.79564035053673, 40.96582928153123, 55.88533715363641,
      40.43819163418526, 58.512201237733066}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint(p * n_eff,
       0.10, method='goodman') */
    {TALLY_CI_GOODMAN, 0.9,
     {1.7828366876864101, 3.0175973590542453, 6.834835648078408,
      2.914045565913888, 7.69552067246447},
     {51.40747174623833, 55.46424142581814, 64.26526781982295,
      55.16075242273174, 65.84682757279734}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([1, 1, 2,
       1, 3], 0.05, method='sison-glaz'): p * n_eff rounded (no halves) */
    {TALLY_CI_SISON_GLAZ, 0.95,
     {0.0, 0.0, 0.0, 0.0, 12.5},
     {53.200323434887544, 53.200323434887544, 65.70032343488754,
      53.200323434887544, 78.20032343488754}},
};

/*
 * The base is the sample of the design: svydesign() is given the rows
 * with a valid answer (not subset() of a design over every row, which
 * would be domain estimation with n - 1 = 13 degrees of freedom). tally
 * treats missing codes and no answers as outside the sample, as it does
 * for percentages.
 *
 * The SD is Stata's aweights one (summary.h): sum w (x - m)^2 / W *
 * n / (n - 1), 1.4269905940372958 for S. The reliability-weight variance
 * sum w (x - m)^2 / (W - sum w^2 / W), which Hmisc::wtd.var(x, w,
 * normwt = TRUE) and cov.wt() give (1.4453652619623427), is another
 * convention, not a check of this one.
 */
static void test_sampling_weights(void **state)
{
    (void)state;
    static const run runs[] = {
        {"r,Unsatisfactory,12,0.8", 1}, {"r,Partially met,15,1.6", 1},
        {"r,Partially met,22,0.9", 1},  {"r,Met,30,1.25", 1},
        {"r,Met,28,2.1", 1},            {"r,Met,,0.7", 1},
        {"r,Beyond,41,1.9", 1},         {"r,Beyond,38,0.55", 1},
        {"r,Far beyond,45,1.35", 1},    {"r,Far beyond,-99,3.0", 1},
        {"r,Don't know,33,1.15", 1},    {"r,,19,0.95", 1},
        {"r,N/A,-99,2.4", 1},           {"r,Unsatisfactory,25,1.05", 1}};
    /* R 4.2.2, survey 4.1.1: over the base (rows with a valid answer) df:
       100 * prop.table(xtabs(w ~ factor(S, levels = 1:5), data = df));
       n_eff sum(df$w)^2 / sum(df$w^2) */
    static const double percent[] =
        {12.171052631578949, 16.447368421052634, 26.644736842105267,
         16.118421052631582, 28.618421052631575};
    static const double n_eff = 8.7814519194222722;
    /* R 4.2.2, survey 4.1.1: d <- svydesign(ids = ~1, weights = ~w, data
       = df); m <- svymean(~x, d); confint(m, df = degf(d), level =
       level); sd sqrt(Hmisc::wtd.var(df$x, df$w * nrow(df) / sum(df$w)))
       (Stata's aweights: the weights rescaled to sum to n);
       matrixStats::weightedMedian(df$x, df$w, interpolate = FALSE, ties =
       "mean"); boxes 100 * sum(w[x %in% box]) / sum(w), min(df$x),
       max(df$x); S at 0.95, N at 0.99 */
    static const summary_want want[] = {
     {3.325657894736842, 1.4269905940372958, 3, 2.2588161075836184,
      4.3924996818900652, 44.736842105263158, 28.618421052631582, 1, 5},
     {28.786764705882355, 10.58626947641782, 28, 18.194403158435083,
      39.37912625332963, NAN, NAN, 12, 45}};
    const weighted_want w = {
        TALLY_WEIGHT_SAMPLING, 19.7, {15.2, 3.55, 0.95}, {13.6, 5.4, 0.7},
        n_eff, percent, want, 0.99, sw_cis, sizeof sw_cis / sizeof *sw_cis};
    tally_dataset_opts dso = {.weight = "w"};
    tally_dataset *ds = build_runs("k,S,N,w", runs, 14, YAML, &dso);
    check_weighted(ds, &w);
    tally_dataset_free(ds);
}

/* 100,000 generated rows with sampling weights against sums taken here. */
static void test_sampling_large(void **state)
{
    (void)state;
    static const char *const labels[] = {"Unsatisfactory", "Partially met",
                                         "Met", "Beyond", "Far beyond",
                                         "Don't know", ""};
    enum { ROWS = 100000 };
    char *csv = malloc((size_t)ROWS * 28 + 8), *p = csv;
    assert_non_null(csv);
    double w[7] = {0}, w2[7] = {0}, all = 0;
    uint32_t s = 2024;
    p += sprintf(p, "k,S,w\n");
    for (size_t r = 0; r < ROWS; r++) {
        s = s * 1664525u + 1013904223u; /* Numerical Recipes' LCG */
        size_t c = (s >> 16) % 7;
        double wt = (double)((s >> 8) % 16 + 1) / 4; /* 0.25 .. 4 */
        w[c] += wt;
        w2[c] += wt * wt;
        all += wt;
        p += sprintf(p, "r,%s,%g\n", labels[c], wt);
    }
    tally_dataset_opts dso = {.weight = "w"};
    tally_dataset *ds = build_ds(
        csv, "questions:\n  - {id: S, type: scale, column: S,\n"
             "     options: [Unsatisfactory, Partially met, Met, Beyond,\n"
             "               Far beyond], missing: [\"Don't know\"]}\n",
        &dso);
    free(csv);
    tally_freq_opts o = {TALLY_CI_CLOPPER_PEARSON, 0.99, 0};
    tally_freq *f = freq_of(ds, "S", &o);
    const tally_freq_item *it = tally_freq_get_item(f, 0);
    double base = 0, base2 = 0;
    for (size_t c = 0; c < 5; c++) {
        base += w[c];
        base2 += w2[c];
    }
    double n_eff = base * base / base2;
    tally_assert_rel(it->respondents, all, SUM_TOL);
    check_counts(it, (const double[]){base, w[5], w[6]});
    tally_assert_rel(it->n_eff, n_eff, SUM_TOL);
    check_cats(it, 0, 6, w, NULL, NULL, 0);
    for (size_t c = 0; c < 5; c++) {
        double lo, hi, pc = w[c] / base;
        tally_assert_rel(it->categories[c].percent, pc * 100, SUM_TOL);
        tally_ci_proportion(TALLY_CI_CLOPPER_PEARSON, pc * n_eff, n_eff,
                            0.99, &lo, &hi);
        tally_assert_rel(it->categories[c].ci_low, lo * 100, SUM_TOL);
        tally_assert_rel(it->categories[c].ci_high, hi * 100, SUM_TOL);
    }
    tally_freq_free(f);
    tally_dataset_free(ds);
}

/*
 * The no-answers of a weighted numeric item are the weights of its blank
 * rows, summed (R: sum(w[x == ""])), not every row's weight less the
 * base, which loses digits to cancellation: one blank of weight 0.1
 * among 100,000 answers of weight 1 to 4 came out 0.10000000000582077.
 */
static void test_weighted_numeric_no_answer_not_a_difference(void **state)
{
    (void)state;
    enum { ROWS = 100000 };
    char *csv = malloc((size_t)ROWS * 24 + 32), *p = csv;
    assert_non_null(csv);
    p += sprintf(p, "k,S,N,w\n");
    for (size_t r = 0; r < ROWS; r++)
        p += sprintf(p, "r,,%zu,%.2f\n", r % 97, 1 + (double)(r % 301) / 100);
    sprintf(p, "r,,,0.1\nr,,-99,0.3\n");
    tally_dataset_opts dso = {.weight = "w"};
    tally_dataset *ds = build_ds(csv, YAML, &dso);
    free(csv);
    tally_freq *f = freq_of(ds, "N", NULL);
    tally_assert_rel(tally_freq_get_item(f, 0)->no_answer, 0.1, TOL);
    tally_assert_rel(tally_freq_get_item(f, 0)->missing, 0.3, TOL);
    tally_freq_free(f);
    tally_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zero_weight_rows_not_min_max),
        cmocka_unit_test(test_count_integer),
        cmocka_unit_test(test_count_fractional),
        cmocka_unit_test(test_sampling_weights),
        cmocka_unit_test(test_sampling_large),
        cmocka_unit_test(test_weighted_numeric_no_answer_not_a_difference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

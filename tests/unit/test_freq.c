/*
 * Unit tests: frequencies of single and scale questions (freq.c,
 * summary.c, ci_fpc.c): counts, percent of the base, intervals of every
 * method, the scale summary, the finite population correction and edge
 * cases (test_freq_types.c has the other types, errors and JSON;
 * test_freq_weights.c the weights).
 *
 * Every expected value comes from R or statsmodels, with the exact call
 * beside it (tests/reference/freq_reference.R and freq_reference.py print
 * these tables). freq_of() checks the invariants of tally/freq.h on every
 * item computed here (freq_test.h).
 */
#include "freq_test.h"

/* The five-point scale of S, G and the edge cases. */
#define PERF                                                                  \
    "scales:\n"                                                               \
    "  perf:\n"                                                               \
    "    options: [Unsatisfactory, Partially met, Met, Beyond,\n"             \
    "              Far beyond]\n"                                             \
    "    missing: [\"Don't know\", N/A]\n"

/* S: 3, 7, 12, 9, 4 over the scale; 5 Don't know, 2 N/A, 4 no answer. */
static const run s_runs[] = {
    {"r,Unsatisfactory", 3}, {"r,Partially met", 7}, {"r,Met", 12},
    {"r,Beyond", 9},         {"r,Far beyond", 4},    {"r,Don't know", 5},
    {"r,N/A", 2},            {"r,", 4}};

static tally_dataset *s_dataset(const char *top)
{
    char yaml[512];
    snprintf(yaml, sizeof yaml,
             "%s" PERF "questions:\n"
             "  - {id: S, type: scale, column: S, scale: perf}\n",
             top);
    return build_runs("k,S", s_runs, 8, yaml, NULL);
}

/* Intervals of the valid categories, in percent. */
typedef struct ci_case {
    tally_ci_method method;
    double level;
    double lo[5], hi[5];
} ci_case;

static void check_ci_cases(const tally_dataset *ds, const char *id,
                           const ci_case *cases, size_t n, size_t k,
                           double population)
{
    for (size_t i = 0; i < n; i++) {
        const ci_case *c = &cases[i];
        tally_freq_opts o = {c->method, c->level, population};
        tally_freq *f = freq_of(ds, id, &o);
        assert_int_equal(tally_freq_ci_method(f), c->method);
        tally_assert_rel(tally_freq_ci_level(f), c->level, 0);
        for (size_t j = 0; j < k; j++) {
            const tally_category *cat =
                &tally_freq_get_item(f, 0)->categories[j];
            tally_assert_rel(cat->ci_low, c->lo[j], TOL);
            tally_assert_rel(cat->ci_high, c->hi[j], TOL);
        }
        tally_freq_free(f);
    }
}

/* ---- S: every method at every level --------------------------------- */

static const ci_case s_cis[] = {
    /* statsmodels 0.13.5+dfsg: proportion_confint([3, 7, 12, 9, 4], 35,
       alpha, method='wilson'), alpha = 0.10, 0.05, 0.01 for level 0.90,
       0.95, 0.99 */
    {TALLY_CI_WILSON, 0.9,
     {3.4775808929301597, 11.223725313039072, 22.648538656242152,
      15.620406292437616, 5.235600033307748},
     {19.610651384358118, 33.08154633603175, 48.17803220755684,
      39.29338504252446, 23.156892086926167}},
    {TALLY_CI_WILSON, 0.95,
     {2.958236826696979, 10.042446473798627, 20.83169498704896,
      14.163027069060446, 4.535179333097357},
     {22.379273965896495, 35.891613065665624, 50.848050486003736,
      42.06930684383918, 25.951468646213815}},
    {TALLY_CI_WILSON, 0.99,
     {2.193766372664024, 8.112531175510357, 17.6766670335285,
      11.713051151912113, 3.4652679569127347},
     {28.153124414885834, 41.44901042926713, 55.903188092783516,
      47.45581586147919, 31.68528553494403}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([3, 7, 12, 9, 4], 35,
       alpha, method='normal'), alpha = 0.10, 0.05, 0.01 for level 0.90,
       0.95, 0.99 */
    {TALLY_CI_WALD, 0.9,
     {0.7881816814726759, 8.878759670210645, 21.088577098760695,
      13.562695402081932, 2.5827934887615465},
     {16.354675461384467, 31.12124032978936, 47.482851472667875,
      37.865876026489495, 20.274349368381312}},
    {TALLY_CI_WALD, 0.95,
     {0.0, 6.748224794810531, 18.560355407792443, 11.2347727797844,
      0.888176895473082},
     {17.84573926822287, 33.251775205189475, 50.011073163636134,
      40.19379864878702, 21.968965961669774}},
    {TALLY_CI_WALD, 0.99,
     {0.0, 2.5842152372100387, 13.619089528280556, 6.68498006785759, 0.0},
     {20.759938896849594, 37.41578476278996, 54.952339043148015,
      44.74359136071383, 25.28099796471144}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([3, 7, 12, 9, 4], 35,
       alpha, method='agresti_coull'), alpha = 0.10, 0.05, 0.01 for level
       0.90, 0.95, 0.99 */
    {TALLY_CI_AGRESTI_COULL, 0.9,
     {2.9842226397234524, 11.028678485059858, 22.602393697419892,
      15.50192707873257, 4.847259015383464},
     {20.10400963756483, 33.27659316401097, 48.224177166379114,
      39.411864256229535, 23.545233104850453}},
    {TALLY_CI_AGRESTI_COULL, 0.95,
     {2.2082630787267963, 9.739124897112394, 20.759358104936812,
      13.97797106445324, 3.939454806582998},
     {23.129247713866686, 36.19493464235185, 50.9203873681159,
      42.254362848446384, 26.54719317272817}},
    {TALLY_CI_AGRESTI_COULL, 0.99,
     {0.8516867274809159, 7.545814795872915, 17.539253332176187,
      11.364184751480918, 2.3814150338474533},
     {29.495204060068936, 42.01572680890456, 56.040601794135824,
      47.80468226191037, 32.76913845800931}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([3, 7, 12, 9, 4], 35,
       alpha, method='beta'), alpha = 0.10, 0.05, 0.01 for level 0.90,
       0.95, 0.99 */
    {TALLY_CI_CLOPPER_PEARSON, 0.9,
     {2.3771016816810535, 9.782836842691164, 21.119228126000063,
      14.121667668986184, 3.9992886167040367},
     {20.688091821913737, 34.30496859905821, 49.55191631318878,
      40.581764267245674, 24.272206819744984}},
    {TALLY_CI_CLOPPER_PEARSON, 0.95,
     {1.8037639814217492, 8.440601616056451, 19.132410218826575,
      12.489397191676193, 3.203116902909801},
     {23.05750186588772, 36.93788445224453, 52.21099833935212,
      43.2558849694038, 26.73780437192452}},
    {TALLY_CI_CLOPPER_PEARSON, 0.99,
     {0.9891026606523097, 6.182951293941555, 15.564062401897946,
      9.652763551769466, 1.9878328579566469},
     {27.983171642207655, 42.19825956022592, 57.35166750878994,
      48.52341177797503, 31.800257264251243}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([3, 7, 12, 9, 4], 35,
       alpha, method='jeffreys'), alpha = 0.10, 0.05, 0.01 for level 0.90,
       0.95, 0.99 */
    {TALLY_CI_JEFFREYS, 0.9,
     {3.161476318980353, 10.838477036770735, 22.33337640644788,
      15.250794606397994, 4.881720830812612},
     {18.829817268748787, 32.69095517928323, 48.08957836446065,
      39.037333701712676, 22.499863970946727}},
    {TALLY_CI_JEFFREYS, 0.95,
     {2.4736265309406797, 9.419063622413153, 20.29552594170593,
      13.553243667479798, 3.982922426535422},
     {21.140142555683795, 35.30587417923282, 50.75683010548167,
      41.7054175088082, 24.920655922922755}},
    {TALLY_CI_JEFFREYS, 0.99,
     {1.4555371210154722, 7.008942038280966, 16.619247604922137,
      10.583996809074254, 2.577321821311792},
     {25.978438228857932, 40.5507470448912, 55.92880973232788,
      46.97877265451195, 29.920423340240827}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([3, 7, 12,
       9, 4], alpha, method='goodman') */
    {TALLY_CI_GOODMAN, 0.9,
     {2.4691923995892413, 8.83828580044403, 18.89286338260957,
      12.645165193039562, 3.8566564975025233},
     {25.769757027846964, 39.19681550907874, 53.8874277795214,
      45.28801205752649, 29.331330900455317}},
    {TALLY_CI_GOODMAN, 0.95,
     {2.1937663726640246, 8.112531175510359, 17.676667033528503,
      11.713051151912113, 3.4652679569127374},
     {28.153124414885834, 41.449010429267126, 55.90318809278351,
      47.45581586147919, 31.685285534944025}},
    {TALLY_CI_GOODMAN, 0.99,
     {1.7404911302338133, 6.8264810609966, 15.421161692454424,
      10.025915176646931, 2.8045353424705164},
     {33.16343201875638, 46.03498052965147, 59.88722295026599,
      51.81431563483008, 36.58877241693415}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([3, 7, 12,
       9, 4], alpha, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 0.9,
     {0.0, 8.571428571428573, 22.857142857142858, 14.285714285714285, 0.0},
     {25.451954562076693, 36.880525990648124, 51.16624027636241,
      42.59481170493383, 28.309097419219547}},
    {TALLY_CI_SISON_GLAZ, 0.95,
     {0.0, 5.714285714285716, 20.0, 11.428571428571427, 0.0},
     {27.120741175891855, 38.54931260446328, 52.83502689017757,
      44.263598318749, 29.977884033034712}},
    {TALLY_CI_SISON_GLAZ, 0.99,
     {0.0, 0.0, 14.285714285714285, 5.714285714285711, 0.0},
     {29.608433037419285, 41.03700446599071, 55.322718751705004,
      46.75129018027643, 32.46557589456214}},
    /* R 4.2.2: prop.test(table(sx)[i], 35, conf.level = level, correct =
       TRUE)$conf.int * 100 for each category i (no count is 35 / 2, where
       prop.test would drop the correction) */
    {TALLY_CI_WILSON_CC, 0.9,
     {2.6649652528769314, 10.168424455873959, 21.445528937352346,
      14.497047036246668, 4.3368925024031997},
     {21.403469696357885, 34.659676798721392, 49.61542491815792,
      40.807443090618754, 24.876319770354822}},
    {TALLY_CI_WILSON_CC, 0.95,
     {2.2401667493453075, 9.0613400664015664, 19.68442664636564,
      13.105747886702135, 3.7256368101779214},
     {24.186442575774407, 37.464226947578808, 52.262044221099337,
      43.570033198746955, 27.679770919231323}},
    {TALLY_CI_WILSON_CC, 0.99,
     {1.629850059787987, 7.2680737491453362, 16.640960938518418,
      10.781885247143297, 2.8076517002033703},
     {29.941070439499928, 42.982845912391021, 57.253709865821179,
      48.907389747074888, 33.390647670417714}},
};

static void test_scale_counts_and_cis(void **state)
{
    (void)state;
    tally_dataset *ds = s_dataset("");
    tally_freq *f = freq_of(ds, "S", NULL);
    const tally_freq_item *it = tally_freq_get_item(f, 0);
    assert_int_equal(tally_freq_type(f), TALLY_QTYPE_SCALE);
    assert_int_equal(tally_freq_ci_method(f), TALLY_CI_WILSON);
    tally_assert_rel(tally_freq_ci_level(f), 0.95, 0);
    tally_assert_rel(it->respondents, 46, 0);
    tally_assert_rel(it->base, 35, 0);
    tally_assert_rel(it->missing, 7, 0);
    tally_assert_rel(it->no_answer, 4, 0);
    tally_assert_rel(it->n_eff, 35, 0);
    assert_int_equal(it->n_categories, 7);
    static const double count[] = {3, 7, 12, 9, 4, 5, 2};
    check_cats(it, 0, 7, count, NULL, NULL, 0);
    assert_string_equal(it->categories[5].label, "Don't know");
    assert_true(it->categories[5].missing && it->categories[6].missing);
    assert_true(isnan(it->categories[6].value));
    tally_assert_rel(it->categories[4].value, 5, 0);
    /* R 4.2.2: 100 * prop.table(table(factor(S[S %in% valid], levels =
       valid))) */
    static const double percent[] =
        {8.5714285714285712, 20, 34.285714285714285, 25.714285714285712,
         11.428571428571429};
    for (size_t i = 0; i < 5; i++)
        tally_assert_rel(it->categories[i].percent, percent[i], TOL);
    /* The default method and level are Wilson at 0.95. */
    for (size_t i = 0; i < 5; i++) {
        tally_assert_rel(it->categories[i].ci_low, s_cis[1].lo[i], TOL);
        tally_assert_rel(it->categories[i].ci_high, s_cis[1].hi[i], TOL);
    }
    assert_int_equal(it->n_notes, 0);
    tally_freq_free(f);
    check_ci_cases(ds, "S", s_cis, sizeof s_cis / sizeof *s_cis, 5, 0);
    tally_dataset_free(ds);
}

/* ---- G: an unordered single question -------------------------------- */

static const ci_case g_cis[] = {
    /* statsmodels 0.13.5+dfsg: proportion_confint([14, 9, 0, 5, 2], 30,
       0.05, method='wilson') */
    {TALLY_CI_WILSON, 0.95,
     {30.232388907699754, 16.66474826824379, 0.0, 7.336542371848548,
      1.8477023791270377},
     {63.8577003801267, 47.87578745871496, 11.35133931739688,
      33.564350506416034, 21.323458362616925}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([14, 9, 0, 5, 2], 30,
       0.05, method='beta') */
    {TALLY_CI_CLOPPER_PEARSON, 0.95,
     {28.3418079183537, 14.734518475470102, 0.0, 5.642169646807148,
      0.8178134460656307},
     {65.67447618392659, 49.39590414625537, 11.570330822202783,
      34.72116988341438, 22.07354015229619}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([14, 9, 0, 5, 2], 30,
       0.05, method='jeffreys') */
    {TALLY_CI_JEFFREYS, 0.95,
     {29.810225607121037, 15.99931884084719, 0.0016231861223464374,
      6.657395356745499, 1.411228664777573},
     {64.13277114079919, 47.65442027824218, 7.9678173817259985,
      32.74277516634612, 19.70943205822059}},
};

static void test_single(void **state)
{
    (void)state;
    static const run runs[] = {
        {"r,National focal point", 14}, {"r,Project partner", 9},
        {"r,Former personnel", 5},      {"r,Other", 2},
        {"r,Prefer not to say", 3},     {"r,", 6}};
    tally_dataset *ds = build_runs(
        "k,G", runs, 6,
        "questions:\n"
        "  - id: G\n    type: single\n    column: G\n"
        "    options: [National focal point, Project partner, Expert,\n"
        "              Former personnel, Other]\n"
        "    missing: [Prefer not to say]\n",
        NULL);
    tally_freq *f = freq_of(ds, "G", NULL);
    const tally_freq_item *it = tally_freq_get_item(f, 0);
    assert_int_equal(tally_freq_type(f), TALLY_QTYPE_SINGLE);
    assert_false(it->has_summary);
    tally_assert_rel(it->respondents, 39, 0);
    tally_assert_rel(it->base, 30, 0);
    tally_assert_rel(it->missing, 3, 0);
    tally_assert_rel(it->no_answer, 6, 0);
    static const double count[] = {14, 9, 0, 5, 2, 3};
    check_cats(it, 0, 6, count, NULL, NULL, 0);
    /* Unordered options carry their position as value. */
    tally_assert_rel(it->categories[2].value, 3, 0);
    /* R 4.2.2: 100 * prop.table(table(factor(G[G %in% gv], levels = gv))) */
    static const double percent[] =
        {46.666666666666664, 30, 0, 16.666666666666664, 6.666666666666667};
    for (size_t i = 0; i < 5; i++)
        tally_assert_rel(it->categories[i].percent, percent[i], TOL);
    tally_freq_free(f);
    check_ci_cases(ds, "G", g_cis, sizeof g_cis / sizeof *g_cis, 5, 0);
    tally_dataset_free(ds);
}

/* ---- the scale summary ----------------------------------------------- */

/* One scale question with points p1..pk at `values`, 3 Don't know and 2
   no answers besides the counts. */
typedef struct scale_case {
    size_t k;
    double values[5];
    unsigned counts[5];
    double level;
    summary_want want;
} scale_case;

static const scale_case scale_cases[] = {
    /* R 4.2.2: mean(x), sd(x), median(x), t.test(x, conf.level =
       level)$conf.int, 100 * mean(x %in% top), 100 * mean(x %in% bottom),
       min(x), max(x) */
    /* S: 5 points, n = 35 (odd): x = rep(c(1, 2, 3, 4, 5), c(3, 7, 12, 9,
       4)), level = 0.95, top = 4:5, bottom = 1:2 */
    {5, {1, 2, 3, 4, 5}, {3, 7, 12, 9, 4}, 0.95,
     {3.1142857142857143, 1.1316679145878277, 3, 2.7255441844026951,
      3.5030272441687331, 37.142857142857146, 28.571428571428569, 1, 5}},
    /* S at level 0.90: x = rep(c(1, 2, 3, 4, 5), c(3, 7, 12, 9, 4)),
       level = 0.9, top = 4:5, bottom = 1:2 */
    {5, {1, 2, 3, 4, 5}, {3, 7, 12, 9, 4}, 0.9,
     {3.1142857142857143, 1.1316679145878277, 3, 2.7908342403790005,
      3.4377371881924281, 37.142857142857146, 28.571428571428569, 1, 5}},
    /* S at level 0.99: x = rep(c(1, 2, 3, 4, 5), c(3, 7, 12, 9, 4)),
       level = 0.99, top = 4:5, bottom = 1:2 */
    {5, {1, 2, 3, 4, 5}, {3, 7, 12, 9, 4}, 0.99,
     {3.1142857142857143, 1.1316679145878277, 3, 2.5923799123429303,
      3.6361915162284983, 37.142857142857146, 28.571428571428569, 1, 5}},
    /* n = 10, median between points 2 and 4 (3 is empty): x = rep(c(1, 2,
       3, 4, 5), c(2, 3, 0, 4, 1)), level = 0.95, top = 4:5, bottom = 1:2 */
    {5, {1, 2, 3, 4, 5}, {2, 3, 0, 4, 1}, 0.95,
     {2.8999999999999999, 1.4491376746189439, 3, 1.863349356759068,
      3.9366506432409314, 50, 50, 1, 5}},
    /* n = 10, median between points 2 and 3; top point empty: x =
       rep(c(1, 2, 3, 4, 5), c(1, 4, 3, 2, 0)), level = 0.99, top = 4:5,
       bottom = 1:2 */
    {5, {1, 2, 3, 4, 5}, {1, 4, 3, 2, 0}, 0.99,
     {2.6000000000000001, 0.96609178307929588, 2.5, 1.6071588422997523,
      3.5928411577002484, 20, 50, 1, 4}},
    /* values -2..2, lowest point empty, n = 16: x = rep(c(-2, -1, 0, 1,
       2), c(0, 2, 5, 6, 3)), level = 0.9, top = 1:2, bottom = -2:-1 */
    {5, {-2, -1, 0, 1, 2}, {0, 2, 5, 6, 3}, 0.9,
     {0.625, 0.9574271077563381, 1, 0.20539551704951003, 1.0446044829504897,
      56.25, 12.5, -1, 2}},
    /* 3-point scale: bottom2 is the lowest point only: x = rep(c(1, 2,
       3), c(11, 40, 22)), level = 0.95, top = 2:3, bottom = 1L */
    {3, {1, 2, 3}, {11, 40, 22}, 0.95,
     {2.1506849315068495, 0.65978180056221636, 2, 1.9967464477967785,
      2.3046234152169207, 84.93150684931507, 15.068493150684931, 1, 3}},
    /* 2-point scale: no boxes: x = rep(c(1, 2), c(4, 6)), level = 0.95,
       top = NULL, bottom = NULL */
    {2, {1, 2}, {4, 6}, 0.95,
     {1.6000000000000001, 0.5163977794943222, 2, 1.23059128221082,
      1.9694087177891799, NAN, NAN, 1, 2}},
};

static tally_dataset *scale_dataset(const scale_case *c)
{
    char yaml[512], *p = yaml;
    char rows[5][32];
    run runs[7];
    p += sprintf(p, "questions:\n  - id: S\n    type: scale\n"
                    "    column: S\n    missing: [\"Don't know\"]\n");
    for (size_t i = 0; i < c->k; i++) {
        p += sprintf(p, "%s p%zu", i ? "," : "    options: [", i + 1);
        sprintf(rows[i], "r,p%zu", i + 1);
        runs[i] = (run){rows[i], c->counts[i]};
    }
    for (size_t i = 0; i < c->k; i++)
        p += sprintf(p, "%s %g", i ? "," : "]\n    values: [", c->values[i]);
    strcpy(p, "]\n");
    runs[c->k] = (run){"r,Don't know", 3};
    runs[c->k + 1] = (run){"r,", 2};
    return build_runs("k,S", runs, c->k + 2, yaml, NULL);
}

static void test_scale_summary(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof scale_cases / sizeof *scale_cases; i++) {
        const scale_case *c = &scale_cases[i];
        tally_dataset *ds = scale_dataset(c);
        tally_freq_opts o = {TALLY_CI_WILSON, c->level, 0};
        tally_freq *f = freq_of(ds, "S", &o);
        const tally_freq_item *it = tally_freq_get_item(f, 0);
        tally_assert_rel(it->missing, 3, 0);
        tally_assert_rel(it->no_answer, 2, 0);
        check_summary(it, &c->want, TOL);
        tally_freq_free(f);
        tally_dataset_free(ds);
    }
}

/* ---- the finite population correction -------------------------------- */

static const ci_case fpc_cis[] = {
    /* fpc = sqrt((120 - 35) / 119); statsmodels 0.13.5+dfsg:
       proportion_confint(x / fpc**2, 35 / fpc**2, alpha, method=...) for x
       = [3, 7, 12, 9, 4] */
    {TALLY_CI_WILSON, 0.9,
     {3.978612682544906, 12.286149709272717, 24.21900520446815,
      16.9069558746813, 5.894363320862646},
     {17.49982601514522, 30.8534093476753, 45.996954301552236,
      37.06316336189566, 20.999355466641955}},
    {TALLY_CI_WILSON, 0.95,
     {3.4565668268776104, 11.177617514007423, 22.579073513785193,
      15.56406977410382, 5.207623686627438},
     {19.709823908534947, 33.18425163922236, 48.27714366171612,
      39.395538588034576, 23.257636653239427}},
    {TALLY_CI_WILSON, 0.99,
     {2.655336682726031, 9.308442435549946, 19.661061473208953,
      13.241906680480115, 4.117277101859479},
     {24.368882862143657, 37.84702689004534, 52.65847007829335,
      43.979187535477976, 27.939754888191608}},
    {TALLY_CI_CLOPPER_PEARSON, 0.9,
     {3.0821181787350818, 11.192467721864741, 23.096043718250964,
      15.787328041438872, 4.915241491831794},
     {18.23159208311225, 31.698871803547235, 46.96377660400926,
      37.96021711334577, 21.76048402120923}},
    {TALLY_CI_CLOPPER_PEARSON, 0.95,
     {2.4849614890764284, 9.944118065851685, 21.325534840973503,
      14.301301777872716, 4.125404100724897},
     {20.134447059119328, 33.88211885413892, 49.22103127691819,
      40.200687161668135, 23.761646876906873}},
    {TALLY_CI_CLOPPER_PEARSON, 0.99,
     {1.566928863849315, 7.770978456053639, 18.080592810688483,
      11.64800958067891, 2.846766882586842},
     {24.094067519036397, 38.26048389932653, 53.61879846530553,
      44.637533828566376, 27.876848235488765}},
    {TALLY_CI_JEFFREYS, 0.9,
     {3.715561674457752, 11.993519592204418, 23.994198087635652,
      16.633418639861866, 5.60966460743316},
     {16.93259871149006, 30.554422429366053, 45.913295985429514,
      36.85900787781644, 20.516461687920028}},
    {TALLY_CI_JEFFREYS, 0.95,
     {3.0465733321690247, 10.699412127194933, 22.194743709251156,
      15.109343507543377, 4.756846292891555},
     {18.79369705734384, 32.72278776335304, 48.17236262293162,
      39.09225446076194, 22.485327245049138}},
    {TALLY_CI_JEFFREYS, 0.99,
     {1.9954863183140479, 8.434702983096692, 18.88827116754496,
      12.378095716513599, 3.358048528777977},
     {22.68589562054978, 37.0821772096029, 52.58179556135851,
      43.52414738604927, 26.550000990188412}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint(x / fpc**2,
       alpha, method='goodman') */
    {TALLY_CI_GOODMAN, 0.95,
     {2.6553366827260305, 9.308442435549951, 19.661061473208957,
      13.241906680480112, 4.11727710185948},
     {24.368882862143654, 37.847026890045335, 52.65847007829335,
      43.979187535477976, 27.939754888191604}},
    /* Wald with se * fpc: p -/+ z fpc sqrt(p (1 - p) / n), clipped to [0,
       1], z = scipy 1.10.1 norm.ppf(1 - alpha / 2) */
    {TALLY_CI_WALD, 0.9,
     {1.9933843467798542, 10.60083641742016, 23.132097641924535,
      15.444317460208868, 3.9525245663574573},
     {15.14947279607729, 29.399163582579845, 45.43933092950404,
      35.98425396836256, 18.9046182907854}},
    {TALLY_CI_WALD, 0.95,
     {0.7332054263586768, 8.800205802628263, 20.99536032290579,
      13.47686375129534, 2.520312142406167},
     {16.409651716498466, 31.199794197371737, 47.57606824852279,
      37.95170767727608, 20.33683071473669}},
    {TALLY_CI_WALD, 0.99,
     {0.0, 5.280975408291999, 16.819228441091475, 9.631587082677603, 0.0},
     {18.872599931760604, 34.719024591708006, 51.7522001303371,
      41.79698434589382, 23.136008653904362}},
    /* Agresti-Coull (1998) with se * fpc: n~ = n + z^2, p~ = (x + z^2 / 2)
       / n~, p~ -/+ z fpc sqrt(p~ (1 - p~) / n~), clipped to [0, 1], z =
       scipy 1.10.1 norm.ppf(1 - alpha / 2) */
    {TALLY_CI_AGRESTI_COULL, 0.9,
     {4.309685728008351, 12.751175949659135, 24.586105775637673,
      17.353103099554502, 6.294909881858664},
     {18.778546549279923, 31.554095699411675, 46.24046508816132,
      37.56068823540759, 22.097582238375246}},
    {TALLY_CI_AGRESTI_COULL, 0.95,
     {3.82802580754754, 11.787409685493483, 23.0945116321428,
      16.16721054414368, 5.6898108546872255},
     {21.509484985045933, 34.14664985397076, 48.58523384090989,
      40.06512336875595, 24.796837124623938}},
    {TALLY_CI_AGRESTI_COULL, 0.99,
     {3.069350121761541, 10.214574403423093, 20.520138330450806,
      14.185512749013968, 4.734119874206486},
     {27.277540665788315, 39.346967201354396, 53.05971679586121,
      44.98335426437733, 30.416433617650274}},
};

/* {level, lo, hi} of the mean of S with N = 120. */
static const double fpc_mean[][3] = {
    /* R 4.2.2: x = rep(1:5, c(3, 7, 12, 9, 4)), fpc = sqrt((120 - 35) /
       119); mean(x) + c(-1, 1) * qt(1 - alpha / 2, 34) * sd(x) / sqrt(35)
       * fpc */
    {0.9, 2.8409193249152453, 3.3876521036561833},
    {0.95, 2.7857391563154077, 3.442832272256021},
    {0.99, 2.673194805206272, 3.5553766233651567},
};

static void test_fpc(void **state)
{
    (void)state;
    tally_dataset *ds = s_dataset("");
    check_ci_cases(ds, "S", fpc_cis, sizeof fpc_cis / sizeof *fpc_cis, 5,
                   120);
    for (size_t i = 0; i < 3; i++) {
        tally_freq_opts o = {TALLY_CI_WILSON, fpc_mean[i][0], 120};
        tally_freq *f = freq_of(ds, "S", &o);
        tally_assert_rel(tally_freq_population(f), 120, 0);
        const tally_summary *s = &tally_freq_get_item(f, 0)->summary;
        tally_assert_rel(s->mean_ci_low, fpc_mean[i][1], TOL);
        tally_assert_rel(s->mean_ci_high, fpc_mean[i][2], TOL);
        tally_freq_free(f);
    }
    /* A census (N = n): every interval is [p, p], the mean's [m, m]. */
    for (int m = 0; m < TALLY_CI_METHOD_COUNT; m++) {
        tally_freq_opts o = {(tally_ci_method)m, 0.95, 35};
        tally_freq *f = freq_of(ds, "S", &o);
        const tally_freq_item *it = tally_freq_get_item(f, 0);
        for (size_t i = 0; i < 5; i++) {
            tally_assert_rel(it->categories[i].ci_low,
                             it->categories[i].percent, TOL);
            tally_assert_rel(it->categories[i].ci_high,
                             it->categories[i].percent, TOL);
        }
        tally_assert_rel(it->summary.mean_ci_low, scale_cases[0].want.mean,
                         TOL);
        tally_assert_rel(it->summary.mean_ci_high, scale_cases[0].want.mean,
                         TOL);
        tally_freq_free(f);
    }
    tally_dataset_free(ds);

    /* The codebook's population applies unless the options say < 0. */
    ds = s_dataset("population: 120\n");
    tally_freq_opts o = {TALLY_CI_WILSON, 0.95, 0};
    tally_freq *f = freq_of(ds, "S", &o);
    const tally_freq_item *it = tally_freq_get_item(f, 0);
    tally_assert_rel(tally_freq_population(f), 120, 0);
    tally_assert_rel(it->categories[2].ci_low, fpc_cis[1].lo[2], TOL);
    tally_assert_rel(it->summary.mean_ci_high, fpc_mean[1][2], TOL);
    tally_freq_free(f);
    o.population = -1;
    f = freq_of(ds, "S", &o);
    it = tally_freq_get_item(f, 0);
    tally_assert_rel(tally_freq_population(f), 0, 0);
    tally_assert_rel(it->categories[2].ci_low, s_cis[1].lo[2], TOL);
    tally_assert_rel(it->summary.mean_ci_high, scale_cases[0].want.hi, TOL);
    tally_freq_free(f);
    tally_dataset_free(ds);
}

/* ---- edge cases -------------------------------------------------------- */

static void test_base_zero(void **state)
{
    (void)state;
    static const run runs[] = {{"r,Don't know,-99,Don't know", 3},
                               {"r,N/A,,", 1},
                               {"r,,-99,", 2}};
    tally_dataset *ds = build_runs(
        "k,E,N,J", runs, 3,
        PERF "questions:\n"
             "  - {id: E, type: scale, column: E, scale: perf}\n"
             "  - {id: N, type: numeric, column: N, missing: [-99]}\n"
             "  - id: J\n    type: multi\n    column: J\n"
             "    separator: \", \"\n    options: [Funding, Staff]\n"
             "    missing: [\"Don't know\"]\n",
        NULL);
    /* {base, missing, no_answer} of E, N and J. */
    static const char *const ids[] = {"E", "N", "J"};
    static const double want[][3] = {{0, 4, 2}, {0, 5, 1}, {0, 3, 3}};
    for (int m = 0; m < TALLY_CI_METHOD_COUNT; m++) {
        tally_freq_opts o = {(tally_ci_method)m, 0.95, 0};
        for (size_t q = 0; q < 3; q++) {
            tally_freq *f = freq_of(ds, ids[q], &o);
            const tally_freq_item *it = tally_freq_get_item(f, 0);
            tally_assert_rel(it->base, want[q][0], 0);
            tally_assert_rel(it->missing, want[q][1], 0);
            tally_assert_rel(it->no_answer, want[q][2], 0);
            tally_assert_rel(it->n_eff, 0, 0);
            /* Scale and numeric items keep a summary of undefined
               values (null in JSON); a multi question has none. */
            assert_int_equal(it->has_summary, q < 2);
            if (q < 2) {
                assert_true(isnan(it->summary.mean));
                assert_true(isnan(it->summary.median));
                assert_true(isnan(it->summary.mean_ci_low));
                assert_true(isnan(it->summary.top2));
            }
            for (size_t i = 0; i < it->n_categories; i++) {
                assert_true(isnan(it->categories[i].percent));
                assert_true(isnan(it->categories[i].ci_low));
                assert_true(isnan(it->categories[i].ci_high));
            }
            assert_true(it->n_notes >= 1);
            assert_non_null(strstr(it->notes[0], "no percentages"));
            tally_freq_free(f);
        }
    }
    tally_dataset_free(ds);
}

static const ci_case x0n_cis[] = {
    /* statsmodels 0.13.5+dfsg: proportion_confint([0, 12, 0], 12, 0.05,
       method='wilson') */
    {TALLY_CI_WILSON, 0.95,
     {0.0, 75.7505993344759, 0.0},
     {24.249400665524096, 99.99999999999999, 24.249400665524096}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([0, 12, 0], 12, 0.05,
       method='normal') */
    {TALLY_CI_WALD, 0.95,
     {0.0, 100.0, 0.0},
     {0.0, 100.0, 0.0}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([0, 12, 0], 12, 0.05,
       method='agresti_coull') */
    {TALLY_CI_AGRESTI_COULL, 0.95,
     {0.0, 71.80146781118361, 0.0},
     {28.1985321888164, 100.0, 28.1985321888164}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([0, 12, 0], 12, 0.05,
       method='beta') */
    {TALLY_CI_CLOPPER_PEARSON, 0.95,
     {0.0, 73.53515306029487, 0.0},
     {26.464846939705122, 100.0, 26.464846939705122}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([0, 12, 0], 12, 0.05,
       method='jeffreys') */
    {TALLY_CI_JEFFREYS, 0.95,
     {0.004007531007659893, 81.46940616875149, 0.004007531007659893},
     {18.530593831248503, 99.99599246899234, 18.530593831248503}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([0, 12, 0],
       0.05, method='goodman') */
    {TALLY_CI_GOODMAN, 0.95,
     {0.0, 67.67754631662726, 0.0},
     {32.32245368337273, 100.0, 32.32245368337273}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([0, 12, 0],
       0.05, method='sison-glaz') */
    /* raises: Couldn't find a value for `c` that solves nu(c) <= 1 - alpha
       < nu(c + 1): NaN */
    {TALLY_CI_SISON_GLAZ, 0.95,
     {NAN, NAN, NAN},
     {NAN, NAN, NAN}},
};

/* Sison-Glaz is undefined here (one populated category): statsmodels
   raises, tally gives NaN bounds (tally/ci.h). */
static void test_x_zero_and_n(void **state)
{
    (void)state;
    static const run runs[] = {{"r,No", 12}, {"r,", 1}};
    tally_dataset *ds = build_runs(
        "k,Q", runs, 2,
        "questions:\n"
        "  - {id: Q, type: single, column: Q, options: [Yes, No, Maybe]}\n",
        NULL);
    check_ci_cases(ds, "Q", x0n_cis, sizeof x0n_cis / sizeof *x0n_cis, 3,
                   0);
    tally_freq *f = freq_of(ds, "Q", NULL);
    static const double count[] = {0, 12, 0};
    check_cats(tally_freq_get_item(f, 0), 0, 3, count, NULL, NULL, 0);
    tally_assert_rel(tally_freq_get_item(f, 0)->categories[1].percent, 100,
                     0);
    tally_freq_free(f);
    tally_dataset_free(ds);
}

static const ci_case n1_cis[] = {
    /* statsmodels 0.13.5+dfsg: proportion_confint([0, 0, 1, 0, 0], 1,
       0.05, method='wilson') */
    {TALLY_CI_WILSON, 0.95,
     {0.0, 0.0, 20.65493143772374, 0.0, 0.0},
     {79.34506856227627, 79.34506856227627, 100.0, 79.34506856227627,
      79.34506856227627}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([0, 0, 1, 0, 0], 1,
       0.05, method='beta') */
    {TALLY_CI_CLOPPER_PEARSON, 0.95,
     {0.0, 0.0, 2.5, 0.0, 0.0},
     {97.5, 97.5, 100.0, 97.5, 97.5}},
};

static void test_one_respondent(void **state)
{
    (void)state;
    static const run runs[] = {{"r,Met", 1}};
    tally_dataset *ds = build_runs(
        "k,S", runs, 1,
        PERF "questions:\n  - {id: S, type: scale, column: S, scale: perf}\n",
        NULL);
    check_ci_cases(ds, "S", n1_cis, sizeof n1_cis / sizeof *n1_cis, 5, 0);
    static const summary_want want[] = {
    /* R 4.2.2: x = 3: mean(x), sd(x) (NA), median(x); t.test stops (not
       enough observations) */
     {3, NAN, 3, NAN, NAN, 0, 0, 3, 3},
    };
    tally_freq *f = freq_of(ds, "S", NULL);
    check_summary(tally_freq_get_item(f, 0), want, TOL);
    tally_freq_free(f);
    tally_dataset_free(ds);
}

/* 100,000 generated rows against counts taken here. */
static void test_large(void **state)
{
    (void)state;
    static const char *const labels[] = {
        "Unsatisfactory", "Partially met", "Met", "Beyond", "Far beyond",
        "Don't know",     "N/A",           ""};
    enum { ROWS = 100000 };
    char *csv = malloc((size_t)ROWS * 20 + 8), *p = csv;
    assert_non_null(csv);
    double count[8] = {0};
    uint32_t state32 = 12345;
    p += sprintf(p, "k,S\n");
    for (size_t r = 0; r < ROWS; r++) {
        state32 = state32 * 1664525u + 1013904223u; /* Numerical Recipes */
        size_t c = (state32 >> 16) % 11;            /* more of 1..3 */
        c = c < 8 ? c : c - 7;
        count[c]++;
        p += sprintf(p, "r,%s\n", labels[c]);
    }
    tally_dataset *ds = build_ds(
        csv, PERF "questions:\n  - {id: S, type: scale, column: S, "
                  "scale: perf}\n",
        NULL);
    free(csv);
    tally_freq *f = freq_of(ds, "S", NULL);
    const tally_freq_item *it = tally_freq_get_item(f, 0);
    double base = 0, sum = 0, ss = 0;
    for (size_t c = 0; c < 5; c++) {
        base += count[c];
        sum += count[c] * (double)(c + 1);
    }
    double mean = sum / base;
    for (size_t c = 0; c < 5; c++)
        ss += count[c] * ((double)(c + 1) - mean) * ((double)(c + 1) - mean);
    tally_assert_rel(it->respondents, ROWS, 0);
    tally_assert_rel(it->base, base, 0);
    tally_assert_rel(it->missing, count[5] + count[6], 0);
    tally_assert_rel(it->no_answer, count[7], 0);
    check_cats(it, 0, 7, count, NULL, NULL, 0);
    for (size_t c = 0; c < 5; c++) {
        double lo, hi;
        tally_assert_rel(it->categories[c].percent, count[c] / base * 100,
                         TOL);
        tally_ci_proportion(TALLY_CI_WILSON, count[c], base, 0.95, &lo, &hi);
        tally_assert_rel(it->categories[c].ci_low, lo * 100, TOL);
        tally_assert_rel(it->categories[c].ci_high, hi * 100, TOL);
    }
    tally_assert_rel(it->summary.mean, mean, TOL);
    tally_assert_rel(it->summary.sd, sqrt(ss / (base - 1)), TOL);
    tally_assert_rel(it->summary.top2, (count[3] + count[4]) / base * 100,
                     TOL);
    tally_assert_rel(it->summary.bottom2, (count[0] + count[1]) / base * 100,
                     TOL);
    /* Points 1..3 hold more than half of the base, 1..2 less. */
    assert_true(count[0] + count[1] < base / 2 &&
                count[0] + count[1] + count[2] > base / 2);
    tally_assert_rel(it->summary.median, 3, 0);
    tally_freq_free(f);
    tally_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scale_counts_and_cis),
        cmocka_unit_test(test_single),
        cmocka_unit_test(test_scale_summary),
        cmocka_unit_test(test_fpc),
        cmocka_unit_test(test_base_zero),
        cmocka_unit_test(test_x_zero_and_n),
        cmocka_unit_test(test_one_respondent),
        cmocka_unit_test(test_large),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

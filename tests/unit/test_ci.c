/*
 * Unit tests: confidence intervals (ci.c, ci_dist.c, ci_multinomial.c).
 *
 * Every expected value comes from an independent implementation, named
 * beside its block with the exact call; tests/reference/ci_reference.py
 * (statsmodels 0.13.5, scipy 1.10.1) and ci_reference.R (R 4.2.2) print
 * these tables. Comparisons are relative, |got - want| <= tol |want|,
 * even for bounds near 0 (tally_assert_rel's max(1, |want|) scale would
 * make a bound of 1e-7 untestable); a reference of exactly 0 or a
 * rounding residue below 1e-15 stands for an exact 0.
 */
#include "tally_test.h"

#include "ci_internal.h"
#include "common.h"

/* Relative tolerance against the references. Our beta, t and normal
   quantiles agree with R and mpmath to about 1e-13. */
#define TOL 1e-12

/*
 * Sison-Glaz against statsmodels: statsmodels evaluates nu(c) from
 * factorial moments of size count^4 turned into central moments of size
 * count^2, which leaves noise of about count^2 * 1e-16 in nu(c) (1e-9 at
 * counts near 4000, against 50-digit mpmath evaluations of the same
 * formulas); ours is within 2e-15 of those. So statsmodels' values are
 * met to 1e-9, and the mpmath ones (sison_glaz_mpmath) to TOL.
 */
#define TOL_SISON_GLAZ 1e-9

typedef struct prop_case {
    tally_ci_method method;
    double x, n, level, lo, hi;
} prop_case;

typedef struct multi_case {
    tally_ci_method method;
    size_t k;
    double level;
    double counts[7], lo[7], hi[7];
} multi_case;

typedef struct mean_case {
    double mean, se, df, level, lo, hi;
} mean_case;

/* ---- statsmodels / scipy ------------------------------------------ */

static const prop_case statsmodels_cases[] = {
    /* statsmodels 0.13.5+dfsg: proportion_confint(x, n, alpha,
       method='wilson'), alpha = 0.10, 0.05, 0.01 for level 0.90, 0.95,
       0.99 */
    {TALLY_CI_WILSON, 0.0, 1.0, 0.95,
     0.0, 0.7934506856227627},
    {TALLY_CI_WILSON, 1.0, 1.0, 0.95,
     0.2065493143772374, 1.0},
    {TALLY_CI_WILSON, 0.0, 10.0, 0.95,
     0.0, 0.27753279986288926},
    {TALLY_CI_WILSON, 10.0, 10.0, 0.95,
     0.7224672001371106, 1.0},
    {TALLY_CI_WILSON, 3.0, 10.0, 0.95,
     0.10779126740630104, 0.6032218525388546},
    {TALLY_CI_WILSON, 3.0, 10.0, 0.9,
     0.12687658390319784, 0.558300204130165},
    {TALLY_CI_WILSON, 3.0, 10.0, 0.99,
     0.07956631652306578, 0.6799753207988974},
    {TALLY_CI_WILSON, 1.0, 2.0, 0.95,
     0.09453120573423068, 0.9054687942657693},
    {TALLY_CI_WILSON, 7.0, 9.0, 0.95,
     0.45258896910698887, 0.9367748928821533},
    {TALLY_CI_WILSON, 40.0, 72.0, 0.95,
     0.440873908658052, 0.6646092943867861},
    {TALLY_CI_WILSON, 81.0, 263.0, 0.95,
     0.2552885198782742, 0.36620957698280004},
    {TALLY_CI_WILSON, 15.0, 148.0, 0.99,
     0.05364486961396486, 0.18326735011315254},
    {TALLY_CI_WILSON, 1.0, 29.0, 0.9,
     0.007730807972737994, 0.14068309513251215},
    {TALLY_CI_WILSON, 0.0, 20.0, 0.99,
     -2.7755575615628914e-17, 0.24910540109875348},
    {TALLY_CI_WILSON, 40000.0, 100000.0, 0.95,
     0.39696753405150986, 0.4030401485710069},
    {TALLY_CI_WILSON, 1.0, 100000.0, 0.95,
     1.7652477303783092e-06, 5.664709659040968e-05},
    {TALLY_CI_WILSON, 99999.0, 100000.0, 0.99,
     0.9999148308185044, 0.9999988259442703},
    /* statsmodels 0.13.5+dfsg: proportion_confint(x, n, alpha,
       method='normal'), alpha = 0.10, 0.05, 0.01 for level 0.90, 0.95,
       0.99 */
    {TALLY_CI_WALD, 0.0, 1.0, 0.95,
     0.0, 0.0},
    {TALLY_CI_WALD, 1.0, 1.0, 0.95,
     1.0, 1.0},
    {TALLY_CI_WALD, 0.0, 10.0, 0.95,
     0.0, 0.0},
    {TALLY_CI_WALD, 10.0, 10.0, 0.95,
     1.0, 1.0},
    {TALLY_CI_WALD, 3.0, 10.0, 0.95,
     0.015974234910674567, 0.5840257650893255},
    {TALLY_CI_WALD, 3.0, 10.0, 0.9,
     0.06163806399510069, 0.5383619360048992},
    {TALLY_CI_WALD, 3.0, 10.0, 0.99,
     0.0, 0.6732731287160187},
    {TALLY_CI_WALD, 1.0, 2.0, 0.95,
     0.0, 1.0},
    {TALLY_CI_WALD, 7.0, 9.0, 0.95,
     0.5061661584975858, 1.0},
    {TALLY_CI_WALD, 40.0, 72.0, 0.95,
     0.4407786977213775, 0.6703324133897337},
    {TALLY_CI_WALD, 81.0, 263.0, 0.95,
     0.2521901262131072, 0.36377945553594226},
    {TALLY_CI_WALD, 15.0, 148.0, 0.99,
     0.03745207255394596, 0.16525063014875674},
    {TALLY_CI_WALD, 1.0, 29.0, 0.9,
     0.0, 0.09021535498528324},
    {TALLY_CI_WALD, 0.0, 20.0, 0.99,
     0.0, 0.0},
    {TALLY_CI_WALD, 40000.0, 100000.0, 0.95,
     0.39696363685148406, 0.403036363148516},
    {TALLY_CI_WALD, 1.0, 100000.0, 0.95,
     0.0, 2.959954184695632e-05},
    {TALLY_CI_WALD, 99999.0, 100000.0, 0.99,
     0.9999642418357564, 1.0},
    /* statsmodels 0.13.5+dfsg: proportion_confint(x, n, alpha,
       method='agresti_coull'), alpha = 0.10, 0.05, 0.01 for level 0.90,
       0.95, 0.99 */
    {TALLY_CI_AGRESTI_COULL, 0.0, 1.0, 0.95,
     0.0, 0.832500514520587},
    {TALLY_CI_AGRESTI_COULL, 1.0, 1.0, 0.95,
     0.167499485479413, 1.0},
    {TALLY_CI_AGRESTI_COULL, 0.0, 10.0, 0.95,
     0.0, 0.3208873057505458},
    {TALLY_CI_AGRESTI_COULL, 10.0, 10.0, 0.95,
     0.6791126942494543, 1.0},
    {TALLY_CI_AGRESTI_COULL, 3.0, 10.0, 0.95,
     0.10333841792242526, 0.6076747020227304},
    {TALLY_CI_AGRESTI_COULL, 3.0, 10.0, 0.9,
     0.12359266736338517, 0.5615841206699778},
    {TALLY_CI_AGRESTI_COULL, 3.0, 10.0, 0.99,
     0.07326133258665596, 0.6862803047353072},
    {TALLY_CI_AGRESTI_COULL, 1.0, 2.0, 0.95,
     0.09453120573423068, 0.9054687942657693},
    {TALLY_CI_AGRESTI_COULL, 7.0, 9.0, 0.95,
     0.4427923730641351, 0.9465714889250071},
    {TALLY_CI_AGRESTI_COULL, 40.0, 72.0, 0.95,
     0.4408403147960025, 0.6646428882488356},
    {TALLY_CI_AGRESTI_COULL, 81.0, 263.0, 0.95,
     0.25522066518999675, 0.3662774316710775},
    {TALLY_CI_AGRESTI_COULL, 15.0, 148.0, 0.99,
     0.05151945137048623, 0.18539276835663115},
    {TALLY_CI_AGRESTI_COULL, 1.0, 29.0, 0.9,
     0.0, 0.15077347165914773},
    {TALLY_CI_AGRESTI_COULL, 0.0, 20.0, 0.99,
     0.0, 0.2893625451375291},
    {TALLY_CI_AGRESTI_COULL, 40000.0, 100000.0, 0.95,
     0.3969675316217327, 0.40304015100078394},
    {TALLY_CI_AGRESTI_COULL, 1.0, 100000.0, 0.95,
     0.0, 6.27004584330243e-05},
    {TALLY_CI_AGRESTI_COULL, 99999.0, 100000.0, 0.99,
     0.9999033112947059, 1.0},
    /* statsmodels 0.13.5+dfsg: proportion_confint(x, n, alpha,
       method='beta'), alpha = 0.10, 0.05, 0.01 for level 0.90, 0.95, 0.99 */
    {TALLY_CI_CLOPPER_PEARSON, 0.0, 1.0, 0.95,
     0.0, 0.975},
    {TALLY_CI_CLOPPER_PEARSON, 1.0, 1.0, 0.95,
     0.025, 1.0},
    {TALLY_CI_CLOPPER_PEARSON, 0.0, 10.0, 0.95,
     0.0, 0.30849710781876083},
    {TALLY_CI_CLOPPER_PEARSON, 10.0, 10.0, 0.95,
     0.6915028921812392, 1.0},
    {TALLY_CI_CLOPPER_PEARSON, 3.0, 10.0, 0.95,
     0.06673951117773447, 0.6524528500599973},
    {TALLY_CI_CLOPPER_PEARSON, 3.0, 10.0, 0.9,
     0.08726443391415033, 0.6066242161054123},
    {TALLY_CI_CLOPPER_PEARSON, 3.0, 10.0, 0.99,
     0.03700722109623209, 0.7351139852871307},
    {TALLY_CI_CLOPPER_PEARSON, 1.0, 2.0, 0.95,
     0.01257911709342505, 0.9874208829065749},
    {TALLY_CI_CLOPPER_PEARSON, 7.0, 9.0, 0.95,
     0.39990642628368783, 0.9718550265221018},
    {TALLY_CI_CLOPPER_PEARSON, 40.0, 72.0, 0.95,
     0.43364644548663595, 0.6727507843650051},
    {TALLY_CI_CLOPPER_PEARSON, 81.0, 263.0, 0.95,
     0.2527367455852713, 0.3676219226013513},
    {TALLY_CI_CLOPPER_PEARSON, 15.0, 148.0, 0.99,
     0.047744559728836795, 0.1818775315382761},
    {TALLY_CI_CLOPPER_PEARSON, 1.0, 29.0, 0.9,
     0.0017671710005495354, 0.15339202452618272},
    {TALLY_CI_CLOPPER_PEARSON, 0.0, 20.0, 0.99,
     0.0, 0.2327295009890745},
    {TALLY_CI_CLOPPER_PEARSON, 40000.0, 100000.0, 0.95,
     0.39696157351032885, 0.40304422765862385},
    {TALLY_CI_CLOPPER_PEARSON, 1.0, 100000.0, 0.95,
     2.531780477933314e-07, 5.571516034774276e-05},
    {TALLY_CI_CLOPPER_PEARSON, 99999.0, 100000.0, 0.99,
     0.9999257010937861, 0.9999999498745831},
    /* statsmodels 0.13.5+dfsg: proportion_confint(x, n, alpha,
       method='jeffreys'), alpha = 0.10, 0.05, 0.01 for level 0.90, 0.95,
       0.99 */
    {TALLY_CI_JEFFREYS, 0.0, 1.0, 0.95,
     0.0003855809807559016, 0.8532536836904248},
    {TALLY_CI_JEFFREYS, 1.0, 1.0, 0.95,
     0.1467463163095752, 0.9996144190192441},
    {TALLY_CI_JEFFREYS, 0.0, 10.0, 0.95,
     4.789043315758196e-05, 0.21719626750921053},
    {TALLY_CI_JEFFREYS, 10.0, 10.0, 0.95,
     0.7828037324907895, 0.9999521095668424},
    {TALLY_CI_JEFFREYS, 3.0, 10.0, 0.95,
     0.09269459393815317, 0.6058183181486713},
    {TALLY_CI_JEFFREYS, 3.0, 10.0, 0.9,
     0.11732937668021012, 0.558126766484634},
    {TALLY_CI_JEFFREYS, 3.0, 10.0, 0.99,
     0.055328749731032495, 0.69344482721394},
    {TALLY_CI_JEFFREYS, 1.0, 2.0, 0.95,
     0.06083027592009736, 0.9391697240799026},
    {TALLY_CI_JEFFREYS, 7.0, 9.0, 0.95,
     0.4561755668806525, 0.9506980770234059},
    {TALLY_CI_JEFFREYS, 40.0, 72.0, 0.95,
     0.44048015845095, 0.6662634249764079},
    {TALLY_CI_JEFFREYS, 81.0, 263.0, 0.95,
     0.2545219349910236, 0.3656474991740823},
    {TALLY_CI_JEFFREYS, 15.0, 148.0, 0.99,
     0.050098479119583934, 0.1777035145614057},
    {TALLY_CI_JEFFREYS, 1.0, 29.0, 0.9,
     0.006100793237347857, 0.12709649300980713},
    {TALLY_CI_JEFFREYS, 0.0, 20.0, 0.99,
     9.695657205392315e-07, 0.17675409743668993},
    {TALLY_CI_JEFFREYS, 40000.0, 100000.0, 0.95,
     0.39696656703985506, 0.4030392214779054},
    {TALLY_CI_JEFFREYS, 1.0, 100000.0, 0.95,
     1.0789785284753767e-06, 4.674104248195043e-05},
    {TALLY_CI_JEFFREYS, 99999.0, 100000.0, 0.99,
     0.9999358111173829, 0.9999996413902948},
    /* statsmodels 0.13.5+dfsg: proportion_confint(x, n, alpha,
       method='wilson'), alpha = 0.10, 0.05, 0.01 for level 0.90, 0.95,
       0.99 */
    {TALLY_CI_WILSON, 2.5, 7.25, 0.95,
     0.11372880844590366, 0.6834123939537289},
    {TALLY_CI_WILSON, 0.3, 1.7, 0.9,
     0.016373167693674306, 0.7339414049664967},
    {TALLY_CI_WILSON, 12.34, 56.78, 0.99,
     0.11026139254825112, 0.3835483947331324},
    {TALLY_CI_WILSON, 0.5, 3.0, 0.95,
     0.017652794278653516, 0.6900118935580435},
    {TALLY_CI_WILSON, 4.6, 5.1, 0.95,
     0.4688598779678362, 0.9896782736043608},
    {TALLY_CI_WILSON, 1234.5, 9876.5, 0.9,
     0.11962252936264761, 0.13057021463707946},
    /* statsmodels 0.13.5+dfsg: proportion_confint(x, n, alpha,
       method='normal'), alpha = 0.10, 0.05, 0.01 for level 0.90, 0.95,
       0.99 */
    {TALLY_CI_WALD, 2.5, 7.25, 0.95,
     0.0, 0.6908130799156411},
    {TALLY_CI_WALD, 0.3, 1.7, 0.9,
     0.0, 0.6573968797255232},
    {TALLY_CI_WALD, 12.34, 56.78, 0.99,
     0.07634644376358993, 0.35831364781795283},
    {TALLY_CI_WALD, 0.5, 3.0, 0.95,
     0.0, 0.5883837706272201},
    {TALLY_CI_WALD, 4.6, 5.1, 0.95,
     0.6438793611750502, 1.0},
    {TALLY_CI_WALD, 1234.5, 9876.5, 0.9,
     0.11952004316224106, 0.1304673005323876},
    /* statsmodels 0.13.5+dfsg: proportion_confint(x, n, alpha,
       method='agresti_coull'), alpha = 0.10, 0.05, 0.01 for level 0.90,
       0.95, 0.99 */
    {TALLY_CI_AGRESTI_COULL, 2.5, 7.25, 0.95,
     0.11043381162095472, 0.6867073907786778},
    {TALLY_CI_AGRESTI_COULL, 0.3, 1.7, 0.9,
     0.0, 0.7545767099577958},
    {TALLY_CI_AGRESTI_COULL, 12.34, 56.78, 0.99,
     0.10742513188959019, 0.38638465539179323},
    {TALLY_CI_AGRESTI_COULL, 0.5, 3.0, 0.95,
     0.0, 0.7121309386915817},
    {TALLY_CI_AGRESTI_COULL, 4.6, 5.1, 0.95,
     0.4380252465015676, 1.0},
    {TALLY_CI_AGRESTI_COULL, 1234.5, 9876.5, 0.9,
     0.11962156628186574, 0.13057117771786134},
    /* statsmodels 0.13.5+dfsg: proportion_confint(x, n, alpha,
       method='jeffreys'), alpha = 0.10, 0.05, 0.01 for level 0.90, 0.95,
       0.99 */
    {TALLY_CI_JEFFREYS, 2.5, 7.25, 0.95,
     0.09514562504759949, 0.6940894661438015},
    {TALLY_CI_JEFFREYS, 0.3, 1.7, 0.9,
     0.012037353657759396, 0.7598600028471159},
    {TALLY_CI_JEFFREYS, 12.34, 56.78, 0.99,
     0.10245525451631086, 0.3774209241415276},
    {TALLY_CI_JEFFREYS, 0.5, 3.0, 0.95,
     0.008403758659612645, 0.7075982261787133},
    {TALLY_CI_JEFFREYS, 4.6, 5.1, 0.95,
     0.4851439165607206, 0.9950480255784383},
    {TALLY_CI_JEFFREYS, 1234.5, 9876.5, 0.9,
     0.11960131456629934, 0.13054829033311602},
    /* scipy 1.10.1: lo = beta.ppf(alpha/2, x, n - x + 1), hi =
       beta.isf(alpha/2, x + 1, n - x) */
    {TALLY_CI_CLOPPER_PEARSON, 2.5, 7.25, 0.95,
     0.06228903816509074, 0.7497043458551673},
    {TALLY_CI_CLOPPER_PEARSON, 0.3, 1.7, 0.9,
     1.5527814495517648e-05, 0.9056342421024867},
    {TALLY_CI_CLOPPER_PEARSON, 12.34, 56.78, 0.99,
     0.09630291474607784, 0.38739709859717714},
    {TALLY_CI_CLOPPER_PEARSON, 0.5, 3.0, 0.95,
     0.00015063602543656843, 0.8232639028687427},
    {TALLY_CI_CLOPPER_PEARSON, 4.6, 5.1, 0.95,
     0.3791347385454285, 0.999908321690665},
    {TALLY_CI_CLOPPER_PEARSON, 1234.5, 9876.5, 0.9,
     0.11955165031571155, 0.1305998543289376},
};

/* ---- R --------------------------------------------------------------- */

static const prop_case r_cases[] = {
    /* R 4.2.2: binom.test(x, n, conf.level = level)$conf.int */
    {TALLY_CI_CLOPPER_PEARSON, 0, 1, 0.95,
     0, 0.97499999999999998},
    {TALLY_CI_CLOPPER_PEARSON, 1, 1, 0.95,
     0.025000000000000022, 1},
    {TALLY_CI_CLOPPER_PEARSON, 0, 10, 0.95,
     0, 0.30849710781876083},
    {TALLY_CI_CLOPPER_PEARSON, 10, 10, 0.95,
     0.69150289218123917, 1},
    {TALLY_CI_CLOPPER_PEARSON, 3, 10, 0.95,
     0.066739511177734495, 0.65245285005999731},
    {TALLY_CI_CLOPPER_PEARSON, 3, 10, 0.9,
     0.087264433914150272, 0.60662421610541339},
    {TALLY_CI_CLOPPER_PEARSON, 3, 10, 0.99,
     0.037007221096232092, 0.73511398528713079},
    {TALLY_CI_CLOPPER_PEARSON, 7, 9, 0.95,
     0.39990642628368789, 0.97185502652210176},
    {TALLY_CI_CLOPPER_PEARSON, 81, 263, 0.95,
     0.25273674558527121, 0.3676219226013514},
    {TALLY_CI_CLOPPER_PEARSON, 15, 148, 0.99,
     0.047744559728836782, 0.18187753153827613},
    {TALLY_CI_CLOPPER_PEARSON, 0, 20, 0.99,
     0, 0.23272950098907452},
    {TALLY_CI_CLOPPER_PEARSON, 40000, 100000, 0.95,
     0.39696157351032885, 0.4030442276586238},
    {TALLY_CI_CLOPPER_PEARSON, 1, 1000, 0.8,
     0.00010535496543362301, 0.0038841043983972386},
    {TALLY_CI_CLOPPER_PEARSON, 999, 1000, 0.8,
     0.99611589560160274, 0.99989464503456638},
    {TALLY_CI_CLOPPER_PEARSON, 1, 100000, 0.95,
     2.5317804779333154e-07, 5.5715160347742724e-05},
    {TALLY_CI_CLOPPER_PEARSON, 5, 1000000, 0.99,
     1.0779298155476239e-06, 1.4149694677698235e-05},
    {TALLY_CI_CLOPPER_PEARSON, 5000000, 10000000, 0.95,
     0.49969005252137105, 0.500309947478629},
    /* R 4.2.2: prop.test(x, n, conf.level = level, correct =
       FALSE)$conf.int */
    {TALLY_CI_WILSON, 0, 1, 0.95,
     0, 0.79345068562276255},
    {TALLY_CI_WILSON, 1, 1, 0.95,
     0.2065493143772375, 1},
    {TALLY_CI_WILSON, 0, 10, 0.95,
     0, 0.27753279986288915},
    {TALLY_CI_WILSON, 10, 10, 0.95,
     0.72246720013711085, 1},
    {TALLY_CI_WILSON, 3, 10, 0.95,
     0.10779126740630104, 0.60322185253885452},
    {TALLY_CI_WILSON, 3, 10, 0.9,
     0.12687658390319789, 0.55830020413016479},
    {TALLY_CI_WILSON, 3, 10, 0.99,
     0.079566316523065797, 0.67997532079889733},
    {TALLY_CI_WILSON, 7, 9, 0.95,
     0.45258896910698904, 0.93677489288215332},
    {TALLY_CI_WILSON, 81, 263, 0.95,
     0.25528851987827428, 0.36620957698280016},
    {TALLY_CI_WILSON, 15, 148, 0.99,
     0.053644869613964856, 0.18326735011315248},
    {TALLY_CI_WILSON, 0, 20, 0.99,
     0, 0.24910540109875334},
    {TALLY_CI_WILSON, 40000, 100000, 0.95,
     0.39696753405150981, 0.40304014857100695},
    {TALLY_CI_WILSON, 1, 1000, 0.8,
     0.00029915703019560132, 0.0033372450512125134},
    {TALLY_CI_WILSON, 999, 1000, 0.8,
     0.99666275494878742, 0.99970084296980433},
    {TALLY_CI_WILSON, 1, 100000, 0.95,
     1.7652477303783205e-06, 5.6647096590409643e-05},
    {TALLY_CI_WILSON, 5, 1000000, 0.99,
     1.6706499950708676e-06, 1.4964136235863722e-05},
    {TALLY_CI_WILSON, 5000000, 10000000, 0.95,
     0.49969010254337065, 0.50030989745662935},
    /* R 4.2.2: prop.test(x, n, conf.level = level, correct =
       TRUE)$conf.int */
    {TALLY_CI_WILSON_CC, 0, 1, 0.95,
     0, 0.94537924447114807},
    {TALLY_CI_WILSON_CC, 1, 1, 0.95,
     0.054620755528852032, 1},
    {TALLY_CI_WILSON_CC, 0, 10, 0.95,
     0, 0.34453721830692247},
    {TALLY_CI_WILSON_CC, 3, 10, 0.95,
     0.080947824209994496, 0.64632927648883109},
    {TALLY_CI_WILSON_CC, 3, 10, 0.9,
     0.096449039737850364, 0.60434755566044973},
    {TALLY_CI_WILSON_CC, 3, 10, 0.99,
     0.058632900081050723, 0.71694162631838432},
    {TALLY_CI_WILSON_CC, 7, 9, 0.95,
     0.40190934611059859, 0.96053461858096489},
    {TALLY_CI_WILSON_CC, 81, 263, 0.95,
     0.25350868229518525, 0.36817620104300364},
    {TALLY_CI_WILSON_CC, 15, 148, 0.95,
     0.059778208428498125, 0.16444977936483696},
    {TALLY_CI_WILSON_CC, 0, 20, 0.95,
     0, 0.20045334501348699},
    {TALLY_CI_WILSON_CC, 1, 29, 0.95,
     0.0018026402132796672, 0.19628175100975948},
    {TALLY_CI_WILSON_CC, 0.3, 1.7, 0.95,
     0, 0.90705573663169503},
    {TALLY_CI_WILSON_CC, 40000, 100000, 0.95,
     0.39696254056912716, 0.40304515470416363},
    {TALLY_CI_WILSON_CC, 2.5, 7.25, 0.95,
     0.079241637575971635, 0.73503242615799891},
    /* R 4.2.2: qbeta(c(alpha/2, 1 - alpha/2), x + 0.5, n - x + 0.5),
       alpha = 1 - level */
    {TALLY_CI_JEFFREYS, 0, 10000000, 0.95,
     4.9103454629970984e-11, 2.5119427153660008e-07},
    {TALLY_CI_JEFFREYS, 3, 1000000, 0.99,
     4.9462833752367079e-07, 1.0138831212803447e-05},
    {TALLY_CI_JEFFREYS, 10000000, 10000000, 0.9,
     0.99999980792708221, 0.99999999980339305},
    {TALLY_CI_JEFFREYS, 5000000, 10000000, 0.99,
     0.49959272570458646, 0.50040727429541354},
    {TALLY_CI_JEFFREYS, 123456.5, 7654321.25, 0.95,
     0.016039935044662418, 0.016218418488616493},
};

/*
 * Newcombe (1998, Statistics in Medicine 17:857-872) Table I, method 4
 * (score interval with continuity correction), published to 4 decimals;
 * R's prop.test(x, n, correct = TRUE) agrees.
 */
static const prop_case newcombe_table1[] = {
    {TALLY_CI_WILSON_CC, 81, 263, 0.95, 0.2535, 0.3682},
    {TALLY_CI_WILSON_CC, 15, 148, 0.95, 0.0598, 0.1644},
    {TALLY_CI_WILSON_CC, 0, 20, 0.95, 0.0000, 0.2005},
    {TALLY_CI_WILSON_CC, 1, 29, 0.95, 0.0018, 0.1963},
    /* Method 3, the Wilson interval without correction. */
    {TALLY_CI_WILSON, 81, 263, 0.95, 0.2553, 0.3662},
    {TALLY_CI_WILSON, 15, 148, 0.95, 0.0624, 0.1605},
    {TALLY_CI_WILSON, 0, 20, 0.95, 0.0000, 0.1611},
    {TALLY_CI_WILSON, 1, 29, 0.95, 0.0061, 0.1718},
};

/*
 * Wilson-cc at x = n/2, where R's prop.test drops the correction (it caps
 * it at |x - n p0| for its test of p0 = 1/2): the textbook value from
 * Newcombe's closed form, and prop.test's different value beside it.
 */
static const prop_case wilson_cc_half[] = {
    /* R 4.2.2: Newcombe (1998) method 4 closed form, newcombe(5, 10,
       0.95) in ci_reference.R; prop.test(5, 10, conf.level =
       0.95)$conf.int drops the correction here and gives
       [0.23659309051256402, 0.76340690948743595] */
    {TALLY_CI_WILSON_CC, 5, 10, 0.95,
     0.20142296959860723, 0.79857703040139272},
    /* R 4.2.2: Newcombe (1998) method 4 closed form, newcombe(1, 2, 0.95)
       in ci_reference.R; prop.test(1, 2, conf.level = 0.95)$conf.int
       drops the correction here and gives [0.094531205734230739,
       0.90546879426576921] */
    {TALLY_CI_WILSON_CC, 1, 2, 0.95,
     0.026677342008984584, 0.97332265799101547},
    /* R 4.2.2: Newcombe (1998) method 4 closed form, newcombe(50, 100,
       0.99) in ci_reference.R; prop.test(50, 100, conf.level =
       0.99)$conf.int drops the correction here and gives
       [0.37527962504483986, 0.6247203749551602] */
    {TALLY_CI_WILSON_CC, 50, 100, 0.99,
     0.37059657662990164, 0.62940342337009847},
    /* R 4.2.2: Newcombe (1998) method 4 closed form, newcombe(13, 26,
       0.9) in ci_reference.R; prop.test(13, 26, conf.level =
       0.9)$conf.int drops the correction here and gives
       [0.34649788119966574, 0.65350211880033426] */
    {TALLY_CI_WILSON_CC, 13, 26, 0.9,
     0.32918251326382081, 0.67081748673617925},
};

static const multi_case multinomial_cases[] = {
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([1, 15, 38,
       13, 8], 0.05, method='goodman') */
    {TALLY_CI_GOODMAN, 5, 0.95,
     {1.0, 15.0, 38.0, 13.0, 8.0},
     {0.001567346573773384, 0.10776975440760786, 0.363592401102555,
      0.08874937311089749, 0.0450048178293637},
     {0.10420722974771113, 0.3409953953796086, 0.6486572622355069,
      0.31101712332407155, 0.23226504522498678}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([1, 15, 38,
       13, 8], 0.1, method='goodman') */
    {TALLY_CI_GOODMAN, 5, 0.9,
     {1.0, 15.0, 38.0, 13.0, 8.0},
     {0.0018354597597922317, 0.11447400692888693, 0.3765154379070165,
      0.09468566628754115, 0.04879476463958451},
     {0.09033864561972157, 0.3259072909077997, 0.6359205332521682,
      0.2959517469124065, 0.2174829369685157}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([11, 40,
       22], 0.05, method='goodman') */
    {TALLY_CI_GOODMAN, 3, 0.95,
     {11.0, 40.0, 22.0},
     {0.07629978402768385, 0.41012974700076915, 0.19118736613507506},
     {0.2759260256691992, 0.6787804359820117, 0.4404704472219761}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([11, 40,
       22], 0.01, method='goodman') */
    {TALLY_CI_GOODMAN, 3, 0.99,
     {11.0, 40.0, 22.0},
     {0.06561932616446396, 0.38110277303424617, 0.1717881971626884},
     {0.3094985737876642, 0.7046653583448735, 0.4728866871238158}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([5, 5],
       0.05, method='goodman') */
    {TALLY_CI_GOODMAN, 2, 0.95,
     {5.0, 5.0},
     {0.2108662706342409, 0.2108662706342409},
     {0.7891337293657591, 0.7891337293657591}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([2, 3],
       0.05, method='goodman') */
    {TALLY_CI_GOODMAN, 2, 0.95,
     {2.0, 3.0},
     {0.0996938617951282, 0.19945556911234497},
     {0.8005444308876549, 0.9003061382048718}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([10, 10],
       0.1, method='goodman') */
    {TALLY_CI_GOODMAN, 2, 0.9,
     {10.0, 10.0},
     {0.2992980081982124, 0.2992980081982124},
     {0.7007019918017876, 0.7007019918017876}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([3, 0, 2,
       1, 0, 4, 1], 0.05, method='goodman') */
    {TALLY_CI_GOODMAN, 7, 0.95,
     {3.0, 0.0, 2.0, 1.0, 0.0, 4.0, 1.0},
     {0.0682244520032326, 0.0, 0.03426727543072798, 0.010041242111111036, 0.0,
      0.10992638270664885, 0.010041242111111036},
     {0.6576029760736873, 0.39682034176922376, 0.58189112387696,
      0.49644812842734476, 0.39682034176922376, 0.7255700741395031,
      0.49644812842734476}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([56, 72,
       73, 59, 62, 87, 58], 0.05, method='goodman') */
    {TALLY_CI_GOODMAN, 7, 0.95,
     {56.0, 72.0, 73.0, 59.0, 62.0, 87.0, 58.0},
     {0.08516723913874684, 0.11453291890488311, 0.11639528922374762,
      0.09060567089116035, 0.09607738004815454, 0.14274910916305497,
      0.0887890581298042},
     {0.16626140813046547, 0.20437258269499173, 0.20672751577179363,
      0.17347488656505122, 0.18065508759505622, 0.239415943371816,
      0.17107419593074094}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([20, 0, 31,
       7], 0.05, method='goodman') */
    {TALLY_CI_GOODMAN, 4, 0.95,
     {20.0, 0.0, 31.0, 7.0},
     {0.21100967362931475, 0.0, 0.375652393360316, 0.04953031535403958},
     {0.5087846731416491, 0.09711511737310559, 0.6866155295794698,
      0.2655225323083164}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([400, 350,
       120, 90, 40, 0], 0.01, method='goodman') */
    {TALLY_CI_GOODMAN, 6, 0.99,
     {400.0, 350.0, 120.0, 90.0, 40.0, 0.0},
     {0.3525015225483664, 0.30425701186591375, 0.09135533126820819,
      0.0654170393431861, 0.02459951032117016, 0.0},
     {0.4494560500153858, 0.3986793469797146, 0.15608344447405026,
      0.122609008168198, 0.06440532347209008, 0.009787862818761109}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([1, 2],
       0.05, method='goodman') */
    {TALLY_CI_GOODMAN, 2, 0.95,
     {1.0, 2.0},
     {0.05035357122599446, 0.1749814605872517},
     {0.8250185394127484, 0.9496464287740056}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([10.5,
       40.25, 22.0], 0.05, method='goodman') */
    {TALLY_CI_GOODMAN, 3, 0.95,
     {10.5, 40.25, 22.0},
     {0.07184898788959858, 0.4149711650755709, 0.19188119279829915},
     {0.2687569147070616, 0.6837786755983591, 0.44178875308873433}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([4000,
       3500, 1200, 900, 400], 0.05, method='goodman') */
    {TALLY_CI_GOODMAN, 5, 0.95,
     {4000.0, 3500.0, 1200.0, 900.0, 400.0},
     {0.38745137998824003, 0.3378172057874442, 0.11188048739485114,
      0.082897728354483, 0.03524989293594862},
     {0.41268122995845197, 0.36238170913259377, 0.12862343040257837,
      0.09764597242695407, 0.04536011281883443}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([1, 15, 38,
       13, 8], 0.05, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 5, 0.95,
     {1.0, 15.0, 38.0, 13.0, 8.0},
     {0.0, 0.09333333333333334, 0.4, 0.06666666666666667, 0.0},
     {0.1319816937743815, 0.31864836044104816, 0.6253150271077148,
      0.2919816937743815, 0.22531502710771484}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([1, 15, 38,
       13, 8], 0.1, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 5, 0.9,
     {1.0, 15.0, 38.0, 13.0, 8.0},
     {0.0, 0.10666666666666667, 0.4133333333333334, 0.08, 0.013333333333333336},
     {0.11585684854780878, 0.30252351521447546, 0.6091901818811422,
      0.2758568485478088, 0.20919018188114213}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([11, 40,
       22], 0.05, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 3, 0.95,
     {11.0, 40.0, 22.0},
     {0.0410958904109589, 0.4383561643835616, 0.1917808219178082},
     {0.2716635840884619, 0.6689238580610646, 0.4223485155953112}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([11, 40,
       22], 0.01, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 3, 0.99,
     {11.0, 40.0, 22.0},
     {0.0136986301369863, 0.410958904109589, 0.1643835616438356},
     {0.3000780449647781, 0.6973383189373807, 0.45076297647162733}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([5, 5],
       0.05, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 2, 0.95,
     {5.0, 5.0},
     {0.3, 0.3},
     {0.8607856120371921, 0.8607856120371921}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([2, 3],
       0.05, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 2, 0.95,
     {2.0, 3.0},
     {0.2, 0.39999999999999997},
     {0.9192007377683277, 1.0}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([10, 10],
       0.1, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 2, 0.9,
     {10.0, 10.0},
     {0.35, 0.35},
     {0.6998123326823833, 0.6998123326823833}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([3, 0, 2,
       1, 0, 4, 1], 0.05, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 7, 0.95,
     {3.0, 0.0, 2.0, 1.0, 0.0, 4.0, 1.0},
     {0.09090909090909088, 0.0, 0.0, 0.0, 0.0, 0.18181818181818182, 0.0},
     {0.6299789374564007, 0.357251664729128, 0.5390698465473098,
      0.4481607556382189, 0.357251664729128, 0.7208880283654917,
      0.4481607556382189}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([56, 72,
       73, 59, 62, 87, 58], 0.05, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 7, 0.95,
     {56.0, 72.0, 73.0, 59.0, 62.0, 87.0, 58.0},
     {0.07922912205567452, 0.11349036402569593, 0.11563169164882225,
      0.08565310492505354, 0.09207708779443255, 0.145610278372591,
      0.08351177730192719},
     {0.16435573404025788, 0.19861697601027928, 0.20075830363340563,
      0.1707797169096369, 0.1772036997790159, 0.23073689035717437,
      0.16863838928651054}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([20, 0, 31,
       7], 0.05, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 4, 0.95,
     {20.0, 0.0, 31.0, 7.0},
     {0.22413793103448276, 0.0, 0.4137931034482758, 0.0},
     {0.4829366295563866, 0.13810904334949006, 0.6725918019701796,
      0.25879869852190385}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([400, 350,
       120, 90, 40, 0], 0.01, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 6, 0.99,
     {400.0, 350.0, 120.0, 90.0, 40.0, 0.0},
     {0.35900000000000004, 0.309, 0.07899999999999999, 0.048999999999999995,
      0.0, 0.0},
     {0.4423407319003262, 0.39234073190032615, 0.16234073190032616,
      0.13234073190032614, 0.08234073190032615, 0.04234073190032615}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([1, 2],
       0.05, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 2, 0.95,
     {1.0, 2.0},
     {0.0, 0.3333333333333333},
     {0.8431621756701926, 1.0}},
    /* statsmodels 0.13.5+dfsg: multinomial_proportions_confint([4000,
       3500, 1200, 900, 400], 0.05, method='sison-glaz') */
    {TALLY_CI_SISON_GLAZ, 5, 0.95,
     {4000.0, 3500.0, 1200.0, 900.0, 400.0},
     {0.3895, 0.33949999999999997, 0.1095, 0.0795, 0.0295},
     {0.4105915783230441, 0.36059157832304406, 0.13059157832304408,
      0.10059157832304408, 0.05059157832304409}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([1, 15, 38, 13, 8], 75,
       0.05, method='wilson') */
    {TALLY_CI_WILSON, 5, 0.95,
     {1.0, 15.0, 38.0, 13.0, 8.0},
     {0.002357551139048661, 0.12512147714196709, 0.39598378457813665,
      0.10419146268357259, 0.05504912762174319},
     {0.07173365554421574, 0.30411282834771647, 0.6166998975220928,
      0.2743081144051939, 0.1966136284647308}},
    /* statsmodels 0.13.5+dfsg: proportion_confint([1, 15, 38, 13, 8], 75,
       0.05, method='beta') */
    {TALLY_CI_CLOPPER_PEARSON, 5, 0.95,
     {1.0, 15.0, 38.0, 13.0, 8.0},
     {0.00033751380252114845, 0.11648214859075208, 0.38863897859151925,
      0.09565062093789277, 0.0471899517400583},
     {0.07206349724316752, 0.30832608937012873, 0.624151836171299,
      0.2781487160458012, 0.19940174420267154}},
};

/* ---- helpers ---------------------------------------------------------- */

static int close_rel(double got, double want, double tol)
{
    if (isnan(want))
        return isnan(got);
    if (fabs(want) < 1e-15)
        return fabs(got) < 1e-15;
    return fabs(got - want) <= tol * fabs(want);
}

static void expect_rel(double got, double want, double tol, const char *what,
                       size_t row)
{
    if (!close_rel(got, want, tol)) {
        print_error("row %zu: %s = %.17g, expected %.17g (rel. tol %g)\n",
                    row, what, got, want, tol);
        fail();
    }
}

static void check_table(const prop_case *cases, size_t count, double tol)
{
    for (size_t i = 0; i < count; i++) {
        const prop_case *c = &cases[i];
        double lo = -1, hi = -1;
        assert_int_equal(tally_ci_proportion(c->method, c->x, c->n,
                                             c->level, &lo, &hi),
                         TALLY_OK);
        expect_rel(lo, c->lo, tol, "lo", i);
        expect_rel(hi, c->hi, tol, "hi", i);
    }
}

#define CHECK_TABLE(t, tol) check_table((t), TALLY_ARRAY_SIZE(t), (tol))

/* ---- tests ------------------------------------------------------------ */

static void test_statsmodels(void **state)
{
    (void)state;
    CHECK_TABLE(statsmodels_cases, TOL);
}

static void test_r(void **state)
{
    (void)state;
    CHECK_TABLE(r_cases, TOL);
}

static void test_newcombe_table1(void **state)
{
    (void)state;
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(newcombe_table1); i++) {
        const prop_case *c = &newcombe_table1[i];
        double lo, hi;
        assert_int_equal(tally_ci_proportion(c->method, c->x, c->n,
                                             c->level, &lo, &hi),
                         TALLY_OK);
        /* Published rounded to 4 decimals. */
        assert_true(fabs(lo - c->lo) <= 0.00005);
        assert_true(fabs(hi - c->hi) <= 0.00005);
    }
}

static void test_wilson_cc_half(void **state)
{
    (void)state;
    CHECK_TABLE(wilson_cc_half, TOL);
    /* And not R's prop.test(5, 10, correct = TRUE) value, which is the
       uncorrected Wilson interval. */
    double lo, hi, wlo, whi;
    tally_ci_proportion(TALLY_CI_WILSON_CC, 5, 10, 0.95, &lo, &hi);
    tally_ci_proportion(TALLY_CI_WILSON, 5, 10, 0.95, &wlo, &whi);
    expect_rel(wlo, 0.23659309051256402, TOL, "wilson lo", 0);
    assert_true(lo < wlo - 0.03 && hi > whi + 0.03);
}

static void check_multi(const multi_case *c, size_t row, double tol)
{
    double lo[7], hi[7];
    assert_int_equal(tally_ci_multinomial(c->method, c->counts, c->k,
                                          c->level, lo, hi),
                     TALLY_OK);
    for (size_t j = 0; j < c->k; j++) {
        expect_rel(lo[j], c->lo[j], tol, "lo", row * 10 + j);
        expect_rel(hi[j], c->hi[j], tol, "hi", row * 10 + j);
    }
}

static void test_multinomial(void **state)
{
    (void)state;
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(multinomial_cases); i++) {
        const multi_case *c = &multinomial_cases[i];
        check_multi(c, i,
                    c->method == TALLY_CI_SISON_GLAZ ? TOL_SISON_GLAZ : TOL);
    }
}

/* tests/reference/ci_sison_glaz_mpmath.py */
static const multi_case sison_glaz_mpmath[] = {
    /* mpmath 1.2.1, 50 digits:
       sison_glaz([1, 15, 38, 13, 8], 0.95, 1) */
    {TALLY_CI_SISON_GLAZ, 5, 0.95,
     {1.0, 15.0, 38.0, 13.0, 8.0},
     {0, 0.093333333333333333, 0.4, 0.066666666666666667, 0.0},
     {0.13198169377441879, 0.31864836044108546, 0.62531502710775212,
      0.29198169377441879, 0.22531502710775212}},
    /* mpmath 1.2.1, 50 digits:
       sison_glaz([4000, 3500, 1200, 900, 400], 0.95, 1) */
    {TALLY_CI_SISON_GLAZ, 5, 0.95,
     {4000.0, 3500.0, 1200.0, 900.0, 400.0},
     {0.3895, 0.3395, 0.1095, 0.0795, 0.0295},
     {0.41059157835249322, 0.36059157835249322, 0.13059157835249322,
      0.10059157835249322, 0.05059157835249322}},
    /* mpmath 1.2.1, 50 digits:
       sison_glaz([400000, 350000, 120000, 90000, 40000], 0.95, 1059) */
    {TALLY_CI_SISON_GLAZ, 5, 0.95,
     {400000.0, 350000.0, 120000.0, 90000.0, 40000.0},
     {0.398941, 0.348941, 0.118941, 0.088941, 0.038941},
     {0.40105906196873988, 0.35105906196873988, 0.12105906196873988,
      0.091059061968739885, 0.041059061968739885}},
};

static void test_sison_glaz_mpmath(void **state)
{
    (void)state;
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(sison_glaz_mpmath); i++)
        check_multi(&sison_glaz_mpmath[i], i, TOL);
}

/* statsmodels raises "Couldn't find a value for `c`" for these; the
   intervals are undefined and the bounds NaN. */
static void test_sison_glaz_undefined(void **state)
{
    (void)state;
    static const struct {
        double counts[3];
        size_t k;
        double level;
    } cases[] = {
        /* statsmodels 0.13.5: multinomial_proportions_confint(counts,
           alpha, method='sison-glaz') raises for each of these */
        {{1, 1}, 2, 0.95},
        {{0, 10}, 2, 0.95},
        {{1, 2}, 2, 0.90},
        {{1, 0, 0}, 3, 0.95},
    };
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(cases); i++) {
        double lo[3] = {0}, hi[3] = {0};
        assert_int_equal(tally_ci_multinomial(TALLY_CI_SISON_GLAZ,
                                              cases[i].counts, cases[i].k,
                                              cases[i].level, lo, hi),
                         TALLY_OK);
        for (size_t j = 0; j < cases[i].k; j++)
            assert_true(isnan(lo[j]) && isnan(hi[j]));
    }
}

/* Sison-Glaz rounds counts to the nearest whole number (half away from
   zero): [10.6, 39.5, 21.8] is [11, 40, 22]. */
static void test_sison_glaz_rounding(void **state)
{
    (void)state;
    const double real[] = {10.6, 39.5, 21.8}, whole[] = {11, 40, 22};
    double lo[3], hi[3], wlo[3], whi[3];
    assert_int_equal(tally_ci_multinomial(TALLY_CI_SISON_GLAZ, real, 3,
                                          0.95, lo, hi),
                     TALLY_OK);
    assert_int_equal(tally_ci_multinomial(TALLY_CI_SISON_GLAZ, whole, 3,
                                          0.95, wlo, whi),
                     TALLY_OK);
    for (size_t j = 0; j < 3; j++) {
        assert_true(lo[j] == wlo[j] && hi[j] == whi[j]);
    }
    /* statsmodels 0.13.5: multinomial_proportions_confint([11, 40, 22],
       0.05, method='sison-glaz')[0] */
    expect_rel(lo[0], 0.0410958904109589, TOL_SISON_GLAZ, "lo", 0);
    expect_rel(hi[0], 0.2716635840884619, TOL_SISON_GLAZ, "hi", 0);
}

static const mean_case mean_cases[] = {
    /* x = c(4.2, 5.1, 3.9, 6.3, 5.5, 4.8, 5, 7.1), y = c(3.1, 4.4, 2.9,
       5, 3.8) */
    /* R 4.2.2: t.test(x, conf.level = 0.9): estimate, stderr, parameter
       (df), conf.int */
    {5.2374999999999998, 0.37318010779936117, 7, 0.9,
     4.5304809519181477, 5.9445190480818511},
    /* R 4.2.2: t.test(x, y, conf.level = 0.9) (Welch): estimate
       difference, stderr, parameter, conf.int */
    {1.3975, 0.54209168307320743, 9.8738450927961452, 0.9,
     0.41370453947322106, 2.3812954605267787},
    /* R 4.2.2: t.test(x, conf.level = 0.95): estimate, stderr, parameter
       (df), conf.int */
    {5.2374999999999998, 0.37318010779936117, 7, 0.95,
     4.3550692668856206, 6.1199307331143782},
    /* R 4.2.2: t.test(x, y, conf.level = 0.95) (Welch): estimate
       difference, stderr, parameter, conf.int */
    {1.3975, 0.54209168307320743, 9.8738450927961452, 0.95,
     0.18754935256575109, 2.6074506474342489},
    /* R 4.2.2: t.test(x, conf.level = 0.99): estimate, stderr, parameter
       (df), conf.int */
    {5.2374999999999998, 0.37318010779936117, 7, 0.99,
     3.9315624458526783, 6.5434375541473209},
    /* R 4.2.2: t.test(x, y, conf.level = 0.99) (Welch): estimate
       difference, stderr, parameter, conf.int */
    {1.3975, 0.54209168307320743, 9.8738450927961452, 0.99,
     -0.3254661674309508, 3.1204661674309508},
};

/* Student t quantiles alone, through tally_ci_mean(0, 1, df, level). */
static const mean_case t_cases[] = {
    /* R 4.2.2: qt(1 - (1 - level)/2, df) (Inf: qnorm) */
    {0, 1, 1, 0.95,
     -12.706204736174694, 12.706204736174694},
    {0, 1, 1, 0.99,
     -63.656741162871526, 63.656741162871526},
    {0, 1, 2.5, 0.95,
     -3.5746548420036919, 3.5746548420036919},
    {0, 1, 2.5, 0.99,
     -7.1637281389488026, 7.1637281389488026},
    {0, 1, 29, 0.95,
     -2.0452296421327034, 2.0452296421327034},
    {0, 1, 29, 0.99,
     -2.7563859036706049, 2.7563859036706049},
    {0, 1, 100000, 0.95,
     -1.9599877075346088, 1.9599877075346088},
    {0, 1, 100000, 0.99,
     -2.5758784699083743, 2.5758784699083743},
    {0, 1, 2000000, 0.95,
     -1.9599651706763741, 1.9599651706763741},
    {0, 1, 2000000, 0.99,
     -2.575831761824908, 2.575831761824908},
    {0, 1, INFINITY, 0.95,
     -1.9599639845400536, 1.9599639845400536},
    {0, 1, INFINITY, 0.99,
     -2.5758293035488999, 2.5758293035488999},
};

static void check_mean_table(const mean_case *cases, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const mean_case *c = &cases[i];
        double lo, hi;
        assert_int_equal(tally_ci_mean(c->mean, c->se, c->df, c->level, &lo,
                                       &hi),
                         TALLY_OK);
        expect_rel(lo, c->lo, TOL, "lo", i);
        expect_rel(hi, c->hi, TOL, "hi", i);
        tally_assert_rel(lo, c->lo, TOL);
    }
}

static void test_mean(void **state)
{
    (void)state;
    check_mean_table(mean_cases, TALLY_ARRAY_SIZE(mean_cases));
    check_mean_table(t_cases, TALLY_ARRAY_SIZE(t_cases));
}

/* Closed forms at the edges, exactly. */
static void test_exact_edges(void **state)
{
    (void)state;
    double lo, hi;
    tally_ci_proportion(TALLY_CI_CLOPPER_PEARSON, 0, 10, 0.95, &lo, &hi);
    assert_true(lo == 0);
    /* 1 - (alpha/2)^(1/n) */
    expect_rel(hi, 1 - pow(0.025, 0.1), 1e-15, "hi", 0);
    tally_ci_proportion(TALLY_CI_CLOPPER_PEARSON, 10, 10, 0.95, &lo, &hi);
    assert_true(hi == 1);
    expect_rel(lo, pow(0.025, 0.1), 1e-15, "lo", 0);
    /* Real n at the edges: Beta(1, n) and Beta(n, 1) quantiles. */
    tally_ci_proportion(TALLY_CI_CLOPPER_PEARSON, 0, 2.5, 0.9, &lo, &hi);
    assert_true(lo == 0);
    expect_rel(hi, 1 - pow(0.05, 1 / 2.5), 1e-15, "hi", 0);
    tally_ci_proportion(TALLY_CI_CLOPPER_PEARSON, 2.5, 2.5, 0.9, &lo, &hi);
    assert_true(hi == 1);
    expect_rel(lo, pow(0.05, 1 / 2.5), 1e-15, "lo", 0);
    for (int m = TALLY_CI_WILSON; m <= TALLY_CI_CLOPPER_PEARSON; m++) {
        tally_ci_proportion((tally_ci_method)m, 0, 7, 0.99, &lo, &hi);
        assert_true(lo == 0);
        tally_ci_proportion((tally_ci_method)m, 7, 7, 0.99, &lo, &hi);
        assert_true(hi == 1 || m == TALLY_CI_WALD);
    }
    /* Jeffreys as statsmodels: no 0 / 1 at x = 0 / x = n. */
    tally_ci_proportion(TALLY_CI_JEFFREYS, 0, 7, 0.95, &lo, &hi);
    assert_true(lo > 0 && lo < 1e-4);
    tally_ci_proportion(TALLY_CI_JEFFREYS, 7, 7, 0.95, &lo, &hi);
    assert_true(hi < 1 && hi > 1 - 1e-4);
}

/* n = 0: NaN bounds, not an error; the same for an all-zero vector. */
static void test_undefined(void **state)
{
    (void)state;
    for (int m = 0; m < TALLY_CI_METHOD_COUNT; m++) {
        double lo = 0, hi = 0, counts[2] = {0, 0}, mlo[2], mhi[2];
        if (!tally_ci_method_is_simultaneous((tally_ci_method)m)) {
            assert_int_equal(tally_ci_proportion((tally_ci_method)m, 0, 0,
                                                 0.95, &lo, &hi),
                             TALLY_OK);
            assert_true(isnan(lo) && isnan(hi));
        }
        assert_int_equal(tally_ci_multinomial((tally_ci_method)m, counts, 2,
                                              0.95, mlo, mhi),
                         TALLY_OK);
        assert_true(isnan(mlo[0]) && isnan(mhi[1]));
    }
    double lo = 0, hi = 0;
    assert_int_equal(tally_ci_mean(1, 0.5, 0, 0.95, &lo, &hi), TALLY_OK);
    assert_true(isnan(lo) && isnan(hi));
    assert_int_equal(tally_ci_mean(1, INFINITY, 5, 0.95, &lo, &hi),
                     TALLY_OK);
    assert_true(isnan(lo) && isnan(hi));
    assert_int_equal(tally_ci_mean(1, NAN, 5, 0.95, &lo, &hi), TALLY_OK);
    assert_true(isnan(lo) && isnan(hi));
}

static void test_invalid(void **state)
{
    (void)state;
    double lo, hi;
    const double bad_levels[] = {0, 1, -0.5, 1.5, NAN, INFINITY};
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(bad_levels); i++) {
        assert_int_equal(tally_ci_proportion(TALLY_CI_WILSON, 3, 10,
                                             bad_levels[i], &lo, &hi),
                         TALLY_ERR_INVALID_ARG);
        assert_int_equal(tally_ci_mean(0, 1, 5, bad_levels[i], &lo, &hi),
                         TALLY_ERR_INVALID_ARG);
        double c[2] = {1, 2};
        assert_int_equal(tally_ci_multinomial(TALLY_CI_GOODMAN, c, 2,
                                              bad_levels[i], &lo, &hi),
                         TALLY_ERR_INVALID_ARG);
    }
    /* x outside [0, n], bad n. */
    const double bad_xn[][2] = {{10.1, 10}, {-1, 10}, {-1e-6, 10},
                                {10 + 1e-7, 10}, {1, 0}, {0, -1},
                                {NAN, 10}, {1, NAN}, {1, INFINITY}};
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(bad_xn); i++)
        assert_int_equal(tally_ci_proportion(TALLY_CI_CLOPPER_PEARSON,
                                             bad_xn[i][0], bad_xn[i][1],
                                             0.95, &lo, &hi),
                         TALLY_ERR_INVALID_ARG);
    /* Simultaneous methods and out-of-range methods. */
    const int bad_methods[] = {TALLY_CI_GOODMAN, TALLY_CI_SISON_GLAZ,
                               TALLY_CI_METHOD_COUNT, -1};
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(bad_methods); i++)
        assert_int_equal(tally_ci_proportion((tally_ci_method)bad_methods[i],
                                             3, 10, 0.95, &lo, &hi),
                         TALLY_ERR_INVALID_ARG);
    assert_int_equal(tally_ci_proportion(TALLY_CI_WILSON, 3, 10, 0.95, NULL,
                                         &hi),
                     TALLY_ERR_INVALID_ARG);
    assert_int_equal(tally_ci_mean(0, -1, 5, 0.95, &lo, &hi),
                     TALLY_ERR_INVALID_ARG);
}

static void test_invalid_counts(void **state)
{
    (void)state;
    double lo[3], hi[3];
    const double negative[] = {3, -1, 2}, nan[] = {3, NAN, 2};
    for (int m = 0; m < TALLY_CI_METHOD_COUNT; m++) {
        assert_int_equal(tally_ci_multinomial((tally_ci_method)m, negative,
                                              3, 0.95, lo, hi),
                         TALLY_ERR_INVALID_ARG);
        assert_int_equal(tally_ci_multinomial((tally_ci_method)m, nan, 3,
                                              0.95, lo, hi),
                         TALLY_ERR_INVALID_ARG);
        assert_int_equal(tally_ci_multinomial((tally_ci_method)m, NULL, 3,
                                              0.95, lo, hi),
                         TALLY_ERR_INVALID_ARG);
        assert_int_equal(tally_ci_multinomial((tally_ci_method)m, NULL, 0,
                                              0.95, NULL, NULL),
                         TALLY_OK);
    }
    assert_int_equal(tally_ci_multinomial(TALLY_CI_METHOD_COUNT, negative, 3,
                                          0.95, lo, hi),
                     TALLY_ERR_INVALID_ARG);
}

/* x a rounding error outside [0, n] is taken as 0 or n. */
static void test_rounding_tolerance(void **state)
{
    (void)state;
    double lo, hi, elo, ehi;
    tally_ci_proportion(TALLY_CI_CLOPPER_PEARSON, 10, 10, 0.95, &elo, &ehi);
    assert_int_equal(tally_ci_proportion(TALLY_CI_CLOPPER_PEARSON,
                                         10 + 1e-12, 10, 0.95, &lo, &hi),
                     TALLY_OK);
    assert_true(lo == elo && hi == ehi);
    tally_ci_proportion(TALLY_CI_CLOPPER_PEARSON, 0, 10, 0.95, &elo, &ehi);
    assert_int_equal(tally_ci_proportion(TALLY_CI_CLOPPER_PEARSON, -1e-12,
                                         10, 0.95, &lo, &hi),
                     TALLY_OK);
    assert_true(lo == elo && hi == ehi);
}

static void test_method_names(void **state)
{
    (void)state;
    const char *names[] = {"wilson", "wilson-cc", "wald", "agresti-coull",
                           "clopper-pearson", "jeffreys", "goodman",
                           "sison-glaz"};
    assert_int_equal(TALLY_ARRAY_SIZE(names), TALLY_CI_METHOD_COUNT);
    for (int m = 0; m < TALLY_CI_METHOD_COUNT; m++) {
        tally_ci_method parsed = TALLY_CI_METHOD_COUNT;
        assert_string_equal(tally_ci_method_name((tally_ci_method)m),
                            names[m]);
        assert_int_equal(tally_ci_method_parse(names[m], &parsed), TALLY_OK);
        assert_int_equal(parsed, m);
        assert_int_equal(tally_ci_method_is_simultaneous((tally_ci_method)m),
                         m >= TALLY_CI_GOODMAN);
    }
    tally_ci_method m = TALLY_CI_WILSON;
    assert_int_equal(tally_ci_method_parse("exact", &m), TALLY_OK);
    assert_int_equal(m, TALLY_CI_CLOPPER_PEARSON);
    assert_int_equal(tally_ci_method_parse("Wilson", &m),
                     TALLY_ERR_INVALID_ARG);
    assert_int_equal(tally_ci_method_parse("", &m), TALLY_ERR_INVALID_ARG);
    assert_int_equal(tally_ci_method_parse(NULL, &m), TALLY_ERR_INVALID_ARG);
    assert_string_equal(tally_ci_method_label(TALLY_CI_WILSON),
                        "Wilson score");
    assert_string_equal(tally_ci_method_label(TALLY_CI_SISON_GLAZ),
                        "Sison-Glaz simultaneous");
    assert_string_equal(tally_ci_method_name(TALLY_CI_METHOD_COUNT), "?");
    assert_string_equal(tally_ci_method_label((tally_ci_method)-1), "?");
}

/* The internal quantiles refuse arguments outside their domain (and so
   never hand GSL a parameter <= 0). */
static void test_quantile_domain(void **state)
{
    (void)state;
    double comp = 0;
    assert_true(isnan(tally__ci_beta_quantile(0.5, 0, 3, 0, &comp)));
    assert_true(isnan(comp));
    assert_true(isnan(tally__ci_beta_quantile(0.5, 3, 0, 1, NULL)));
    assert_true(isnan(tally__ci_beta_quantile(0, 3, 3, 0, NULL)));
    assert_true(isnan(tally__ci_beta_quantile(1, 3, 3, 0, NULL)));
    assert_true(isnan(tally__ci_beta_quantile(0.5, INFINITY, 3, 0, NULL)));
    assert_true(isnan(tally__ci_t_quantile(0.6, 5)));
    assert_true(isnan(tally__ci_t_quantile(0.025, 0)));
    assert_true(tally__ci_t_quantile(0.5, 5) == 0);
    /* Beta(2, 2): symmetric, median 1/2; 1 - x returned alongside. */
    double x = tally__ci_beta_quantile(0.5, 2, 2, 0, &comp);
    expect_rel(x, 0.5, 1e-15, "median", 0);
    expect_rel(comp, 0.5, 1e-15, "1 - median", 0);
    /* Beta(1, 1) is uniform. */
    expect_rel(tally__ci_beta_quantile(0.3, 1, 1, 1, NULL), 0.7, 1e-15,
               "uniform", 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_statsmodels),
        cmocka_unit_test(test_r),
        cmocka_unit_test(test_newcombe_table1),
        cmocka_unit_test(test_wilson_cc_half),
        cmocka_unit_test(test_multinomial),
        cmocka_unit_test(test_sison_glaz_mpmath),
        cmocka_unit_test(test_sison_glaz_undefined),
        cmocka_unit_test(test_sison_glaz_rounding),
        cmocka_unit_test(test_mean),
        cmocka_unit_test(test_exact_edges),
        cmocka_unit_test(test_undefined),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_invalid_counts),
        cmocka_unit_test(test_rounding_tolerance),
        cmocka_unit_test(test_method_names),
        cmocka_unit_test(test_quantile_domain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

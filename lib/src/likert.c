/*
 * likert.c: the known rating scales (see likert.h).
 *
 * Variants list the common wordings of each family as questionnaires use
 * them (Vagias 2006, "Likert-type scale response anchors", Clemson
 * University; the platforms' default answer sets), lowest point first.
 * Two published evaluation scales are included as they were used: the
 * goal-achievement and extent scales of the NEASPEC 2020 survey.
 * Within a family, shorter variants come first so that the smallest
 * variant holding the observed labels wins.
 */
#include <string.h>

#include "common.h"
#include "likert.h"
#include "utf8.h"

#define V(fam, n, ...) {fam, n, {__VA_ARGS__}}

static const tally__likert_variant variants[] = {
    V("agree", 3, "disagree", "neither agree nor disagree", "agree"),
    V("agree", 3, "disagree", "neutral", "agree"),
    V("agree", 4, "strongly disagree", "disagree", "agree", "strongly agree"),
    V("agree", 4, "strongly disagree", "tend to disagree", "tend to agree",
      "strongly agree"),
    V("agree", 5, "strongly disagree", "disagree",
      "neither agree nor disagree", "agree", "strongly agree"),
    V("agree", 5, "strongly disagree", "disagree",
      "neither agree or disagree", "agree", "strongly agree"),
    V("agree", 5, "strongly disagree", "disagree", "neutral", "agree",
      "strongly agree"),
    V("agree", 5, "strongly disagree", "somewhat disagree",
      "neither agree nor disagree", "somewhat agree", "strongly agree"),
    V("agree", 5, "completely disagree", "disagree",
      "neither agree nor disagree", "agree", "completely agree"),
    V("agree", 6, "strongly disagree", "disagree", "somewhat disagree",
      "somewhat agree", "agree", "strongly agree"),
    V("agree", 7, "strongly disagree", "disagree", "somewhat disagree",
      "neither agree nor disagree", "somewhat agree", "agree",
      "strongly agree"),
    V("agree", 7, "strongly disagree", "disagree", "slightly disagree",
      "neutral", "slightly agree", "agree", "strongly agree"),
    V("satisfied", 3, "dissatisfied", "neutral", "satisfied"),
    V("satisfied", 4, "very dissatisfied", "dissatisfied", "satisfied",
      "very satisfied"),
    V("satisfied", 5, "very dissatisfied", "dissatisfied",
      "neither satisfied nor dissatisfied", "satisfied", "very satisfied"),
    V("satisfied", 5, "very dissatisfied", "dissatisfied", "neutral",
      "satisfied", "very satisfied"),
    V("satisfied", 5, "not at all satisfied", "slightly satisfied",
      "moderately satisfied", "very satisfied", "extremely satisfied"),
    V("satisfied", 7, "very dissatisfied", "dissatisfied",
      "somewhat dissatisfied", "neither satisfied nor dissatisfied",
      "somewhat satisfied", "satisfied", "very satisfied"),
    V("effective", 3, "not effective", "somewhat effective", "effective"),
    V("effective", 4, "not effective", "somewhat effective", "effective",
      "very effective"),
    V("effective", 5, "not at all effective", "slightly effective",
      "moderately effective", "very effective", "extremely effective"),
    V("effective", 5, "very ineffective", "ineffective", "neutral",
      "effective", "very effective"),
    V("extent", 3, "not at all", "to some extent", "to a great extent"),
    V("extent", 4, "not at all", "to a small extent", "to a moderate extent",
      "to a great extent"),
    V("extent", 4, "not at all", "to a small extent", "to some extent",
      "to a large extent"),
    V("extent", 5, "not at all", "to a small extent", "to a moderate extent",
      "to a great extent", "to a very great extent"),
    V("extent", 5, "not at all", "to a small extent", "to some extent",
      "to a moderate extent", "to a large extent"),
    V("extent", 5, "not at all", "to some extent", "more or less",
      "to a large extent", "significantly"),
    V("expectations", 3, "partially meets expectations",
      "meets expectations", "exceeds expectations"),
    V("expectations", 3, "below expectations", "meets expectations",
      "exceeds expectations"),
    V("expectations", 4, "below expectations",
      "partially meets expectations", "meets expectations",
      "exceeds expectations"),
    V("expectations", 4, "below expectations", "meets expectations",
      "exceeds expectations", "far exceeds expectations"),
    V("expectations", 5, "below expectations",
      "partially meets expectations", "meets expectations",
      "exceeds expectations", "far exceeds expectations"),
    V("expectations", 5, "does not meet expectations",
      "partially meets expectations", "meets expectations",
      "exceeds expectations", "far exceeds expectations"),
    V("achievement", 5, "unsatisfactory", "partially met the goal",
      "met the goal", "achieved beyond the goal",
      "achieved far beyond the goal"),
    V("frequency", 3, "never", "sometimes", "always"),
    V("frequency", 3, "never", "sometimes", "often"),
    V("frequency", 4, "never", "sometimes", "often", "always"),
    V("frequency", 4, "never", "rarely", "sometimes", "often"),
    V("frequency", 5, "never", "rarely", "sometimes", "often", "always"),
    V("frequency", 5, "never", "rarely", "sometimes", "very often",
      "always"),
    V("frequency", 5, "never", "rarely", "occasionally", "frequently",
      "very frequently"),
    V("frequency", 6, "never", "rarely", "sometimes", "often", "very often",
      "always"),
    V("quality", 3, "poor", "fair", "good"),
    V("quality", 3, "poor", "average", "good"),
    V("quality", 4, "poor", "fair", "good", "excellent"),
    V("quality", 4, "poor", "fair", "good", "very good"),
    V("quality", 5, "very poor", "poor", "fair", "good", "very good"),
    V("quality", 5, "poor", "fair", "good", "very good", "excellent"),
    V("quality", 5, "very poor", "poor", "average", "good", "excellent"),
    V("quality", 5, "very poor", "poor", "acceptable", "good", "very good"),
    V("quality", 6, "very poor", "poor", "fair", "good", "very good",
      "excellent"),
    V("importance", 3, "not important", "somewhat important", "important"),
    V("importance", 3, "not important", "important", "very important"),
    V("importance", 4, "not important", "somewhat important", "important",
      "very important"),
    V("importance", 4, "not at all important", "slightly important",
      "moderately important", "very important"),
    V("importance", 5, "not at all important", "slightly important",
      "moderately important", "very important", "extremely important"),
    V("importance", 5, "not at all important", "of little importance",
      "moderately important", "important", "very important"),
    V("importance", 5, "very unimportant", "unimportant", "neutral",
      "important", "very important"),
    V("likelihood", 3, "unlikely", "neutral", "likely"),
    V("likelihood", 4, "very unlikely", "unlikely", "likely",
      "very likely"),
    V("likelihood", 5, "very unlikely", "unlikely",
      "neither likely nor unlikely", "likely", "very likely"),
    V("likelihood", 5, "very unlikely", "unlikely", "neutral", "likely",
      "very likely"),
    V("likelihood", 5, "not at all likely", "slightly likely",
      "moderately likely", "very likely", "extremely likely"),
    V("likelihood", 5, "extremely unlikely", "unlikely",
      "neither likely nor unlikely", "likely", "extremely likely"),
    V("likelihood", 7, "extremely unlikely", "unlikely", "somewhat unlikely",
      "neither likely nor unlikely", "somewhat likely", "likely",
      "extremely likely"),
};

/* "1 - Agree", "2. Agree", "3 = Agree" -> "Agree". */
static size_t strip_number_prefix(char *key, size_t n)
{
    size_t d = 0, skip = 0;
    while (d < n && key[d] >= '0' && key[d] <= '9')
        d++;
    if (d == 0 || d + 2 >= n)
        return n;
    if (strchr("-=.):", key[d]) && key[d + 1] == ' ')
        skip = d + 2;
    else if (key[d] == ' ' && strchr("-=", key[d + 1]) && key[d + 2] == ' ')
        skip = d + 3;
    if (skip) {
        memmove(key, key + skip, n - skip + 1);
        n -= skip;
    }
    return n;
}

/*
 * The key a label is compared by: tally__label_key() (case, blanks,
 * typographic quotes), without a numeric prefix or a trailing
 * parenthesis ("Meets expectations (Good)").
 */
static int scale_key(const char *label, char *key, size_t cap)
{
    size_t n = tally__label_key(label, key, cap);
    if (n == (size_t)-1)
        return -1;
    n = strip_number_prefix(key, n);
    char *paren = n > 2 && key[n - 1] == ')' ? strrchr(key, '(') : NULL;
    if (paren && paren > key && paren[-1] == ' ')
        n = (size_t)(paren - 1 - key);
    key[n] = '\0';
    return 0;
}

static long find_label(const tally__likert_variant *v, const char *key)
{
    for (size_t i = 0; i < v->points; i++)
        if (strcmp(v->labels[i], key) == 0)
            return (long)i;
    return -1;
}

static int variant_holds(const tally__likert_variant *v,
                         char (*keys)[128], size_t n, size_t *pos)
{
    for (size_t i = 0; i < n; i++) {
        long p = find_label(v, keys[i]);
        if (p < 0)
            return 0;
        pos[i] = (size_t)p;
    }
    return 1;
}

const tally__likert_variant *tally__likert_match(const char *const *labels,
                                                 size_t n, size_t *pos)
{
    char keys[TALLY__LIKERT_MAX_LABELS][128];
    int points = 0; /* two or more different points, not one spelt twice */
    if (n < 2 || n > TALLY__LIKERT_MAX_LABELS)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (scale_key(labels[i], keys[i], sizeof keys[i]) != 0)
            return NULL;
        points |= strcmp(keys[i], keys[0]) != 0;
    }
    if (!points)
        return NULL;
    const tally__likert_variant *best = NULL;
    size_t best_pos[TALLY__LIKERT_MAX_LABELS];
    for (size_t v = 0; v < TALLY_ARRAY_SIZE(variants); v++) {
        const tally__likert_variant *var = &variants[v];
        if (best && var->points >= best->points)
            continue;
        if (variant_holds(var, keys, n, best_pos)) {
            best = var;
            memcpy(pos, best_pos, n * sizeof *pos);
        }
    }
    return best;
}

int tally__is_missing_label(const char *label)
{
    static const char *const missing[] = {
        "don't know", "dont know", "do not know", "don't know/not sure",
        "don't know / not sure", "don't know/can't say", "can't say",
        "cannot say", "n/a", "na", "n.a.", "not applicable",
        "prefer not to say", "prefer not to answer", "rather not say",
        "i prefer not to say", "no opinion", "refused", "no answer",
        "not applicable / don't know", "don't know / not applicable",
        "no basis to judge", "unable to judge", "not sure / don't know",
    };
    char key[64];
    /* Open answers are long, and every missing label begins with one of
       these letters: most answers fail here, cheaply. */
    while (*label == ' ')
        label++;
    if (!strchr("cdinprunCDINPRU", *label) || strlen(label) >= sizeof key ||
        tally__label_key(label, key, sizeof key) == (size_t)-1)
        return 0;
    for (size_t i = 0; i < TALLY_ARRAY_SIZE(missing); i++)
        if (strcmp(key, missing[i]) == 0)
            return 1;
    return 0;
}

/*
 * gen_survey.c: a realistic survey export for the benchmark (README.md).
 *
 * Usage: gen_survey ROWS > survey.csv
 *        gen_survey --codebook > survey.yaml
 *
 * One header row and ROWS respondents: id, submission time, the Region
 * banner, three demographics, 60 agree-scale items in three matrices,
 * 10 multi-select questions joined with ", " and 5 open questions, as
 * RFC 4180 CSV with CRLF line ends, UTF-8 without BOM. About 1,500 bytes
 * a respondent, so 1,000,000 rows make about 1.5 GB.
 *
 * The output is byte-identical everywhere: a fixed-seed xoshiro256** and
 * integer arithmetic only (no floating point, no rand(), no locale).
 * --codebook writes the matching codebook (docs/codebook-format.md), so
 * that tally reads the joined multi-selects as multi-selects.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
    const char *s;
    size_t n;
} str;

#define S(lit) {lit, sizeof(lit) - 1}
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* --- random numbers ------------------------------------------------------- */

static uint64_t rng[4];

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static void rng_seed(uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        rng[i] = splitmix64(&seed);
}

static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

/* xoshiro256** (Blackman and Vigna, 2018). */
static inline uint64_t rng_next(void)
{
    uint64_t result = rotl(rng[1] * 5, 7) * 9;
    uint64_t t = rng[1] << 17;
    rng[2] ^= rng[0];
    rng[3] ^= rng[1];
    rng[1] ^= rng[2];
    rng[0] ^= rng[3];
    rng[2] ^= t;
    rng[3] = rotl(rng[3], 45);
    return result;
}

/* Uniform in [0, n) by multiply-shift; the bias (n / 2^32) is harmless. */
static inline uint32_t below(uint32_t n)
{
    return (uint32_t)(((rng_next() >> 32) * n) >> 32);
}

/* An index drawn from weights in permille (they sum to 1000). */
static int pick(const uint16_t *permille, int n)
{
    uint32_t r = below(1000);
    for (int i = 0; i < n - 1; i++) {
        if (r < permille[i])
            return i;
        r -= permille[i];
    }
    return n - 1;
}

/* --- output --------------------------------------------------------------- */

/* Our own buffer: a field costs a memcpy, not a stdio call. */
static char out[1 << 20];
static size_t out_len;

static void flush_out(void)
{
    if (fwrite(out, 1, out_len, stdout) != out_len) {
        perror("gen_survey: write");
        exit(1);
    }
    out_len = 0;
}

static inline void put(const char *s, size_t n)
{
    if (out_len + n > sizeof out)
        flush_out();
    memcpy(out + out_len, s, n);
    out_len += n;
}

static inline void put_str(str s)
{
    put(s.s, s.n);
}

/* v in decimal, zero-padded to at least width digits. */
static void put_uint(uint64_t v, int width)
{
    char d[24];
    size_t n = 0;
    do {
        d[sizeof d - 1 - n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v || n < (size_t)width);
    put(d + sizeof d - n, n);
}

/* A field as RFC 4180 wants it: quoted, quotes doubled, when needed. */
static void put_field(const char *s, size_t n)
{
    if (!memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\n', n) &&
        !memchr(s, '\r', n)) {
        put(s, n);
        return;
    }
    put("\"", 1);
    const char *q;
    while ((q = memchr(s, '"', n)) != NULL) {
        put(s, (size_t)(q - s) + 1);
        put("\"", 1);
        n -= (size_t)(q - s) + 1;
        s = q + 1;
    }
    put(s, n);
    put("\"", 1);
}

/* --- the banner and the demographics -------------------------------------- */

static const str regions[] = {
    S("North"), S("Midlands"), S("East"), S("London"), S("South"), S("West"),
};
static const uint16_t region_w[] = {190, 170, 140, 160, 200, 140};
/* How much more each region agrees, in 1/256 of a scale point: a little,
   so that the banner shows differences without being a caricature. */
static const int region_bias[] = {-40, -10, 0, 50, 20, -20};

static const str genders[] = {
    S("Female"), S("Male"), S("Non-binary"), S("Prefer not to say"),
};
static const uint16_t gender_w[] = {505, 470, 10, 15};

static const str ages[] = {
    S("18-24"), S("25-34"), S("35-44"), S("45-54"), S("55-64"), S("65+"),
};
static const uint16_t age_w[] = {110, 170, 165, 170, 160, 225};

static const str roles[] = {
    S("Employee"), S("Manager"), S("Self-employed"), S("Student"),
    S("Retired"), S("Unemployed"), S("Other"),
};
/* Roles follow age as they do in life: students young, the retired old. */
static const uint16_t role_w[3][7] = {
    {330, 30, 40, 450, 0, 110, 40},  /* 18-24 */
    {560, 170, 120, 20, 30, 60, 40}, /* 25-64 */
    {60, 20, 60, 0, 820, 10, 30},    /* 65+ */
};

/* --- the agree matrices --------------------------------------------------- */

#define N_MATRICES 3
#define N_ITEMS 20 /* per matrix: Q10_1..Q10_20, Q11_*, Q12_* */

static const str agree[] = {
    S("Strongly disagree"), S("Disagree"), S("Neither agree nor disagree"),
    S("Agree"), S("Strongly agree"), S("Don't know"),
};
#define DONT_KNOW 5

/* Scale points are 256 units apart, "Neither" at 512. Items differ, and
   lean to agreement as satisfaction items do. */
static int item_mean(int item)
{
    return 650 + ((item * 37) % 11 - 5) * 40;
}

/* A triangular draw in (-600, 600) from 32 random bits: up to two
   points and more either way, so that every answer is common enough. */
static int noise(uint64_t bits)
{
    int a = (int)(((bits & 0xFFFF) * 600) >> 16);
    int b = (int)((((bits >> 16) & 0xFFFF) * 600) >> 16);
    return a + b - 600;
}

/* One item: 4 % blank, 4 % "Don't know", else a scale point. */
static void put_agree(int item, int lean)
{
    uint64_t r = rng_next();
    uint32_t miss = (uint32_t)(r & 0xFFFF);
    if (miss < 2621)
        return;
    if (miss < 5243) {
        put_str(agree[DONT_KNOW]);
        return;
    }
    int latent = item_mean(item) + lean + noise(r >> 16) + 128;
    int point = latent < 0 ? 0 : latent >> 8;
    put_str(agree[point > 4 ? 4 : point]);
}

/* --- the multi-selects ---------------------------------------------------- */

#define MAX_OPTS 9

typedef struct
{
    const char *id;
    int n;
    int has_none; /* the last option is an exclusive "None of these" */
    str opt[MAX_OPTS];
    uint16_t permille[MAX_OPTS]; /* chance that an option is ticked */
} multi_q;

/* Q21, Q26 and Q29 have labels that contain the joiner ", " themselves,
   as real code frames do: a reader must match labels, not split. */
static const multi_q multis[] = {
    {"Q20", 7, 1, {S("Smartphone"), S("Laptop"), S("Desktop computer"),
     S("Tablet"), S("Smart TV"), S("Games console"), S("None of these")},
     {880, 560, 310, 420, 380, 170, 0}},
    {"Q21", 7, 1, {S("TV, radio or podcasts"), S("Newspapers"),
     S("News websites or apps"), S("Social media"),
     S("Friends, family or colleagues"), S("Other"), S("None of these")},
     {620, 210, 480, 530, 350, 60, 0}},
    {"Q22", 6, 0, {S("Car"), S("Bus"), S("Train"), S("Bicycle"),
     S("Walking"), S("Taxi or ride-hailing")},
     {640, 330, 210, 120, 540, 90}},
    {"Q23", 9, 1, {S("GP surgery"), S("Hospital"), S("Dentist"),
     S("Pharmacy"), S("Library"), S("Leisure centre"),
     S("Recycling centre"), S("Job centre"), S("None of these")},
     {710, 340, 520, 610, 180, 220, 390, 60, 0}},
    {"Q24", 8, 0, {S("Cost of living"), S("Housing"), S("Health care"),
     S("Education"), S("Crime"), S("Environment"), S("Jobs"),
     S("Transport")},
     {780, 450, 560, 280, 330, 310, 240, 200}},
    {"Q25", 5, 0, {S("Cash"), S("Debit card"), S("Credit card"),
     S("Mobile wallet"), S("Bank transfer")},
     {420, 830, 460, 350, 290}},
    {"Q26", 7, 1, {S("Family"), S("Friends"), S("Neighbours"),
     S("Charities, churches or community groups"), S("Local council"),
     S("Online forums"), S("None of these")},
     {610, 480, 170, 110, 140, 90, 0}},
    {"Q27", 8, 0, {S("Sport or exercise"), S("Reading"), S("Music"),
     S("Cinema or theatre"), S("Gardening"), S("Gaming"),
     S("Volunteering"), S("Travel")},
     {430, 460, 510, 280, 330, 210, 120, 390}},
    {"Q28", 7, 1, {S("Cost"), S("Time"), S("Distance"), S("Health"),
     S("Caring responsibilities"), S("Lack of information"),
     S("None of these")},
     {470, 390, 220, 160, 130, 180, 0}},
    {"Q29", 6, 0, {S("Email"), S("Phone"), S("Letter"), S("Text message"),
     S("In person, at a local office"), S("Website or app")},
     {560, 380, 120, 240, 150, 430}},
};

/* One multi-select: 5 % blank, 6 % "None of these" where offered, else
   the ticked options in code-frame order. Nobody who answers ticks
   nothing, so an empty draw becomes one option at random. */
static void put_multi(const multi_q *q)
{
    uint32_t r = below(1000);
    if (r < 50)
        return;
    if (q->has_none && r < 110) {
        put_str(q->opt[q->n - 1]);
        return;
    }
    int real = q->n - q->has_none;
    unsigned mask = 0;
    for (int i = 0; i < real; i++)
        if (below(1000) < q->permille[i])
            mask |= 1u << i;
    if (!mask)
        mask = 1u << below((uint32_t)real);
    char text[512];
    size_t len = 0;
    for (int i = 0; i < real; i++) {
        if (!(mask & (1u << i)))
            continue;
        if (len) {
            memcpy(text + len, ", ", 2);
            len += 2;
        }
        memcpy(text + len, q->opt[i].s, q->opt[i].n);
        len += q->opt[i].n;
    }
    put_field(text, len);
}

/* --- the open questions --------------------------------------------------- */

#define N_OPEN 5 /* Q30..Q34 */

/* Sentences people write: commas, quotes (doubled in the CSV), a few
   non-ASCII characters (UTF-8, up to four bytes). */
static const str sentences[] = {
    S("The staff were friendly, helpful and quick to respond."),
    S("Parking is a nightmare, especially on Saturdays."),
    S("I would say the service is \"okay\" at best."),
    S("Prices have gone up a lot this year, and wages haven't."),
    S("The new caf\xC3\xA9 on the high street is a great addition."),
    S("Bus times are unreliable; the 7:45 is late most mornings."),
    S("My neighbour said it was \"the best it's been in years\", and I "
      "agree."),
    S("Please fix the potholes on Mill Lane, they are dangerous for "
      "cyclists."),
    S("Waiting times at the surgery are too long \xE2\x80\x94 three weeks "
      "for an appointment."),
    S("More activities for teenagers, please."),
    S("Good value for money, overall."),
    S("The website is confusing, I couldn't find the form."),
    S("I moved here from Z\xC3\xBCrich two years ago and love it."),
    S("Not sure what \"community hub\" means, to be honest."),
    S("Street lighting is poor after 10pm."),
    S("Recycling collections are fine, but the food waste bins are too "
      "small."),
    S("Rent is \xC2\xA3" "950 a month for a one-bed flat, which is far too "
      "much."),
    S("The library's opening hours, especially on Sundays, are too short."),
    S("Can't fault it."),
    S("I'd like to see more green spaces, trees and benches."),
    S("The council should listen to residents, not just developers."),
    S("Broadband in the village is slow, often under 5 Mb/s."),
    S("Staff at the leisure centre were rude when I asked about the "
      "\"family\" pass."),
    S("Overall I am satisfied, though there's room for improvement."),
    S("We need a proper zebra crossing near the school."),
    S("My daughter uses the youth club twice a week, it's brilliant."),
    S("Noise from the bars on Friday nights, again!"),
    S("Communication could be better: letters arrive after the deadline."),
    S("I filled in the survey last year and nothing changed."),
    S("The na\xC3\xAFve idea that everyone drives is wrong."),
    S("Thanks for asking \xF0\x9F\x99\x82"),
    S("Why close the post office? \"Not enough footfall\", apparently."),
    S("Bins, buses, roads: the basics need to work first."),
    S("It's fine."),
};

static const str short_answers[] = {
    S("No"), S("None"), S("N/A"), S("Nothing"), S("No comment"),
    S("Not really"), S("All good, thanks"), S("-"), S("See above"),
    S("no"), S("Nope."), S("Don't know"),
};

/* Skipped by most: each later question is left blank more often. */
static const uint16_t open_blank[N_OPEN] = {250, 350, 450, 600, 750};
static const uint16_t n_sentences_w[8] = {240, 230, 200, 120, 80, 50, 45, 35};

/* Sentences joined by spaces or by the line breaks of a text box. */
static size_t make_text(char *text)
{
    size_t len = 0;
    int n = pick(n_sentences_w, 8) + 1;
    for (int i = 0; i < n; i++) {
        if (i) {
            uint32_t r = below(1000);
            const char *sep = r < 150 ? "\n" : r < 200 ? "\n\n" : " ";
            memcpy(text + len, sep, strlen(sep));
            len += strlen(sep);
        }
        str s = sentences[below(COUNT(sentences))];
        memcpy(text + len, s.s, s.n);
        len += s.n;
    }
    return len;
}

static void put_open(int q)
{
    if (below(1000) < open_blank[q])
        return;
    if (below(1000) < 300) {
        str s = short_answers[below(COUNT(short_answers))];
        put_field(s.s, s.n);
        return;
    }
    char text[2048];
    size_t len = make_text(text);
    put_field(text, len);
}

/* --- rows ----------------------------------------------------------------- */

static void put_header(void)
{
    put_str((str)S("Respondent ID,Submitted,Region,Gender,Age group,Role"));
    for (int m = 0; m < N_MATRICES; m++) {
        for (int i = 1; i <= N_ITEMS; i++) {
            put(",Q1", 3);
            put_uint((uint64_t)m, 1);
            put("_", 1);
            put_uint((uint64_t)i, 1);
        }
    }
    for (size_t q = 0; q < COUNT(multis); q++) {
        put(",", 1);
        put(multis[q].id, strlen(multis[q].id));
    }
    for (int q = 0; q < N_OPEN; q++) {
        put(",Q3", 3);
        put_uint((uint64_t)q, 1);
    }
    put("\r\n", 2);
}

/* Fieldwork from 4 March to 14 April 2024 in respondent order, mostly in
   the daytime: "2024-03-04 09:12:55". */
static void put_submitted(uint64_t row, uint64_t rows)
{
    unsigned day = (unsigned)(row * 42 / rows);
    unsigned secs = below(1000) < 850 ? 7 * 3600 + below(16 * 3600)
                                      : below(24 * 3600);
    put(day < 28 ? "2024-03-" : "2024-04-", 8);
    put_uint(day < 28 ? day + 4 : day - 27, 2);
    put(" ", 1);
    put_uint(secs / 3600, 2);
    put(":", 1);
    put_uint(secs / 60 % 60, 2);
    put(":", 1);
    put_uint(secs % 60, 2);
}

static int put_demographics(void)
{
    int region = pick(region_w, (int)COUNT(region_w));
    int age = pick(age_w, (int)COUNT(age_w));
    put(",", 1);
    put_str(regions[region]);
    put(",", 1);
    put_str(genders[pick(gender_w, (int)COUNT(gender_w))]);
    put(",", 1);
    put_str(ages[age]);
    put(",", 1);
    put_str(roles[pick(role_w[age == 0 ? 0 : age == 5 ? 2 : 1], 7)]);
    return region;
}

static void put_row(uint64_t row, uint64_t rows)
{
    put("R", 1);
    put_uint(row + 1, 7);
    put(",", 1);
    put_submitted(row, rows);
    int region = put_demographics();
    /* A respondent's own mood, within a point and a half either way,
       plus the region's: answers correlate across items, as they do. */
    int lean = (int)below(385) + (int)below(385) - 384 + region_bias[region];
    for (int item = 0; item < N_MATRICES * N_ITEMS; item++) {
        put(",", 1);
        put_agree(item, lean);
    }
    for (size_t q = 0; q < COUNT(multis); q++) {
        put(",", 1);
        put_multi(&multis[q]);
    }
    for (int q = 0; q < N_OPEN; q++) {
        put(",", 1);
        put_open(q);
    }
    put("\r\n", 2);
}

/* --- the codebook --------------------------------------------------------- */

/* A YAML flow list of double-quoted labels; none has a quote or a
   backslash, so no escaping is needed. */
static void yaml_list(const char *key, const str *labels, int n)
{
    printf("    %s: [", key);
    for (int i = 0; i < n; i++)
        printf("%s\"%s\"", i ? ", " : "", labels[i].s);
    printf("]\n");
}

static void yaml_question(const char *id, const char *type)
{
    printf("  - id: \"%s\"\n    type: %s\n    column: \"%s\"\n", id, type,
           id);
}

static void codebook_demographics(void)
{
    yaml_question("Respondent ID", "meta");
    yaml_question("Submitted", "meta");
    yaml_question("Region", "single");
    yaml_list("options", regions, (int)COUNT(regions));
    yaml_question("Gender", "single");
    yaml_list("options", genders, (int)COUNT(genders) - 1);
    yaml_list("missing", genders + COUNT(genders) - 1, 1);
    yaml_question("Age group", "single");
    printf("    ordered: true\n");
    yaml_list("options", ages, (int)COUNT(ages));
    yaml_question("Role", "single");
    yaml_list("options", roles, (int)COUNT(roles));
}

static void write_codebook(void)
{
    printf("# The codebook of gen_survey's export (tests/bench/gen_survey.c)."
           "\ntitle: \"tally benchmark survey\"\nscales:\n  agree:\n");
    yaml_list("options", agree, DONT_KNOW);
    yaml_list("missing", agree + DONT_KNOW, 1);
    printf("questions:\n");
    codebook_demographics();
    for (int m = 0; m < N_MATRICES; m++) {
        printf("  - id: \"Q1%d\"\n    type: matrix\n    scale: agree\n"
               "    items:\n", m);
        for (int i = 1; i <= N_ITEMS; i++)
            printf("      - {id: \"Q1%d_%d\", column: \"Q1%d_%d\"}\n", m, i,
                   m, i);
    }
    for (size_t q = 0; q < COUNT(multis); q++) {
        yaml_question(multis[q].id, "multi");
        printf("    separator: \", \"\n");
        yaml_list("options", multis[q].opt, multis[q].n);
    }
    for (int q = 0; q < N_OPEN; q++) {
        char id[8];
        snprintf(id, sizeof id, "Q3%d", q);
        yaml_question(id, "text");
    }
}

/* --- main ----------------------------------------------------------------- */

static int parse_rows(const char *arg, uint64_t *rows)
{
    char *end;
    if (*arg < '0' || *arg > '9')
        return 0;
    unsigned long long v = strtoull(arg, &end, 10);
    if (*end || v > 1000000000000ull)
        return 0;
    *rows = v;
    return 1;
}

int main(int argc, char **argv)
{
    uint64_t rows;
    if (argc == 2 && strcmp(argv[1], "--codebook") == 0) {
        write_codebook();
        return fflush(stdout) == 0 ? 0 : 1;
    }
    if (argc != 2 || !parse_rows(argv[1], &rows)) {
        fprintf(stderr, "usage: gen_survey ROWS > survey.csv\n"
                        "       gen_survey --codebook > survey.yaml\n");
        return 2;
    }
    rng_seed(20240304);
    put_header();
    for (uint64_t row = 0; row < rows; row++)
        put_row(row, rows);
    flush_out();
    if (fflush(stdout) != 0) {
        perror("gen_survey: write");
        return 1;
    }
    return 0;
}

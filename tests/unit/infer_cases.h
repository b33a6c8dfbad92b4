/*
 * infer_cases.h: the files of test_infer.c's table, each with the
 * questions inference must find in it. Included once.
 *
 * Lists are "|"-separated: option labels in display order (valid ones in
 * `options`, missing codes in `missing`), item ids, columns (the
 * question's column, its items' or its options' columns).
 */
#ifndef INFER_CASES_H
#define INFER_CASES_H

typedef struct exp_q {
    const char *id;
    const char *type;      /* "scale"                                   */
    int ordered;
    const char *options;   /* valid options, or NULL for none           */
    const char *missing;   /* missing codes, or NULL                    */
    const char *items;     /* item ids, or NULL                         */
    const char *columns;
    const char *separator; /* joined multi, or NULL                     */
    const char *reason;    /* meta, or NULL                             */
    const char *values;    /* scale values when not 1..k, or NULL       */
} exp_q;

typedef struct infer_case {
    const char *name;
    const char *csv;
    const char *weight;    /* tally_infer_opts.weight                   */
    exp_q q[16];           /* in codebook order, ended by a NULL id     */
} infer_case;

#define SCALE(id, options, missing)                                            \
    {id, "scale", 1, options, missing, NULL, id, NULL, NULL, NULL}
#define SINGLE(id, options, missing)                                           \
    {id, "single", 0, options, missing, NULL, id, NULL, NULL, NULL}
#define NUMERIC(id) {id, "numeric", 0, NULL, NULL, NULL, id, NULL, NULL, NULL}
#define TEXT(id) {id, "text", 0, NULL, NULL, NULL, id, NULL, NULL, NULL}
#define META(id, column, reason)                                               \
    {id, "meta", 0, NULL, NULL, NULL, column, NULL, reason, NULL}
#define JOINED(id, options, missing)                                           \
    {id, "multi", 0, options, missing, NULL, id, ", ", NULL, NULL}
#define MULTI(id, options, columns)                                            \
    {id, "multi", 0, options, NULL, NULL, columns, NULL, NULL, NULL}
#define MATRIX(id, ordered, options, missing, items, columns)                  \
    {id, "matrix", ordered, options, missing, items, columns, NULL, NULL, NULL}

#define AGREE5 "Strongly disagree|Disagree|Neutral|Agree|Strongly agree"
#define TEN "0|1|2|3|4|5|6|7|8|9|10"

static const infer_case infer_cases[] = {
    /* Every scale family, in several letter cases, each column with only
       some points observed: the smallest variant holding them is chosen,
       its other points are declared (display spelling), in scale order;
       an observed point keeps the data's spelling. */
    {"agree",
     "Ag1,Ag2,Ag3,Ag4,Ag5\n"
     "strongly agree,Neither agree nor disagree,Somewhat agree,"
     "Somewhat disagree,1 - Strongly disagree\n"
     "AGREE,agree,STRONGLY AGREE,somewhat agree,5 - Strongly agree\n"
     "Strongly Disagree,agree,Somewhat agree,Agree,\n"
     "strongly agree,,,,\n",
     NULL,
     {SCALE("Ag1", "Strongly Disagree|Disagree|AGREE|strongly agree", NULL),
      SCALE("Ag2", "Disagree|Neither agree nor disagree|agree", NULL),
      SCALE("Ag3", "Strongly disagree|Somewhat disagree|"
                   "Neither agree nor disagree|Somewhat agree|STRONGLY AGREE",
            NULL),
      SCALE("Ag4", "Strongly disagree|Disagree|Somewhat disagree|"
                   "somewhat agree|Agree|Strongly agree",
            NULL),
      /* Numbered labels match without their number; the smallest scale
         holding both ends has four points (debatable: "5 -" says five). */
      SCALE("Ag5", "1 - Strongly disagree|Disagree|Agree|5 - Strongly agree",
            NULL)}},
    {"satisfied and effective",
     "Sat1,Sat2,Eff1,Eff2\n"
     "very satisfied,Somewhat satisfied,Not effective,Extremely effective\n"
     "Dissatisfied,Neither satisfied nor dissatisfied,VERY EFFECTIVE,"
     "slightly effective\n"
     "very satisfied,SOMEWHAT SATISFIED,Not effective,slightly effective\n",
     NULL,
     {SCALE("Sat1", "Very dissatisfied|Dissatisfied|Satisfied|"
                    "very satisfied",
            NULL),
      /* Two spellings as frequent: the first in byte order names it. */
      SCALE("Sat2", "Very dissatisfied|Dissatisfied|Somewhat dissatisfied|"
                    "Neither satisfied nor dissatisfied|SOMEWHAT SATISFIED|"
                    "Satisfied|Very satisfied",
            NULL),
      SCALE("Eff1", "Not effective|Somewhat effective|Effective|"
                    "VERY EFFECTIVE",
            NULL),
      SCALE("Eff2", "Not at all effective|slightly effective|"
                    "Moderately effective|Very effective|Extremely effective",
            NULL)}},
    {"extent and expectations",
     "Ext1,Ext2,Exp1,Exp2,Exp3\n"
     "Not at all,To a small extent,Meets expectations,Below expectations,"
     "Meets expectations (Good)\n"
     "to a great extent,TO A LARGE EXTENT,exceeds expectations,"
     "far exceeds expectations,Exceeds expectations (Very good)\n",
     NULL,
     {SCALE("Ext1", "Not at all|To some extent|to a great extent", NULL),
      SCALE("Ext2", "Not at all|To a small extent|To some extent|"
                    "TO A LARGE EXTENT",
            NULL),
      SCALE("Exp1", "Partially meets expectations|Meets expectations|"
                    "exceeds expectations",
            NULL),
      SCALE("Exp2", "Below expectations|Meets expectations|"
                    "Exceeds expectations|far exceeds expectations",
            NULL),
      SCALE("Exp3", "Partially meets expectations|Meets expectations (Good)|"
                    "Exceeds expectations (Very good)",
            NULL)}},
    {"frequency and quality",
     "Fr1,Fr2,Fr3,Qu1,Qu2\n"
     "never,Rarely,often,Excellent,Very poor\n"
     "Often,Very often,Very Often,poor,VERY GOOD\n"
     "ALWAYS,Rarely,often,poor,Very poor\n",
     NULL,
     {SCALE("Fr1", "never|Sometimes|Often|ALWAYS", NULL),
      SCALE("Fr2", "Never|Rarely|Sometimes|Very often|Always", NULL),
      SCALE("Fr3", "Never|Rarely|Sometimes|often|Very Often|Always", NULL),
      SCALE("Qu1", "poor|Fair|Good|Excellent", NULL),
      SCALE("Qu2", "Very poor|Poor|Fair|Good|VERY GOOD", NULL)}},
    {"importance, likelihood and goals",
     "Im1,Im2,Li1,Li2,Goal\n"
     "Very important,Extremely important,Likely,Neither likely nor unlikely,"
     "Met the goal\n"
     "not important,slightly important,VERY UNLIKELY,extremely likely,"
     "unsatisfactory\n",
     NULL,
     {SCALE("Im1", "not important|Important|Very important", NULL),
      SCALE("Im2", "Not at all important|slightly important|"
                   "Moderately important|Very important|Extremely important",
            NULL),
      SCALE("Li1", "VERY UNLIKELY|Unlikely|Likely|Very likely", NULL),
      SCALE("Li2", "Extremely unlikely|Unlikely|Neither likely nor unlikely|"
                   "Likely|extremely likely",
            NULL),
      SCALE("Goal", "unsatisfactory|Partially met the goal|Met the goal|"
                    "Achieved beyond the goal|Achieved far beyond the goal",
            NULL)}},
    /* Whole numbers within 1-5 (three or more), 1-7 (reaching 6 or 7) or
       0-10 (reaching 6, four or more values) are rating scales; other
       numbers are numeric. Two values only, or three spread over 0-10,
       are too few to tell a scale (debatable: a 1-5 item answered with
       4 and 5 only is numeric). */
    {"numeric scales",
     "N15,N17,N010,Dec,Big,Two,Sparse\n"
     "1,1,0,1.5,12,4,2\n"
     "3,2,3,2,40,5,6\n"
     "5,6,7,2.5,3,4,8\n"
     "3,2,10,3,7,5,6\n",
     NULL,
     {SCALE("N15", "1|2|3|4|5", NULL), SCALE("N17", "1|2|3|4|5|6|7", NULL),
      {"N010", "scale", 1, TEN, NULL, NULL, "N010", NULL, NULL, TEN},
      NUMERIC("Dec"), NUMERIC("Big"), NUMERIC("Two"), NUMERIC("Sparse")}},
    /* Missing codes in any spelling, typographic apostrophes included,
       come after the valid options, most frequent first (ties in byte
       order); a numeric column keeps its missing codes too. */
    {"missing codes",
     "Sc,Num,Yn\n"
     "Agree,1,Yes\n"
     "Disagree,2,No\n"
     "Don\xe2\x80\x99t know,Don't know,N/A\n"
     "Don\xe2\x80\x99t know,N/A,Yes\n"
     "N/A,25,No\n"
     "not applicable,3,Prefer not to say\n"
     "Prefer not to say,4,No opinion\n"
     "No opinion,5,Yes\n"
     "Agree,,Yes\n",
     NULL,
     {SCALE("Sc", "Disagree|Neither agree nor disagree|Agree",
            "Don\xe2\x80\x99t know|N/A|No opinion|Prefer not to say|"
            "not applicable"),
      {"Num", "numeric", 0, NULL, "Don't know|N/A", NULL, "Num", NULL, NULL,
       NULL},
      SINGLE("Yn", "Yes|No", "N/A|No opinion|Prefer not to say")}},
    /* Matrices: "Q4_1"... prefixes and "Question [Item]" headers; items
       with few answers of their own (Q5_2: 4 and 5 only) or none (Q4_3)
       still share the scale. A "Question [Item]" group gets a made-up
       id and item ids; the item texts are the bracketed parts. */
    {"matrices",
     "Q4_1,Q4_2,Q4_3,Rate the staff [Courtesy],Rate the staff [Speed],"
     "Q5_1,Q5_2\n"
     "Agree,Disagree,,Good,Poor,1,4\n"
     "Strongly agree,Agree,,Fair,Good,3,5\n"
     "Neutral,Don't know,,Good,Good,2,5\n",
     NULL,
     {MATRIX("Q4", 1, AGREE5, "Don't know", "Q4_1|Q4_2|Q4_3",
             "Q4_1|Q4_2|Q4_3"),
      MATRIX("Q2", 1, "Poor|Fair|Good", NULL, "Q2_1|Q2_2",
             "Rate the staff [Courtesy]|Rate the staff [Speed]"),
      MATRIX("Q5", 1, "1|2|3|4|5", NULL, "Q5_1|Q5_2", "Q5_1|Q5_2")}},
    /* One column per option: the option's text or blank (SurveyMonkey),
       1/blank, 0/1, Y/blank; an option never ticked (Q6_3) stays, named
       after its column. Yes/No and Yes/blank items are a yes/no matrix,
       not a multi question (debatable for Yes/blank). */
    {"option columns",
     "Q6_1,Q6_2,Q6_3,Q7_1,Q7_2,Q8_1,Q8_2,Q9_1,Q9_2,Which? [Tea],"
     "Which? [Coffee],Q10_1,Q10_2,Q11_1,Q11_2\n"
     "Common vision,,,1,,0,1,Y,,Tea,,Yes,No,Yes,\n"
     ",Joint action,,,1,1,1,,y,,Coffee,No,No,,Yes\n"
     "Common vision,Joint action,,1,1,0,0,Y,Y,Tea,Coffee,Yes,Yes,Yes,Yes\n",
     NULL,
     {MULTI("Q6", "Common vision|Joint action|Q6_3", "Q6_1|Q6_2|Q6_3"),
      MULTI("Q7", "Q7_1|Q7_2", "Q7_1|Q7_2"),
      MULTI("Q8", "Q8_1|Q8_2", "Q8_1|Q8_2"),
      MULTI("Q9", "Q9_1|Q9_2", "Q9_1|Q9_2"),
      MULTI("Q5", "Tea|Coffee", "Which? [Tea]|Which? [Coffee]"),
      MATRIX("Q10", 0, "Yes|No", NULL, "Q10_1|Q10_2", "Q10_1|Q10_2"),
      MATRIX("Q11", 0, "Yes", NULL, "Q11_1|Q11_2", "Q11_1|Q11_2")}},
    /* Checkboxes joined with ", ": options learned longest first, one
       containing ", " that was chosen alone, one that goes on in lower
       case, a missing code among them; in the order the answers list
       them. Free text with commas is open text, not options. */
    {"joined answers",
     "Race,Actions,Comments\n"
     "White,\"Joint research, Policy dialogue, consultations and meetings\","
     "\"Good, but too short for the topics covered.\"\n"
     "\"Hispanic, Latino, or Spanish origin\",Joint research,"
     "\"Clear and well organised, thank you.\"\n"
     "\"White, Hispanic, Latino, or Spanish origin\","
     "\"Policy dialogue, consultations and meetings, Other\","
     "\"More time for questions, please.\"\n"
     "\"White, Asian\",\"Joint research, Other\","
     "\"I liked the venue, the food, and the people.\"\n"
     "Asian,\"Joint research, Don't know\","
     "\"Not enough follow-up, in my view.\"\n"
     "\"Hispanic, Latino, or Spanish origin, Asian\",Don't know,"
     "\"Could be improved, e.g. with online materials.\"\n"
     "\"White, Asian\",\"Policy dialogue, consultations and meetings\","
     "\"Too theoretical, needs more examples.\"\n",
     NULL,
     {JOINED("Race", "White|Hispanic, Latino, or Spanish origin|Asian",
             NULL),
      JOINED("Actions", "Joint research|"
                        "Policy dialogue, consultations and meetings|Other",
             "Don't know"),
      TEXT("Comments")}},
    /* Open text: many different long answers, or line breaks; an empty
       column is a text question without answers (debatable: it could be
       anything); a column of missing codes only is a single-choice
       question without valid options. */
    {"text and empty columns",
     "Why,Note,Empty,Nothing\n"
     "Because the meetings were useful to me,short,,N/A\n"
     "The secretariat answered quickly,\"two\nlines\",,N/A\n"
     "I could meet colleagues from other countries,x,,\n"
     "Good documents and a clear agenda,short,,Don't know\n",
     NULL,
     {TEXT("Why"), TEXT("Note"), TEXT("Empty"),
      SINGLE("Nothing", NULL, "N/A|Don't know")}},
    /* Metadata by header, whatever the answers; the id is the header as
       a lower-case slug. */
    {"metadata by header",
     "Respondent ID,Start Date,End Date,IP Address,Email,First Name,"
     "Last Name,Q1\n"
     "1,a,b,c,d,Ann,Lee,Yes\n"
     "2,a,b,c,d,Bob,Kim,No\n",
     NULL,
     {META("respondent_id", "Respondent ID", "identifier"),
      META("start_date", "Start Date", "date"),
      META("end_date", "End Date", "date"),
      META("ip_address", "IP Address", "IP address"),
      META("email", "Email", "e-mail address"),
      META("first_name", "First Name", "name"),
      META("last_name", "Last Name", "name"), SINGLE("Q1", "No|Yes", NULL)}},
    /* ... and by content: e-mail and IP addresses, dates, UUIDs (90 % of
       the answers), unique numeric ids of six digits or more in a file of
       ten rows or more. */
    {"metadata by content",
     "Contact,Device,Day,Key,Serial,Code\n"
     "ann@example.org,10.0.0.1,2021-05-01,"
     "123e4567-e89b-12d3-a456-426614174000,100001,11\n"
     "bob@example.org,10.0.0.2,2021-05-02 10:30,"
     "123e4567-e89b-12d3-a456-426614174001,100002,12\n"
     "cy@example.org,2001:db8::1,5/3/2021,"
     "123e4567-e89b-12d3-a456-426614174002,100003,13\n"
     "di@example.org,10.0.0.4,04.05.2021,"
     "123e4567-e89b-12d3-a456-426614174003,100004,14\n"
     "ed@example.org,10.0.0.5,2021-05-05T10:00:00Z,"
     "123e4567-e89b-12d3-a456-426614174004,100005,15\n"
     "fa@example.org,10.0.0.6,2021-05-06,"
     "uuid:123e4567-e89b-12d3-a456-426614174005,100006,16\n"
     "gu@example.org,10.0.0.7,2021-05-07,"
     "123e4567-e89b-12d3-a456-426614174006,100007,17\n"
     "ha@example.org,10.0.0.8,2021-05-08,"
     "123e4567-e89b-12d3-a456-426614174007,100008,18\n"
     "io@example.org,10.0.0.9,2021-05-09,"
     "123e4567-e89b-12d3-a456-426614174008,100009,19\n"
     "jo@example.org,10.0.0.10,2021-05-10,"
     "123e4567-e89b-12d3-a456-426614174009,100010,20\n",
     NULL,
     {META("contact", "Contact", "e-mail address"),
      META("device", "Device", "IP address"), META("day", "Day", "date"),
      META("key", "Key", "identifier"),
      META("serial", "Serial", "identifier"), NUMERIC("Code")}},
    /* Headers: an empty one is "Column N", a repeated one "X (2)"; ids
       that are not id-like become the next free "Q<n>". */
    {"duplicate and empty headers",
     "Q1,,Q1,Your age\n"
     "Yes,a,x,31\n"
     "No,b,y,45\n"
     "Yes,a,x,52\n",
     NULL,
     {SINGLE("Q1", "Yes|No", NULL),
      {"Q2", "single", 0, "a|b", NULL, NULL, "Column 2", NULL, NULL, NULL},
      {"Q3", "single", 0, "x|y", NULL, NULL, "Q1 (2)", NULL, NULL, NULL},
      {"Q4", "numeric", 0, NULL, NULL, NULL, "Your age", NULL, NULL, NULL}}},
    /* The weight column is not a question. */
    {"weight column",
     "Q1,w,Q2\n"
     "Agree,1.5,a\n"
     "Disagree,0.5,b\n"
     "Agree,1,a\n",
     "w",
     {SCALE("Q1", "Disagree|Neither agree nor disagree|Agree", NULL),
      SINGLE("Q2", "a|b", NULL)}},
    /* A Google Forms export as workshops produce them. */
    {"mixed realistic file",
     "Timestamp,Email Address,Your organisation,"
     "How effective was the workshop?,Rate the sessions [Opening],"
     "Rate the sessions [Panel],Rate the sessions [Closing],"
     "Which topics interest you?,How many staff?,"
     "Would you recommend us? (0-10),Any other comments?\n"
     "2021/05/03 10:01:02 AM GMT+2,ann@example.org,Government,"
     "Very effective,Excellent,Good,Good,\"Air quality, Biodiversity\",3,9,"
     "The panel on financing was the most useful part.\n"
     "2021/05/03 10:05:40 AM GMT+2,,NGO,Effective,Good,Fair,N/A,"
     "\"Biodiversity, Marine protected areas\",12,7,\n"
     "2021/05/03 11:12:09 AM GMT+2,bo@example.org,Government,Effective,"
     "Good,Good,Excellent,Air quality,40,8,"
     "\"Please send the slides, and the list of participants.\"\n"
     "2021/05/03 1:30:00 PM GMT+2,,Academia,Very effective,Fair,Poor,Good,"
     "\"Marine protected areas, Land degradation, desertification and "
     "drought\",150,10,\n"
     "2021/05/04 9:02:11 AM GMT+2,cy@example.org,Government,"
     "Somewhat effective,Excellent,Good,Fair,Biodiversity,7,6,"
     "Too many speakers in the closing session.\n"
     "2021/05/04 9:45:51 AM GMT+2,,NGO,Very effective,Good,Excellent,Good,"
     "\"Air quality, Land degradation, desertification and drought\","
     "25,9,\n"
     "2021/05/04 3:15:27 PM GMT+2,di@example.org,Academia,Effective,Good,"
     "Fair,Good,\"Air quality, Biodiversity, Marine protected areas\",60,10,"
     "An online option would help colleagues abroad.\n"
     "2021/05/05 8:00:00 AM GMT+2,,UN agency,Not effective,Poor,Fair,Good,,"
     "9,8,We need more time for discussion in groups.\n",
     NULL,
     {META("timestamp", "Timestamp", "platform metadata"),
      META("email_address", "Email Address", "e-mail address"),
      {"Q1", "single", 0, "Government|Academia|NGO|UN agency", NULL, NULL,
       "Your organisation", NULL, NULL, NULL},
      {"Q2", "scale", 1, "Not effective|Somewhat effective|Effective|"
                         "Very effective",
       NULL, NULL, "How effective was the workshop?", NULL, NULL, NULL},
      MATRIX("Q3", 1, "Poor|Fair|Good|Excellent", "N/A", "Q3_1|Q3_2|Q3_3",
             "Rate the sessions [Opening]|Rate the sessions [Panel]|"
             "Rate the sessions [Closing]"),
      {"Q4", "multi", 0, "Air quality|Biodiversity|Marine protected areas|"
                         "Land degradation, desertification and drought",
       NULL, NULL, "Which topics interest you?", ", ", NULL, NULL},
      {"Q5", "numeric", 0, NULL, NULL, NULL, "How many staff?", NULL, NULL,
       NULL},
      {"Q6", "scale", 1, TEN, NULL, NULL, "Would you recommend us? (0-10)",
       NULL, NULL, TEN},
      {"Q7", "text", 0, NULL, NULL, NULL, "Any other comments?", NULL, NULL,
       NULL}}},
};

#endif /* INFER_CASES_H */

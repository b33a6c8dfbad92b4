/*
 * codebook_yaml_cases.h: the bad codebook files of test_codebook_yaml.c,
 * each with the status, line, column and part of the message expected.
 * Included once.
 */
#ifndef CODEBOOK_YAML_CASES_H
#define CODEBOOK_YAML_CASES_H

#include "tally.h"

typedef struct bad_case {
    const char *yaml;
    tally_status status;
    long line, column;
    const char *message;
} bad_case;

#define Q "questions:\n  - "
#define QS "questions:\n  - id: Q4\n    type: scale\n    column: Q4\n    "

static const bad_case bad_cases[] = {
    /* unknown keys, at every level */
    {Q "id: Q4\n    type: single\n    column: Q4\n    optoins: [a]\n",
     TALLY_ERR_PARSE, 5, 5,
     "unknown key \"optoins\" in question Q4 (expected one of: id, text, "
     "type, column, options, values, missing, scale, ordered, items, "
     "separator, other, section)"},
    {"titel: x\nquestions: []\n", TALLY_ERR_PARSE, 1, 1,
     "unknown key \"titel\" in the codebook (expected one of: title, "
     "population, weight, count, scales, questions)"},
    {QS "options: [a, {lable: b}]\n", TALLY_ERR_PARSE, 5, 19,
     "question Q4: unknown key \"lable\" in option 2 (expected one of: "
     "label, code, column, value)"},
    {Q "{id: M, type: matrix, options: [a], items: [{id: i, colum: c}]}\n",
     TALLY_ERR_PARSE, 2, 57, "unknown key \"colum\" in item 1"},
    {"scales:\n  s: {options: [a], valeus: [1]}\nquestions: []\n",
     TALLY_ERR_PARSE, 2, 21,
     "scale s: unknown key \"valeus\" in the scale (expected one of: "
     "options, values, missing)"},
    {QS "scale: {options: [a], mising: [b]}\n", TALLY_ERR_PARSE, 5, 27,
     "unknown key \"mising\" in the inline scale"},
    {"? [a]\n: b\nquestions: []\n", TALLY_ERR_PARSE, 1, 3,
     "a key in the codebook is a list"},
    /* the examples of the brief */
    {QS "options: [a, b, c, d, e]\n    values: [1, 2, 3, 4]\n", TALLY_ERR_PARSE,
     6, 13, "question Q4: \"values\" has 4 numbers but \"options\" has 5"},
    {Q "id: Q4\n    type: matrix\n    scale: performence\n", TALLY_ERR_PARSE, 4,
     12, "scale \"performence\" is not defined under scales:"},
    {Q "id: Q4\n    type: singel\n", TALLY_ERR_PARSE, 3, 11,
     "type must be one of single, scale, multi, matrix, numeric, text, "
     "meta"},
    /* node types */
    {Q "id: Q4\n    type: single\n    column: [a]\n", TALLY_ERR_PARSE, 4, 13,
     "\"column\" must be a string, not a list"},
    {"questions: {id: Q1}\n", TALLY_ERR_PARSE, 1, 12,
     "\"questions\" must be a list, not a map"},
    {Q "Q1\n", TALLY_ERR_PARSE, 2, 5,
     "question 1 must be a map (key: value), not a single value"},
    {"title:\nquestions: []\n", TALLY_ERR_PARSE, 1, 7,
     "\"title\" must be a string, not empty (null)"},
    {QS "options: [a, ~]\n", TALLY_ERR_PARSE, 5, 18,
     "option 2 must be a label or a map {label, code, ...}, not empty"},
    {QS "options: [a, [b]]\n", TALLY_ERR_PARSE, 5, 18,
     "option 2 must be a label or a map"},
    {"scales: [a]\nquestions: []\n", TALLY_ERR_PARSE, 1, 9,
     "\"scales\" must be a map of scale names to scales, not a list"},
    {QS "scale: [a]\n", TALLY_ERR_PARSE, 5, 12,
     "\"scale\" must be the name of a scale or a map"},
    {QS "ordered: maybe\n", TALLY_ERR_PARSE, 5, 14,
     "\"ordered\" must be true or false"},
    {Q "{id: Q1, type: single, column: \"a\\0b\"}\n", TALLY_ERR_PARSE, 2, 36,
     "\"column\" contains a NUL character"},
    /* duplicates */
    {"title: a\ntitle: b\nquestions: []\n", TALLY_ERR_PARSE, 2, 1,
     "key \"title\" is given twice in the codebook (first on line 1)"},
    {Q "{id: Q1, type: text, column: a, column: b}\n", TALLY_ERR_PARSE, 2, 37,
     "key \"column\" is given twice in question Q1"},
    {Q "{id: Q1, type: text, column: a}\n  - {id: Q1, type: text, "
       "column: b}\n",
     TALLY_ERR_PARSE, 3, 10, "id \"Q1\" is used twice (first on line 2)"},
    {Q "{id: Q1, type: text, column: a}\n  - {id: M, type: matrix, "
       "options: [a], items: [{id: Q1, column: c}]}\n",
     TALLY_ERR_PARSE, 3, 54, "id \"Q1\" is used twice"},
    {QS "options: [a, b, a]\n", TALLY_ERR_PARSE, 5, 21,
     "option \"a\" is listed twice"},
    {"scales:\n  s: {options: [a]}\n  s: {options: [b]}\nquestions: []\n",
     TALLY_ERR_PARSE, 3, 3, "scale \"s\" is defined twice"},
    /* missing keys */
    {"title: a\n", TALLY_ERR_PARSE, 1, 1, "missing key \"questions\""},
    {Q "type: text\n    column: a\n", TALLY_ERR_PARSE, 2, 5,
     "question 1: missing key \"id\""},
    {Q "id: Q1\n    column: a\n", TALLY_ERR_PARSE, 2, 5,
     "question Q1: missing key \"type\""},
    {Q "{id: M, type: matrix, options: [a], items: [{id: i}]}\n",
     TALLY_ERR_PARSE, 2, 49, "item 1 has no \"column\""},
    {QS "options: [{code: 1}]\n", TALLY_ERR_PARSE, 5, 15,
     "option 1 has no \"label\""},
    {"scales:\n  s: {values: [1]}\nquestions: []\n", TALLY_ERR_PARSE, 2, 6,
     "the scale has no \"options\""},
    /* scale and inline options */
    {"scales:\n  s: {options: [a]}\n" QS "scale: s\n    options: [a]\n",
     TALLY_ERR_PARSE, 7, 5, "give \"scale\" or \"options\", not both"},
    {"scales:\n  s: {options: [a]}\n" QS "scale: s\n    values: [1]\n",
     TALLY_ERR_PARSE, 7, 5, "give \"scale\" or \"values\", not both"},
    /* values */
    {QS "options: [a, b]\n    values: [1, high]\n", TALLY_ERR_PARSE, 6, 17,
     "\"values\" must be numbers: \"high\" is not a number"},
    {QS "options: [a, b]\n    values: [1, \"2\"]\n", TALLY_ERR_PARSE, 6, 17,
     "is not a number"},
    {QS "options: [a, b]\n    values: [1, .inf]\n", TALLY_ERR_PARSE, 6, 17,
     "is not a number"},
    {QS "options: [a, b, c]\n    values: [1, 2, 1.0]\n", TALLY_ERR_PARSE, 6, 20,
     "options \"a\" and \"c\" have the same value 1"},
    {QS "options: [{label: a, value: 1}, {label: b, value: 1}]\n",
     TALLY_ERR_PARSE, 5, 37, "have the same value"},
    {QS "options: [{label: a, value: 1}, b]\n", TALLY_ERR_PARSE, 5, 37,
     "option \"b\" has no \"value\" but other options do"},
    {QS "options: [{label: a, value: 1}]\n    values: [1]\n", TALLY_ERR_PARSE,
     6, 5, "give \"values\" or a \"value\" in each option"},
    {QS "options: [a]\n    missing: [{label: dk, value: 9}]\n", TALLY_ERR_PARSE,
     6, 27, "a missing code has no \"value\""},
    {Q "{id: Q1, type: single, column: a, options: [a], values: [1]}\n",
     TALLY_ERR_PARSE, 2, 53, "\"values\" needs an ordered question"},
    {QS "values: [1]\n", TALLY_ERR_PARSE, 5, 5,
     "\"values\" without \"options\""},
    /* population */
    {"population: 0\nquestions: []\n", TALLY_ERR_PARSE, 1, 13,
     "\"population\" must be a number greater than 0"},
    {"population: -480\nquestions: []\n", TALLY_ERR_PARSE, 1, 13,
     "\"population\" must be a number greater than 0"},
    {"population: many\nquestions: []\n", TALLY_ERR_PARSE, 1, 13,
     "\"population\" must be a number"},
    /* empty lists and files */
    {"questions: []\n", TALLY_ERR_PARSE, 1, 12, "\"questions\" is empty"},
    {QS "options: []\n", TALLY_ERR_PARSE, 5, 14, "\"options\" is empty"},
    {"", TALLY_ERR_PARSE, 1, 1, "the codebook is empty"},
    {"# only a comment\n", TALLY_ERR_PARSE, 1, 1, "the codebook is empty"},
    /* keys that do not fit the type */
    {Q "{id: Q1, type: single, column: a, items: [{id: i, column: c}]}\n",
     TALLY_ERR_PARSE, 2, 39,
     "\"items\" does not apply to a single question (only to: matrix)"},
    {Q "{id: Q1, type: text, column: a, options: [x]}\n", TALLY_ERR_PARSE, 2,
     37, "\"options\" does not apply to a text question"},
    {QS "ordered: false\n", TALLY_ERR_PARSE, 5, 14,
     "\"ordered: false\" contradicts type scale"},
    {QS "options: [{label: a, column: c}]\n", TALLY_ERR_PARSE, 5, 26,
     "\"column\" is only for the options of a multi question"},
    {Q "{id: Q1, type: multi, separator: \", \", options: [{label: a, "
       "column: c}]}\n",
     TALLY_ERR_PARSE, 2, 27, "\"separator\" needs \"column\""},
    {Q "{id: Q1, type: multi, column: a, separator: \" \", options: "
       "[{label: a, column: c}]}\n",
     TALLY_ERR_PARSE, 2, 64, "option \"a\" has a column of its own"},
    /* what tally__codebook_validate() finds, at the question */
    {Q "id: Q1\n    type: single\n", TALLY_ERR_PARSE, 2, 5,
     "question Q1: no column"},
    {Q "{id: Q1, type: multi, column: a, options: [x]}\n", TALLY_ERR_PARSE, 2,
     5, "a multi question with one column needs a separator"},
    {Q "{id: Q1, type: text, column: a}\n  - {id: M, type: matrix, "
       "options: [a]}\n",
     TALLY_ERR_PARSE, 3, 5, "question M: a matrix needs items"},
    /* YAML itself */
    {Q "id: Q4\n   type: scale\n", TALLY_ERR_PARSE, 3, 4,
     "YAML syntax error: did not find expected '-' indicator (while "
     "parsing a block collection at line 2, column 3)"},
    {"questions: [a, b\n", TALLY_ERR_PARSE, 2, 1, "YAML syntax error"},
    {"a: &x [1]\nquestions: *x\n", TALLY_ERR_PARSE, 1, 4,
     "anchors (&x) are not allowed"},
    {"questions: *x\n", TALLY_ERR_PARSE, 1, 12, "aliases (*x) are not allowed"},
    {"questions: !!seq []\n", TALLY_ERR_PARSE, 1, 12,
     "tags (tag:yaml.org,2002:seq) are not allowed"},
    {"questions: []\n---\nquestions: []\n", TALLY_ERR_PARSE, 2, 1,
     "one YAML document, not several"},
    {"title: caf\xe9\nquestions: []\n", TALLY_ERR_PARSE, 1, 11,
     "cannot read the text: invalid trailing UTF-8 octet"},
    {"title: \xff\nquestions: []\n", TALLY_ERR_PARSE, 1, 8,
     "cannot read the text: invalid leading UTF-8 octet"},
    {"title: x\n\n  t\x01\n", TALLY_ERR_PARSE, 3, 4,
     "control characters are not allowed"},
};

#endif /* CODEBOOK_YAML_CASES_H */

/*
 * 01_freq.c: a frequency table with confidence intervals, from an export.
 *
 * Reads a survey export, infers its codebook, codes the answers, and
 * prints the distribution of one question with 95 % Wilson intervals.
 *
 *   01_freq responses.csv Q7
 */
#include <stdio.h>

#include <gsl/gsl_errno.h>
#include <tally.h>

static int fail(const tally_error *err)
{
    fprintf(stderr, "01_freq: %s:%ld:%ld: %s\n", err->file, err->line,
            err->column, err->message);
    return 1;
}

static void print(const tally_freq *f)
{
    const tally_freq_item *it = tally_freq_get_item(f, 0);
    printf("%s. %s\n", tally_freq_id(f), tally_freq_text(f));
    printf("base %g of %g respondents\n", it->base, it->respondents);
    for (size_t i = 0; i < it->n_categories; i++) {
        const tally_category *c = &it->categories[i];
        if (c->missing)
            printf("  %-30s %5g  (missing code)\n", c->label, c->count);
        else
            printf("  %-30s %5g  %5.1f%%  [%.1f, %.1f]\n", c->label,
                   c->count, c->percent, c->ci_low, c->ci_high);
    }
}

int main(int argc, char **argv)
{
    tally_error err = {0};
    tally_io *io = NULL;
    tally_raw *raw = NULL;
    tally_codebook *cb = NULL;
    tally_dataset *ds = NULL;
    tally_freq *f = NULL;
    size_t q, item;
    int rc = 1;

    if (argc != 3) {
        fprintf(stderr, "usage: 01_freq FILE QUESTION\n");
        return 2;
    }
    gsl_set_error_handler_off(); /* see tally.h */
    if (tally_io_open_file(argv[1], &io, &err) != TALLY_OK ||
        tally_read(io, NULL, &raw, &err) != TALLY_OK ||
        tally_codebook_infer(raw, NULL, &cb, &err) != TALLY_OK ||
        tally_dataset_build(raw, cb, NULL, &ds, &err) != TALLY_OK ||
        tally_codebook_find(tally_dataset_codebook(ds), argv[2], &q, &item,
                            &err) != TALLY_OK) {
        rc = fail(&err);
        goto done;
    }
    tally_freq_opts opts = {.ci = TALLY_CI_WILSON, .level = 0.95};
    if (tally_freq_compute(ds, q, item, &opts, &f, &err) != TALLY_OK) {
        rc = fail(&err);
        goto done;
    }
    print(f);
    rc = 0;
done:
    tally_freq_free(f);
    tally_dataset_free(ds);
    tally_codebook_free(cb);
    tally_raw_free(raw);
    tally_io_free(io);
    return rc;
}

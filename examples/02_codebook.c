/*
 * 02_codebook.c: read a codebook (YAML) and list its questions.
 *
 * Shows the question model: types, matrix items, options with their
 * scale values, and the missing codes that are shown but kept out of
 * every base.
 *
 *   02_codebook codebook.yaml
 */
#include <stdio.h>

#include <tally.h>

static void print_question(const tally_question *q)
{
    printf("%s (%s): %s\n", q->id, tally_qtype_name(q->type), q->text);
    for (size_t i = 0; i < q->n_items; i++)
        printf("    item %s: %s\n", q->items[i].id, q->items[i].text);
    for (size_t i = 0; i < q->n_options; i++) {
        const tally_option *o = &q->options[i];
        if (o->missing)
            printf("    missing: %s\n", o->label);
        else if (q->ordered)
            printf("    %g = %s\n", o->value, o->label);
        else
            printf("    - %s\n", o->label);
    }
}

int main(int argc, char **argv)
{
    tally_error err = {0};
    tally_io *io = NULL;
    tally_codebook *cb = NULL;
    if (argc != 2) {
        fprintf(stderr, "usage: 02_codebook CODEBOOK.yaml\n");
        return 2;
    }
    if (tally_io_open_file(argv[1], &io, &err) != TALLY_OK ||
        tally_codebook_read_yaml(io, &cb, &err) != TALLY_OK) {
        fprintf(stderr, "02_codebook: %s:%ld:%ld: %s\n", err.file, err.line,
                err.column, err.message);
        tally_io_free(io);
        return 1;
    }
    const char *title = tally_codebook_title(cb);
    printf("%s: %zu questions\n", title ? title : argv[1],
           tally_codebook_question_count(cb));
    for (size_t i = 0; i < tally_codebook_question_count(cb); i++)
        print_question(tally_codebook_question(cb, i));
    tally_codebook_free(cb);
    tally_io_free(io);
    return 0;
}

/*
 * Unit tests: masking e-mail addresses and phone numbers in open answers
 * (redact.c, docs/redaction.md): what is masked, and what must stay
 * (dates, amounts, plain numbers, decimals, words with an @).
 */
#include <stdlib.h>

#include "tally_test.h"

#include "alloc.h"
#include "redact.h"

static void check(const char *in, const char *want)
{
    char *out = NULL;
    assert_int_equal(tally__redact(in, &out), 0);
    if (!want) {
        if (out)
            fail_msg("\"%s\" became \"%s\", expected it unchanged", in, out);
        return;
    }
    if (!out || strcmp(out, want) != 0)
        fail_msg("\"%s\" became \"%s\", expected \"%s\"", in,
                 out ? out : "(unchanged)", want);
    tally__free(out);
}

static void test_email(void **state)
{
    (void)state;
    check("write to jane.doe@example.org please",
          "write to [e-mail] please");
    check("Contact: j_smith+survey@mail.un.org.", "Contact: [e-mail].");
    check("a@b.co", "[e-mail]");
    check("two: x@y.com, z.w@q-r.net", "two: [e-mail], [e-mail]");
    check("O'Brien@example.ie", "[e-mail]");
    check("(mail me: ana@uni-kassel.de)", "(mail me: [e-mail])");
    /* Not addresses. */
    check("meet @ 5pm", NULL);
    check("@handle on twitter", NULL);
    check("user@localhost", NULL);
    check("x@1.2.3.4", NULL);
    check("price 3@4.50", NULL);
    check("a@b.c", NULL);
    check("no address here.", NULL);
}

static void test_phone(void **state)
{
    (void)state;
    check("call +44 20 7946 0958 now", "call [phone] now");
    check("+1 (555) 123-4567", "[phone]");
    check("(555) 123-4567", "[phone]");
    check("tel. 555-123-4567.", "tel. [phone].");
    check("030 1234 5678", "[phone]");
    check("+41.22.917.12.34", "[phone]");
    check("06 12 34 56 78", "[phone]");
    check("call 555-1234", "call [phone]");
    check("+821012345678", "[phone]");
    check("0612345678 x", NULL); /* a plain number: could be an id */
    /* Dates, amounts, plain and decimal numbers, short numbers. */
    check("on 2024-03-04 we met", NULL);
    check("on 04.03.2024 and 4/3/2024", NULL);
    check("budget 1500", NULL);
    check("USD 1.500.000 or 2 000 000", NULL);
    check("pi is 3.14159265", NULL);
    check("ids 20240304 and 1234567", NULL);
    check("grant 2019-2023", NULL);
    check("ISBN978-3-16-148410-0", NULL);
    check("v1.2.3.4.5.6.7", NULL);
    /* Grouped in threes without a + or a leading 0, a number is taken
       for an amount (2 000 000): such a phone number is left as it is. */
    check("612 345 678", NULL);
}

static void test_mixed(void **state)
{
    (void)state;
    check("Reach me at a.b@c.org or +33 1 23 45 67 89, thanks!",
          "Reach me at [e-mail] or [phone], thanks!");
    check("", NULL);
    check("Ünïcödé ok — rené@exämple.com", "Ünïcödé ok — [e-mail]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_email),
        cmocka_unit_test(test_phone),
        cmocka_unit_test(test_mixed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * xml.h: parsing one XML part of a ZIP archive with expat (xml.c), for
 * the XLSX reader. Element and attribute names are given without their
 * namespace ("c", "r", "id"), whatever prefix the writer chose.
 */
#ifndef TALLY_XML_H
#define TALLY_XML_H

#include <expat.h>

#include "zip.h"

/* What every part parser's context starts with. */
typedef struct tally__xml {
    XML_Parser parser;
    const char *file; /* the archive, for errors                       */
    const char *part; /* the part's name in it                         */
    tally_error *err;
    tally_status st;  /* first failure of a handler                    */
} tally__xml;

typedef void (*tally__xml_start)(tally__xml *x, const char *name,
                                 const char **attrs);
typedef void (*tally__xml_end)(tally__xml *x, const char *name);
typedef void (*tally__xml_text)(tally__xml *x, const char *s, int len);

/*
 * Parse entry i of z, calling start, end and text (any may be NULL) with
 * x, whose first member is the tally__xml (x->file and x->err set by the
 * caller). A DOCTYPE is refused (no entity tricks). TALLY_ERR_PARSE with
 * the part's line when the XML is malformed, or the handlers' failure.
 */
tally_status tally__xml_parse(tally__zip *z, size_t i, tally__xml *x,
                              tally__xml_start start, tally__xml_end end,
                              tally__xml_text text);

/* Stop the parse with a failure (for handlers): returns nothing, the
   status comes back from tally__xml_parse. */
void tally__xml_fail(tally__xml *x, tally_status st, long line, long col,
                     const char *fmt, ...) TALLY__PRINTF(5, 6);

/* The value of attribute name (local name) in attrs, or NULL. */
const char *tally__xml_attr(const char **attrs, const char *name);

/* The local part of a (namespace-qualified) name. */
const char *tally__xml_local(const char *name);

#endif /* TALLY_XML_H */

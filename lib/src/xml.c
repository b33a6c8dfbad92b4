/*
 * xml.c: one XML part of a ZIP archive through expat (xml.h), streamed:
 * the part is inflated in pieces straight into the parser, so a large
 * sheet is never held whole in memory.
 */
#include <stdio.h>
#include <string.h>

#include "xml.h"

/* Namespace separator: expat reports "uri|local" names. */
#define NS_SEP '|'

const char *tally__xml_local(const char *name)
{
    const char *bar = strrchr(name, NS_SEP);
    return bar ? bar + 1 : name;
}

const char *tally__xml_attr(const char **attrs, const char *name)
{
    for (size_t i = 0; attrs[i]; i += 2)
        if (strcmp(tally__xml_local(attrs[i]), name) == 0)
            return attrs[i + 1];
    return NULL;
}

void tally__xml_fail(tally__xml *x, tally_status st, long line, long col,
                     const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    if (x->st != TALLY_OK)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    x->st = tally__fail_at(x->err, st, x->file, line, col, "%s", msg);
    XML_StopParser(x->parser, XML_FALSE);
}

/* The handlers of one parse. */
typedef struct handlers {
    tally__xml *x;
    tally__xml_start start;
    tally__xml_end end;
    tally__xml_text text;
} handlers;

static void XMLCALL on_start(void *ud, const XML_Char *name,
                             const XML_Char **attrs)
{
    handlers *h = ud;
    if (h->start && h->x->st == TALLY_OK)
        h->start(h->x, tally__xml_local(name), attrs);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    handlers *h = ud;
    if (h->end && h->x->st == TALLY_OK)
        h->end(h->x, tally__xml_local(name));
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    handlers *h = ud;
    if (h->text && h->x->st == TALLY_OK)
        h->text(h->x, s, len);
}

/* Office never writes a DOCTYPE; one can only be an entity expansion
   attack. */
static void XMLCALL on_doctype(void *ud, const XML_Char *name,
                               const XML_Char *sysid, const XML_Char *pubid,
                               int has_internal)
{
    handlers *h = ud;
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal;
    tally__xml_fail(h->x, TALLY_ERR_PARSE, 0, 0,
                    "%s has a DOCTYPE, which no workbook has",
                    h->x->part);
}

static tally_status feed(void *ctx, const char *buf, size_t n)
{
    handlers *h = ctx;
    if (XML_Parse(h->x->parser, buf, (int)n, 0) == XML_STATUS_OK)
        return TALLY_OK;
    return TALLY_ERR_PARSE;
}

static tally_status xml_error(tally__xml *x)
{
    if (x->st != TALLY_OK)
        return x->st;
    return tally__fail_at(x->err, TALLY_ERR_PARSE, x->file, 0, 0,
                          "%s is not well-formed XML (line %lu: %s)",
                          x->part,
                          (unsigned long)XML_GetCurrentLineNumber(x->parser),
                          XML_ErrorString(XML_GetErrorCode(x->parser)));
}

tally_status tally__xml_parse(tally__zip *z, size_t i, tally__xml *x,
                              tally__xml_start start, tally__xml_end end,
                              tally__xml_text text)
{
    handlers h = {x, start, end, text};
    x->part = tally__zip_name(z, i);
    x->st = TALLY_OK;
    x->parser = XML_ParserCreateNS("UTF-8", NS_SEP);
    if (!x->parser)
        return tally__nomem(x->err);
    XML_SetUserData(x->parser, &h);
    XML_SetElementHandler(x->parser, on_start, on_end);
    XML_SetCharacterDataHandler(x->parser, on_text);
    XML_SetStartDoctypeDeclHandler(x->parser, on_doctype);
    tally_status st = tally__zip_stream(z, i, feed, &h, x->err);
    if (st == TALLY_ERR_PARSE && x->st == TALLY_OK &&
        XML_GetErrorCode(x->parser) != XML_ERROR_NONE)
        st = xml_error(x);
    else if (st == TALLY_OK && XML_Parse(x->parser, NULL, 0, 1) !=
                                   XML_STATUS_OK)
        st = xml_error(x);
    if (x->st != TALLY_OK)
        st = x->st;
    XML_ParserFree(x->parser);
    x->parser = NULL;
    return st;
}

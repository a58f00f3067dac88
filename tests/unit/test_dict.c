/* test_dict.c - dictionary file parsing, errors, dedupe, formatting, loading. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "corpus.h"
#include "dict.h"

static int word_is(const struct dict *d, size_t i, const char *bytes, size_t len)
{
    return i < d->n && d->w[i].len == len && memcmp(d->w[i].bytes, bytes, len) == 0;
}

#define WORD_IS(d, i, lit) word_is((d), (i), (lit), sizeof(lit) - 1)

static void test_valid(void)
{
    static const char text[] =
        "# a comment\n"
        "   \t# an indented comment\n"
        "\n"
        "  \t \n"
        "\"plain\"\n"
        "kw1=\"with name\"\n"
        "kw_2@12=\"with level\"\n"
        "  spaced \t= \"around eq\"  \t\n"
        "\"esc \\\\ \\\" \\n \\r \\t \\x41\\xfF\\x00\"\r\n"
        "crlf=\"crlf\"\r\n"
        "\r\n"
        "\"#not a comment\"\n"
        "\"caf\xc3\xa9\"\n"
        "\"plain\"\n"
        "\"last line, no newline\"";
    struct dict d = {0};
    char err[256] = "";
    CHECK(dict_parse(&d, text, sizeof text - 1, "dict.txt", err, sizeof err) == 0);
    CHECK(err[0] == '\0');
    CHECK_EQ_U(d.n, 9);
    CHECK(WORD_IS(&d, 0, "plain"));
    CHECK(WORD_IS(&d, 1, "with name"));
    CHECK(WORD_IS(&d, 2, "with level"));
    CHECK(WORD_IS(&d, 3, "around eq"));
    CHECK(WORD_IS(&d, 4, "esc \\ \" \n \r \t A\xff\0"));
    CHECK(WORD_IS(&d, 5, "crlf"));
    CHECK(WORD_IS(&d, 6, "#not a comment"));
    CHECK(WORD_IS(&d, 7, "caf\xc3\xa9"));
    CHECK(WORD_IS(&d, 8, "last line, no newline"));
    /* Parsing appends; words already there are not added twice. */
    static const char more[] = "\"new\"\r\nx=\"plain\"";
    CHECK(dict_parse(&d, more, sizeof more - 1, "more.txt", err, sizeof err) == 0);
    CHECK_EQ_U(d.n, 10);
    CHECK(WORD_IS(&d, 9, "new"));
    /* Empty text and comment-only text are valid and add nothing. */
    CHECK(dict_parse(&d, "", 0, "empty.txt", err, sizeof err) == 0);
    CHECK(dict_parse(&d, "# only\n\n", 8, "c.txt", err, sizeof err) == 0);
    CHECK_EQ_U(d.n, 10);
    dict_free(&d);
    CHECK(d.w == NULL && d.n == 0 && d.cap == 0);
}

struct bad_case {
    const char *line;
    const char *err;
};

static const struct bad_case bad_cases[] = {
    {"b=", "expected a quoted string after '='"},
    {"b = x", "expected a quoted string after '='"},
    {"b='x'", "expected a quoted string after '='"},
    {"\"abc", "unterminated string"},
    {"name=\"abc\\\"", "unterminated string"},
    {"\"abc\\", "unterminated string"},
    {"\"a\\qb\"", "bad escape \\q"},
    {"\"a\\\x01\"", "bad escape \\ followed by byte 0x01"},
    {"\"\\x4\"", "\\x needs two hex digits"},
    {"\"\\xg1\"", "\\x needs two hex digits"},
    {"\"\\x", "\\x needs two hex digits"},
    {"\"\"", "empty entry"},
    {"name@1=\"\"", "empty entry"},
    {"\"x\" # note", "unexpected text after the closing quote"},
    {"\"x\"y", "unexpected text after the closing quote"},
    {"\"x\"\"y\"", "unexpected text after the closing quote"},
    {"name\"x\"", "expected '=' after the name"},
    {"na-me=\"x\"", "expected '=' after the name"},
    {"name", "expected '=' after the name"},
    {"n@=\"x\"", "expected digits after '@'"},
    {"'x'", "expected \"literal\" or name=\"literal\""},
    {"=\"x\"", "expected \"literal\" or name=\"literal\""},
};

/* Each bad line, after three good or ignored lines (one ending in CRLF),
 * fails on line 4 naming the file; the dict keeps only its earlier words. */
static void test_errors(void)
{
    for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
        char text[256], err[256] = "", want[256];
        snprintf(text, sizeof text, "# c\r\n\"ok\"\n\n%s\n\"after\"\n", bad_cases[i].line);
        snprintf(want, sizeof want, "bad.dict:4: %s", bad_cases[i].err);
        struct dict d = {0};
        CHECK(dict_add(&d, (const uint8_t *)"pre", 3) == 1);
        CHECK(dict_parse(&d, text, strlen(text), "bad.dict", err, sizeof err) == -1);
        CHECK(strstr(err, "bad.dict:4:") == err);
        CHECK(d.bad_line == 4); /* for libFuzzer's "ParseDictionaryFile: error in line 4" */
        if (strcmp(err, want) != 0)
            fprintf(stderr, "case %zu: got [%s], want [%s]\n", i, err, want);
        CHECK(strcmp(err, want) == 0);
        CHECK(d.n == 1 && WORD_IS(&d, 0, "pre"));
        dict_free(&d);
    }
    /* A bad last line without newline, and CRLF lines counted once each. */
    struct dict d = {0};
    char err[256];
    const char *text = "\"a\"\r\n\"b\"\r\n\r\n\"c";
    CHECK(dict_parse(&d, text, strlen(text), "x.txt", err, sizeof err) == -1);
    CHECK(strcmp(err, "x.txt:4: unterminated string") == 0);
    CHECK_EQ_U(d.n, 0);
    /* A tiny err buffer is truncated, not overrun. */
    char small[8];
    CHECK(dict_parse(&d, "\"\"", 2, "x.txt", small, sizeof small) == -1);
    CHECK(strcmp(small, "x.txt:1") == 0);
    dict_free(&d);
}

static void test_lengths(void)
{
    char text[600], err[256];
    struct dict d = {0};
    /* 128 bytes, partly escaped, is fine; 129 is too long. */
    memset(text, 'a', sizeof text);
    text[0] = '"';
    memcpy(text + 128, "\\x41\"", 5);
    CHECK(dict_parse(&d, text, 133, "len.txt", err, sizeof err) == 0);
    CHECK(d.n == 1 && d.w[0].len == 128 && d.w[0].bytes[127] == 'A');
    memset(text, 'a', sizeof text);
    text[0] = '"';
    text[130] = '"';
    CHECK(dict_parse(&d, text, 131, "len.txt", err, sizeof err) == -1);
    CHECK(strcmp(err, "len.txt:1: entry longer than 128 bytes") == 0);
    /* A long unterminated line says so rather than "too long". */
    text[130] = 'a';
    CHECK(dict_parse(&d, text, 300, "len.txt", err, sizeof err) == -1);
    CHECK(strcmp(err, "len.txt:1: unterminated string") == 0);
    dict_free(&d);
}

static void test_add(void)
{
    struct dict d = {0};
    uint8_t big[DICT_MAX_WORD + 1];
    memset(big, 'b', sizeof big);
    CHECK(dict_add(&d, (const uint8_t *)"abc", 3) == 1);
    CHECK(dict_add(&d, (const uint8_t *)"abc", 3) == 0);
    CHECK(dict_add(&d, (const uint8_t *)"ab", 2) == 1);
    CHECK(dict_add(&d, (const uint8_t *)"abcd", 4) == 1);
    CHECK(dict_add(&d, (const uint8_t *)"", 0) == 0);
    CHECK(dict_add(&d, big, sizeof big) == 0);
    CHECK(dict_add(&d, big, DICT_MAX_WORD) == 1);
    CHECK(dict_add(&d, big, DICT_MAX_WORD) == 0);
    CHECK_EQ_U(d.n, 4);
    /* Growing past the first allocation keeps every word. */
    for (unsigned i = 0; i < 1000; i++) {
        char w[16];
        int n = snprintf(w, sizeof w, "w%u", i);
        CHECK(dict_add(&d, (const uint8_t *)w, (size_t)n) == 1);
    }
    CHECK_EQ_U(d.n, 1004);
    CHECK(WORD_IS(&d, 1003, "w999"));
    CHECK(dict_add(&d, (const uint8_t *)"w500", 4) == 0);
    dict_free(&d);
}

/* Formats w, parses the result, and checks the one word that comes back. */
static int round_trips(const struct dict_word *w)
{
    char out[2 + 4 * DICT_MAX_WORD + 1], err[256];
    int n = dict_format_word(w, out, sizeof out);
    if (n < 0 || (size_t)n != strlen(out))
        return 0;
    struct dict d = {0};
    int ok = dict_parse(&d, out, (size_t)n, "rt", err, sizeof err) == 0 && d.n == 1 &&
             d.w[0].len == w->len && memcmp(d.w[0].bytes, w->bytes, w->len) == 0;
    dict_free(&d);
    return ok;
}

static void test_format(void)
{
    struct dict_word w = {0};
    int all_ok = 1;
    for (int b = 0; b < 256; b++) {
        w.len = 1;
        w.bytes[0] = (uint8_t)b;
        all_ok &= round_trips(&w);
    }
    CHECK(all_ok);
    /* All 256 byte values in two full-length words. */
    for (int half = 0; half < 2; half++) {
        w.len = DICT_MAX_WORD;
        for (int i = 0; i < DICT_MAX_WORD; i++)
            w.bytes[i] = (uint8_t)(half * 128 + i);
        CHECK(round_trips(&w));
    }
    /* Escaping, and the exact size needed (room for the NUL included). */
    memcpy(w.bytes, "a\"\\\n\x7f~ ", 7);
    w.len = 7;
    char out[64];
    const char *want = "\"a\\\"\\\\\\x0a\\x7f~ \"";
    CHECK(dict_format_word(&w, out, sizeof out) == (int)strlen(want));
    CHECK(strcmp(out, want) == 0);
    CHECK(dict_format_word(&w, out, strlen(want) + 1) == (int)strlen(want));
    CHECK(dict_format_word(&w, out, strlen(want)) == -1);
    CHECK(dict_format_word(&w, out, 0) == -1);
    w.len = 0;
    CHECK(dict_format_word(&w, out, sizeof out) == -1);
    w.len = DICT_MAX_WORD + 1;
    CHECK(dict_format_word(&w, out, sizeof out) == -1);
}

static void test_load(const char *root)
{
    char path[512], err[600];
    struct dict d = {0};
    snprintf(path, sizeof path, "%s/good.dict", root);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("# tokens\nkw=\"if\"\r\n\"while\"", f);
        fclose(f);
    }
    CHECK(corpus_load_dict(&d, path, err, sizeof err) == 0);
    CHECK(d.n == 2 && WORD_IS(&d, 0, "if") && WORD_IS(&d, 1, "while"));
    /* A parse error names the file as given. */
    snprintf(path, sizeof path, "%s/bad.dict", root);
    f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("\"ok\"\n\"bad\\q\"\n", f);
        fclose(f);
    }
    char want[600];
    snprintf(want, sizeof want, "%s:2: bad escape \\q", path);
    CHECK(corpus_load_dict(&d, path, err, sizeof err) == -1);
    CHECK(strcmp(err, want) == 0);
    CHECK_EQ_U(d.n, 2);
    /* Unreadable: missing file, and a directory. */
    snprintf(path, sizeof path, "%s/no-such.dict", root);
    snprintf(want, sizeof want, "%s: No such file or directory", path);
    CHECK(corpus_load_dict(&d, path, err, sizeof err) == -1);
    CHECK(strcmp(err, want) == 0);
    snprintf(want, sizeof want, "%s: Is a directory", root);
    CHECK(corpus_load_dict(&d, root, err, sizeof err) == -1);
    CHECK(strcmp(err, want) == 0);
    CHECK_EQ_U(d.n, 2);
    dict_free(&d);
}

int main(void)
{
    char root[] = "/tmp/ferret-test-dict-XXXXXX";
    CHECK(mkdtemp(root) != NULL);
    RUN(test_valid);
    RUN(test_errors);
    RUN(test_lengths);
    RUN(test_add);
    RUN(test_format);
    RUN_WITH(test_load, root);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    CHECK(system(cmd) == 0);
    return CHECK_DONE("dict");
}

/*
 * dict.h - dictionaries: -dict=FILE in the libFuzzer/AFL format, and the
 * automatic dictionary of operands that led to new coverage.
 *
 * File format, one entry per line:
 *     # a comment
 *     "literal"
 *     name="literal"
 *     name@3="literal"        (AFL's level suffix: accepted, ignored)
 * Inside quotes: \\ \" \n \r \t and \xHH escapes; any other byte stands for
 * itself (printable ASCII expected; bytes >= 0x80 are taken as is).  Blank
 * lines and leading/trailing white space are ignored.  Anything else is an
 * error naming the file and line.
 *
 * A dict is plain data (entries in one arena) and is never changed while
 * workers use it.
 */
#ifndef FERRET_DICT_H
#define FERRET_DICT_H

#include <stddef.h>
#include <stdint.h>

#define DICT_MAX_WORD 128

struct dict_word {
    uint8_t len;
    uint8_t bytes[DICT_MAX_WORD];
};

struct dict {
    struct dict_word *w;
    size_t n, cap;
    size_t bad_line; /* the line dict_parse last failed on (1-based); 0 if none */
};

/* Parses text (the whole file) into d, appending.  On error returns -1,
 * writes "FILE:LINE: what was expected" into err and sets d->bad_line. */
int dict_parse(struct dict *d, const char *text, size_t len, const char *file,
               char *err, size_t errlen);
/* (Reading a dictionary file is corpus_load_dict's, in corpus.c: the files
 * module.) */
/* Adds a word unless present or empty/too long: 1 if added, 0 if not,
 * -1 when out of memory. */
int dict_add(struct dict *d, const uint8_t *bytes, size_t len);
/* Writes one word in the file format above ("..." with escapes) and a NUL
 * into out; returns the length without the NUL, or -1 if it does not fit. */
int dict_format_word(const struct dict_word *w, char *out, size_t outlen);
void dict_free(struct dict *d);

#endif

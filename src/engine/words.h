/*
 * words.h - the dictionaries a run keeps: the -dict words, then the
 * automatic dictionary (operands whose replacement led to new coverage),
 * kept in <cachedir>/.autodict between runs (Go mode; libFuzzer mode keeps
 * it in memory only) and shown at the end as a recommended dictionary.  The words themselves live in the coordinator's
 * state (words, autodict, words_version).
 */
#ifndef FERRET_WORDS_H
#define FERRET_WORDS_H

struct coordinator;

/* -dict first, then the automatic dictionary of earlier runs; 0 or an exit code. */
int words_load(struct coordinator *c);
/* Writes the automatic dictionary and shows it; once per run. */
void save_words(struct coordinator *c);

#endif

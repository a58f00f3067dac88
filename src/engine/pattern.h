/*
 * pattern.h - does a name match a -fuzz or -run pattern (pattern.c).
 */
#ifndef FERRET_PATTERN_H
#define FERRET_PATTERN_H

#include <stddef.h>

/* 1 if s matches pattern (everything matches an empty or NULL pattern), 0
 * if not, -1 on a bad regular expression (err set, one line). */
int pattern_match(const char *pattern, const char *s, char *err, size_t errlen);

/* -run=T/E: 1 if the target name matches T, and for select_run_entry the
 * entry name E; as pattern_match. */
int select_run_target(const char *pattern, const char *name, char *err, size_t errlen);
int select_run_entry(const char *pattern, const char *entry, char *err, size_t errlen);

#endif

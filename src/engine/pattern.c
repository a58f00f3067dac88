/*
 * pattern.c - matching names against -fuzz=REGEX and -run=T/E (see
 * pattern.h): POSIX extended regular expressions, unanchored, as go test's
 * are (RE2, which agrees on what names use).  Pure, no I/O.
 *
 * Owns: nothing (pure functions over what the caller passes; a pattern is
 * compiled, matched and freed within one call).
 */
#include <regex.h>
#include <stdio.h>

#include "pattern.h"

/* 1 match, 0 none, -1 bad pattern */
int pattern_match(const char *pattern, const char *s, char *err, size_t errlen)
{
    regex_t re;
    if (!pattern || !*pattern)
        return 1;
    int rc = regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB);
    if (rc != 0) {
        char why[128];
        regerror(rc, &re, why, sizeof why);
        snprintf(err, errlen, "bad regular expression %s: %s", pattern, why);
        return -1;
    }
    rc = regexec(&re, s, 0, NULL, 0) == 0;
    regfree(&re);
    return rc;
}

int select_run_target(const char *pattern, const char *name, char *err, size_t errlen)
{
    return pattern_match(pattern, name, err, errlen);
}

int select_run_entry(const char *pattern, const char *entry, char *err, size_t errlen)
{
    return pattern_match(pattern, entry, err, errlen);
}

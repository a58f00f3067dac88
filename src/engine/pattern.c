/*
 * pattern.c - matching names against -fuzz=REGEX and -run=T/E (see
 * pattern.h): POSIX extended regular expressions, unanchored, as go test's
 * are (RE2, which agrees on what names use).  Pure: no I/O.
 *
 * The regular expressions are always the C library's.  A target may define
 * regcomp & co. itself (pcre2's pcre2posix.c exports them), and a call to
 * regcomp from ferret would then bind to the target's (the executable's
 * definition wins over libc's, versioned references included), which takes
 * another regex_t.  So the four functions are looked up in libc.so.6 itself,
 * by version (dlvsym), once; only where that fails (not glibc) are the
 * names used as linked.
 *
 * Owns: the result of that lookup (libc_regex()'s static table, filled once);
 * nothing else (a pattern is compiled, matched and freed within one call).
 */
#include <dlfcn.h>
#include <regex.h>
#include <stdio.h>

#include "pattern.h"

struct libc_regex {
    int (*comp)(regex_t *, const char *, int);
    int (*exec)(const regex_t *, const char *, size_t, regmatch_t *, int);
    size_t (*error)(int, const regex_t *, char *, size_t);
    void (*release)(regex_t *);
};

/* LeakSanitizer's, when linked in: the dynamic loader's allocations for
 * the dlopen below are reported as a leak at exit when the target wraps
 * malloc (LeakSanitizer only ignores allocations made by the loader
 * directly), so they are made invisible to it. */
__attribute__((weak)) void __lsan_disable(void);
__attribute__((weak)) void __lsan_enable(void);

static void find_glibc(struct libc_regex *r)
{
    if (__lsan_disable && __lsan_enable)
        __lsan_disable();
    void *libc = dlopen("libc.so.6", RTLD_LAZY | RTLD_NOLOAD);
    if (__lsan_disable && __lsan_enable)
        __lsan_enable();
    if (!libc)
        return;
    struct libc_regex f = {
        .comp = (int (*)(regex_t *, const char *, int))dlvsym(libc, "regcomp", "GLIBC_2.2.5"),
        .exec = (int (*)(const regex_t *, const char *, size_t, regmatch_t *, int))dlvsym(
            libc, "regexec", "GLIBC_2.3.4"),
        .error = (size_t (*)(int, const regex_t *, char *, size_t))dlvsym(libc, "regerror",
                                                                          "GLIBC_2.2.5"),
        .release = (void (*)(regex_t *))dlvsym(libc, "regfree", "GLIBC_2.2.5"),
    };
    dlclose(libc); /* RTLD_NOLOAD: only drops the reference just taken */
    if (f.comp && f.exec && f.error && f.release)
        *r = f;
}

static const struct libc_regex *libc_regex(void)
{
    static struct libc_regex r = {regcomp, regexec, regerror, regfree};
    static int looked;
    if (!looked) {
        looked = 1;
        find_glibc(&r);
    }
    return &r;
}

/* 1 match, 0 none, -1 bad pattern */
int pattern_match(const char *pattern, const char *s, char *err, size_t errlen)
{
    const struct libc_regex *rx = libc_regex();
    regex_t re;
    if (!pattern || !*pattern)
        return 1;
    int rc = rx->comp(&re, pattern, REG_EXTENDED | REG_NOSUB);
    if (rc != 0) {
        char why[128];
        rx->error(rc, &re, why, sizeof why);
        snprintf(err, errlen, "bad regular expression %s: %s", pattern, why);
        return -1;
    }
    rc = rx->exec(&re, s, 0, NULL, 0) == 0;
    rx->release(&re);
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

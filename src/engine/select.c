/*
 * select.c - see select.h.  Patterns are POSIX extended regular expressions,
 * unanchored, as go test's are (RE2, which agrees on what names use).
 *
 * Owns: current and have_current: the fuzz target this process is about,
 * set by select_fuzz at start-up (the coordinator, a worker, libFuzzer
 * mode) or by regress.c for each target it replays.  select_use also sets
 * the registry's selected target (registry.c) and corpus.c's schema to
 * match.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "registry.h"
#include "runtime.h"
#include "pattern.h"
#include "select.h"

static struct fuzz_target current;
static int have_current;

int select_list(const char *argv0, struct fuzz_target **out, size_t *n, char *err, size_t errlen)
{
    if (registry_check(err, errlen) != 0)
        return -1;
    size_t k = 0, total = registry_count() + 1;
    struct fuzz_target *v = calloc(total, sizeof *v);
    if (!v) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (target_has_bytes_fn())
        v[k++] = (struct fuzz_target){corpus_target_name(argv0), NULL};
    for (size_t i = 0; i < registry_count(); i++)
        v[k++] = (struct fuzz_target){registry_get(i)->name, registry_get(i)};
    if (k == 0) {
        free(v);
        snprintf(err, errlen, "%s has no fuzz target: define LLVMFuzzerTestOneInput or use FERRET_FUZZ",
                 argv0);
        return -1;
    }
    *out = v;
    *n = k;
    return 0;
}

static void join_names(const struct fuzz_target *v, size_t n, const char *pattern, char *buf,
                       size_t len)
{
    size_t k = 0;
    char e[8];
    buf[0] = 0;
    for (size_t i = 0; i < n && k + 1 < len; i++) {
        if (pattern && pattern_match(pattern, v[i].name, e, sizeof e) != 1)
            continue;
        int w = snprintf(buf + k, len - k, "%s%s", k ? ", " : "", v[i].name);
        if (w < 0 || (size_t)w >= len - k)
            break;
        k += (size_t)w;
    }
}

static int pick(const struct fuzz_target *v, size_t n, const char *pattern, const char *flag,
                char *err, size_t errlen)
{
    size_t hits = 0, last = 0;
    char names[1024];
    for (size_t i = 0; i < n; i++)
        if (pattern && strcmp(v[i].name, pattern) == 0)
            return (int)i; /* an exact name wins over regex matches */
    for (size_t i = 0; i < n; i++) {
        int m = pattern_match(pattern, v[i].name, err, errlen);
        if (m < 0)
            return -1;
        if (m) {
            hits++;
            last = i;
        }
    }
    if (hits == 1)
        return (int)last;
    if (hits == 0) {
        join_names(v, n, NULL, names, sizeof names);
        snprintf(err, errlen, "%s=%s matches no fuzz target; the targets are: %s", flag, pattern,
                 names);
    } else {
        join_names(v, n, pattern && *pattern ? pattern : NULL, names, sizeof names);
        if (pattern && *pattern)
            snprintf(err, errlen, "%s=%s matches more than one fuzz target: %s; pass %s=NAME",
                     flag, pattern, names, flag);
        else
            snprintf(err, errlen, "this binary has %zu fuzz targets (%s): pass %s=NAME", n, names,
                     flag);
    }
    return -1;
}

int select_fuzz(const char *argv0, const char *pattern, char *err, size_t errlen)
{
    return select_fuzz_by(argv0, pattern, "-fuzz", err, errlen);
}

int select_fuzz_by(const char *argv0, const char *pattern, const char *flag, char *err,
                   size_t errlen)
{
    struct fuzz_target *v;
    size_t n;
    if (select_list(argv0, &v, &n, err, errlen) != 0)
        return -1;
    int i = pick(v, n, pattern, flag, err, errlen);
    if (i >= 0)
        select_use(&v[i]);
    free(v);
    return i >= 0 ? 0 : -1;
}

void select_use(const struct fuzz_target *t)
{
    current = *t;
    have_current = 1;
    registry_select(t->typed);
    corpus_set_schema(registry_selected_schema());
}

const struct fuzz_target *select_current(void) { return have_current ? &current : NULL; }

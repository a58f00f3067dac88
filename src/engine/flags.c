/*
 * flags.c - parsing the X-macro table of flags.h.
 * Invariant: flags_parse() never exits and never prints; it reports the first
 * bad flag in err and leaves the choice of exit code to main().
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flags.h"

struct flag_desc {
    const char *name;
    enum flag_type type;
    const char *def;
    enum flag_group group;
    const char *help;
    size_t offset;
};

static const struct flag_desc flag_table[] = {
#define FLAG_ROW(name, type, def, group, help) \
    {#name, FLAG_##type, def, FLAG_GROUP_##group, help, offsetof(struct options, name)},
    FERRET_FLAGS(FLAG_ROW)
#undef FLAG_ROW
};
#define NFLAGS (sizeof flag_table / sizeof flag_table[0])

static int parse_u64(const char *s, uint64_t *out)
{
    char *end;
    if (!isdigit((unsigned char)*s))
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

static int unit_ns(const char **p, uint64_t *mul)
{
    static const struct { const char *u; uint64_t ns; } units[] = {
        {"ns", 1}, {"us", 1000}, {"ms", 1000000}, {"s", 1000000000ULL},
        {"m", 60000000000ULL}, {"h", 3600000000000ULL},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t n = strlen(units[i].u);
        if (strncmp(*p, units[i].u, n) == 0 && !isalpha((unsigned char)(*p)[n])) {
            *p += n;
            *mul = units[i].ns;
            return 0;
        }
    }
    return -1;
}

/* A sequence of <number><unit>, e.g. "1m30s". */
static int parse_duration(const char *s, uint64_t *ns)
{
    uint64_t total = 0;
    const char *p = s;
    if (!*p)
        return -1;
    while (*p) {
        char *end;
        if (!isdigit((unsigned char)*p))
            return -1;
        double v = strtod(p, &end);
        if (end == p)
            return -1;
        p = end;
        uint64_t mul;
        if (unit_ns(&p, &mul) != 0)
            return -1;
        double add = v * (double)mul;
        if (add > 1e19 || total + (uint64_t)add < total)
            return -1;
        total += (uint64_t)add;
    }
    *ns = total;
    return 0;
}

int flags_parse_budget(const char *s, struct budget *b)
{
    size_t n = strlen(s);
    memset(b, 0, sizeof *b);
    if (strcmp(s, "0") == 0)
        return 0;
    if (n > 1 && s[n - 1] == 'x') {
        char num[32];
        if (n - 1 >= sizeof num)
            return -1;
        memcpy(num, s, n - 1);
        num[n - 1] = 0;
        if (parse_u64(num, &b->count) != 0)
            return -1;
        b->kind = b->count ? BUDGET_COUNT : BUDGET_NONE;
        return 0;
    }
    if (parse_duration(s, &b->ns) != 0)
        return -1;
    b->kind = b->ns ? BUDGET_TIME : BUDGET_NONE;
    return 0;
}

int flags_parse_seconds(const char *s, uint64_t *ns)
{
    uint64_t secs;
    if (parse_u64(s, &secs) == 0) {
        if (secs > 1000000000ULL)
            return -1;
        *ns = secs * 1000000000ULL;
        return 0;
    }
    return parse_duration(s, ns);
}

static int parse_bool(const char *s, int *out)
{
    if (!strcmp(s, "1") || !strcmp(s, "true")) {
        *out = 1;
        return 0;
    }
    if (!strcmp(s, "0") || !strcmp(s, "false")) {
        *out = 0;
        return 0;
    }
    return -1;
}

static int parse_int(const char *s, long long *out, int allow_negative)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || (v < 0 && !allow_negative))
        return -1;
    *out = v;
    return 0;
}

static int set_value(struct options *o, const struct flag_desc *f, const char *v)
{
    void *field = (char *)o + f->offset;
    switch (f->type) {
    case FLAG_BOOL:    return parse_bool(v, field);
    case FLAG_INT:     return parse_int(v, field, 0);
    case FLAG_SINT:    return parse_int(v, field, 1);
    case FLAG_UINT64:  return parse_u64(v, field);
    case FLAG_BUDGET:  return flags_parse_budget(v, field);
    case FLAG_SECONDS: return flags_parse_seconds(v, field);
    case FLAG_STRING:
    case FLAG_FUZZ:    *(const char **)field = v; return 0;
    }
    return -1;
}

static const struct flag_desc *find_flag(const char *name, size_t len)
{
    for (size_t i = 0; i < NFLAGS; i++)
        if (strlen(flag_table[i].name) == len && !strncmp(flag_table[i].name, name, len))
            return &flag_table[i];
    return NULL;
}

static void set_defaults(struct options *o)
{
    memset(o, 0, sizeof *o);
    for (size_t i = 0; i < NFLAGS; i++)
        if (flag_table[i].def)
            set_value(o, &flag_table[i], flag_table[i].def);
}

static int parse_one(struct options *o, char *arg, char *err, size_t errlen)
{
    const char *name = arg + (arg[1] == '-' ? 2 : 1);
    const char *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    const struct flag_desc *f = find_flag(name, len);
    if (!f) {
        o->unknown[o->nunknown++] = (char *)arg; /* judged after the whole line (flags_parse) */
        return 0;
    }
    if (f->group == FLAG_GROUP_LF)
        o->libfuzzer = 1;
    const char *value = eq ? eq + 1 : NULL;
    if (!value) {
        if (f->type == FLAG_BOOL)
            value = "1";
        else if (f->type == FLAG_FUZZ)
            value = "";
        else {
            snprintf(err, errlen, "flag -%s needs a value: -%s=...", f->name, f->name);
            return -1;
        }
    }
    if (set_value(o, f, value) != 0) {
        snprintf(err, errlen, "bad value for -%s: \"%s\"", f->name, value);
        return -1;
    }
    return 0;
}

void flags_free(struct options *o)
{
    free(o->paths);
    free(o->unknown);
    o->paths = NULL;
    o->unknown = NULL;
}

int flags_parse(struct options *o, int argc, char **argv, char *err, size_t errlen)
{
    set_defaults(o);
    o->paths = calloc((size_t)argc + 1, sizeof *o->paths);
    o->unknown = calloc((size_t)argc + 1, sizeof *o->unknown);
    if (!o->paths || !o->unknown) {
        snprintf(err, errlen, "out of memory");
        goto free_options;
    }
    for (int i = 1; i < argc && !o->ignore_remaining_args; i++) {
        if (argv[i][0] != '-' || argv[i][1] == 0)
            o->paths[o->npaths++] = argv[i];
        else if (parse_one(o, argv[i], err, errlen) != 0)
            goto free_options;
    }
    if (getenv("FERRET_LIBFUZZER") && strcmp(getenv("FERRET_LIBFUZZER"), "1") == 0)
        o->libfuzzer = 1;
    /* libFuzzer warns about flags it does not know; Go-style, they are errors. */
    if (o->nunknown && !o->libfuzzer) {
        snprintf(err, errlen, "unknown flag %s", o->unknown[0]);
        goto free_options;
    }
    return 0;
free_options: /* nothing of a failed parse outlives it */
    flags_free(o);
    return -1;
}

void flags_usage(const char *argv0)
{
    fprintf(stderr,
            "usage: %s [flags] [file or directory ...]\n"
            "  without -fuzz: replays testdata/fuzz/<target>/ and the given files and directories\n"
            "  with -fuzz: fuzzes with -parallel worker processes\n"
            "flags:\n", argv0);
    for (size_t i = 0; i < NFLAGS; i++)
        fprintf(stderr, "  -%-21s %s%s%s%s\n", flag_table[i].name, flag_table[i].help,
                flag_table[i].def ? " (default " : "", flag_table[i].def ? flag_table[i].def : "",
                flag_table[i].def ? ")" : "");
}

/*
 * cmptrace.c - comparison feedback: SanitizerCoverage's comparison hooks and
 * the string/memory compare hooks, feeding the table of recent compares
 * (torc.h) and, while value profile is on (featmap.h), comparison-distance
 * features; the indirect-call hook feeds caller/callee features.
 *
 * Memory compares reach us two ways, so both ASan/UBSan and plain builds work
 * from the same archive:
 *  - under ASan, its interceptors call the __sanitizer_weak_hook_* functions
 *    defined here;
 *  - otherwise our own memcmp, strcmp, ... (below) record the compare and
 *    call the C library's function.  They are weak (FERRET_INTERPOSE): a
 *    target's own memmem or strcmp wins and is simply not traced.  Under
 *    ASan, whose interceptors are weak aliases too, the linker keeps the
 *    first it sees (ASan's, with clang's link order); should it keep ours,
 *    they forward to ASan's __interceptor_*, so its checks stay in place
 *    either way (and it calls our hooks).
 *
 * Invariants:
 *  - hooks only record while the target runs (runtime_in_target), so the
 *    engine's own compares never pollute the table;
 *  - a hook costs a hash and one slot store (plus, with value profile on,
 *    loads from the skip map, the load and store of the site's outcome
 *    counter but for a switch case or a byte compared with a constant, and
 *    bit sets only for features the mask does not have yet: featmap.h); no
 *    locks, no allocation, no syscall.
 *
 * Owns: in every process of the binary (only a worker's and the regression
 * run's see the target compare): live, the table of recent compares (the
 * worker freezes a copy of it into shared memory); libc_memcmp ...
 * libc_memmem, the C library's functions found by a constructor.  The
 * feature bits its hooks set are featmap.c's.
 */
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "featmap.h"
#include "runtime.h"
#include "torc.h"

static struct torc live;

const struct torc *cmptrace_table(void) { return &live; }

static inline uint64_t mix(uint64_t x) { return feat_mix(x); }

/* The hottest code ferret has: a parser makes a compare per input byte.
 * Stores only (no read of the slot: the count of used slots is taken when
 * the table is frozen instead), and one multiply for the slot.  The slot
 * is written before value profile's features are worked out: done in that
 * order the hook needs no callee-saved register (no push, no pop), about a
 * quarter of its cost with value profile on.
 * outcomes: 0 for a switch's cases and a byte compared with a constant
 * (featmap.h's features_cmp counts no outcomes for them: one case matches
 * on every iteration of a state machine, one byte of a parser's input
 * matches its dispatch's constant, and counting either would reward
 * length). */
static inline void record_int_vp(uintptr_t pc, uint64_t a, uint64_t b, uint8_t size, int outcomes)
{
    if (a != b) {
        struct torc_int *e = &live.ints[((pc ^ b) * 0x9e3779b97f4a7c15ULL) >> (64 - TORC_INT_BITS)];
        e->a = a;
        e->b = b;
        e->size = size;
    }
    if (features_vp_on)
        features_cmp(pc, a, b, outcomes);
}

static inline void record_int(uintptr_t pc, uint64_t a, uint64_t b, uint8_t size)
{
    record_int_vp(pc, a, b, size, 1);
}

/* The caller's address as an offset from the target's first instrumented
 * PC (the PC table's first entry, set by sancov.c before any user code
 * runs): the same in every run whatever ASLR does, and the same whatever
 * ferret's own code and imports look like (the target's code moves as a
 * whole when the PLT in front of it grows), so compares land in the same
 * slots and a fixed -seed repeats a run across builds of ferret.  Without a
 * PC table (-fsanitize-coverage without pc-table) the base is the start of
 * the executable, which ASLR moves with it too. */
#define PC_OF(addr) ((uintptr_t)(addr) - sancov_pc_base)
#define PC() PC_OF(__builtin_return_address(0))

FERRET_EXPORT void __sanitizer_cov_trace_cmp1(uint8_t a, uint8_t b) { record_int(PC(), a, b, 1); }
FERRET_EXPORT void __sanitizer_cov_trace_cmp2(uint16_t a, uint16_t b) { record_int(PC(), a, b, 2); }
FERRET_EXPORT void __sanitizer_cov_trace_cmp4(uint32_t a, uint32_t b) { record_int(PC(), a, b, 4); }
FERRET_EXPORT void __sanitizer_cov_trace_cmp8(uint64_t a, uint64_t b) { record_int(PC(), a, b, 8); }
/* A byte compared with a constant (a parser's `c == '<'`): value profile's
 * distances, but no outcome counts, as for a switch's cases.  On a parser
 * that compares every input byte with a dozen constants the site's counts
 * are the number of times that byte occurs: they kept an input for each
 * count, the corpus drifted to inputs that repeat bytes and loop longer,
 * and on such a corpus the hooks took 90 % of libxml2's time (README,
 * "Feature sources").
 * The distances stay: a state machine's steps climb with them (state12).
 * A compare of two variable bytes (cmp1: a loop over a key) counts. */
FERRET_EXPORT void __sanitizer_cov_trace_const_cmp1(uint8_t a, uint8_t b) { record_int_vp(PC(), b, a, 1, 0); }
FERRET_EXPORT void __sanitizer_cov_trace_const_cmp2(uint16_t a, uint16_t b) { record_int(PC(), b, a, 2); }
FERRET_EXPORT void __sanitizer_cov_trace_const_cmp4(uint32_t a, uint32_t b) { record_int(PC(), b, a, 4); }
FERRET_EXPORT void __sanitizer_cov_trace_const_cmp8(uint64_t a, uint64_t b) { record_int(PC(), b, a, 8); }

/* cases[0] = number of cases, cases[1] = bit width, cases[2..] = values. */
FERRET_EXPORT void __sanitizer_cov_trace_switch(uint64_t val, uint64_t *cases)
{
    uintptr_t pc = PC();
    uint64_t n = cases[0];
    uint8_t size = (uint8_t)(cases[1] / 8);
    if (size != 1 && size != 2 && size != 4 && size != 8)
        size = 8;
    /* Every case is a value the input could take; large switches are
     * sampled from the case nearest the value upwards, 16 at most. */
    uint64_t start = 0;
    if (n > 16)
        while (start < n && cases[2 + start] < val)
            start++;
    for (uint64_t i = 0; i < n && i < 16; i++)
        record_int_vp(pc + i, val, cases[2 + (start + i) % n], size, 0);
}

FERRET_EXPORT void __sanitizer_cov_trace_div4(uint32_t val) { record_int(PC(), val, 0, 4); }
FERRET_EXPORT void __sanitizer_cov_trace_div8(uint64_t val) { record_int(PC(), val, 0, 8); }
FERRET_EXPORT void __sanitizer_cov_trace_gep(uintptr_t idx)
{
    if (features_vp_on)
        features_cmp(PC(), idx, 0, 1);
}
/* The (caller, callee) pair of an indirect call, always a feature. */
FERRET_EXPORT void __sanitizer_cov_trace_pc_indir(uintptr_t callee)
{
    features_indirect(PC(), PC_OF(callee));
}

/* ---- memory and string compares ---------------------------------------- */

static size_t bounded_strlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

static void record_mem(uintptr_t pc, const void *a, size_t la, const void *b, size_t lb)
{
    if (!runtime_in_target)
        return;
    la = la < TORC_MEM_MAX ? la : TORC_MEM_MAX;
    lb = lb < TORC_MEM_MAX ? lb : TORC_MEM_MAX;
    if (lb == 0)
        return;
    uint64_t key = 0;
    memcpy(&key, b, lb < 8 ? lb : 8);
    struct torc_mem *e = &live.mems[mix(pc ^ key) & (TORC_MEM_SLOTS - 1)];
    if (la)
        memcpy(e->a, a, la);
    memcpy(e->b, b, lb);
    e->len_a = (uint8_t)la;
    e->len_b = (uint8_t)lb;
    if (features_vp_on && la) /* a positional compare (not a search) */
        features_mem(pc, a, b, (uint32_t)(la < lb ? la : lb));
}

static void record_strs(uintptr_t pc, const char *a, const char *b, size_t n)
{
    if (runtime_in_target && a && b)
        record_mem(pc, a, bounded_strlen(a, n), b, bounded_strlen(b, n));
}

/* For the plugin's hooks (cmpwide.c), which find their own pc. */
void cmptrace_record_int(uintptr_t pc, uint64_t a, uint64_t b, uint8_t size)
{
    record_int(pc, a, b, size);
}

void cmptrace_record_mem(uintptr_t pc, const void *a, size_t la, const void *b, size_t lb)
{
    record_mem(pc, a, la, b, lb);
}

FERRET_EXPORT void __sanitizer_weak_hook_memcmp(void *pc, const void *a, const void *b, size_t n, int result)
{
    if (result != 0)
        record_mem(PC_OF(pc), a, n, b, n);
}
FERRET_EXPORT void __sanitizer_weak_hook_strncmp(void *pc, const char *a, const char *b, size_t n, int result)
{
    if (result != 0)
        record_strs(PC_OF(pc), a, b, n);
}
FERRET_EXPORT void __sanitizer_weak_hook_strcmp(void *pc, const char *a, const char *b, int result)
{
    if (result != 0)
        record_strs(PC_OF(pc), a, b, TORC_MEM_MAX);
}
FERRET_EXPORT void __sanitizer_weak_hook_strncasecmp(void *pc, const char *a, const char *b, size_t n, int result)
{
    if (result != 0)
        record_strs(PC_OF(pc), a, b, n);
}
FERRET_EXPORT void __sanitizer_weak_hook_strcasecmp(void *pc, const char *a, const char *b, int result)
{
    if (result != 0)
        record_strs(PC_OF(pc), a, b, TORC_MEM_MAX);
}
FERRET_EXPORT void __sanitizer_weak_hook_strstr(void *pc, const char *hay, const char *needle, char *result)
{
    if (!result && needle && runtime_in_target)
        record_mem(PC_OF(pc), hay, 0, needle, bounded_strlen(needle, TORC_MEM_MAX));
}
FERRET_EXPORT void __sanitizer_weak_hook_strcasestr(void *pc, const char *hay, const char *needle, char *result)
{
    __sanitizer_weak_hook_strstr(pc, hay, needle, result);
}
FERRET_EXPORT void __sanitizer_weak_hook_memmem(void *pc, const void *hay, size_t hl, const void *needle,
                                               size_t nl, void *result)
{
    if (!result)
        record_mem(PC_OF(pc), hay, 0, needle, nl);
}

/* ---- our own interceptors (used when no sanitizer intercepts) ----------- */

/* ASan's interceptors, if ASan is linked in (LLVM 14 names). */
__attribute__((weak)) int __interceptor_memcmp(const void *, const void *, size_t);
__attribute__((weak)) int __interceptor_bcmp(const void *, const void *, size_t);
__attribute__((weak)) int __interceptor_strcmp(const char *, const char *);
__attribute__((weak)) int __interceptor_strncmp(const char *, const char *, size_t);
__attribute__((weak)) int __interceptor_strcasecmp(const char *, const char *);
__attribute__((weak)) int __interceptor_strncasecmp(const char *, const char *, size_t);
__attribute__((weak)) char *__interceptor_strstr(const char *, const char *);
__attribute__((weak)) char *__interceptor_strcasestr(const char *, const char *);
__attribute__((weak)) void *__interceptor_memmem(const void *, size_t, const void *, size_t);

/* The C library's functions, found once; a plain loop serves before that. */
static int (*libc_memcmp)(const void *, const void *, size_t);
static int (*libc_strcmp)(const char *, const char *);
static int (*libc_strncmp)(const char *, const char *, size_t);
static int (*libc_strcasecmp)(const char *, const char *);
static int (*libc_strncasecmp)(const char *, const char *, size_t);
static char *(*libc_strstr)(const char *, const char *);
static char *(*libc_strcasestr)(const char *, const char *);
static void *(*libc_memmem)(const void *, size_t, const void *, size_t);

__attribute__((constructor(101))) static void find_libc(void)
{
    libc_memcmp = (int (*)(const void *, const void *, size_t))dlsym(RTLD_NEXT, "memcmp");
    libc_strcmp = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "strcmp");
    libc_strncmp = (int (*)(const char *, const char *, size_t))dlsym(RTLD_NEXT, "strncmp");
    libc_strcasecmp = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "strcasecmp");
    libc_strncasecmp = (int (*)(const char *, const char *, size_t))dlsym(RTLD_NEXT, "strncasecmp");
    libc_strstr = (char *(*)(const char *, const char *))dlsym(RTLD_NEXT, "strstr");
    libc_strcasestr = (char *(*)(const char *, const char *))dlsym(RTLD_NEXT, "strcasestr");
    libc_memmem = (void *(*)(const void *, size_t, const void *, size_t))dlsym(RTLD_NEXT, "memmem");
}

static int slow_memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int slow_strncmp(const char *a, const char *b, size_t n, int fold)
{
    for (size_t i = 0; i < n; i++) {
        int x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (fold) {
            x = lower(x);
            y = lower(y);
        }
        if (x != y || x == 0)
            return x - y;
    }
    return 0;
}

static char *slow_strstr(const char *h, const char *n, int fold)
{
    size_t nl = strlen(n);
    for (; *h; h++)
        if (slow_strncmp(h, n, nl, fold) == 0)
            return (char *)h;
    return nl == 0 ? (char *)h : NULL;
}

FERRET_INTERPOSE int memcmp(const void *a, const void *b, size_t n)
{
    if (__interceptor_memcmp)
        return __interceptor_memcmp(a, b, n); /* ASan checks, then calls our hook */
    int r = libc_memcmp ? libc_memcmp(a, b, n) : slow_memcmp(a, b, n);
    if (r != 0)
        record_mem(PC(), a, n, b, n);
    return r;
}

FERRET_INTERPOSE int bcmp(const void *a, const void *b, size_t n)
{
    if (__interceptor_bcmp)
        return __interceptor_bcmp(a, b, n);
    int r = libc_memcmp ? libc_memcmp(a, b, n) : slow_memcmp(a, b, n);
    if (r != 0)
        record_mem(PC(), a, n, b, n);
    return r;
}

FERRET_INTERPOSE int strcmp(const char *a, const char *b)
{
    if (__interceptor_strcmp)
        return __interceptor_strcmp(a, b);
    int r = libc_strcmp ? libc_strcmp(a, b) : slow_strncmp(a, b, (size_t)-1, 0);
    if (r != 0)
        record_strs(PC(), a, b, TORC_MEM_MAX);
    return r;
}

FERRET_INTERPOSE int strncmp(const char *a, const char *b, size_t n)
{
    if (__interceptor_strncmp)
        return __interceptor_strncmp(a, b, n);
    int r = libc_strncmp ? libc_strncmp(a, b, n) : slow_strncmp(a, b, n, 0);
    if (r != 0)
        record_strs(PC(), a, b, n);
    return r;
}

FERRET_INTERPOSE int strcasecmp(const char *a, const char *b)
{
    if (__interceptor_strcasecmp)
        return __interceptor_strcasecmp(a, b);
    int r = libc_strcasecmp ? libc_strcasecmp(a, b) : slow_strncmp(a, b, (size_t)-1, 1);
    if (r != 0)
        record_strs(PC(), a, b, TORC_MEM_MAX);
    return r;
}

FERRET_INTERPOSE int strncasecmp(const char *a, const char *b, size_t n)
{
    if (__interceptor_strncasecmp)
        return __interceptor_strncasecmp(a, b, n);
    int r = libc_strncasecmp ? libc_strncasecmp(a, b, n) : slow_strncmp(a, b, n, 1);
    if (r != 0)
        record_strs(PC(), a, b, n);
    return r;
}

FERRET_INTERPOSE char *strstr(const char *h, const char *n)
{
    if (__interceptor_strstr)
        return __interceptor_strstr(h, n);
    char *r = libc_strstr ? libc_strstr(h, n) : slow_strstr(h, n, 0);
    if (!r && runtime_in_target)
        record_mem(PC(), h, 0, n, bounded_strlen(n, TORC_MEM_MAX));
    return r;
}

FERRET_INTERPOSE char *strcasestr(const char *h, const char *n)
{
    if (__interceptor_strcasestr)
        return __interceptor_strcasestr(h, n);
    char *r = libc_strcasestr ? libc_strcasestr(h, n) : slow_strstr(h, n, 1);
    if (!r && runtime_in_target)
        record_mem(PC(), h, 0, n, bounded_strlen(n, TORC_MEM_MAX));
    return r;
}

FERRET_INTERPOSE void *memmem(const void *h, size_t hl, const void *n, size_t nl)
{
    if (__interceptor_memmem)
        return __interceptor_memmem(h, hl, n, nl);
    void *r = NULL;
    if (libc_memmem)
        r = libc_memmem(h, hl, n, nl);
    else
        for (size_t i = 0; nl <= hl && i <= hl - nl && !r; i++)
            if (slow_memcmp((const char *)h + i, n, nl) == 0)
                r = (void *)((const char *)h + i);
    if (!r)
        record_mem(PC(), h, 0, n, nl);
    return r;
}

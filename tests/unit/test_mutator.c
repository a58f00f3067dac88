/*
 * test_mutator.c - unit tests for src/engine/mutator.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "check.h"
#include "mutator.h"
#include "typed.h"

#define NONE ((size_t)-1)
#define GUARD 32
#define CANARY 0xC3

static size_t find_mutation(const char *name)
{
    for (size_t i = 0; i < mutator_count(); i++)
        if (strcmp(mutator_name(i), name) == 0)
            return i;
    return NONE;
}

static void fill(rng_t *r, uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)rng_next(r);
}

static int contains(const uint8_t *p, size_t n, uint8_t c)
{
    return n > 0 && memchr(p, c, n) != NULL;
}

/* Exactly sized, so ASan catches a read past partner_len. */
static uint8_t *make_partner(rng_t *r, size_t n)
{
    uint8_t *p = malloc(n ? n : 1);
    fill(r, p, n);
    return p;
}

static void test_table(void)
{
    CHECK(mutator_count() >= 20);
    for (size_t i = 0; i < mutator_count(); i++) {
        CHECK(mutator_name(i) != NULL && mutator_name(i)[0] != '\0');
        for (size_t j = 0; j < i; j++)
            CHECK(strcmp(mutator_name(i), mutator_name(j)) != 0);
    }
    CHECK(mutator_name(mutator_count()) == NULL);
    rng_t r = { 1 };
    uint8_t d[4] = { 0 };
    CHECK_EQ_U(mutator_apply(mutator_count(), &r, d, 4, 4, NULL), NONE);
}

/* Same seed and input give the same bytes, across a chain of 1000 calls. */
static void test_determinism(void)
{
    static uint8_t a[512], b[512];
    rng_t init = { 99 };
    fill(&init, a, sizeof a);
    memcpy(b, a, sizeof b);
    uint8_t partner[40];
    fill(&init, partner, sizeof partner);
    struct mutate_src src = { .partner = partner, .partner_len = sizeof partner };
    rng_t ra = { 12345 }, rb = { 12345 };
    size_t la = 100, lb = 100;
    int same = 1;
    for (int i = 0; i < 1000; i++) {
        la = mutator_mutate(&ra, a, la, sizeof a, &src);
        lb = mutator_mutate(&rb, b, lb, sizeof b, &src);
        same &= la == lb && memcmp(a, b, la) == 0 && ra.s == rb.s;
    }
    CHECK(same);
}

/* The coordinator's replay: the rng word alone recreates the mutation, and
 * bytes past len (stale data in the buffer) make no difference. */
static void test_replay(void)
{
    rng_t r = { 777 };
    int same = 1;
    for (int i = 0; i < 500; i++) {
        uint8_t in[128], a[256], b[256];
        size_t len = (size_t)rng_below(&r, sizeof in + 1);
        fill(&r, in, sizeof in);
        fill(&r, a, sizeof a);
        fill(&r, b, sizeof b);
        memcpy(a, in, len);
        memcpy(b, in, len);
        struct mutate_src src = { .partner = in + 64, .partner_len = 64 };
        uint64_t word = rng_next(&r);
        rng_t ra = { word }, rb = { word };
        size_t la = mutator_mutate(&ra, a, len, sizeof a, &src);
        size_t lb = mutator_mutate(&rb, b, len, sizeof b, &src);
        same &= la == lb && memcmp(a, b, la) == 0;
    }
    CHECK(same);
}

static void test_seeds_differ(void)
{
    uint8_t in[64];
    rng_t init = { 5 };
    fill(&init, in, sizeof in);
    int differ = 0;
    for (uint64_t s = 0; s < 200; s++) {
        uint8_t a[128], b[128];
        memcpy(a, in, sizeof in);
        memcpy(b, in, sizeof in);
        rng_t ra = { 2 * s }, rb = { 2 * s + 1 };
        size_t la = mutator_mutate(&ra, a, sizeof in, sizeof a, NULL);
        size_t lb = mutator_mutate(&rb, b, sizeof in, sizeof b, NULL);
        differ += la != lb || memcmp(a, b, la) != 0;
    }
    CHECK(differ >= 190);
}

/* One fuzzed application of mutation i (or of the whole stack if i == NONE):
 * the result fits, nothing past max_len is touched, and a NONE leaves the
 * input as it was. */
static int one_bounded_run(size_t i, rng_t *r)
{
    size_t max_len = (size_t)rng_below(r, 300);
    size_t len = rng_below(r, 4) == 0 ? max_len : (size_t)rng_below(r, max_len + 1);
    if (rng_below(r, 8) == 0)
        len = 0;
    size_t plen = (size_t)rng_below(r, 100);
    uint8_t *partner = make_partner(r, plen);
    struct mutate_src src = { .partner = partner, .partner_len = plen };
    uint8_t *buf = malloc(max_len + GUARD);
    uint8_t *orig = malloc(max_len + 1);
    fill(r, buf, len);
    memset(buf + len, CANARY, max_len + GUARD - len);
    memcpy(orig, buf, len);
    rng_t m = { rng_next(r) };
    size_t n = i == NONE ? mutator_mutate(&m, buf, len, max_len, &src)
                         : mutator_apply(i, &m, buf, len, max_len, &src);
    int ok = n == NONE || n <= max_len;
    for (size_t g = max_len; g < max_len + GUARD; g++)
        ok &= buf[g] == CANARY;
    if (n == NONE)
        ok &= memcmp(buf, orig, len) == 0;
    if (max_len == 0)
        ok &= n == 0;
    free(buf);
    free(orig);
    free(partner);
    return ok;
}

static void test_bounds(void)
{
    rng_t r = { 4242 };
    for (size_t i = 0; i < mutator_count(); i++) {
        int ok = 1;
        for (int t = 0; t < 3000; t++)
            ok &= one_bounded_run(i, &r);
        if (!ok)
            fprintf(stderr, "bounds broken by %s\n", mutator_name(i));
        CHECK(ok);
    }
    int ok = 1;
    for (int t = 0; t < 5000; t++)
        ok &= one_bounded_run(NONE, &r);
    CHECK(ok);
}

static void test_empty_and_zero(void)
{
    rng_t r = { 3 };
    uint8_t d[8] = { 0 };
    for (size_t i = 0; i < mutator_count(); i++) {
        CHECK_EQ_U(mutator_apply(i, &r, d, 0, 0, NULL), 0);
        size_t n = mutator_apply(i, &r, d, 0, 8, NULL);
        CHECK(n == NONE || (n >= 1 && n <= 8)); /* only insertions apply */
    }
    CHECK_EQ_U(mutator_mutate(&r, d, 0, 0, NULL), 0);
    CHECK_EQ_U(mutator_mutate(&r, d, 5, 0, NULL), 0);
    size_t n = mutator_mutate(&r, d, 0, 1, NULL);
    CHECK_EQ_U(n, 1);
}

/* mutator_mutate never returns its input unchanged (max_len > 0). */
static void test_always_changes(void)
{
    rng_t r = { 31337 };
    int changed = 0, total = 0;
    static uint8_t buf[6000], orig[6000];
    for (int t = 0; t < 20000; t++) {
        size_t max_len = 1 + (size_t)rng_below(&r, t % 100 == 0 ? 6000 : 70);
        size_t len = rng_bool(&r) ? max_len : (size_t)rng_below(&r, max_len + 1);
        if (rng_bool(&r))
            memset(buf, rng_bool(&r) ? 0 : 'A', len); /* hard: uniform */
        else
            fill(&r, buf, len);
        memcpy(orig, buf, len);
        size_t n = mutator_mutate(&r, buf, len, max_len, NULL);
        changed += n != len || memcmp(buf, orig, len) != 0;
        total++;
    }
    CHECK_EQ_U(changed, total);
}

static void test_cross_over(void)
{
    size_t xo = find_mutation("CrossOver");
    CHECK(xo != NONE);
    if (xo == NONE)
        return;
    uint8_t *partner = malloc(32);
    memset(partner, 0xAA, 32);
    struct mutate_src src = { .partner = partner, .partner_len = 32 };
    rng_t r = { 8 };
    uint8_t d[128];
    int hits = 0, applied = 0, stacked = 0;
    for (int t = 0; t < 1000; t++) {
        memset(d, 0, sizeof d);
        size_t n = mutator_apply(xo, &r, d, 64, sizeof d, &src);
        applied += n != NONE;
        hits += n != NONE && contains(d, n, 0xAA);
        memset(d, 0, sizeof d);
        n = mutator_mutate(&r, d, 64, sizeof d, &src);
        stacked += contains(d, n, 0xAA);
    }
    CHECK_EQ_U(applied, 1000);
    CHECK_EQ_U(hits, 1000);
    CHECK(stacked > 20);
    struct mutate_src none = { .partner = NULL, .partner_len = 0 };
    memset(d, 0, sizeof d);
    CHECK_EQ_U(mutator_apply(xo, &r, d, 64, sizeof d, &none), NONE);
    CHECK_EQ_U(mutator_apply(xo, &r, d, 64, sizeof d, NULL), NONE);
    free(partner);
}

/* Every mutation applies, and changes something, on a 64-byte input. */
static void test_all_apply(void)
{
    static const char text[] = "GET /item?id=12345&n=7 HTTP/1.1\r\nX: \x01\x02\xff\x80"
                               "0123456789abcdefghijklmnopqr";
    uint8_t partner[16];
    memset(partner, 0x55, sizeof partner);
    static struct torc torc;
    torc.ints[3] = (struct torc_int){ .a = 12345, .b = 777, .size = 4 };
    torc.mems[5] = (struct torc_mem){ .len_a = 3, .len_b = 3, .a = "GET", .b = "PUT" };
    torc_count(&torc);
    struct dict_word words[1] = { { .len = 4, .bytes = "WORD" } };
    struct mutate_src src = { .partner = partner, .partner_len = sizeof partner, .torc = &torc, .words = words, .nwords = 1 };
    rng_t r = { 2024 };
    for (size_t i = 0; i < mutator_count(); i++) {
        int applied = 0, changed = 0;
        for (int t = 0; t < 200; t++) {
            uint8_t d[128];
            memcpy(d, text, 64);
            size_t n = mutator_apply(i, &r, d, 64, sizeof d, &src);
            applied += n != NONE;
            changed += n != NONE && (n != 64 || memcmp(d, text, 64) != 0);
        }
        if (applied < 100 || changed < 50)
            fprintf(stderr, "%s: applied %d, changed %d of 200\n",
                    mutator_name(i), applied, changed);
        CHECK(applied >= 100);
        CHECK(changed >= 50);
    }
}

static void test_length_changes(void)
{
    rng_t r = { 11 };
    uint8_t d[96];
    const char *shrink = "EraseBytes";
    const char *grow[] = { "InsertRandomBytes", "InsertRepeatedBytes",
                           "DuplicateBytes" };
    size_t e = find_mutation(shrink);
    CHECK(e != NONE);
    for (int t = 0; t < 100 && e != NONE; t++) {
        memset(d, 1, sizeof d);
        size_t n = mutator_apply(e, &r, d, 64, sizeof d, NULL);
        CHECK(n < 64);
    }
    for (size_t g = 0; g < sizeof grow / sizeof grow[0]; g++) {
        size_t i = find_mutation(grow[g]);
        CHECK(i != NONE);
        for (int t = 0; t < 100 && i != NONE; t++) {
            memset(d, 1, sizeof d);
            size_t n = mutator_apply(i, &r, d, 64, sizeof d, NULL);
            CHECK(n > 64 && n <= sizeof d);
            CHECK_EQ_U(mutator_apply(i, &r, d, 96, 96, NULL), NONE);
        }
    }
}

/* Only the digits change: the text around the number survives. */
static void test_ascii_int(void)
{
    size_t ai = find_mutation("ChangeASCIIInt");
    CHECK(ai != NONE);
    if (ai == NONE)
        return;
    rng_t r = { 77 };
    static const char in[] = "len=1234;";
    int ok = 1, changed = 0;
    for (int t = 0; t < 500; t++) {
        uint8_t d[64];
        memcpy(d, in, 9);
        size_t n = mutator_apply(ai, &r, d, 9, sizeof d, NULL);
        ok &= n != NONE && n >= 6 && memcmp(d, "len=", 4) == 0 &&
              d[n - 1] == ';';
        for (size_t k = 4; ok && k + 1 < n; k++)
            ok &= d[k] >= '0' && d[k] <= '9';
        changed += n != 9 || memcmp(d, in, 9) != 0;
    }
    CHECK(ok);
    CHECK_EQ_U(changed, 500);
    uint8_t d[4] = { 'a', 'b', 'c', 'd' };
    CHECK_EQ_U(mutator_apply(ai, &r, d, 4, 4, NULL), NONE);
}

/* TieBytes changes exactly two bytes 1..4 apart, keeping their sum, their
 * difference or their xor; all three kinds come up. */
static void test_tie_bytes(void)
{
    size_t tb = find_mutation("TieBytes");
    CHECK(tb != NONE);
    if (tb == NONE)
        return;
    rng_t r = { 5 };
    int ok = 1, sum = 0, diff = 0, xor = 0;
    for (int t = 0; t < 3000; t++) {
        uint8_t d[16], o[16];
        for (size_t k = 0; k < sizeof d; k++)
            o[k] = d[k] = (uint8_t)(k * 37 + t);
        ok &= mutator_apply(tb, &r, d, sizeof d, sizeof d, NULL) == sizeof d;
        size_t at[3], n = 0;
        for (size_t k = 0; k < sizeof d; k++)
            if (d[k] != o[k] && n < 3)
                at[n++] = k;
        ok &= n == 2 && at[1] - at[0] >= 1 && at[1] - at[0] <= 4;
        if (n != 2)
            continue;
        uint8_t a = d[at[0]], b = d[at[1]], oa = o[at[0]], ob = o[at[1]];
        int s = (uint8_t)(a + b) == (uint8_t)(oa + ob);
        int df = (uint8_t)(a - b) == (uint8_t)(oa - ob);
        int x = (a ^ b) == (oa ^ ob);
        ok &= s || df || x;
        sum += s;
        diff += df;
        xor += x;
    }
    CHECK(ok);
    CHECK(sum > 500 && diff > 500 && xor > 500);
    uint8_t one[1] = { 9 };
    CHECK_EQ_U(mutator_apply(tb, &r, one, 1, 1, NULL), NONE);
}

/* Inputs too big to snapshot (hash path), all zero and len == max_len,
 * still always come back changed. */
static void test_large_input(void)
{
    static uint8_t buf[20000], orig[20000];
    rng_t r = { 555 };
    int changed = 0;
    for (int t = 0; t < 200; t++) {
        size_t len = 5000 + (size_t)rng_below(&r, 10000);
        memset(buf, 0, len);
        memcpy(orig, buf, len);
        size_t n = mutator_mutate(&r, buf, len, len, NULL);
        CHECK(n <= len);
        changed += n != len || memcmp(buf, orig, len) != 0;
    }
    CHECK_EQ_U(changed, 200);
}

/* Comparison feedback: the operand found in the input is replaced by the
 * other one, in the input's own encoding (here ASCII decimal and verbatim). */
static void test_cmp_feedback(void)
{
    size_t ci = find_mutation("CmpInteger"), cm = find_mutation("CmpMemory");
    CHECK(ci != NONE && cm != NONE);
    if (ci == NONE || cm == NONE)
        return;
    static struct torc torc;
    torc.ints[77] = (struct torc_int){ .a = 12345, .b = 999777, .size = 4 };
    torc.mems[9] = (struct torc_mem){ .len_a = 3, .len_b = 4, .a = "GET", .b = "POST" };
    torc_count(&torc);
    struct mutate_trace trace;
    struct mutate_src src = { .torc = &torc, .trace = &trace };
    static const char in[] = "GET /item?id=12345";
    int dec = 0, mem = 0;
    rng_t r = { 5 };
    for (int t = 0; t < 200; t++) {
        uint8_t d[64];
        memcpy(d, in, sizeof in - 1);
        size_t n = mutator_apply(ci, &r, d, sizeof in - 1, sizeof d, &src);
        dec += n == sizeof in && memcmp(d, "GET /item?id=999777", n) == 0;
        memcpy(d, in, sizeof in - 1);
        n = mutator_apply(cm, &r, d, sizeof in - 1, sizeof d, &src);
        mem += n == sizeof in && memcmp(d, "POST /item?id=12345", n) == 0;
    }
    CHECK(dec > 10);
    CHECK(mem > 10);
    CHECK(trace.len > 0);
}

/* Every used slot of the compare table is drawn equally often, however the
 * slots are spread (a wide gap before a slot must not favour it), and the
 * draw is a pure function of the table and the generator. */
static void test_torc_pick_uniform(void)
{
    static struct torc t;
    memset(&t, 0, sizeof t);
    rng_t r = {1};
    CHECK(torc_pick_int(&r, &t) == NULL);
    CHECK(torc_pick_mem(&r, &t) == NULL);
    CHECK(torc_pick_int(&r, NULL) == NULL);
    /* used int slots 0, 1, 2 and 200 (a gap of 197 before it); one slot with
     * a bad size is not "used" */
    const size_t used[] = {0, 1, 2, 200};
    for (size_t i = 0; i < 4; i++)
        t.ints[used[i]] = (struct torc_int){.a = i, .b = 100 + i, .size = 4};
    t.ints[100].size = 3;
    torc_count(&t);
    CHECK_EQ_U(t.n_ints, 4);
    CHECK_EQ_U(t.n_mems, 0);
    /* the list of used slots, in slot order, then none */
    CHECK(t.int_at[0] == 0 && t.int_at[1] == 1 && t.int_at[2] == 2 && t.int_at[3] == 200);
    CHECK(t.int_at[4] == TORC_NONE && t.int_at[TORC_INT_SLOTS - 1] == TORC_NONE);
    size_t hits[4] = {0};
    int bad = 0;
    for (int i = 0; i < 40000; i++) {
        const struct torc_int *e = torc_pick_int(&r, &t);
        if (!e || e->a >= 4 || e != &t.ints[used[e->a]])
            bad++;
        else
            hits[e->a]++;
    }
    CHECK_EQ_U(bad, 0);
    for (size_t i = 0; i < 4; i++)
        CHECK(hits[i] > 9000 && hits[i] < 11000);
    /* memory slots: 3 and 60 used, 10 invalid (len_b past the maximum) */
    t.mems[3] = (struct torc_mem){.len_a = 1, .len_b = 2};
    t.mems[60] = (struct torc_mem){.len_a = 0, .len_b = 5};
    t.mems[10] = (struct torc_mem){.len_a = 1, .len_b = TORC_MEM_MAX + 1};
    torc_count(&t);
    CHECK_EQ_U(t.n_mems, 2);
    size_t m3 = 0, m60 = 0;
    for (int i = 0; i < 20000; i++) {
        const struct torc_mem *e = torc_pick_mem(&r, &t);
        m3 += e == &t.mems[3];
        m60 += e == &t.mems[60];
    }
    CHECK_EQ_U(m3 + m60, 20000);
    CHECK(m3 > 9000 && m60 > 9000);
    /* A count past the used slots (a hostile worker's copy): no pick past
     * the table, sometimes none at all. */
    t.n_ints = 1000;
    size_t none = 0;
    for (int i = 0; i < 2000; i++) {
        const struct torc_int *e = torc_pick_int(&r, &t);
        none += e == NULL;
        bad += e && (e < t.ints || e >= t.ints + TORC_INT_SLOTS);
    }
    CHECK_EQ_U(bad, 0);
    CHECK(none > 0);
    /* A list naming slots out of the table or unused: NULL, never a read
     * past it. */
    t.n_ints = 3;
    t.int_at[0] = TORC_INT_SLOTS + 5;
    t.int_at[1] = 100; /* a bad size: not used */
    t.int_at[2] = 200;
    size_t got200 = 0;
    none = 0;
    for (int i = 0; i < 3000; i++) {
        const struct torc_int *e = torc_pick_int(&r, &t);
        none += e == NULL;
        got200 += e == &t.ints[200];
    }
    CHECK_EQ_U(none + got200, 3000);
    CHECK(none > 1500 && got200 > 500);
    torc_count(&t);
    rng_t a = {77}, b = {77};
    int same = 1;
    for (int i = 0; i < 1000; i++)
        same &= torc_pick_int(&a, &t) == torc_pick_int(&b, &t);
    CHECK(same);
}

/* ---- purity: bytes past len never matter ---------------------------------
 * The worker builds each FUZZ input in a private buffer holding leftovers of
 * earlier inputs past len; the coordinator rebuilds it after a death in a
 * buffer of its own.  Both must get the same bytes, so a mutation may read
 * only data[0..len) and its sources.  Below, the same input sits in buffers
 * whose bytes past len are 0x00, 0xff, random, and operands and words of the
 * compare table and dictionary (stale bytes a scan would match), with every
 * comparison-feedback source filled. */

#define PURE_STRS 14
static const char *const pure_strs[PURE_STRS] = {
    "HDR1", "tail", "GET", "POST", "record", "zq", "Content-Length: ", "\r\n",
    "12345", "-1", "ff00", "x", "0123456789abcdef0123456789ABCDEF", "\x0d\xf0\xad\x1b",
};

/* A compare table as a target leaves it: integer operands of every size
 * (some spelled in the inputs below), memory operands of lengths 1..32,
 * searched words (len_a 0), random 32-byte operands.  nrandom 0: only a
 * few, all of them planted in the inputs, so each is drawn often. */
static void pure_fill_torc(struct torc *t, rng_t *g, int nrandom)
{
    static const unsigned sizes[] = { 1, 2, 4, 8 };
    memset(t, 0, sizeof *t);
    for (int i = 0; i < nrandom; i++) {
        uint64_t a = rng_bool(g) ? 12345 + (uint64_t)i : rng_next(g) >> rng_below(g, 64);
        t->ints[rng_below(g, TORC_INT_SLOTS)] = (struct torc_int){
            .a = a, .b = rng_next(g) >> rng_below(g, 64), .size = (uint8_t)sizes[rng_below(g, 4)] };
    }
    t->ints[1] = (struct torc_int){ .a = 0x31524448, .b = 0x1badf00d, .size = 4 };
    t->ints[2] = (struct torc_int){ .a = 'z', .b = 'q', .size = 1 };
    t->ints[3] = (struct torc_int){ .a = 12345, .b = 0xffffffff, .size = 4 };
    t->ints[4] = (struct torc_int){ .a = 0xff00, .b = 0x1234, .size = 2 };
    t->ints[5] = (struct torc_int){ .a = (uint64_t)-1, .b = 7, .size = 8 };
    for (int i = 0; i < (nrandom ? 40 : 6); i++) {
        struct torc_mem *e = &t->mems[rng_below(g, TORC_MEM_SLOTS)];
        const char *a = pure_strs[rng_below(g, PURE_STRS)], *b = pure_strs[rng_below(g, PURE_STRS)];
        memset(e, 0, sizeof *e);
        e->len_a = rng_below(g, 5) == 0 ? 0 : (uint8_t)strlen(a);
        e->len_b = (uint8_t)strlen(b);
        memcpy(e->a, a, strlen(a));
        memcpy(e->b, b, strlen(b));
        if (nrandom && rng_below(g, 4) == 0) {
            e->len_a = (uint8_t)(1 + rng_below(g, TORC_MEM_MAX));
            e->len_b = (uint8_t)(1 + rng_below(g, TORC_MEM_MAX));
            fill(g, e->a, TORC_MEM_MAX);
            fill(g, e->b, TORC_MEM_MAX);
        }
    }
    torc_count(t);
}

/* An input with operands and words planted in it (whole, and at the end
 * whole or cut short, where a scan past len would extend or complete them). */
static void pure_fill_input(rng_t *g, uint8_t *in, size_t len)
{
    fill(g, in, len);
    if (rng_bool(g))
        for (size_t i = 0; i < len; i++)
            in[i] = (uint8_t)("0123456789abcdefABCDEF-xz q"[rng_below(g, 27)]);
    for (int k = 0; k < 4; k++) {
        const char *w = pure_strs[rng_below(g, PURE_STRS)];
        size_t wl = strlen(w);
        if (wl <= len)
            memcpy(in + rng_below(g, len - wl + 1), w, wl);
    }
    if (len >= 4 && rng_bool(g)) {
        uint32_t v = rng_bool(g) ? 0x31524448 : 12345;
        memcpy(in + rng_below(g, len - 3), &v, 4);
    }
    if (len > 0 && rng_bool(g)) { /* an operand, or its head, ends the input */
        const char *w = pure_strs[rng_below(g, PURE_STRS)];
        size_t wl = strlen(w), cut = 1 + (size_t)rng_below(g, wl);
        cut = cut < len ? cut : len;
        memcpy(in + len - cut, w, cut);
    }
}

/* The tail past len: what the k-th buffer holds there. */
static void pure_fill_garbage(rng_t *g, uint8_t *p, size_t n, int k)
{
    switch (k) {
    case 0:
        memset(p, 0x00, n);
        break;
    case 1:
        memset(p, 0xff, n);
        break;
    case 2:
        fill(g, p, n);
        break;
    default: /* stale operands and words, as earlier inputs leave them */
        for (size_t i = 0; i < n;) {
            const char *w = pure_strs[rng_below(g, PURE_STRS)];
            size_t wl = strlen(w);
            wl = wl < n - i ? wl : n - i;
            memcpy(p + i, w, wl);
            i += wl;
        }
        break;
    }
}

#define PURE_BUFS 4

/* One input, one rng word, PURE_BUFS buffers: same length, bytes, rng state
 * and trace from each.  mode: NONE = mutator_mutate, mutator_count() =
 * typed_mutate with schema *ts, else mutator_apply(mode). */
static int pure_one(rng_t *g, size_t mode, const struct typed_schema *ts,
                    const struct mutate_src *src0)
{
    size_t max_len = rng_below(g, 40) == 0 ? 4000 + (size_t)rng_below(g, 2000)
                                           : 1 + (size_t)rng_below(g, 200);
    size_t len = rng_below(g, 8) == 0 ? max_len : (size_t)rng_below(g, max_len + 1);
    uint8_t *in = malloc(max_len), *b[PURE_BUFS];
    pure_fill_input(g, in, len);
    size_t plen = (size_t)rng_below(g, 64);
    uint8_t *partner = make_partner(g, plen);
    uint64_t word = rng_next(g);
    size_t n[PURE_BUFS];
    uint64_t st[PURE_BUFS];
    struct mutate_trace tr[PURE_BUFS];
    int same = 1;
    for (int k = 0; k < PURE_BUFS; k++) {
        b[k] = malloc(max_len); /* exactly max_len: ASan catches a read past it */
        memcpy(b[k], in, len);
        pure_fill_garbage(g, b[k] + len, max_len - len, k);
        struct mutate_src src = *src0;
        src.partner = plen ? partner : NULL;
        src.partner_len = plen;
        memset(&tr[k], 0, sizeof tr[k]);
        src.trace = &tr[k];
        rng_t r = { word };
        if (mode == NONE)
            n[k] = mutator_mutate(&r, b[k], len, max_len, &src);
        else if (mode == mutator_count())
            n[k] = typed_mutate(&r, ts, b[k], len, max_len, &src);
        else
            n[k] = mutator_apply(mode, &r, b[k], len, max_len, &src);
        st[k] = r.s;
        if (k == 0)
            continue;
        same &= n[k] == n[0] && st[k] == st[0] && tr[k].len == tr[0].len &&
                memcmp(tr[k].word, tr[0].word, tr[0].len) == 0;
        same &= n[k] == NONE || (n[k] <= max_len && memcmp(b[k], b[0], n[k]) == 0);
    }
    for (int k = 0; k < PURE_BUFS; k++)
        free(b[k]);
    free(in);
    free(partner);
    return same;
}

static void test_stale_bytes_ignored(void)
{
    static struct torc torc, small;
    rng_t g = { 0x5eed };
    pure_fill_torc(&torc, &g, 60);
    pure_fill_torc(&small, &g, 0);
    struct dict_word words[PURE_STRS];
    for (size_t i = 0; i < PURE_STRS; i++) {
        memset(&words[i], 0, sizeof words[i]);
        words[i].len = (uint8_t)strlen(pure_strs[i]);
        memcpy(words[i].bytes, pure_strs[i], words[i].len);
    }
    struct mutate_src src = { .torc = &torc, .words = words, .nwords = PURE_STRS };
    struct mutate_src few = { .torc = &small, .words = words, .nwords = 4 };
    /* Each mutation alone, so a failure names it. */
    for (size_t i = 0; i < mutator_count(); i++) {
        int ok = 1;
        for (int t = 0; t < 2000; t++)
            ok &= pure_one(&g, i, NULL, t % 2 ? &src : &few);
        if (!ok)
            fprintf(stderr, "%s reads past len\n", mutator_name(i));
        CHECK(ok);
    }
    /* Whole stacks, with the table refilled now and then. */
    int ok = 1;
    for (int t = 0; t < 30000; t++) {
        if (t % 5000 == 4999)
            pure_fill_torc(&torc, &g, 60);
        ok &= pure_one(&g, NONE, NULL, t % 2 ? &src : &few);
    }
    CHECK(ok);
    /* Typed targets: arguments mutated alone (the bytes after a variable
     * argument wait at the end of the buffer meanwhile) and whole. */
    static const struct typed_schema schemas[] = {
        { 2, { GO_BYTES, GO_INT32 } },
        { 3, { GO_STRING, GO_BYTES, GO_UINT8 } },
        { 2, { GO_FLOAT64, GO_BYTES } },
        { 1, { GO_STRING } },
        { 3, { GO_INT64, GO_BOOL, GO_FLOAT32 } },
        { 4, { GO_BYTES, GO_BYTES, GO_STRING, GO_UINT16 } },
    };
    size_t nsch = sizeof schemas / sizeof schemas[0];
    ok = 1;
    for (int t = 0; t < 12000; t++)
        ok &= pure_one(&g, mutator_count(), &schemas[t % nsch], t % 2 ? &src : &few);
    CHECK(ok);
}

/* ---- the probe tail (ExtendCmp, torc.h) ----------------------------------- */

static void test_probe_width(void)
{
    int big = -1;
    CHECK_EQ_U(torc_probe_width(TORC_PROBE, 1, &big), 1);
    CHECK_EQ_U(big, 0);
    CHECK_EQ_U(torc_probe_width(0xa8a7a6a5, 4, &big), 4); /* read little-endian */
    CHECK_EQ_U(big, 0);
    CHECK_EQ_U(torc_probe_width(0xa5a6a7a8, 4, &big), 4); /* read big-endian */
    CHECK_EQ_U(big, 1);
    CHECK_EQ_U(torc_probe_width(0xa5, 4, &big), 1);       /* a byte, zero-extended */
    CHECK_EQ_U(torc_probe_width(0xffffffa5, 4, &big), 1); /* sign-extended */
    CHECK_EQ_U(torc_probe_width(0xa9a8a7a6, 4, &big), 4); /* from the tail's second byte */
    CHECK_EQ_U(torc_probe_width(0xa6, 1, &big), 1);
    CHECK_EQ_U(torc_probe_width(0xa9a8a6a5, 4, &big), 0); /* not consecutive */
    CHECK_EQ_U(torc_probe_width(0xadacabaa, 4, &big), 0); /* runs past the tail's end */
    CHECK_EQ_U(torc_probe_width(0xad, 1, &big), 0);
    CHECK_EQ_U(torc_probe_width(0x41, 8, &big), 0);
}

/* One compare of the probe with want at slot i of the live table. */
static void probe_slot(struct torc *live, size_t i, uint64_t probe, uint64_t want, uint8_t size)
{
    live->ints[i] = (struct torc_int){.a = probe, .b = want, .size = size};
}

/* bytes_equal agrees with memcmp at every length around the 8-byte step
 * and with the difference at every position. */
static void test_bytes_equal(void)
{
    uint8_t a[40], b[40];
    for (size_t i = 0; i < sizeof a; i++)
        a[i] = b[i] = (uint8_t)(i * 37 + 1);
    for (size_t n = 0; n <= 33; n++) {
        CHECK(bytes_equal(a + 1, b + 1, n)); /* unaligned too */
        for (size_t at = 0; at < n; at++) {
            b[1 + at] ^= 0x80;
            CHECK(!bytes_equal(a + 1, b + 1, n));
            CHECK(bytes_equal(a + 1, b + 1, at)); /* the prefix before it */
            b[1 + at] ^= 0x80;
        }
    }
}

static void test_freeze_learns_wanted(void)
{
    static struct torc live, t;
    memset(&live, 0, sizeof live);
    memset(&t, 0, sizeof t);
    probe_slot(&live, 3, TORC_PROBE, 0x41, 1);
    live.ints[4] = (struct torc_int){.a = 7, .b = 9, .size = 4}; /* no probe */
    probe_slot(&live, 5, 0xa5a6, 0x1234, 2);                    /* big-endian read */
    torc_freeze(&t, &live, 0);
    CHECK_EQ_U(t.n_ints, 3);
    CHECK_EQ_U(t.n_wanted, 2);
    /* newest first: slot 5 was learnt after slot 3 */
    CHECK(t.wanted[0].len == 2 && t.wanted[0].bytes[0] == 0x12 && t.wanted[0].bytes[1] == 0x34);
    CHECK(t.wanted[1].len == 1 && t.wanted[1].bytes[0] == 0x41);
    /* unchanged slots are not learnt again: the order stays */
    torc_freeze(&t, &live, 0);
    CHECK_EQ_U(t.n_wanted, 2);
    CHECK_EQ_U(t.wanted[0].len, 2);
    /* a slot that changed back to a probe moves its value to the front */
    live.ints[3].a = 0x30;
    torc_freeze(&t, &live, 0);
    probe_slot(&live, 3, TORC_PROBE, 0x41, 1);
    torc_freeze(&t, &live, 0);
    CHECK_EQ_U(t.n_wanted, 2);
    CHECK(t.wanted[0].len == 1 && t.wanted[0].bytes[0] == 0x41);
    /* memory compares: the tail's start against a word */
    live.mems[7] = (struct torc_mem){.len_a = 3, .len_b = 4};
    memcpy(live.mems[7].a, "\xa5\xa6\xa7", 3);
    memcpy(live.mems[7].b, "KEY!", 4);
    torc_freeze(&t, &live, 0);
    CHECK(t.wanted[0].len == 4 && memcmp(t.wanted[0].bytes, "KEY!", 4) == 0);
    /* at most TORC_WANTED, the oldest falling off */
    for (size_t i = 0; i < TORC_WANTED + 4; i++)
        probe_slot(&live, 100 + i, TORC_PROBE, 0x10 + i, 1);
    torc_freeze(&t, &live, 0);
    CHECK_EQ_U(t.n_wanted, TORC_WANTED);
    /* a hostile count or length is clamped when picked */
    t.n_wanted = 1000;
    t.wanted[0].len = 200;
    rng_t r = {5};
    uint8_t w[TORC_MEM_MAX];
    int ok = 1;
    size_t at;
    for (int i = 0; i < 100; i++)
        ok &= torc_pick_wanted(&r, &t, 0, w, &at) <= TORC_MEM_MAX;
    CHECK(ok);
}

/* Where a value was wanted (torc_wanted.at): learnt from the run of a
 * mutant whose tail's place is known, at that place plus the offset in the
 * tail the target read; a later freeze that does not know keeps it. */
static void test_freeze_learns_where(void)
{
    static struct torc live, t;
    memset(&live, 0, sizeof live);
    memset(&t, 0, sizeof t);
    probe_slot(&live, 3, TORC_PROBE, 'd', 1);
    torc_freeze(&t, &live, 4); /* the tail at offset 3 */
    CHECK(t.wanted[0].len == 1 && t.wanted[0].bytes[0] == 'd' && t.wanted[0].at == 4);
    probe_slot(&live, 4, TORC_PROBE + 2, 'q', 1); /* read the tail's third byte */
    torc_freeze(&t, &live, 10);
    CHECK(t.wanted[0].bytes[0] == 'q' && t.wanted[0].at == 12);
    probe_slot(&live, 5, 0xa6a5, 0x7172, 2);      /* big-endian, its first byte a5 */
    torc_freeze(&t, &live, 20);
    CHECK(t.wanted[0].len == 2 && t.wanted[0].at == 20);
    /* relearnt where the run does not say: to the front, the place kept */
    live.ints[3].a = 0x30;
    torc_freeze(&t, &live, 0);
    probe_slot(&live, 3, TORC_PROBE, 'd', 1);
    torc_freeze(&t, &live, 0);
    CHECK(t.wanted[0].bytes[0] == 'd' && t.wanted[0].at == 4);
    CHECK_EQ_U(t.n_wanted, 3);
    /* the same value wanted at another known place is another entry */
    live.ints[3].a = 0x30;
    torc_freeze(&t, &live, 0);
    probe_slot(&live, 3, TORC_PROBE, 'd', 1);
    torc_freeze(&t, &live, 30);
    CHECK(t.wanted[0].bytes[0] == 'd' && t.wanted[0].at == 30 && t.wanted[1].at == 4);
    CHECK_EQ_U(t.n_wanted, 4);
    /* a memory compare of the tail from its second byte */
    live.mems[7] = (struct torc_mem){.len_a = 3, .len_b = 4};
    memcpy(live.mems[7].a, "\xa6\xa7\xa8", 3);
    memcpy(live.mems[7].b, "KEY!", 4);
    torc_freeze(&t, &live, 40);
    CHECK(t.wanted[0].len == 4 && t.wanted[0].at == 41);
}

/* ExtendCmp with places: the value wanted where this input's tail starts
 * is picked first (over a newer one wanted elsewhere); the mutant's tail's
 * place goes in the trace. */
static void test_extend_cmp_at(void)
{
    size_t ec = find_mutation("ExtendCmp");
    static struct torc live, t;
    memset(&live, 0, sizeof live);
    memset(&t, 0, sizeof t);
    probe_slot(&live, 9, TORC_PROBE, 'd', 1);
    torc_freeze(&t, &live, 4);  /* 'd' wanted at offset 3 */
    probe_slot(&live, 10, TORC_PROBE, 'q', 1);
    torc_freeze(&t, &live, 30); /* 'q' at offset 29, the newest */
    struct mutate_trace tr;
    struct mutate_src src = {.torc = &t, .trace = &tr};
    rng_t r = {11};
    uint8_t d[64];
    int here = 0, where = 0, newest = 0;
    for (int i = 0; i < 400; i++) {
        memcpy(d, "abc", 3);
        for (size_t k = 0; k < TORC_PROBE_LEN; k++)
            d[3 + k] = (uint8_t)(TORC_PROBE + k);
        tr.tail_at = 0;
        size_t m = mutator_apply(ec, &r, d, 3 + TORC_PROBE_LEN, sizeof d, &src);
        int ok = m == 4 + TORC_PROBE_LEN && memcmp(d, "abcd", 4) == 0 && d[4] == TORC_PROBE;
        here += ok;
        where += ok && tr.tail_at == 5;
        newest += m == 4 + TORC_PROBE_LEN && memcmp(d, "abcq", 4) == 0;
    }
    /* 'd': 3/4 (the whole tail stripped) x (3/4 + 1/4 x 1/4) = 0.61;
     * 'q' without the place: 3/4 x 1/4 x 3/4 = 0.14 */
    CHECK(here > 200);
    CHECK(newest > 20 && newest < here / 2);
    CHECK_EQ_U(where, here);
}

static void test_extend_cmp(void)
{
    size_t ec = find_mutation("ExtendCmp");
    CHECK(ec != NONE);
    static struct torc live, t;
    memset(&live, 0, sizeof live);
    memset(&t, 0, sizeof t);
    struct mutate_src src = {.torc = &t};
    uint8_t d[64] = "abc";
    rng_t r = {3};
    /* nothing learnt yet: a bare probe tail */
    size_t n = mutator_apply(ec, &r, d, 3, sizeof d, &src);
    CHECK_EQ_U(n, 3 + TORC_PROBE_LEN);
    CHECK(memcmp(d, "abc", 3) == 0 && d[3] == TORC_PROBE && d[3 + TORC_PROBE_LEN - 1] == TORC_PROBE + TORC_PROBE_LEN - 1);
    /* the target compared the tail's first byte with 'd': the tail is
     * replaced by 'd' and a fresh tail (or, one time in four, 'd' follows
     * the tail's first byte) */
    probe_slot(&live, 9, TORC_PROBE, 'd', 1);
    torc_freeze(&t, &live, 0);
    int extended = 0, kept = 0, other = 0;
    for (int i = 0; i < 400; i++) {
        memcpy(d, "abc", 3);
        for (size_t k = 0; k < TORC_PROBE_LEN; k++)
            d[3 + k] = (uint8_t)(TORC_PROBE + k);
        size_t m = mutator_apply(ec, &r, d, 3 + TORC_PROBE_LEN, sizeof d, &src);
        if (m == 4 + TORC_PROBE_LEN && memcmp(d, "abcd", 4) == 0 && d[4] == TORC_PROBE)
            extended++;
        else if (m == 5 + TORC_PROBE_LEN && memcmp(d, "abc\xa5" "d", 5) == 0)
            kept++;
        else
            other++;
    }
    CHECK_EQ_U(other, 0);
    CHECK(extended > 250 && kept > 50);
    /* input-to-state wrote 'd' over the tail's first two bytes: the rest
     * of the tail (a7 .. ac) is stripped, and a wanted value appended */
    memcpy(d, "abcd", 4);
    for (size_t k = 2; k < TORC_PROBE_LEN; k++)
        d[2 + k] = (uint8_t)(TORC_PROBE + k);
    int ends = 0;
    for (int i = 0; i < 200; i++) {
        uint8_t e[64];
        memcpy(e, d, 4 + TORC_PROBE_LEN - 2);
        size_t m = mutator_apply(ec, &r, e, 4 + TORC_PROBE_LEN - 2, sizeof e, &src);
        ends += m == 5 + TORC_PROBE_LEN && memcmp(e, "abcdd", 5) == 0 && e[5] == TORC_PROBE;
    }
    CHECK(ends > 100);
    /* never past max_len */
    memcpy(d, "abc", 3);
    n = mutator_apply(ec, &r, d, 3, 6, &src);
    CHECK(n == NONE || n <= 6);
}

int main(void)
{
    RUN(test_table);
    RUN(test_determinism);
    RUN(test_replay);
    RUN(test_seeds_differ);
    RUN(test_bounds);
    RUN(test_empty_and_zero);
    RUN(test_always_changes);
    RUN(test_cross_over);
    RUN(test_all_apply);
    RUN(test_length_changes);
    RUN(test_ascii_int);
    RUN(test_tie_bytes);
    RUN(test_large_input);
    RUN(test_cmp_feedback);
    RUN(test_torc_pick_uniform);
    RUN(test_probe_width);
    RUN(test_bytes_equal);
    RUN(test_freeze_learns_wanted);
    RUN(test_freeze_learns_where);
    RUN(test_extend_cmp_at);
    RUN(test_extend_cmp);
    RUN(test_stale_bytes_ignored);
    return CHECK_DONE("mutator");
}

/*
 * torc.h - the table of recent compares (libFuzzer's TORC idea): operand
 * pairs the target compared, recorded by the runtime's comparison hooks and
 * drawn on by the mutator.
 *
 * The table is plain data of fixed size, so a worker can freeze a copy of it
 * into shared memory.  Mutations read only that frozen copy, never the live
 * table: the coordinator can then replay a mutation after the worker died,
 * from the frozen copy it finds in shared memory (see shm.h).  Every field is
 * untrusted when read back: lengths are clamped by the reader.
 */
#ifndef FERRET_TORC_H
#define FERRET_TORC_H

#include <stddef.h>
#include <stdint.h>

#define TORC_INT_BITS 8
#define TORC_INT_SLOTS (1 << TORC_INT_BITS)
#define TORC_MEM_SLOTS 64  /* a power of two */
#define TORC_MEM_MAX 32    /* bytes kept of each operand of a memory compare */

struct torc_int {
    uint64_t a, b;    /* the operands, a as the program's left-hand side */
    uint8_t size;     /* 1, 2, 4 or 8 bytes; 0 = empty slot */
    uint8_t pad[7];
};

#define TORC_NONE 0xffff /* int_at, mem_at: no k-th used slot */

/* The probe tail (the ExtendCmp mutation, mutator.c): TORC_PROBE_LEN bytes
 * TORC_PROBE, TORC_PROBE + 1, ... appended to an input.  A compare that
 * read it has an operand made of consecutive bytes of it in order
 * (little-endian) or reversed (big-endian), torc_probe_width; its other
 * operand is what the target wanted to read where the input ended, in
 * that byte order.  Usually the read starts at the tail's first byte; it
 * starts later when input-to-state wrote the wanted value over the tail's
 * first bytes, and then what is left of the tail is where the input ends. */
#define TORC_PROBE 0xa5
#define TORC_PROBE_LEN 8
#define TORC_WANTED 16 /* wanted values remembered, newest first */

struct torc_mem {
    uint8_t len_a;    /* bytes valid in a (<= TORC_MEM_MAX) */
    uint8_t len_b;    /* bytes valid in b; both 0 = empty slot; len_a 0 = b was
                         searched for (strstr, memmem): a word to insert */
    uint8_t pad[6];
    uint8_t a[TORC_MEM_MAX];
    uint8_t b[TORC_MEM_MAX];
};

/* A value the target compared a probe tail with: what it wanted there. */
struct torc_wanted {
    uint8_t len;      /* bytes valid (1..TORC_MEM_MAX) */
    uint8_t pad[3];
    uint32_t at;      /* 1 + the offset in the input where it was wanted, when
                         the run that showed it is known (an ExtendCmp
                         mutant's, whose tail's place is known); 0: unknown.
                         ExtendCmp picks the value wanted where its input's
                         tail is (torc_pick_wanted) */
    uint8_t bytes[TORC_MEM_MAX]; /* in the order the input holds them */
};

struct torc {
    uint32_t n_ints, n_mems;  /* used slots, counted when the table is frozen (a
                                 hint: 0 lets a mutation give up at once); the
                                 live table leaves them 0 */
    uint16_t int_at[TORC_INT_SLOTS]; /* the k-th used slot, k < n_ints, then */
    uint16_t mem_at[TORC_MEM_SLOTS]; /* TORC_NONE; set with the counts */
    uint32_t n_wanted;               /* values in wanted[] */
    struct torc_wanted wanted[TORC_WANTED]; /* what compares of a probe tail
                                        wanted, newest first (torc_learn_wanted) */
    struct torc_int ints[TORC_INT_SLOTS];
    struct torc_mem mems[TORC_MEM_SLOTS];
};

/* A used slot chosen uniformly (every compare seen is as likely as any
 * other, however the hash spread them), or NULL when there is none.  Needs
 * n_ints / n_mems and int_at / mem_at as torc_count() sets them.  A pure function of the table
 * and the generator, so a mutation replays exactly.  Engine only (torc.c). */
struct rng;
const struct torc_int *torc_pick_int(struct rng *r, const struct torc *t);
const struct torc_mem *torc_pick_mem(struct rng *r, const struct torc *t);
/* Sets n_ints and n_mems to the used slots' counts, and int_at, mem_at. */
void torc_count(struct torc *t);

/* How many bytes of the probe tail an integer operand v of a size-byte
 * compare holds: w when its low w bytes are w consecutive bytes of the
 * tail in order (*big = 0) or reversed (*big = 1) and the rest zero- or
 * sign-extends them (a byte or a 16-bit field compared as an int), the
 * widest such w; else 0. */
unsigned torc_probe_width(uint64_t v, unsigned size, int *big);

/* Freezes the live table into t (the copy mutations read): copies its
 * slots, sets the counts (torc_count), and adds what each slot with a
 * probe operand that changed since the last freeze wanted to the front of
 * t->wanted (moved there if it is in it already; the oldest fall off).
 * A compare slot is overwritten by the next compare of the same site and
 * value; wanted[] keeps what a probe found until newer finds push it out,
 * so it stays in t from one freeze to the next.  tail_at: 1 + the offset
 * of the probe tail in the input of the run just made, when the caller
 * knows it (the run was an ExtendCmp mutant's); then each value learnt
 * gets where it was wanted (struct torc_wanted's at), else 0. */
void torc_freeze(struct torc *t, const struct torc *live, size_t tail_at);

/* A remembered wanted value: three times in four the newest one wanted
 * at here (1 + the offset where the caller's input would take it; 0:
 * none), if one is; else the newest one time in two, else any.  Its bytes
 * into w[TORC_MEM_MAX]; returns their count, or 0 when there is none.
 * *at: where it was wanted (struct torc_wanted), 0 if unknown. */
size_t torc_pick_wanted(struct rng *r, const struct torc *t, size_t here, uint8_t *w, size_t *at);

#endif

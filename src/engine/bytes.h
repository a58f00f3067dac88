/*
 * bytes.h - byte-range equality for code that must not call memcmp.
 *
 * ferret's runtime defines memcmp, bcmp and the str* compares itself
 * (cmptrace.c) so that a target's compares reach the compare table: a call
 * from ferret's own code would trace ferret's compare as if the target had
 * made it, and would make the runtime's hooks a dependency of whatever
 * calls them (a cycle in tools/layers.sh for a core file).  bytes_equal is
 * the plain compare those callers use instead: the compare table's freeze
 * (torc.c, every slot against the last copy's) and the check that a target
 * did not write to its input (target.c).  Eight bytes at a time, through
 * __builtin_memcpy (an unaligned load, never a call).
 *
 * Owns: nothing (pure functions over what the caller passes).
 */
#ifndef FERRET_BYTES_H
#define FERRET_BYTES_H

#include <stddef.h>
#include <stdint.h>

/* 1 when the n bytes at a and at b are the same, 0 otherwise. */
static inline int bytes_equal(const void *a, const void *b, size_t n)
{
    const uint8_t *p = a, *q = b;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x, y;
        __builtin_memcpy(&x, p + i, 8);
        __builtin_memcpy(&y, q + i, 8);
        if (x != y)
            return 0;
    }
    for (; i < n; i++)
        if (p[i] != q[i])
            return 0;
    return 1;
}

#endif

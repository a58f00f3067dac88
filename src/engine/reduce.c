/*
 * reduce.c - keep lists for replacing an entry by a shorter mutant
 * (reduce.h).
 *
 * Invariants:
 *  - a prepared keep list points only into the regions it was given, at
 *    counters that exist (an id past them empties the list), and holds one
 *    slot per counter, with the OR of that counter's kept bits;
 *  - an empty list (n == 0) means "do not reduce": a base that owns no
 *    feature, or more than REDUCE_KEEP_MAX counters' worth, is never
 *    replaced, since any shorter mutant would "keep" an empty set.
 *
 * Owns: nothing (pure functions over what the caller passes).
 */
#include "reduce.h"

#include <string.h>

/* Region and offset of global counter c; 0 when past the regions. */
static int locate(const struct sancov_region *r, size_t nr, size_t c, const uint8_t **live,
                  uint8_t *raw)
{
    for (size_t i = 0; i < nr; i++) {
        if (c < r[i].len) {
            *live = r[i].start + c;
            *raw = (uint8_t)(r[i].raw != 0);
            return 1;
        }
        c -= r[i].len;
    }
    return 0;
}

size_t reduce_prepare(struct reduce_keep *k, const uint32_t *ids, size_t n,
                      const struct sancov_region *r, size_t nr)
{
    memset(k, 0, sizeof *k);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = ids[i] / 8;
        uint8_t bit = (uint8_t)(1u << (ids[i] % 8));
        if (m > 0 && k->at[m - 1] == c) { /* sorted: same counter, next bit */
            k->bits[m - 1] |= bit;
            continue;
        }
        if (m == REDUCE_KEEP_MAX || !locate(r, nr, c, &k->live[m], &k->raw[m])) {
            memset(k, 0, sizeof *k);
            return 0;
        }
        k->at[m] = c;
        k->bits[m] = bit;
        m++;
    }
    k->n = m;
    return m;
}

int reduce_kept_cov(const struct reduce_keep *k, const uint8_t *cov, size_t ncounters)
{
    for (size_t i = 0; i < k->n; i++)
        if (k->at[i] >= ncounters || (cov[k->at[i]] & k->bits[i]) != k->bits[i])
            return 0;
    return 1;
}

int reduce_has_features(const uint32_t *ids, size_t n, const uint8_t *cov, size_t ncounters)
{
    for (size_t i = 0; i < n; i++)
        if (ids[i] / 8 >= ncounters || !(cov[ids[i] / 8] >> (ids[i] % 8) & 1))
            return 0;
    return 1;
}

void reduce_skip_map(uint8_t *skip, const uint8_t *mask, size_t at, size_t len,
                     const struct reduce_keep *k)
{
    memcpy(skip, mask + at, len);
    for (size_t i = 0; i < k->n; i++)
        if (k->at[i] >= at && k->at[i] - at < len)
            skip[k->at[i] - at] &= (uint8_t)~k->bits[i];
}

/* A tiny record parser with a planted bug, the "project" of the
 * ClusterFuzzLite / OSS-Fuzz recipe (see README.md, "ferret in OSS-Fuzz and
 * ClusterFuzzLite").  A record is a tag byte, a length byte and that many
 * bytes; tag 'K' copies its payload into a fixed 8-byte key, without
 * checking the length. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "parser.h"

int parse_records(const uint8_t *d, size_t n, struct parsed *out)
{
    memset(out, 0, sizeof *out);
    while (n >= 2) {
        uint8_t tag = d[0], len = d[1];
        if ((size_t)len + 2 > n)
            return -1;
        if (tag == 'K')
            memcpy(out->key, d + 2, len); /* the bug: len may exceed 8 */
        else if (tag == 'V' && len >= 4)
            out->version = (uint32_t)d[2] << 24 | (uint32_t)d[3] << 16 | (uint32_t)d[4] << 8 | d[5];
        out->records++;
        d += 2 + len;
        n -= 2 + (size_t)len;
    }
    return out->version == 0x46455252 ? 1 : 0; /* "FERR" */
}

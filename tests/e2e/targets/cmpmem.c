/* A memcmp magic: an 8-byte key the target compares with memcmp. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static const char key[] = "K3y!m4g1";
    volatile size_t keylen = 8; /* not a constant: memcmp stays a call */
    if (n >= 8 && memcmp(d, key, keylen) == 0)
        abort();
    return 0;
}

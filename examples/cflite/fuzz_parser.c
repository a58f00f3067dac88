/* The fuzz target, as any libFuzzer harness: nothing in it is ferret's. */
#include <stddef.h>
#include <stdint.h>

#include "parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct parsed p;
    (void)parse_records(data, size, &p);
    return 0;
}

/* The library's fuzz target, built as OSS-Fuzz's build.sh does:
 *   $CC $CFLAGS fuzz_parse.c libparse.a $LIB_FUZZING_ENGINE */
#include <stddef.h>
#include <stdint.h>

#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    parse_record(data, size);
    return 0;
}

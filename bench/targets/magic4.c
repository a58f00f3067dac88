/* magic4 (easy): a 4-byte magic "FRT!" checked one byte at a time.  Each
 * byte is its own branch, so coverage alone rewards every correct prefix:
 * about 4 x 256 x (input length) tries without comparison feedback. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    if (data[0] == 'F') {
        sink = 1;
        if (data[1] == 'R') {
            sink = 2;
            if (data[2] == 'T') {
                sink = 3;
                if (data[3] == '!')
                    __builtin_trap();
            }
        }
    }
    return 0;
}

/* tlv (medium-hard): a length-prefixed record parser.  Input is a sequence
 * of records [type:1][len:1][payload:len].  The bug needs three well-formed
 * records of types 1, 2, 3 in that order, the second one with a payload of
 * exactly 4 bytes, the last one ending exactly at the end of the input.
 * Every structural step (record parsed, type seen in order, length right)
 * is its own branch, so coverage guides the search. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t pos = 0;
    int expect = 1;
    while (pos + 2 <= size) {
        uint8_t type = data[pos];
        uint8_t len = data[pos + 1];
        if (pos + 2 + len > size)
            return 0; /* truncated record */
        const uint8_t *payload = data + pos + 2;
        pos += 2 + (size_t)len;
        switch (type) {
        case 1:
            if (expect == 1) {
                sink = 1;
                expect = 2;
            }
            break;
        case 2:
            if (expect == 2) {
                sink = 2;
                if (len == 4) {
                    sink = 3;
                    expect = 3;
                }
            }
            break;
        case 3:
            if (expect == 3) {
                sink = 4;
                if (len >= 1 && payload[0] != 0) {
                    sink = 5;
                    if (pos == size)
                        __builtin_trap();
                }
            }
            break;
        default:
            expect = 1;
            break;
        }
    }
    return 0;
}

/* An arithmetic mix of input bytes: three bytes in base 251, compared with
 * a constant that no byte, word or text of the input holds. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n < 3)
        return 0;
    uint32_t v = d[0] + 251u * d[1] + 251u * 251u * d[2];
    if (v == 9876543u) /* digits 195, 192, 156 in base 251 */
        abort();
    return 0;
}

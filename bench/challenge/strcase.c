/* strcase: an HTTP-style header "Name: value" matched with strcasecmp.
 *
 * Pattern: case-insensitive keywords.  The input (at most 63 bytes) is made
 * a C string and split at the first ':'; spaces after the colon are
 * skipped.  The name must equal "Transfer-Encoding" and the value
 * "x-ferret-chunked", both ignoring case (strcasecmp).  An engine that
 * copies the other operand verbatim solves it; one that only looks for the
 * operand in the input must cope with the input's case differing.
 * Solution: "Transfer-Encoding: x-ferret-chunked" (any case). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char buf[64];
    if (size == 0 || size >= sizeof buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = 0;
    char *colon = strchr(buf, ':');
    if (!colon)
        return 0;
    *colon = 0;
    const char *value = colon + 1;
    while (*value == ' ')
        value++;
    if (strcasecmp(buf, "Transfer-Encoding") != 0)
        return 0;
    sink = 1;
    if (strcasecmp(value, "x-ferret-chunked") == 0)
        __builtin_trap();
    return 0;
}

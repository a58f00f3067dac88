/* str_tokens: a request line "VERB PATH", tokens checked with strcmp and
 * strncmp.
 *
 * Pattern: text commands.  The input (at most 63 bytes) is made a C string,
 * split at the first space; the verb must equal "FETCH" (strcmp: exact,
 * including the end of the token), the path must start with "/etc/ferret/"
 * (strncmp) and the rest must be exactly "shadow" (strcmp).  Each library
 * call is one branch, so coverage alone gives no credit for a partly right
 * token.
 * Solution: "FETCH /etc/ferret/shadow" (no trailing newline or NUL). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char buf[64];
    if (size == 0 || size >= sizeof buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = 0;
    char *sp = strchr(buf, ' ');
    if (!sp)
        return 0;
    *sp = 0;
    const char *path = sp + 1;
    if (strcmp(buf, "FETCH") != 0)
        return 0;
    sink = 1;
    if (strncmp(path, "/etc/ferret/", 12) != 0)
        return 0;
    sink = 2;
    if (strcmp(path + 12, "shadow") == 0)
        __builtin_trap();
    return 0;
}

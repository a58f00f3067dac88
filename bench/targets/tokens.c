/* A small tokenizer with many branches (keys, numbers, strings, brackets),
 * for the corpus merge benchmark: a random corpus covers it unevenly. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

static size_t number(const uint8_t *d, size_t n, size_t i)
{
    int digits = 0;
    while (i < n && d[i] >= '0' && d[i] <= '9') {
        digits++;
        i++;
    }
    sink = digits > 8 ? 3 : digits > 3 ? 2 : 1;
    return i;
}

static size_t string(const uint8_t *d, size_t n, size_t i)
{
    for (i++; i < n && d[i] != '"'; i++)
        if (d[i] == '\\' && i + 1 < n)
            sink = d[++i] == 'n' ? 4 : d[i] == 't' ? 5 : d[i] == 'u' ? 6 : 7;
    return i + 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    int depth = 0;
    for (size_t i = 0; i < n;) {
        uint8_t c = d[i];
        if (c >= '0' && c <= '9') {
            i = number(d, n, i);
        } else if (c == '"') {
            i = string(d, n, i);
        } else if (c == '[' || c == '{') {
            depth++;
            sink = depth > 4 ? 8 : depth;
            i++;
        } else if (c == ']' || c == '}') {
            depth--;
            sink = depth < 0 ? 9 : 10;
            i++;
        } else if (c == ':' || c == ',' || c == '=') {
            sink = c;
            i++;
        } else if ((c | 32) >= 'a' && (c | 32) <= 'z') {
            sink = c & 0x1f;
            i++;
        } else {
            sink = 11;
            i++;
        }
    }
    return 0;
}

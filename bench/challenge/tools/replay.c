/* replay FILE: runs a challenge target (linked in, no fuzzer, no coverage)
 * once on FILE's contents, for bench/challenge.sh, which checks that a
 * fuzzer's crasher really reaches the target's __builtin_trap (SIGILL). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    static uint8_t buf[1 << 20];
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
    if (!f) {
        perror(argc > 1 ? argv[1] : "usage: replay FILE");
        return 2;
    }
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    uint8_t *copy = malloc(n ? n : 1); /* a buffer of the input's exact size */
    if (!copy)
        return 2;
    memcpy(copy, buf, n);
    LLVMFuzzerTestOneInput(copy, n);
    free(copy);
    return 0;
}

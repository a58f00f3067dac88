/* switch32: four switch statements in sequence, each on a 32-bit word.
 *
 * Pattern: opcode dispatch on 32-bit tags (e.g. chunk types).  The input's
 * first 16 bytes are four little-endian words; each word goes through its
 * own switch of five sparse 32-bit cases, of which one continues to the
 * next switch and the others return.  Each switch is lowered to a compare
 * tree (SanitizerCoverage reports it through __sanitizer_cov_trace_switch),
 * so coverage only moves when a whole 32-bit case value is hit.
 * Solution: the words 0x4B4E5543 0x00C0FFEE 0x7FFFFFFE 0xDEADBEEF, each
 * little endian ("CUNK" ee ff c0 00 fe ff ff 7f ef be ad de). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 16)
        return 0;
    uint32_t w[4];
    memcpy(w, data, sizeof w);

    switch (w[0]) {
    case 0x52444849u: sink = 11; return 0;
    case 0x4B4E5543u: sink = 12; break;
    case 0x54414449u: sink = 13; return 0;
    case 0x444E4549u: sink = 14; return 0;
    case 0x00000001u: sink = 15; return 0;
    default: return 0;
    }
    switch (w[1]) {
    case 0x00010000u: sink = 21; return 0;
    case 0x00C0FFEEu: sink = 22; break;
    case 0x01000000u: sink = 23; return 0;
    case 0x80000000u: sink = 24; return 0;
    case 0x00BADBADu: sink = 25; return 0;
    default: return 0;
    }
    switch (w[2]) {
    case 0x7FFFFFFEu: sink = 31; break;
    case 0x7FFFFFFFu: sink = 32; return 0;
    case 0x10203040u: sink = 33; return 0;
    case 0x0000FFFFu: sink = 34; return 0;
    case 0xFFFF0000u: sink = 35; return 0;
    default: return 0;
    }
    switch (w[3]) {
    case 0xCAFEBABEu: sink = 41; return 0;
    case 0xFEEDFACEu: sink = 42; return 0;
    case 0xDEADBEEFu: sink = 43; __builtin_trap();
    case 0x8BADF00Du: sink = 44; return 0;
    case 0x0D15EA5Eu: sink = 45; return 0;
    default: return 0;
    }
    return 0;
}

/* state16: a 16-step state machine, one byte compared per step inside a
 * switch, behind a noisy lexer.
 *
 * Pattern: a deep state machine.  The input is read from offset 0; the
 * machine's step selects a switch case, and each case compares the byte
 * with its own constant; the first wrong byte ends the run, so the 16
 * steps are the first 16 bytes, in order.  Before the switch, every byte
 * goes through a small lexer that compares it with a dozen character
 * classes (space, digits, quotes, brackets...), as a real parser does:
 * those compares fill a compare table with operands that do not matter,
 * next to the one that does.  Coverage rewards each step (each case is its
 * own block), so this measures how reliably an engine keeps extending its
 * deepest input: no run should be much slower than the median.
 * Solution: the 16 bytes 7e 13 c4 2a 91 58 e7 0b 3d a6 f2 64 19 8c d5 40
 * at offset 0. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

/* A lexer's character classes: results unused but computed, as a real
 * tokenizer would. */
static int char_class(uint8_t c)
{
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        return 1;
    if (c >= '0' && c <= '9')
        return 2;
    if (c == '"' || c == '\'')
        return 3;
    if (c == '[' || c == ']' || c == '{' || c == '}')
        return 4;
    if (c == ',' || c == ':')
        return 5;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int step = 0, classes = 0;
    for (size_t i = 0; i < size; i++) {
        uint8_t c = data[i];
        int ok = 0;
        classes += char_class(c);
        switch (step) {
        case 0: ok = c == 0x7e; break;
        case 1: ok = c == 0x13; break;
        case 2: ok = c == 0xc4; break;
        case 3: ok = c == 0x2a; break;
        case 4: ok = c == 0x91; break;
        case 5: ok = c == 0x58; break;
        case 6: ok = c == 0xe7; break;
        case 7: ok = c == 0x0b; break;
        case 8: ok = c == 0x3d; break;
        case 9: ok = c == 0xa6; break;
        case 10: ok = c == 0xf2; break;
        case 11: ok = c == 0x64; break;
        case 12: ok = c == 0x19; break;
        case 13: ok = c == 0x8c; break;
        case 14: ok = c == 0xd5; break;
        case 15:
            if (c == 0x40)
                __builtin_trap();
            break;
        }
        if (!ok)
            break;
        step++;
    }
    sink = classes;
    return 0;
}

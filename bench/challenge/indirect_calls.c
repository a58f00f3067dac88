/* indirect_calls: a table of function pointers filled step by step.
 *
 * Pattern: progress seen only through indirect calls.  The input is read
 * byte by byte; each byte c calls table[c] if it is set and stops
 * otherwise.  At the start only table['F'] is set, to f0; f0 sets
 * table['u'] = f1, f1 sets table['z'] = f2, and so on through 12
 * functions; the last one crashes.  There is no compare of an input byte
 * with a constant anywhere (the table lookup is a load and a NULL test),
 * so no compare hook helps; each function is a new callee of the same
 * indirect call site (libFuzzer's caller/callee features), and a new
 * function covered.
 * Solution: "Fuzz!ngDepth" at offset 0. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef void (*step_fn)(void);
static step_fn table[256];

static void f11(void) { __builtin_trap(); }
static void f10(void) { table['h'] = f11; }
static void f9(void) { table['t'] = f10; }
static void f8(void) { table['p'] = f9; }
static void f7(void) { table['e'] = f8; }
static void f6(void) { table['D'] = f7; }
static void f5(void) { table['g'] = f6; }
static void f4(void) { table['n'] = f5; }
static void f3(void) { table['!'] = f4; }
static void f2(void) { table['z'] = f3; }
static void f1(void) { table['z'] = f2; }
static void f0(void) { table['u'] = f1; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    memset(table, 0, sizeof table);
    table['F'] = f0;
    for (size_t i = 0; i < size; i++) {
        step_fn f = table[data[i]];
        if (!f)
            break;
        table[data[i]] = NULL; /* each entry is used once */
        f();
    }
    return 0;
}

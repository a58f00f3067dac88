/*
 * symbolize.h - program counters to source locations, by llvm-symbolizer
 * run as a child process (for -coverage_report, covreport.h).
 *
 * Every PC of a batch goes to one run of the symbolizer: each is turned
 * into its module's path and the module-relative address (PIE binaries and
 * shared libraries load anywhere), written to a temporary file that is the
 * child's stdin, and the answers are read back from a pipe until EOF, so
 * neither side can block the other however many PCs there are.
 */
#ifndef FERRET_SYMBOLIZE_H
#define FERRET_SYMBOLIZE_H

#include <stddef.h>
#include <stdint.h>

/* Where a PC is: the innermost frame's file and line (the source line the
 * code came from, inlined or not), the outermost frame's function, file
 * and line (the function that holds the code).  Unknown: NULL, 0. */
struct sym_loc {
    char *file;
    unsigned line;
    char *func;
    char *func_file;
    unsigned func_line;
};

/* The symbolizer to run, into path: $FERRET_SYMBOLIZER if set, else the
 * first llvm-symbolizer, llvm-symbolizer-20 .. -11 found in PATH.
 * 0, or -1 if none is there. */
int symbolize_find(char *path, size_t len);

/* Symbolizes pcs[0..n) into out[0..n) (strings malloc'd: sym_loc_free).
 * 0, or -1 with one line (no newline) in err. */
int symbolize_pcs(const char *symbolizer, const uintptr_t *pcs, size_t n, struct sym_loc *out,
                  char *err, size_t errlen);
void sym_loc_free(struct sym_loc *v, size_t n);

#endif

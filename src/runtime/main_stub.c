/*
 * main_stub.c - the `main` of every fuzz binary, alone in an archive member
 * of libferret.a.
 *
 * The linker takes an archive member only for a symbol still undefined, so
 * a program with a main of its own (one that calls LLVMFuzzerRunDriver, or
 * a configure test program) links with libferret.a without this member and
 * without a "multiple definition of main"; a harness that defines only
 * LLVMFuzzerTestOneInput gets this main, which pulls in the rest of ferret
 * through ferret_main (main.c).  libFuzzer splits its archive the same way.
 *
 * Owns: nothing.
 */
#include "frame.h"
#include "runtime.h"

/* main.c's, under its stack-trace name (the same label as there). */
int ferret_main(int argc, char **argv) FERRET_FRAME(ferret_main);

FERRET_EXPORT int main(int argc, char **argv) { return ferret_main(argc, argv); }

/*
 * test_symbolize.c - symbolize.c against a stand-in llvm-symbolizer (a
 * shell script, FERRET_SYMBOLIZER): what it is fed (each PC as its
 * module's file and the module-relative address, a PC outside every module
 * as an unknown line), how its answer is read (inlined frames: the
 * innermost gives the line, the outermost the function; "??" unknown; a
 * file name holding ':'), and a symbolizer that fails.
 */
#include "symbolize.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

static char dir[] = "/tmp/ferret-test-symbolize-XXXXXX";
static char script[256], fed[256];

static void write_script(const char *answer, int status)
{
    FILE *f = fopen(script, "w");
    fprintf(f, "#!/bin/sh\ncat > %s\nprintf '%s'\nexit %d\n", fed, answer, status);
    fclose(f);
    chmod(script, 0755);
}

static void test_find(void)
{
    char path[4096];
    setenv("FERRET_SYMBOLIZER", "/nonexistent/llvm-symbolizer", 1);
    CHECK(symbolize_find(path, sizeof path) != 0);
    setenv("FERRET_SYMBOLIZER", script, 1);
    CHECK(symbolize_find(path, sizeof path) == 0 && strcmp(path, script) == 0);
}

static void test_answer(void)
{
    static const char answer[] =
        "inner_fn\\n/src/a.h:10:3\\nouter_fn\\n/src/b.c:20:5\\n\\n"
        "??\\n??:0:0\\n\\n"
        "main\\n/x:y/c.c:7:0\\n\\n";
    uintptr_t pcs[3] = {(uintptr_t)&test_find, 1, (uintptr_t)&test_answer};
    struct sym_loc out[3];
    char err[256] = "", exe[4096], line[8192];
    write_script(answer, 0);
    CHECK(symbolize_pcs(script, pcs, 3, out, err, sizeof err) == 0);
    CHECK(out[0].file && strcmp(out[0].file, "/src/a.h") == 0);
    CHECK_EQ_U(out[0].line, 10);
    CHECK(out[0].func && strcmp(out[0].func, "outer_fn") == 0);
    CHECK(out[0].func_file && strcmp(out[0].func_file, "/src/b.c") == 0);
    CHECK_EQ_U(out[0].func_line, 20);
    CHECK(!out[1].file && !out[1].func && out[1].line == 0);
    CHECK(out[2].file && strcmp(out[2].file, "/x:y/c.c") == 0);
    CHECK_EQ_U(out[2].line, 7);
    CHECK(out[2].func && strcmp(out[2].func, "main") == 0);
    sym_loc_free(out, 3);

    /* what it was fed: "<this binary>" 0x<offset>, one line per PC */
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[k > 0 ? k : 0] = 0;
    FILE *f = fopen(fed, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    unsigned long off[2];
    char want[4200];
    snprintf(want, sizeof want, "\"%s\" 0x%%lx\n", exe);
    CHECK(fgets(line, sizeof line, f) && sscanf(line, want, &off[0]) == 1);
    CHECK(fgets(line, sizeof line, f) && strcmp(line, "\"/\" 0x0\n") == 0);
    CHECK(fgets(line, sizeof line, f) && sscanf(line, want, &off[1]) == 1);
    CHECK(!fgets(line, sizeof line, f));
    fclose(f);
    /* module-relative: the two offsets differ as the PCs do, and are not the PCs */
    CHECK(off[1] - off[0] == (unsigned long)((uintptr_t)&test_answer - (uintptr_t)&test_find));
    CHECK(off[0] != (unsigned long)(uintptr_t)&test_find); /* a PIE test binary */
}

static void test_failure(void)
{
    uintptr_t pc = (uintptr_t)&test_failure;
    struct sym_loc out[1];
    char err[256] = "";
    write_script("", 3);
    CHECK(symbolize_pcs(script, &pc, 1, out, err, sizeof err) != 0);
    CHECK(strstr(err, "exit status 3") != NULL);
    CHECK(symbolize_pcs("/nonexistent/llvm-symbolizer", &pc, 1, out, err, sizeof err) != 0);
    CHECK(strstr(err, "could not be run") != NULL);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    snprintf(script, sizeof script, "%s/llvm-symbolizer", dir);
    snprintf(fed, sizeof fed, "%s/fed", dir);
    write_script("", 0);
    RUN(test_find);
    RUN(test_answer);
    RUN(test_failure);
    unlink(script);
    unlink(fed);
    rmdir(dir);
    return CHECK_DONE("symbolize");
}

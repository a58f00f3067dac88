/* test_finding.c - stack signatures (the same bug gives the same one, a
 * different bug another; ferret's and the sanitizers' frames never count)
 * and the shell quoting of re-run commands. */
#include <string.h>

#include "check.h"
#include "finding.h"

static const char asan_a[] =
    "INFO: noise the target printed\n"
    "=================================================================\n"
    "==12==ERROR: AddressSanitizer: stack-buffer-overflow on address 0x7ff WRITE of size 1\n"
    "    #0 0x55d1 in __asan_memcpy /src/asan.cpp:22\n"
    "    #1 0x55d2 in parse_header /src/p.c:12:3\n"
    "    #2 0x55d3 in parse /src/p.c:40:5\n"
    "    #3 0x55d4 in LLVMFuzzerTestOneInput /src/p.c:60:1\n"
    "    #4 0x55d5 in target_run /ferret/target.c:9\n"
    "    #5 0x55d6 in run_one /ferret/target.c:4\n"
    "\n"
    "SUMMARY: AddressSanitizer: stack-buffer-overflow /src/p.c:12:3 in parse_header\n";

/* The same bug reached from a smaller input: other addresses, pids, lines. */
static const char asan_a2[] =
    "=================================================================\n"
    "==99==ERROR: AddressSanitizer: stack-buffer-overflow on address 0x1 WRITE of size 4\n"
    "    #0 0x11 in __asan_memcpy /src/asan.cpp:22\n"
    "    #1 0x12 in parse_header /src/p.c:14:9\n"
    "    #2 0x13 in parse /src/p.c:41:5\n"
    "    #3 0x14 in LLVMFuzzerTestOneInput /src/p.c:60:1\n"
    "SUMMARY: AddressSanitizer: stack-buffer-overflow /src/p.c:14:9 in parse_header\n";

/* Another bug: a SEGV elsewhere. */
static const char asan_b[] =
    "==7==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000000\n"
    "    #0 0x21 in read_body /src/p.c:80:7\n"
    "    #1 0x22 in parse /src/p.c:44:5\n"
    "    #2 0x23 in LLVMFuzzerTestOneInput /src/p.c:60:1\n"
    "SUMMARY: AddressSanitizer: SEGV /src/p.c:80:7 in read_body\n";

/* Only engine frames below the bug: the engine never shows. */
static const char shallow[] =
    "==7==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000000\n"
    "    #0 0x21 in LLVMFuzzerTestOneInput /src/p.c:3:7\n"
    "    #1 0x22 in run_one /ferret/target.c:4\n"
    "    #2 0x23 in target_run_checked /ferret/target.c:9\n"
    "    #2 0x23 in target_run /ferret/target.c:12\n"
    "    #3 0x24 in worker_fuzz /ferret/worker.c:9\n"
    "    #4 0x25 in main /ferret/main.c:9\n";

/* The same abort() reached from a typed minimization try: the engine's
 * frames below the target include helpers without ferret's frame names. */
static const char typed_fuzz[] =
    "==1== ERROR: ferret: deadly signal SIGABRT\n"
    "    #0 0x1 in fuzzer::ferret::on_fatal_signal /f/target.c:218:5\n"
    "    #1 0x2 in abort stdlib/abort.c:79:7\n"
    "    #2 0x3 in fuzz_boom /t/typed.c:48:9\n"
    "    #3 0x4 in fuzzer::ferret::registry_run /f/registry.c:417:13\n"
    "    #4 0x5 in fuzzer::ferret::worker_fuzz /f/worker.c:200:5\n"
    "    #5 0x6 in fuzzer::ferret::ferret_main /f/main.c:98:14\n";
static const char typed_min[] =
    "==2== ERROR: ferret: deadly signal SIGABRT\n"
    "    #0 0x1 in fuzzer::ferret::on_fatal_signal /f/target.c:218:5\n"
    "    #1 0x2 in abort stdlib/abort.c:79:7\n"
    "    #2 0x3 in fuzz_boom /t/typed.c:48:9\n"
    "    #3 0x4 in fuzzer::ferret::registry_run /f/registry.c:417:13\n"
    "    #4 0x5 in fuzzer::ferret::min_try /f/worker.c:324:5\n"
    "    #5 0x6 in typed_nested_try /f/typed_minimize.c:393:9\n"
    "    #6 0x7 in fuzzer::ferret::minimize /f/minimize.c:197:17\n"
    "    #7 0x8 in typed_min_var /f/typed_minimize.c:421:5\n";

static void sig_of(const char *log, enum finding_kind kind, char *out)
{
    finding_signature(log, strlen(log), kind, out, FINDING_SIG_MAX);
}

static void test_signatures(void)
{
    char a[FINDING_SIG_MAX], a2[FINDING_SIG_MAX], b[FINDING_SIG_MAX], s[FINDING_SIG_MAX];
    sig_of(asan_a, FINDING_CRASH, a);
    sig_of(asan_a2, FINDING_CRASH, a2);
    sig_of(asan_b, FINDING_CRASH, b);
    CHECK(strcmp(a, "crash parse_header parse LLVMFuzzerTestOneInput") == 0);
    CHECK(strcmp(a, a2) == 0);
    CHECK(strcmp(a, b) != 0);
    sig_of(asan_a, FINDING_OOM, s);
    CHECK(strcmp(a, s) != 0); /* another kind, another finding */
    sig_of(shallow, FINDING_CRASH, s);
    CHECK(strcmp(s, "crash LLVMFuzzerTestOneInput") == 0);
    CHECK(strstr(s, "run_one") == NULL && strstr(s, "worker_") == NULL);
    CHECK(strstr(s, "target_run") == NULL); /* target_run_checked (the fuzzing loop's) too */
    /* The target's frames end where the engine called it. */
    char tf[FINDING_SIG_MAX], tm[FINDING_SIG_MAX];
    sig_of(typed_fuzz, FINDING_CRASH, tf);
    sig_of(typed_min, FINDING_CRASH, tm);
    CHECK(strcmp(tf, "crash fuzz_boom") == 0);
    CHECK(strcmp(tf, tm) == 0);
    /* No report at all: the kind alone. */
    finding_signature("", 0, FINDING_HANG, s, sizeof s);
    CHECK(strcmp(s, "timeout") == 0);
    /* A tiny buffer: cut, still terminated. */
    char tiny[8];
    finding_signature(asan_a, strlen(asan_a), FINDING_CRASH, tiny, sizeof tiny);
    CHECK(strlen(tiny) == 7);
}

static void test_shell_quote(void)
{
    char out[256];
    finding_shell_quote("./packet", out, sizeof out);
    CHECK(strcmp(out, "./packet") == 0);
    finding_shell_quote("testdata/fuzz/t/2cda7a49", out, sizeof out);
    CHECK(strcmp(out, "testdata/fuzz/t/2cda7a49") == 0);
    finding_shell_quote("/tmp/my dir/fuzzer", out, sizeof out);
    CHECK(strcmp(out, "'/tmp/my dir/fuzzer'") == 0);
    finding_shell_quote("it's", out, sizeof out);
    CHECK(strcmp(out, "'it'\\''s'") == 0);
    finding_shell_quote("-run=T/seed#1", out, sizeof out); /* '#' starts a comment */
    CHECK(strcmp(out, "'-run=T/seed#1'") == 0);
    finding_shell_quote("$(rm -rf x)`y`", out, sizeof out);
    CHECK(strcmp(out, "'$(rm -rf x)`y`'") == 0);
    finding_shell_quote("", out, sizeof out);
    CHECK(strcmp(out, "''") == 0);
    char small[6];
    finding_shell_quote("a b c d e f", small, sizeof small);
    CHECK(strlen(small) < sizeof small);
}

static void test_rerun_command(void)
{
    char out[512];
    struct finding_rerun r = {.argv0 = "./packet", .path = "testdata/fuzz/packet/2cda", .kind = FINDING_CRASH,
                              .timeout_ns = 1500000000ULL, .rss_limit_mb = 2048, .malloc_limit_mb = 64};
    finding_rerun_command(&r, out, sizeof out);
    CHECK(strcmp(out, "./packet testdata/fuzz/packet/2cda") == 0);
    r.kind = FINDING_HANG;
    finding_rerun_command(&r, out, sizeof out);
    CHECK(strcmp(out, "./packet -timeout=1500ms testdata/fuzz/packet/2cda") == 0);
    r.kind = FINDING_OOM;
    finding_rerun_command(&r, out, sizeof out);
    CHECK(strcmp(out, "./packet -rss_limit_mb=2048 -malloc_limit_mb=64 testdata/fuzz/packet/2cda") == 0);
    r = (struct finding_rerun){.argv0 = "/tmp/my dir/typed", .path = "testdata/fuzz/FuzzKV/582528ddfad69eb5",
                               .typed_target = "FuzzKV", .kind = FINDING_FAIL};
    finding_rerun_command(&r, out, sizeof out);
    CHECK(strcmp(out, "'/tmp/my dir/typed' -run=FuzzKV/582528ddfad69eb5") == 0);
    char tiny[10];
    finding_rerun_command(&r, tiny, sizeof tiny);
    CHECK(strlen(tiny) < sizeof tiny);
}

static void test_summaries(void)
{
    char out[256];
    const char *asan = "noise\n==1==ERROR: AddressSanitizer: SEGV on unknown address\n    #0 0x1 in f a.c:1\n"
                       "SUMMARY: AddressSanitizer: SEGV a.c:1:2 in f\n==1==ABORTING\n";
    finding_summary(asan, strlen(asan), out, sizeof out);
    CHECK(strcmp(out, "SUMMARY: AddressSanitizer: SEGV a.c:1:2 in f") == 0);
    const char *own = "before\n=================================================================\n"
                      "==7== ERROR: ferret: deadly signal\nmore\n";
    finding_summary(own, strlen(own), out, sizeof out);
    CHECK(strcmp(out, "==7== ERROR: ferret: deadly signal") == 0);
    finding_summary("", 0, out, sizeof out);
    CHECK(strcmp(out, "") == 0);
    finding_summary(NULL, 0, out, sizeof out);
    CHECK(strcmp(out, "") == 0);
    const char *msg = "typed.c:72: slot_size(0, 1, 1) = 4294967295\ntyped.c:74: a slot is too large\n";
    finding_failure_summary(msg, strlen(msg), "typed.c:74", out, sizeof out);
    CHECK(strcmp(out, "typed.c:74: a slot is too large") == 0);
    finding_failure_summary(msg, strlen(msg), "other.c:1", out, sizeof out); /* not found: the last line */
    CHECK(strcmp(out, "typed.c:74: a slot is too large") == 0);
    char small[8];
    finding_summary(asan, strlen(asan), small, sizeof small);
    CHECK(strcmp(small, "SUMMARY") == 0);
}

int main(void)
{
    RUN(test_signatures);
    RUN(test_shell_quote);
    RUN(test_rerun_command);
    RUN(test_summaries);
    return CHECK_DONE("finding");
}

/* test_select.c - -run=T/E selection (select_run_target, select_run_entry):
 * unanchored POSIX extended regular expressions, as go test -run; an empty
 * or absent pattern matches everything; a bad one is -1 and one line naming
 * it.  The matching is pattern.c's, which links without the runtime. */
#include <string.h>

#include "check.h"
#include "pattern.h"

static char err[256];

static int t(const char *pat, const char *name) { err[0] = 0; return select_run_target(pat, name, err, sizeof err); }
static int e(const char *pat, const char *name) { err[0] = 0; return select_run_entry(pat, name, err, sizeof err); }

static void test_empty_matches_all(void)
{
    CHECK(t(NULL, "FuzzKV") == 1 && t("", "FuzzKV") == 1 && t("", "") == 1);
    CHECK(e(NULL, "seed#1") == 1 && e("", "582528ddfad69eb5") == 1);
    CHECK(err[0] == 0);
}

static void test_unanchored(void)
{
    CHECK(t("KV", "FuzzKV") == 1);
    CHECK(t("Fuzz", "FuzzKV") == 1);
    CHECK(t("kv", "FuzzKV") == 0); /* case matters */
    CHECK(t("^KV", "FuzzKV") == 0);
    CHECK(t("^FuzzKV$", "FuzzKV") == 1);
    CHECK(t("^FuzzK$", "FuzzKV") == 0);
}

static void test_extended_syntax(void)
{
    CHECK(t("FuzzA|FuzzB", "FuzzB") == 1);
    CHECK(t("Fuzz(A|B)$", "FuzzC") == 0);
    CHECK(t("^Fuzz[A-Z]+$", "FuzzKV") == 1);
    CHECK(t("V{2}", "FuzzKV") == 0);
    CHECK(t("Fuzz.V", "FuzzKV") == 1);
}

static void test_entries(void)
{
    CHECK(e("seed#1", "seed#1") == 1);
    CHECK(e("seed#1", "seed#10") == 1);     /* unanchored, as go test */
    CHECK(e("^seed#1$", "seed#10") == 0);
    CHECK(e("582528ddfad69eb5", "582528ddfad69eb5") == 1);
    CHECK(e("^5825", "582528ddfad69eb5") == 1);
    CHECK(e("^5826", "582528ddfad69eb5") == 0);
}

static void test_bad_expressions(void)
{
    static const char *const bad[] = {"(", "[a-", "a{2,1}", "*a", "\\"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int rt = t(bad[i], "FuzzKV");
        CHECK(rt == -1 && strstr(err, "bad regular expression") && strstr(err, bad[i]) && !strchr(err, '\n'));
        int re = e(bad[i], "seed#1");
        CHECK(re == -1 && strstr(err, "bad regular expression"));
    }
    char tiny[8];
    CHECK(select_run_target("(", "x", tiny, sizeof tiny) == -1 && strlen(tiny) < sizeof tiny);
}

int main(void)
{
    RUN(test_empty_matches_all);
    RUN(test_unanchored);
    RUN(test_extended_syntax);
    RUN(test_entries);
    RUN(test_bad_expressions);
    return CHECK_DONE("select");
}

/* Unit tests: findings_report.c - the report's text and HTML (escaping,
 * well-formed structure), and its files written whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "findings_report.h"

static const struct findings_entry entries[] = {
    {.kind = FINDING_CRASH, .sig = "crash parse<int> LLVMFuzzerTestOneInput", .hits = 7,
     .first_seen = 1767323045, /* 2026-01-02 03:04:05 UTC */
     .path = "crash-\"a\"&'b'", .len = 3, .summary = "SUMMARY: AddressSanitizer: SEGV x.c:1 in parse<int>",
     .rerun = "./t 'crash-\"a\"&'\\''b'\\'''"},
    {.kind = FINDING_HANG, .sig = "timeout \x01\xff", .hits = 1, .first_seen = 0, .path = NULL,
     .len = 9, .summary = "", .rerun = ""},
};
static const struct findings_doc doc = {.target = "t<x>", .source = "a fuzzing run", .v = entries, .n = 2};

static void test_text(void)
{
    char *t;
    size_t n;
    CHECK(findings_report_text(&doc, &t, &n) == 0);
    CHECK(n == strlen(t));
    CHECK(strstr(t, "ferret findings report: t<x>\n") != NULL);
    CHECK(strstr(t, "2 distinct findings, 8 hits in all\n") != NULL);
    CHECK(strstr(t, "finding 1: crash\n  signature:  crash parse<int> LLVMFuzzerTestOneInput\n") != NULL);
    CHECK(strstr(t, "  first seen: 2026-01-02 03:04:05 UTC\n  hits:       7\n") != NULL);
    CHECK(strstr(t, "finding 2: timeout\n") != NULL);
    CHECK(strstr(t, "  first seen: unknown\n") != NULL);
    CHECK(strstr(t, "  reproducer: not written (9 bytes)\n  re-run:     -\n  summary:    -\n") != NULL);
    free(t);
}

static void test_html(void)
{
    char *h;
    size_t n;
    CHECK(findings_report_html(&doc, "coverage/index.html", &h, &n) == 0);
    CHECK(strncmp(h, "<!DOCTYPE html>\n<html lang=\"en\">", 31) == 0);
    CHECK(strstr(h, "<title>ferret findings: t&lt;x&gt;</title>") != NULL);
    CHECK(strstr(h, "parse&lt;int&gt;") != NULL && strstr(h, "parse<int>") == NULL);
    CHECK(strstr(h, "crash-&quot;a&quot;&amp;&#39;b&#39;") != NULL);
    CHECK(strstr(h, "timeout \\x01\\xff") != NULL); /* no raw control or non-ASCII byte */
    for (size_t i = 0; i < n; i++)
        CHECK((unsigned char)h[i] >= 0x20 ? (unsigned char)h[i] < 0x7f : h[i] == '\n');
    CHECK(strstr(h, "<a href=\"coverage/index.html\">") != NULL);
    CHECK(strstr(h, "<script") == NULL);
    CHECK(strstr(h, "<tr id=\"finding-1\">") != NULL && strstr(h, "<tr id=\"finding-2\">") != NULL);
    CHECK(strstr(h, "</table>\n</body>\n</html>\n") != NULL);
    free(h);
    /* No coverage report next to it: no link.  No findings: said so. */
    struct findings_doc none = {.target = "t", .source = "3 files in d (3 passed)", .n = 0};
    CHECK(findings_report_html(&none, NULL, &h, &n) == 0);
    CHECK(strstr(h, "<a ") == NULL);
    CHECK(strstr(h, "<p>No findings.</p>") != NULL);
    free(h);
}

static void test_write(void)
{
    char dir[] = "/tmp/ferret-unit-findings-XXXXXX", path[128], sub[160];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(sub, sizeof sub, "%s/a/b", dir); /* created as needed */
    CHECK(findings_report_write(sub, &doc) == 0);
    snprintf(path, sizeof path, "%s/findings.txt", sub);
    CHECK(access(path, R_OK) == 0);
    unlink(path);
    snprintf(path, sizeof path, "%s/findings.html", sub);
    CHECK(access(path, R_OK) == 0);
    unlink(path);
    rmdir(sub);
    snprintf(sub, sizeof sub, "%s/a", dir);
    rmdir(sub);
    rmdir(dir);
    CHECK(findings_report_write("/proc/ferret-no-such/x", &doc) == -1);
}

int main(void)
{
    RUN(test_text);
    RUN(test_html);
    RUN(test_write);
    return CHECK_DONE("findings_report");
}

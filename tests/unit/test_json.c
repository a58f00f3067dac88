/* test_json.c - the JSON writer (json.c) and the stats file's line format
 * (statsfile.c): nesting and commas, string escapes (quote, backslash,
 * control characters, bytes that are not UTF-8), numbers, a buffer too
 * small, levels left open; one whole stats line. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "json.h"
#include "statsfile.h"

static void test_nesting_and_commas(void)
{
    char buf[256];
    struct json j;
    json_init(&j, buf, sizeof buf);
    json_object(&j, NULL);
    json_u64(&j, "a", 1);
    json_array(&j, "b");
    json_i64(&j, NULL, -2);
    json_object(&j, NULL);
    json_bool(&j, "c", 1);
    json_end(&j);
    json_object(&j, NULL);
    json_end(&j);
    json_end(&j);
    json_string(&j, "d", NULL);
    json_end(&j);
    CHECK(json_done(&j) == strlen(buf));
    CHECK(!strcmp(buf, "{\"a\":1,\"b\":[-2,{\"c\":true},{}],\"d\":null}"));
}

static void test_string_escapes(void)
{
    char buf[256];
    struct json j;
    json_init(&j, buf, sizeof buf);
    json_object(&j, NULL);
    json_string(&j, "s", "q\"b\\n\n\x01\x7f");
    json_string(&j, "utf8", "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"); /* é € 😀 kept */
    json_string(&j, "bad", "\xff\xc3(\xed\xa0\x80");                 /* not UTF-8: escaped */
    json_end(&j);
    CHECK(json_done(&j) > 0);
    CHECK(!strcmp(buf, "{\"s\":\"q\\\"b\\\\n\\u000a\\u0001\\u007f\","
                       "\"utf8\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\","
                       "\"bad\":\"\\u00ff\\u00c3(\\u00ed\\u00a0\\u0080\"}"));
}

static void test_numbers(void)
{
    char buf[256];
    struct json j;
    json_init(&j, buf, sizeof buf);
    json_array(&j, NULL);
    json_u64(&j, NULL, 18446744073709551615ULL);
    json_double(&j, NULL, 0.5);
    json_double(&j, NULL, 2500000.0);
    json_double(&j, NULL, NAN);
    json_double(&j, NULL, INFINITY);
    json_end(&j);
    CHECK(json_done(&j) > 0);
    CHECK(!strcmp(buf, "[18446744073709551615,0.5,2.5e+06,null,null]"));
}

static void test_overflow_and_open_levels(void)
{
    char buf[8];
    struct json j;
    json_init(&j, buf, sizeof buf);
    json_object(&j, NULL);
    json_string(&j, "long", "too long for eight bytes");
    json_end(&j);
    CHECK(json_done(&j) == 0);
    CHECK(strlen(buf) < sizeof buf); /* never past the buffer */
    char big[64];
    json_init(&j, big, sizeof big);
    json_object(&j, NULL);
    CHECK(json_done(&j) == 0); /* still open */
    json_end(&j);
    CHECK(json_done(&j) == 2);
    json_end(&j); /* one too many */
    CHECK(json_done(&j) == 0);
}

static void test_stats_line(void)
{
    struct stats_worker w[2] = {{0, "busy", 2, 41}, {1, "idle", 0, 40}};
    struct stats_sample s = {.elapsed_s = 10, .execs = 1234, .execs_per_sec = 123.4,
                             .corpus_entries = 5, .corpus_bytes = 99, .edges = 7, .features = 9,
                             .stability = 1, .findings = {1, 0, 2, 0, 0}, .finding_hits = 4,
                             .minimize_queue = 3, .workers = w, .nworkers = 2, .final = 1};
    char buf[1024];
    size_t n = statsfile_format(&s, buf, sizeof buf);
    CHECK(n > 0 && buf[n - 1] == '\n');
    buf[n] = 0;
    CHECK(!strcmp(buf, "{\"elapsed_s\":10,\"execs\":1234,\"execs_per_sec\":123.4,"
                       "\"corpus\":{\"entries\":5,\"bytes\":99},\"edges\":7,\"features\":9,"
                       "\"stability\":1,\"findings\":{\"crash\":1,\"timeout\":0,\"oom\":2,"
                       "\"leak\":0,\"failure\":0},\"finding_hits\":4,\"minimize_queue\":3,"
                       "\"workers\":[{\"id\":0,\"state\":\"busy\",\"restarts\":2,\"rss_mb\":41},"
                       "{\"id\":1,\"state\":\"idle\",\"restarts\":0,\"rss_mb\":40}],\"final\":true}\n"));
    CHECK(statsfile_format(&s, buf, 100) == 0); /* does not fit: no partial line */
}

int main(void)
{
    RUN(test_nesting_and_commas);
    RUN(test_string_escapes);
    RUN(test_numbers);
    RUN(test_overflow_and_open_levels);
    RUN(test_stats_line);
    return CHECK_DONE("json");
}

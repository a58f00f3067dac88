/*
 * packet.c - the demo target: a toy packet parser with a planted bug.
 *
 * A packet is "PKT" magic, a version byte, a length byte and a payload.
 * Version 2 packets copy their payload into a 16-byte stack buffer without
 * checking the length: a stack-buffer-overflow that ASan reports.  Every
 * check is a separate branch (the parser records how far it got, which also
 * keeps clang from merging the magic checks into one compare), so coverage
 * alone leads the fuzzer there.
 *
 * Build:  clang -g -O1 -fsanitize=fuzzer-no-link,address examples/packet.c build/libferret.a -o packet
 * Fuzz:   ./packet -fuzz
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static int checksum_ok(const uint8_t *p, size_t n)
{
    uint8_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += p[i];
    return sum != 0xff;
}

static int parse_v1(const uint8_t *payload, size_t len)
{
    return checksum_ok(payload, len) ? 0 : -1;
}

static int parse_v2(const uint8_t *payload, size_t len)
{
    char name[16];
    memcpy(name, payload, len); /* BUG: len may exceed sizeof name */
    return name[0] == 'x';
}

static volatile int parsed_bytes; /* how far the parser got */
static volatile int last_result;  /* what the payload parser said */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    parsed_bytes = 0;
    if (size < 5)
        return 0;
    if (data[0] != 'P')
        return 0;
    parsed_bytes = 1;
    if (data[1] != 'K')
        return 0;
    parsed_bytes = 2;
    if (data[2] != 'T')
        return 0;
    parsed_bytes = 3;
    size_t len = data[4];
    if (len > size - 5)
        return 0;
    switch (data[3]) {
    case 1:
        last_result = parse_v1(data + 5, len);
        break;
    case 2:
        last_result = parse_v2(data + 5, len);
        break;
    }
    return 0;
}

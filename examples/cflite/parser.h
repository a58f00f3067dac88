#ifndef PARSER_H
#define PARSER_H
#include <stddef.h>
#include <stdint.h>

struct parsed {
    char key[8];
    uint32_t version;
    unsigned records;
};

/* -1 on a truncated record, 1 if the version record says "FERR", else 0. */
int parse_records(const uint8_t *d, size_t n, struct parsed *out);
#endif

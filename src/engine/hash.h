/*
 * hash.h - SHA-1, used to name corpus entries and crashers by content
 * (libFuzzer names them the same way, so tools that expect 40 hex digits work).
 */
#ifndef FERRET_HASH_H
#define FERRET_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_HEX_LEN 40

void hash_sha1(const uint8_t *data, size_t len, uint8_t out[20]);
/* Writes 40 lowercase hex digits and a NUL into out. */
void hash_sha1_hex(const uint8_t *data, size_t len, char out[HASH_HEX_LEN + 1]);

#endif

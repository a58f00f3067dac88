#include <stdlib.h>
#include <string.h>

#include "parse.h"

int parse_record(const unsigned char *data, size_t len)
{
    if (len < 5 || data[0] != 'P' || data[1] != 'A' || data[2] != 'R' || data[3] != 'S' ||
        data[4] != ':')
        return -1;
    int fields = 1;
    for (size_t i = 5; i < len; i++)
        fields += data[i] == ',';
    char *volatile copy = malloc(len - 5);
    if (!copy)
        return -1;
    memcpy(copy, data + 5, len - 5);
    if (fields > 2)
        copy[len - 5] = 0; /* BUG: one byte past the copy with 3+ fields */
    int first = copy[0];
    free(copy);
    return fields + (first == 0);
}

#include <stddef.h>
/* Counts the fields of a "PARS:a,b,c" record; -1 if it is not one. */
int parse_record(const unsigned char *data, size_t len);

/* The library's own program: a main of its own, no fuzzing engine. */
#include <stdio.h>
#include <string.h>

#include "parse.h"

int main(int argc, char **argv)
{
    const char *rec = argc > 1 ? argv[1] : "PARS:x";
    printf("parsetool: %d fields\n", parse_record((const unsigned char *)rec, strlen(rec)));
    return 0;
}

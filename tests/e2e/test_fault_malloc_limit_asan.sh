#!/bin/bash
# Fault matrix 3: -malloc_limit_mb, ASan build (the sanitizer's malloc hooks).
# The same checks as fault matrix 2 (test_fault_malloc_limit_plain.sh): one
# malloc of 128 MB under -malloc_limit_mb=64 is an out-of-memory finding,
# minimized to "M", reproduced by its re-run command, nothing lost.
FAULT_VARIANT=asan
. "$(dirname "$0")/test_fault_malloc_limit_plain.sh"

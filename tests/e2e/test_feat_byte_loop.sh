#!/bin/bash
# Issue 15: value profile at default flags, a byte-by-byte compare loop
# against a constant string through a volatile zero (targets/feat_byteloop.c):
# no memcmp for a hook, no constant for a dictionary.  The count of matching
# bytes is compared with the length at the end; value profile's Hamming and
# distance features of that compare keep an input for (nearly) every byte
# more that is right, where hit-count buckets see only 4-7 and 8-15.  At
# default flags (value profile is on by default) the run finds the crash
# within the budget; with -use_value_profile=0 the same budget finds
# nothing.
. "$(dirname "$0")/lib.sh"

solved_only_with_value_profile feat_byteloop 1000000x
finish

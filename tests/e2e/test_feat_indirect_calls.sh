#!/bin/bash
# Issue 15: indirect caller/callee pairs as features.  A function-pointer
# table filled step by step (targets/feat_indir.c): every step function's
# edges are covered and its hit counts saturated before the input is read,
# so reaching the next step is new only as a (caller, callee) pair of
# __sanitizer_cov_trace_pc_indir.  The plain build finds the crash within
# the budget; the same target built with
# -fno-sanitize-coverage=indirect-calls does not.
. "$(dirname "$0")/lib.sh"

solved_only_with_coverage feat_indir indirect-calls 1500000x 2 240
finish

#!/bin/bash
# Issue 15: stack depth as a feature.  A recursion that must reach depth
# 1000, one '[' per level (targets/feat_deep.c): hit-count buckets stop
# telling levels apart after 128, the lowest stack pointer a run reached
# (__sancov_lowest_stack, written by -fsanitize-coverage=stack-depth, which
# -fsanitize=fuzzer-no-link implies) tells every level from the last.  The
# plain build finds the crash within the budget; the same target built with
# -fno-sanitize-coverage=stack-depth does not.
. "$(dirname "$0")/lib.sh"

solved_only_with_coverage feat_deep stack-depth 600000x 1 180
finish

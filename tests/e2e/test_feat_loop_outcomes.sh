#!/bin/bash
# Issue 15: value profile's outcome features of one compare site in one
# execution (featbits.h): the run of equal outcomes its hits start with and
# the count of its equal outcomes.  Two loops that compare input byte i
# with expected[i] at one instruction, where no compare gets closer as more
# bytes match and hit-count buckets lump 4-7 and 8-15 together:
#  - targets/feat_foldloop.c stops at the first wrong byte, and each byte
#    must also pass islower(): the run (the loop got to byte k) keeps an
#    input whose byte k passed islower, and input-to-state then finds the
#    byte case-folded;
#  - targets/feat_countloop.c counts matching bytes (20) and does not stop:
#    the count keeps every input with one match more.
# Each is solved at default flags within its budget at a fixed seed and not
# with -use_value_profile=0.  Measured on this code at default flags
# (executions to the crash): foldloop seed 1 3.6k; countloop seeds 1, 3, 4,
# 5: 904k, more than 3M, 2.06M, 2.81M.  The engine before these features
# (main at 38392a1: value profile's closeness thermometers per site only)
# ran both budgets out at seed 1 (foldloop 400k, countloop 2M).
. "$(dirname "$0")/lib.sh"

solved_only_with_value_profile feat_foldloop 400000x 1
solved_only_with_value_profile feat_countloop 2000000x 1
finish

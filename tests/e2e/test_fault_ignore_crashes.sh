#!/bin/bash
# Fault matrix 15: -ignore_crashes=1 behaves as -keep_going=1: the two-bug
# check of test_fault_keep_going_two_bugs.sh, with -ignore_crashes=1.
export FAULT_KEEP_GOING_FLAG=-ignore_crashes=1 FAULT_TEST_NAME=test_fault_ignore_crashes
exec bash "$(dirname "$0")/test_fault_keep_going_two_bugs.sh"

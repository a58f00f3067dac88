#!/bin/bash
# Issue 15: value profile that rewards getting closer.  An arithmetic mix of
# input bytes compared, squared, with a constant (targets/feat_arith.c):
# no operand is in the input, so input-to-state cannot place it; value
# profile's distance features keep every input that comes closer.  At
# default flags (value profile is on by default) the run finds the crash
# within the budget; with -use_value_profile=0 the same budget finds
# nothing.
. "$(dirname "$0")/lib.sh"

solved_only_with_value_profile feat_arith 1000000x
finish

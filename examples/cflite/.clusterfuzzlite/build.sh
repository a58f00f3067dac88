#!/bin/bash -eu
# Builds the fuzz targets with ferret as the engine, for ClusterFuzzLite or
# OSS-Fuzz (which set CC, CFLAGS with -fsanitize=...,fuzzer-no-link, SRC and
# OUT).  Only two lines differ from a libFuzzer build: the engine is built,
# and LIB_FUZZING_ENGINE names it instead of -fsanitize=fuzzer.
cd "$SRC/project"

# The engine is never instrumented, whatever CFLAGS the environment exports.
make -C third_party/ferret
export LIB_FUZZING_ENGINE="$PWD/third_party/ferret/build/libferret.a"

$CC $CFLAGS -c parser.c -o parser.o
$CC $CFLAGS -c fuzz_parser.c -o fuzz_parser.o
$CXX $CXXFLAGS fuzz_parser.o parser.o $LIB_FUZZING_ENGINE -o "$OUT/fuzz_parser"

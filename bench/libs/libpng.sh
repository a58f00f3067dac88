# bench/libs/libpng.sh - libpng (Debian source package libpng1.6) for bench/libs.sh.
# Sourced; bench/libs.sh sets SRC (the unpacked source) and calls the
# lib_* functions below.  Harness: the package's own
# contrib/oss-fuzz/libpng_read_fuzzer.cc (C++), dictionary contrib/oss-fuzz/png.dict.

LIB_PKG=libpng1.6
LIB_TARGET=libpng_read_fuzzer
LIB_LINKER=cxx                       # the harness is C++: link with clang++
LIB_DICT=contrib/oss-fuzz/png.dict   # relative to SRC
# Coverage is counted on the library's own files: the top-level png*.c/h.
LIB_COV_EXCLUDE='(contrib/|bench/libs/|^/usr/)'

LIB_SRCS="png pngerror pngget pngmem pngpread pngread pngrio pngrtran pngrutil
          pngset pngtrans pngwio pngwrite pngwtran pngwutil"

# Once per source tree: pnglibconf.h exactly as the package's
# contrib/oss-fuzz/build.sh configures it (STDIO, WARNING and WRITE
# disabled in scripts/pnglibconf.dfa), generated with the package's own
# scripts/pnglibconf.mak (awk + the C preprocessor) instead of autoreconf.
lib_prepare() {
    [ -f "$SRC/pnglibconf.h" ] && return 0
    ( cd "$SRC"
      sed -e "s/option STDIO/option STDIO disabled/" \
          -e "s/option WARNING /option WARNING disabled/" \
          -e "s/option WRITE enables WRITE_INT_FUNCTIONS/option WRITE disabled/" \
          scripts/pnglibconf.dfa > scripts/pnglibconf.dfa.temp
      mv scripts/pnglibconf.dfa.temp scripts/pnglibconf.dfa
      make -s -f scripts/pnglibconf.mak CPP="clang -E" pnglibconf.h >/dev/null 2>&1 )
}

# lib_build DIR: compiles the library into DIR/libpng.a with $CC $CFLAGS.
lib_build() {
    local d=$1 f
    for f in $LIB_SRCS; do
        $CC $CFLAGS -I"$SRC" -c "$SRC/$f.c" -o "$d/$f.o"
    done
    rm -f "$d/libpng.a"
    ar rcs "$d/libpng.a" "$d"/*.o
}

# lib_link DIR OUT EXTRA...: links the harness against DIR's library with
# $CXX $CFLAGS and the engine's EXTRA flags/archives.
lib_link() {
    local d=$1 out=$2; shift 2
    $CXX $CFLAGS -std=c++11 -I"$SRC" "$SRC/contrib/oss-fuzz/libpng_read_fuzzer.cc" \
        "$@" "$d/libpng.a" -lz -o "$out"
}

# lib_seeds DIR: the seed corpus contrib/oss-fuzz/build.sh ships: every .png
# in the package except known crashers, named by content hash.
lib_seeds() {
    local out=$1 f
    find "$SRC" -name '*.png' -not -path '*/.pc/*' | grep -v crashers | sort |
    while read -r f; do
        cp "$f" "$out/$(sha1sum < "$f" | cut -c1-40)"
    done
}

# bench/libs/jansson.sh - Jansson (Debian source package jansson) for bench/libs.sh.
# Sourced; bench/libs.sh sets SRC and calls the lib_* functions below.
# Harness: the package's own test/ossfuzz/json_load_dump_fuzzer.cc (C++):
# the input's first 2 x sizeof(size_t) + 1 bytes choose the load flags, the
# dump flags and the dump mode, the rest is JSON text for json_loadb; what
# loads is dumped again (json_dump_callback or json_dumps).  The package
# ships no dictionary.

LIB_PKG=jansson
LIB_TARGET=json_load_dump_fuzzer
LIB_LINKER=cxx                       # the harness is C++: link with clang++
LIB_DICT=                            # none shipped
# Coverage is counted on the library's own files, src/*.c.
LIB_COV_EXCLUDE='(/test/|bench/libs/|/ferret-cfg/|^/usr/)'

# The library's sources: src/Makefile.am's libjansson_la_SOURCES.
LIB_SRCS="dump error hashtable hashtable_seed load memory pack_unpack strbuffer
          strconv utf value version"
# Once per source tree, into SRC/ferret-cfg: the two generated headers.
# jansson_config.h (public) from its template with configure.ac's values
# for Linux and clang; jansson_private_config.h (src/jansson_private.h
# includes it) with what configure.ac finds on Linux with its defaults
# (/dev/urandom seeds the hash function, as in the OSS-Fuzz build).
lib_prepare() {
    local c=$SRC/ferret-cfg m
    [ -f "$c/jansson_private_config.h" ] && return 0
    mkdir -p "$c"
    sed -e 's/@json_inline@/inline/' -e 's/@json_have_long_long@/1/' \
        -e 's/@json_have_localeconv@/1/' -e 's/@json_have_atomic_builtins@/1/' \
        -e 's/@json_have_sync_builtins@/1/' "$SRC/src/jansson_config.h.in" > "$c/jansson_config.h"
    ! grep -q '^#.*@[a-z_]*@' "$c/jansson_config.h" ||
        { echo "jansson: unsubstituted @...@ left in jansson_config.h" >&2; return 1; }
    for m in HAVE_STDINT_H HAVE_UNISTD_H HAVE_FCNTL_H HAVE_SCHED_H HAVE_SYS_STAT_H \
             HAVE_SYS_TIME_H HAVE_SYS_TYPES_H HAVE_OPEN HAVE_CLOSE HAVE_READ HAVE_GETPID \
             HAVE_GETTIMEOFDAY HAVE_SCHED_YIELD HAVE_LOCALECONV HAVE_ATOMIC_BUILTINS \
             HAVE_SYNC_BUILTINS USE_URANDOM; do
        echo "#define $m 1"
    done > "$c/jansson_private_config.h.tmp"
    echo "#define INITIAL_HASHTABLE_ORDER 3" >> "$c/jansson_private_config.h.tmp"
    mv "$c/jansson_private_config.h.tmp" "$c/jansson_private_config.h"
}

# lib_build DIR: DIR/libjansson.a.
lib_build() {
    local d=$1 f
    for f in $LIB_SRCS; do
        $CC $CFLAGS -DHAVE_CONFIG_H -I"$SRC/ferret-cfg" -I"$SRC/src" -c "$SRC/src/$f.c" -o "$d/$f.o"
    done
    rm -f "$d/libjansson.a"
    ar rcs "$d/libjansson.a" "$d"/*.o
}

# lib_link DIR OUT EXTRA...
lib_link() {
    local d=$1 out=$2; shift 2
    $CXX $CFLAGS -I"$SRC/ferret-cfg" -I"$SRC/src" \
        "$SRC/test/ossfuzz/json_load_dump_fuzzer.cc" "$@" "$d/libjansson.a" -o "$out"
}

# lib_seeds DIR: what test/ossfuzz/ossfuzz.sh zips as the seed corpus, every
# test/suites/*/*/input (valid and invalid JSON of the package's test suite),
# named by content hash.  As in OSS-Fuzz, the harness reads each file's first
# 17 bytes as its flags.
lib_seeds() {
    local out=$1 f
    find "$SRC/test/suites" -name input -type f | sort |
    while read -r f; do
        cp "$f" "$out/$(sha1sum < "$f" | cut -c1-40)"
    done
}

# bench/libs/nghttp2.sh - nghttp2 (Debian source package nghttp2) for bench/libs.sh.
# Sourced; bench/libs.sh sets SRC and calls the lib_* functions below.
# Harness: the package's own fuzz/fuzz_target.cc (C++), the one
# fuzz/README.rst describes: an HTTP/2 server session
# (nghttp2_session_server_new) that submits its SETTINGS and is then fed the
# whole input as bytes received from a client (nghttp2_session_mem_recv):
# connection preface, frame parsing, HPACK header decoding, stream state
# and flow control.  The package ships no dictionary.

LIB_PKG=nghttp2
LIB_TARGET=fuzz_target
LIB_LINKER=cxx                       # the harness is C++: link with clang++
LIB_DICT=                            # none shipped
# Coverage is counted on the library's own files, lib/*.c.
LIB_COV_EXCLUDE='(/fuzz/|bench/libs/|/ferret-cfg/|^/usr/)'

# The library's sources: lib/Makefile.am's OBJECTS (all of lib/*.c).
LIB_SRCS="nghttp2_pq nghttp2_map nghttp2_queue nghttp2_frame nghttp2_buf
          nghttp2_stream nghttp2_outbound_item nghttp2_session nghttp2_submit
          nghttp2_helper nghttp2_npn nghttp2_hd nghttp2_hd_huffman
          nghttp2_hd_huffman_data nghttp2_version nghttp2_priority_spec
          nghttp2_option nghttp2_callbacks nghttp2_mem nghttp2_http
          nghttp2_rcbuf nghttp2_extpri nghttp2_ratelim nghttp2_time nghttp2_debug"
# What configure would find on Linux (the library has no other config.h
# dependency), and lib/Makefile.am's -DBUILDING_NGHTTP2.
LIB_DEFS="-DBUILDING_NGHTTP2 -DHAVE_ARPA_INET_H -DHAVE_NETINET_IN_H -DHAVE_TIME_H -DHAVE_CLOCK_GETTIME"

# Once per source tree: the one generated header, nghttp2ver.h, from its
# template with the version configure.ac's AC_INIT gives (into SRC/ferret-cfg).
lib_prepare() {
    local h=$SRC/ferret-cfg/nghttp2/nghttp2ver.h v
    [ -f "$h" ] && return 0
    v=$(sed -n 's/^AC_INIT(\[nghttp2\], \[\([0-9.]*\)\].*/\1/p' "$SRC/configure.ac")
    [ -n "$v" ] || { echo "nghttp2: no version in configure.ac" >&2; return 1; }
    mkdir -p "$(dirname "$h")"
    # PACKAGE_VERSION_NUM is 0xMMmmpp, as configure.ac computes it.
    sed -e "s/@PACKAGE_VERSION@/$v/" \
        -e "s/@PACKAGE_VERSION_NUM@/$(echo "$v" | awk -F. '{ printf "0x%02x%02x%02x", $1, $2, $3 }')/" \
        "$SRC/lib/includes/nghttp2/nghttp2ver.h.in" > "$h"
}

# lib_build DIR: DIR/libnghttp2.a.
lib_build() {
    local d=$1 f
    for f in $LIB_SRCS; do
        $CC $CFLAGS $LIB_DEFS -I"$SRC/ferret-cfg" -I"$SRC/lib/includes" -I"$SRC/lib" \
            -c "$SRC/lib/$f.c" -o "$d/$f.o"
    done
    rm -f "$d/libnghttp2.a"
    ar rcs "$d/libnghttp2.a" "$d"/*.o
}

# lib_link DIR OUT EXTRA...: as fuzz/README.rst builds it.
lib_link() {
    local d=$1 out=$2; shift 2
    $CXX $CFLAGS -std=c++11 -I"$SRC/ferret-cfg" -I"$SRC/lib/includes" \
        "$SRC/fuzz/fuzz_target.cc" "$@" "$d/libnghttp2.a" -o "$out"
}

# lib_seeds DIR: the package's own fuzz/corpus/ (recorded h2spec and nghttp
# sessions against nghttpd; the files are already named by their SHA-256).
lib_seeds() {
    local out=$1 f
    find "$SRC/fuzz/corpus" -type f | sort |
    while read -r f; do
        cp "$f" "$out/$(sha1sum < "$f" | cut -c1-40)"
    done
}

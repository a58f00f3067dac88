# bench/libs/libtiff.sh - libtiff (Debian source package tiff) for bench/libs.sh.
# Sourced; bench/libs.sh sets SRC (the unpacked source) and calls the
# lib_* functions below.  Harness: the package's own
# contrib/oss-fuzz/tiff_read_rgba_fuzzer.cc (C++: TIFFStreamOpen on the
# input, then TIFFReadRGBAImage), as contrib/oss-fuzz/build.sh builds it.
# The package ships no dictionary (OSS-Fuzz's tiff.dict lives in the
# oss-fuzz repository, not in libtiff), so the engines run without one.

LIB_PKG=tiff
LIB_TARGET=tiff_read_rgba_fuzzer
LIB_LINKER=cxx                       # the harness is C++: link with clang++
LIB_DICT=                            # none shipped
# Coverage is counted on the library's own files, libtiff/*.c and tif_stream.cxx.
LIB_COV_EXCLUDE='(contrib/|bench/libs/|/ferret-cfg/|^/usr/)'

# The library's sources, as libtiff/CMakeLists.txt lists them for a Unix
# build (tif_unix.c, not tif_win32.c); the codecs whose library is not
# configured (JPEG, old JPEG, JBIG, LERC, LZMA, WebP, ZSTD) compile to nothing.
LIB_SRCS="tif_aux tif_close tif_codec tif_color tif_compress tif_dir tif_dirinfo
          tif_dirread tif_dirwrite tif_dumpmode tif_error tif_extension tif_fax3
          tif_fax3sm tif_flush tif_getimage tif_hash_set tif_jbig tif_jpeg
          tif_jpeg_12 tif_lerc tif_luv tif_lzma tif_lzw tif_next tif_ojpeg
          tif_open tif_packbits tif_pixarlog tif_predict tif_print tif_read
          tif_strip tif_swab tif_thunder tif_tile tif_version tif_warning
          tif_webp tif_write tif_zip tif_zstd tif_unix"

# Once per source tree: the package's own CMake configuration writes
# tif_config.h and tiffconf.h (into SRC/ferret-cfg, a few seconds); the
# library is then compiled file by file for each build.  Codecs: the
# built-in ones plus zlib (Deflate, PixarLog; Debian's zlib, uninstrumented,
# as for libpng); the external codec libraries OSS-Fuzz adds (libjpeg-turbo,
# jbigkit, liblzma) are left out.
lib_prepare() {
    [ -f "$SRC/ferret-cfg/libtiff/tif_config.h" ] && return 0
    cmake -S "$SRC" -B "$SRC/ferret-cfg" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
        -DBUILD_SHARED_LIBS=OFF -Dtiff-tools=OFF -Dtiff-tests=OFF -Dtiff-contrib=OFF -Dtiff-docs=OFF \
        -Djpeg=OFF -Dold-jpeg=OFF -Djbig=OFF -Dlerc=OFF -Dlzma=OFF -Dzstd=OFF -Dwebp=OFF \
        -Dlibdeflate=OFF -Dzlib=ON > "$SRC/ferret-cfg.log" 2>&1 ||
        { tail -20 "$SRC/ferret-cfg.log" >&2; return 1; }
}

# lib_build DIR: DIR/libtiff.a (the C library and the C++ stream API,
# libtiffxx's tif_stream.cxx, which the harness's TIFFStreamOpen needs).
lib_build() {
    local d=$1 f
    for f in $LIB_SRCS; do
        $CC $CFLAGS -I"$SRC/ferret-cfg/libtiff" -I"$SRC/libtiff" -c "$SRC/libtiff/$f.c" -o "$d/$f.o"
    done
    $CXX $CFLAGS -std=c++11 -I"$SRC/ferret-cfg/libtiff" -I"$SRC/libtiff" \
        -c "$SRC/libtiff/tif_stream.cxx" -o "$d/tif_stream.o"
    rm -f "$d/libtiff.a"
    ar rcs "$d/libtiff.a" "$d"/*.o
}

# lib_link DIR OUT EXTRA...
lib_link() {
    local d=$1 out=$2; shift 2
    $CXX $CFLAGS -std=c++11 -I"$SRC/ferret-cfg/libtiff" -I"$SRC/libtiff" \
        "$SRC/contrib/oss-fuzz/tiff_read_rgba_fuzzer.cc" "$@" "$d/libtiff.a" -lz -lm -o "$out"
}

# lib_seeds DIR: the TIFF files the package ships for its own tests
# (test/images/*.tif, *.tiff; test/refs/ holds two more outputs), named by
# content hash.  (OSS-Fuzz's seed corpus is AFL's testcases archive, not in
# the package.)
lib_seeds() {
    local out=$1 f
    find "$SRC/test" \( -iname '*.tif' -o -iname '*.tiff' \) | sort |
    while read -r f; do
        cp "$f" "$out/$(sha1sum < "$f" | cut -c1-40)"
    done
}

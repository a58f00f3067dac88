# bench/libs/libxml2.sh - libxml2 (Debian source package libxml2) for bench/libs.sh.
# Sourced; bench/libs.sh sets SRC and calls the lib_* functions below.
# Harness: the package's own fuzz/xml.c + fuzz/fuzz.c (pull parser, push
# parser, reader and serializer over one input that also carries external
# entities), dictionary fuzz/xml.dict.

LIB_PKG=libxml2
LIB_TARGET=xml
LIB_LINKER=cc
LIB_DICT=fuzz/xml.dict
LIB_COV_EXCLUDE='(/fuzz/|bench/libs/|^/usr/)'

# As fuzz/README asks, plus a configuration without optional dependencies
# (the OSS-Fuzz build's --without-python --with-threads=no --with-zlib=no
# --with-lzma=no) and without network code.
LIB_DEFS="-DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION"
LIB_CONFIGURE="--without-python --with-threads=no --with-zlib=no --with-lzma=no
               --without-http --without-ftp --disable-shared --enable-static"

# Debian's patches touch Makefile.am; mark the generated autotools files as
# newer so that make does not try to rerun automake (not installed).
lib_prepare() {
    ( cd "$SRC"
      touch aclocal.m4; sleep 1
      touch configure Makefile.in ./*/Makefile.in config.h.in )
}

# lib_build DIR: a VPATH configure + make of libxml2.la in DIR.
lib_build() {
    local d=$1
    ( cd "$d"
      "$SRC/configure" CC="$CC" CFLAGS="$CFLAGS $LIB_DEFS" $LIB_CONFIGURE > configure.log 2>&1 ||
          { tail -30 configure.log >&2; exit 1; }
      make -j"$(nproc)" libxml2.la > make.log 2>&1 || { tail -30 make.log >&2; exit 1; } )
}

lib_link() {
    local d=$1 out=$2; shift 2
    $CC $CFLAGS $LIB_DEFS -I"$SRC/include" -I"$d/include" \
        "$SRC/fuzz/xml.c" "$SRC/fuzz/fuzz.c" "$@" "$d/.libs/libxml2.a" -lm -o "$out"
}

# lib_seeds DIR: Debian's +dfsg tarball drops upstream's test/ directory,
# which fuzz/Makefile.am feeds to genSeed.  We run the package's own
# fuzz/genSeed.c (built against the coverage build's library) over the XML,
# DTD, XSD, RNG and XSL files the package still ships (doc/, example/,
# test/{catalogs,relaxng,schemas,schematron}, python/tests/), under 80000
# bytes (the package's XML_MAX_LEN).  BUILD_COV is the coverage build dir.
lib_seeds() {
    local out=$1 tmp
    tmp=$(mktemp -d)
    $CC $CFLAGS_COV $LIB_DEFS -I"$SRC/include" -I"$BUILD_COV/include" \
        "$SRC/fuzz/genSeed.c" "$SRC/fuzz/fuzz.c" "$BUILD_COV/.libs/libxml2.a" -lm -o "$tmp/genSeed"
    ( cd "$SRC"
      find . -path ./.pc -prune -o -path ./os400 -prune -o -path ./win32 -prune -o \
           \( -name '*.xml' -o -name '*.dtd' -o -name '*.xsd' -o -name '*.rng' -o -name '*.xsl' \) \
           -size -80000c -print | sort > "$tmp/files" )
    # genSeed resolves external entities relative to the file, so run it from SRC.
    mkdir -p "$SRC/seed/xml"
    ( cd "$SRC" && LLVM_PROFILE_FILE=/dev/null xargs "$tmp/genSeed" xml < "$tmp/files" >/dev/null 2>&1 ||
          true )
    local f
    for f in "$SRC"/seed/xml/*; do
        [ -f "$f" ] && cp "$f" "$out/$(sha1sum < "$f" | cut -c1-40)"
    done
    rm -rf "$tmp" "$SRC/seed"
}

#!/bin/sh
# tools/install.sh - `make install` and `make uninstall`, with a manifest.
#
#   sh tools/install.sh check PREFIX
#   sh tools/install.sh install DESTDIR PREFIX SPEC...
#   sh tools/install.sh uninstall DESTDIR PREFIX
#
# SPEC is MODE:SOURCE:DEST, DEST relative to PREFIX (644:build/libferret.a:
# lib/libferret.a); a SOURCE written ?SOURCE is optional (the compiler
# plugin: installed if built, skipped if not).  The Makefile owns the list of
# files; this script owns how they are put in place and taken away.
#
# The manifest.  install records, in PREFIX/share/ferret/install-manifest,
# one line per file it wrote ("file lib/libferret.a") and one per directory
# it created because it did not exist ("dir lib/pkgconfig"; "dir ." when it
# created PREFIX itself).  A second install into the same PREFIX adds to the
# manifest (the union of both), so a directory the first install created
# stays recorded and a file the first one wrote, and the second did not,
# is still removed.  uninstall reads only the manifest: it removes exactly the
# files listed and the manifest, then each directory listed, deepest first,
# if it is now empty; a directory that existed before install (PREFIX/lib
# shared with other packages) is never listed, so never removed.  Why a
# manifest in PREFIX and not a fixed list: the list changes (the plugin is
# there only if it was built; a later version may install more or less),
# and what counts is what this install wrote into this PREFIX; a manifest in
# the build tree would be lost by `make clean` and overwritten by an install
# into another PREFIX.  Paths in the manifest are relative, so DESTDIR
# staging works, and each must stay inside PREFIX (no leading /, no ..):
# a manifest that says otherwise is refused before anything is removed.
#
# PREFIX must be an absolute path without white space, quotes, $, \, | or &
# (it is written into ferret.pc, read by pkg-config, and passed through
# make and sed).  Errors: one line naming the problem and what to do; exit 2
# for a bad PREFIX or usage, 1 for anything else (a missing source file, no
# manifest, a failed copy).
#
# Owns: the manifest file PREFIX/share/ferret/install-manifest (written to a
# temporary file next to it, then renamed), and the files and directories
# it lists.
set -uf # -f: no globbing of the paths split by the loops below

MANIFEST=share/ferret/install-manifest
new_entries=

die() {
    code=$1
    shift
    echo "install.sh: $*" >&2
    exit "$code"
}

check_prefix() {
    case $1 in
    '') die 2 "PREFIX is empty: give an absolute path, e.g. make install PREFIX=/usr/local" ;;
    /*) ;;
    *) die 2 "PREFIX=$1 is not an absolute path: give one, e.g. PREFIX=$(pwd)/$1" ;;
    esac
    case $1 in
    *[[:space:]\"\'\$\\\|\&]*)
        die 2 "PREFIX='$1' holds white space or one of \" ' \$ \\ | & (pkg-config and make cannot carry it): pick another path" ;;
    esac
}

# Creates ROOT/REL and each missing directory above it (below ROOT),
# recording those it created.
make_dirs() {
    root=$1 rel=$2 path=
    old_ifs=$IFS
    IFS=/
    set -- $rel
    IFS=$old_ifs
    for part in "$@"; do
        path=${path:+$path/}$part
        [ -d "$root/$path" ] && continue
        mkdir "$root/$path" || die 1 "cannot create the directory $root/$path"
        new_entries="$new_entries
dir $path"
    done
}

# install_one ROOT MODE:SOURCE:DEST
install_one() {
    root=$1 spec=$2
    mode=${spec%%:*}
    rest=${spec#*:}
    src=${rest%:*}
    dest=${rest##*:}
    optional=0
    case $src in \?*) optional=1 src=${src#?} ;; esac
    if [ ! -f "$src" ]; then
        [ "$optional" = 1 ] && return 0
        die 1 "$src is missing: run make first"
    fi
    case $dest in */*) make_dirs "$root" "${dest%/*}" ;; esac
    install -m "$mode" "$src" "$root/$dest.tmp$$" && mv -f "$root/$dest.tmp$$" "$root/$dest" ||
        die 1 "cannot install $src as $root/$dest"
    echo "installed $root/$dest"
    new_entries="$new_entries
file $dest"
}

do_install() {
    destdir=$1 prefix=$2
    shift 2
    check_prefix "$prefix"
    root=$destdir$prefix
    if [ ! -d "$root" ]; then
        mkdir -p "$root" || die 1 "cannot create $root"
        new_entries="
dir ."
    fi
    for spec in "$@"; do
        install_one "$root" "$spec"
    done
    make_dirs "$root" "${MANIFEST%/*}"
    old=
    [ -f "$root/$MANIFEST" ] && old=$(cat "$root/$MANIFEST")
    printf '%s\n%s\n' "$old" "$new_entries" | sed '/^$/d' | LC_ALL=C sort -u >"$root/$MANIFEST.tmp$$" &&
        mv -f "$root/$MANIFEST.tmp$$" "$root/$MANIFEST" ||
        die 1 "cannot write the install manifest $root/$MANIFEST"
    echo "installed ferret in $root (manifest: $root/$MANIFEST; make uninstall PREFIX=$prefix removes it)"
}

# Every manifest line must be "file REL" or "dir REL" with REL inside PREFIX.
check_manifest() {
    while read -r kind rel; do
        case $kind in file | dir) ;; *) die 1 "$1: unknown line '$kind $rel'; nothing removed" ;; esac
        case /$rel/ in
        //* | */../*) die 1 "$1: '$rel' is not a path inside PREFIX; nothing removed" ;;
        esac
    done <"$1"
}

do_uninstall() {
    destdir=$1 prefix=$2
    check_prefix "$prefix"
    root=$destdir$prefix
    manifest=$root/$MANIFEST
    [ -f "$manifest" ] ||
        die 1 "no install manifest $manifest: nothing installed by make install in PREFIX=$prefix (or uninstalled already)"
    check_manifest "$manifest"
    n=0
    for rel in $(sed -n 's/^file //p' "$manifest"); do
        if [ -f "$root/$rel" ] || [ -L "$root/$rel" ]; then
            rm -f "$root/$rel" || die 1 "cannot remove $root/$rel"
            n=$((n + 1))
        fi
    done
    dirs=$(sed -n 's/^dir //p' "$manifest" | LC_ALL=C sort -r)
    rm -f "$manifest" || die 1 "cannot remove $manifest"
    for rel in $dirs; do # deepest first; "." (PREFIX itself) sorts last
        if [ "$rel" = . ]; then
            rmdir "$root" 2>/dev/null
        else
            rmdir "$root/$rel" 2>/dev/null
        fi
    done
    echo "removed $n files installed in $root, and the directories install created that are now empty"
}

case ${1:-} in
check) [ $# = 2 ] || die 2 "usage: install.sh check PREFIX"; check_prefix "$2" ;;
install) [ $# -ge 3 ] || die 2 "usage: install.sh install DESTDIR PREFIX SPEC..."; shift; do_install "$@" ;;
uninstall) [ $# = 3 ] || die 2 "usage: install.sh uninstall DESTDIR PREFIX"; shift; do_uninstall "$@" ;;
*) die 2 "usage: install.sh check|install|uninstall ... (see its header)" ;;
esac

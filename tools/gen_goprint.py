#!/usr/bin/env python3
"""gen_goprint.py - generates print_ranges in src/engine/gostr.c: the runes
above U+00FF that Go's unicode.IsPrint calls printable (general categories
L, M, N, P and S), merged into ranges, from the Unicode Character
Database's UnicodeData.txt.

The committed table is Unicode 15.0.0, the version Go 1.21 and later use.
Debian 12's unicode-data package ships exactly that version:

    apt-get install unicode-data
    # print the table's C text (its comment, the declaration, the ranges)
    python3 tools/gen_goprint.py /usr/share/unicode/UnicodeData.txt
    # check that gostr.c holds exactly that text (exit 0), or say where not
    python3 tools/gen_goprint.py /usr/share/unicode/UnicodeData.txt --check src/engine/gostr.c
    # replace the table in gostr.c by the generated one
    python3 tools/gen_goprint.py /usr/share/unicode/UnicodeData.txt --write src/engine/gostr.c

For another Unicode version, pass its UnicodeData.txt and --version X.Y.Z
(only the comment uses it).  Python's unicodedata module is not used on
purpose: its version is Python's own (14.0.0 for Debian 12's Python 3.11,
which lacks the 4482 printable runes Unicode 15.0.0 added), and neither is
Debian 12's Go (1.19, Unicode 13.0.0).

The output is byte for byte the block in gostr.c, from the line
"/* Printable runes above U+00FF" to the table's closing "};": entries
"{0xLO, 0xHI}," in lowercase hex, four spaces of indent, as many per line as
fit in WIDTH columns.
"""
import argparse
import sys

PRINTABLE = ('L', 'M', 'N', 'P', 'S')  # first letter of the general category
FIRST = 0x100                           # gostr.c decides U+0000..U+00FF in code
WIDTH = 88
START = '/* Printable runes above U+00FF'
END = '};\n'


def printable_runes(path):
    """Yields each printable code point >= FIRST, in order.  A range of
    UnicodeData.txt ("<..., First>" then "<..., Last>") stands for every code
    point between the two."""
    first = None
    with open(path, encoding='utf-8') as f:
        for line in f:
            fields = line.split(';')
            cp, name, cat = int(fields[0], 16), fields[1], fields[2]
            if name.endswith(', First>'):
                first = cp
                continue
            lo = first if name.endswith(', Last>') else cp
            first = None
            if cat[0] in PRINTABLE:
                for r in range(max(lo, FIRST), cp + 1):
                    yield r


def merge(runes):
    """Consecutive code points as [lo, hi] ranges."""
    ranges = []
    for r in runes:
        if ranges and ranges[-1][1] + 1 == r:
            ranges[-1][1] = r
        else:
            ranges.append([r, r])
    return ranges


def c_text(ranges, version):
    lines = [
        '/* Printable runes above U+00FF: categories L, M, N, P and S of Unicode',
        ' * %s, merged into ranges (generated from UnicodeData.txt by' % version,
        ' * tools/gen_goprint.py: do not edit by hand). */',
        'static const uint32_t print_ranges[][2] = {',
    ]
    cur = '   '
    for lo, hi in ranges:
        entry = ' {%#x, %#x},' % (lo, hi)
        if len(cur) + len(entry) > WIDTH:
            lines.append(cur)
            cur = '   '
        cur += entry
    lines.append(cur)
    return '\n'.join(lines) + '\n' + END


def find_block(text):
    """(start, end) offsets of the generated block in a C file, or None."""
    start = text.find(START)
    if start < 0:
        return None
    end = text.find('\n' + END, start)
    if end < 0:
        return None
    return start, end + 1 + len(END)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('unicodedata', help='path of UnicodeData.txt')
    ap.add_argument('--version', default='15.0.0', help='its Unicode version (for the comment)')
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument('--check', metavar='FILE', help='exit 1 unless FILE holds the generated block')
    mode.add_argument('--write', metavar='FILE', help='replace the block in FILE')
    args = ap.parse_args()

    gen = c_text(merge(printable_runes(args.unicodedata)), args.version)
    if not args.check and not args.write:
        sys.stdout.write(gen)
        return 0
    path = args.check or args.write
    with open(path, encoding='utf-8') as f:
        text = f.read()
    block = find_block(text)
    if block is None:
        print('%s: no block starting with "%s"' % (path, START), file=sys.stderr)
        return 1
    old = text[block[0]:block[1]]
    if args.check:
        if old == gen:
            print('%s: print_ranges is exactly the generated table' % path)
            return 0
        a, b = old.splitlines(), gen.splitlines()
        n = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        print('%s: print_ranges differs from the generated table at its line %d:\n  file: %s\n  gen:  %s'
              % (path, n + 1, a[n] if n < len(a) else '(end)', b[n] if n < len(b) else '(end)'),
              file=sys.stderr)
        return 1
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text[:block[0]] + gen + text[block[1]:])
    return 0


if __name__ == '__main__':
    sys.exit(main())

/*
 * gocorpus.c - see gocorpus.h.  Formats values the way Go's fmt and strconv
 * print them, and parses the small part of Go's expression syntax that a
 * corpus line uses: TYPE(LITERAL), []byte(STRING), math.FloatNNfrombits(INT).
 *
 * Invariants: a value from the parser is within its type's range and owns
 * its bytes; gocorpus_parse hands back all of a file's values or none.
 * gocorpus_format counts every byte even past outlen, like snprintf, and
 * wraps an out-of-range integer the way a Go conversion would, so its output
 * always parses back.  Nothing here prints, exits or needs libm: floats are
 * taken apart by their bits and converted with snprintf, strtod and strtof
 * (in the C locale, which the engine never changes).
 *
 * Float text is Go's strconv.FormatFloat(v, 'g', -1, 32 or 64), which fmt's
 * %v uses.  Digits: the shortest that read back as the same float, found by
 * trying "%.{P-1}e" for P = 1, 2, ... (up to 9 for float32, 17 for float64)
 * and, when that correctly rounded P-digit number does not read back, its
 * two P-digit neighbours (at a power of two the round-trip interval is
 * lopsided and the other side may hold a P-digit number); of several, the
 * closest wins, as in Go.  Layout: with X the exponent of the first digit,
 * Go's %e form d.ddde±XX (two exponent digits at least) when X < -4 or
 * X >= 6 (ftoa.go sets eprec = 6 for the shortest precision), else plain
 * digits: 1e+06, 100000, 123456.7, 1.234567e+06, 0.0001, 1e-05, 3.14,
 * 1e+21, 5e-324, 1.7976931348623157e+308, 0, -0, +Inf, -Inf, NaN.
 *
 * Printable runes (Go's unicode.IsPrint: categories L, M, N, P, S and the
 * ASCII space) come from a range table generated from Unicode 15.0.0's
 * UnicodeData.txt, the version Go 1.21 and later use.
 */
#include <float.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "floatbits.h"
#include "gocorpus.h"

#define HEADER "go test fuzz v1"
#define GO_NAN64 0x7ff8000000000001ull /* Go's math.NaN() */
#define GO_NAN32 0x7fc00000u           /* float32(math.NaN()) */
#define WHY_MAX 160

__attribute__((format(printf, 3, 4)))
static int fail(char *why, size_t whylen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (why && whylen)
        vsnprintf(why, whylen, fmt, ap);
    va_end(ap);
    return -1;
}

static const char *const type_names[] = {
    "[]byte", "string", "bool", "int", "int8", "int16", "int32", "int64",
    "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64",
};

const char *gocorpus_type_name(enum go_type t)
{
    if ((unsigned)t >= sizeof type_names / sizeof type_names[0])
        return "?";
    return type_names[t];
}

/* ---- Unicode ---------------------------------------------------------- */

/* Printable runes above U+00FF: categories L, M, N, P and S of Unicode
 * 15.0.0, merged into ranges (generated from UnicodeData.txt). */
static const uint32_t print_ranges[][2] = {
    {0x100, 0x377}, {0x37a, 0x37f}, {0x384, 0x38a}, {0x38c, 0x38c}, {0x38e, 0x3a1},
    {0x3a3, 0x52f}, {0x531, 0x556}, {0x559, 0x58a}, {0x58d, 0x58f}, {0x591, 0x5c7},
    {0x5d0, 0x5ea}, {0x5ef, 0x5f4}, {0x606, 0x61b}, {0x61d, 0x6dc}, {0x6de, 0x70d},
    {0x710, 0x74a}, {0x74d, 0x7b1}, {0x7c0, 0x7fa}, {0x7fd, 0x82d}, {0x830, 0x83e},
    {0x840, 0x85b}, {0x85e, 0x85e}, {0x860, 0x86a}, {0x870, 0x88e}, {0x898, 0x8e1},
    {0x8e3, 0x983}, {0x985, 0x98c}, {0x98f, 0x990}, {0x993, 0x9a8}, {0x9aa, 0x9b0},
    {0x9b2, 0x9b2}, {0x9b6, 0x9b9}, {0x9bc, 0x9c4}, {0x9c7, 0x9c8}, {0x9cb, 0x9ce},
    {0x9d7, 0x9d7}, {0x9dc, 0x9dd}, {0x9df, 0x9e3}, {0x9e6, 0x9fe}, {0xa01, 0xa03},
    {0xa05, 0xa0a}, {0xa0f, 0xa10}, {0xa13, 0xa28}, {0xa2a, 0xa30}, {0xa32, 0xa33},
    {0xa35, 0xa36}, {0xa38, 0xa39}, {0xa3c, 0xa3c}, {0xa3e, 0xa42}, {0xa47, 0xa48},
    {0xa4b, 0xa4d}, {0xa51, 0xa51}, {0xa59, 0xa5c}, {0xa5e, 0xa5e}, {0xa66, 0xa76},
    {0xa81, 0xa83}, {0xa85, 0xa8d}, {0xa8f, 0xa91}, {0xa93, 0xaa8}, {0xaaa, 0xab0},
    {0xab2, 0xab3}, {0xab5, 0xab9}, {0xabc, 0xac5}, {0xac7, 0xac9}, {0xacb, 0xacd},
    {0xad0, 0xad0}, {0xae0, 0xae3}, {0xae6, 0xaf1}, {0xaf9, 0xaff}, {0xb01, 0xb03},
    {0xb05, 0xb0c}, {0xb0f, 0xb10}, {0xb13, 0xb28}, {0xb2a, 0xb30}, {0xb32, 0xb33},
    {0xb35, 0xb39}, {0xb3c, 0xb44}, {0xb47, 0xb48}, {0xb4b, 0xb4d}, {0xb55, 0xb57},
    {0xb5c, 0xb5d}, {0xb5f, 0xb63}, {0xb66, 0xb77}, {0xb82, 0xb83}, {0xb85, 0xb8a},
    {0xb8e, 0xb90}, {0xb92, 0xb95}, {0xb99, 0xb9a}, {0xb9c, 0xb9c}, {0xb9e, 0xb9f},
    {0xba3, 0xba4}, {0xba8, 0xbaa}, {0xbae, 0xbb9}, {0xbbe, 0xbc2}, {0xbc6, 0xbc8},
    {0xbca, 0xbcd}, {0xbd0, 0xbd0}, {0xbd7, 0xbd7}, {0xbe6, 0xbfa}, {0xc00, 0xc0c},
    {0xc0e, 0xc10}, {0xc12, 0xc28}, {0xc2a, 0xc39}, {0xc3c, 0xc44}, {0xc46, 0xc48},
    {0xc4a, 0xc4d}, {0xc55, 0xc56}, {0xc58, 0xc5a}, {0xc5d, 0xc5d}, {0xc60, 0xc63},
    {0xc66, 0xc6f}, {0xc77, 0xc8c}, {0xc8e, 0xc90}, {0xc92, 0xca8}, {0xcaa, 0xcb3},
    {0xcb5, 0xcb9}, {0xcbc, 0xcc4}, {0xcc6, 0xcc8}, {0xcca, 0xccd}, {0xcd5, 0xcd6},
    {0xcdd, 0xcde}, {0xce0, 0xce3}, {0xce6, 0xcef}, {0xcf1, 0xcf3}, {0xd00, 0xd0c},
    {0xd0e, 0xd10}, {0xd12, 0xd44}, {0xd46, 0xd48}, {0xd4a, 0xd4f}, {0xd54, 0xd63},
    {0xd66, 0xd7f}, {0xd81, 0xd83}, {0xd85, 0xd96}, {0xd9a, 0xdb1}, {0xdb3, 0xdbb},
    {0xdbd, 0xdbd}, {0xdc0, 0xdc6}, {0xdca, 0xdca}, {0xdcf, 0xdd4}, {0xdd6, 0xdd6},
    {0xdd8, 0xddf}, {0xde6, 0xdef}, {0xdf2, 0xdf4}, {0xe01, 0xe3a}, {0xe3f, 0xe5b},
    {0xe81, 0xe82}, {0xe84, 0xe84}, {0xe86, 0xe8a}, {0xe8c, 0xea3}, {0xea5, 0xea5},
    {0xea7, 0xebd}, {0xec0, 0xec4}, {0xec6, 0xec6}, {0xec8, 0xece}, {0xed0, 0xed9},
    {0xedc, 0xedf}, {0xf00, 0xf47}, {0xf49, 0xf6c}, {0xf71, 0xf97}, {0xf99, 0xfbc},
    {0xfbe, 0xfcc}, {0xfce, 0xfda}, {0x1000, 0x10c5}, {0x10c7, 0x10c7},
    {0x10cd, 0x10cd}, {0x10d0, 0x1248}, {0x124a, 0x124d}, {0x1250, 0x1256},
    {0x1258, 0x1258}, {0x125a, 0x125d}, {0x1260, 0x1288}, {0x128a, 0x128d},
    {0x1290, 0x12b0}, {0x12b2, 0x12b5}, {0x12b8, 0x12be}, {0x12c0, 0x12c0},
    {0x12c2, 0x12c5}, {0x12c8, 0x12d6}, {0x12d8, 0x1310}, {0x1312, 0x1315},
    {0x1318, 0x135a}, {0x135d, 0x137c}, {0x1380, 0x1399}, {0x13a0, 0x13f5},
    {0x13f8, 0x13fd}, {0x1400, 0x167f}, {0x1681, 0x169c}, {0x16a0, 0x16f8},
    {0x1700, 0x1715}, {0x171f, 0x1736}, {0x1740, 0x1753}, {0x1760, 0x176c},
    {0x176e, 0x1770}, {0x1772, 0x1773}, {0x1780, 0x17dd}, {0x17e0, 0x17e9},
    {0x17f0, 0x17f9}, {0x1800, 0x180d}, {0x180f, 0x1819}, {0x1820, 0x1878},
    {0x1880, 0x18aa}, {0x18b0, 0x18f5}, {0x1900, 0x191e}, {0x1920, 0x192b},
    {0x1930, 0x193b}, {0x1940, 0x1940}, {0x1944, 0x196d}, {0x1970, 0x1974},
    {0x1980, 0x19ab}, {0x19b0, 0x19c9}, {0x19d0, 0x19da}, {0x19de, 0x1a1b},
    {0x1a1e, 0x1a5e}, {0x1a60, 0x1a7c}, {0x1a7f, 0x1a89}, {0x1a90, 0x1a99},
    {0x1aa0, 0x1aad}, {0x1ab0, 0x1ace}, {0x1b00, 0x1b4c}, {0x1b50, 0x1b7e},
    {0x1b80, 0x1bf3}, {0x1bfc, 0x1c37}, {0x1c3b, 0x1c49}, {0x1c4d, 0x1c88},
    {0x1c90, 0x1cba}, {0x1cbd, 0x1cc7}, {0x1cd0, 0x1cfa}, {0x1d00, 0x1f15},
    {0x1f18, 0x1f1d}, {0x1f20, 0x1f45}, {0x1f48, 0x1f4d}, {0x1f50, 0x1f57},
    {0x1f59, 0x1f59}, {0x1f5b, 0x1f5b}, {0x1f5d, 0x1f5d}, {0x1f5f, 0x1f7d},
    {0x1f80, 0x1fb4}, {0x1fb6, 0x1fc4}, {0x1fc6, 0x1fd3}, {0x1fd6, 0x1fdb},
    {0x1fdd, 0x1fef}, {0x1ff2, 0x1ff4}, {0x1ff6, 0x1ffe}, {0x2010, 0x2027},
    {0x2030, 0x205e}, {0x2070, 0x2071}, {0x2074, 0x208e}, {0x2090, 0x209c},
    {0x20a0, 0x20c0}, {0x20d0, 0x20f0}, {0x2100, 0x218b}, {0x2190, 0x2426},
    {0x2440, 0x244a}, {0x2460, 0x2b73}, {0x2b76, 0x2b95}, {0x2b97, 0x2cf3},
    {0x2cf9, 0x2d25}, {0x2d27, 0x2d27}, {0x2d2d, 0x2d2d}, {0x2d30, 0x2d67},
    {0x2d6f, 0x2d70}, {0x2d7f, 0x2d96}, {0x2da0, 0x2da6}, {0x2da8, 0x2dae},
    {0x2db0, 0x2db6}, {0x2db8, 0x2dbe}, {0x2dc0, 0x2dc6}, {0x2dc8, 0x2dce},
    {0x2dd0, 0x2dd6}, {0x2dd8, 0x2dde}, {0x2de0, 0x2e5d}, {0x2e80, 0x2e99},
    {0x2e9b, 0x2ef3}, {0x2f00, 0x2fd5}, {0x2ff0, 0x2ffb}, {0x3001, 0x303f},
    {0x3041, 0x3096}, {0x3099, 0x30ff}, {0x3105, 0x312f}, {0x3131, 0x318e},
    {0x3190, 0x31e3}, {0x31f0, 0x321e}, {0x3220, 0xa48c}, {0xa490, 0xa4c6},
    {0xa4d0, 0xa62b}, {0xa640, 0xa6f7}, {0xa700, 0xa7ca}, {0xa7d0, 0xa7d1},
    {0xa7d3, 0xa7d3}, {0xa7d5, 0xa7d9}, {0xa7f2, 0xa82c}, {0xa830, 0xa839},
    {0xa840, 0xa877}, {0xa880, 0xa8c5}, {0xa8ce, 0xa8d9}, {0xa8e0, 0xa953},
    {0xa95f, 0xa97c}, {0xa980, 0xa9cd}, {0xa9cf, 0xa9d9}, {0xa9de, 0xa9fe},
    {0xaa00, 0xaa36}, {0xaa40, 0xaa4d}, {0xaa50, 0xaa59}, {0xaa5c, 0xaac2},
    {0xaadb, 0xaaf6}, {0xab01, 0xab06}, {0xab09, 0xab0e}, {0xab11, 0xab16},
    {0xab20, 0xab26}, {0xab28, 0xab2e}, {0xab30, 0xab6b}, {0xab70, 0xabed},
    {0xabf0, 0xabf9}, {0xac00, 0xd7a3}, {0xd7b0, 0xd7c6}, {0xd7cb, 0xd7fb},
    {0xf900, 0xfa6d}, {0xfa70, 0xfad9}, {0xfb00, 0xfb06}, {0xfb13, 0xfb17},
    {0xfb1d, 0xfb36}, {0xfb38, 0xfb3c}, {0xfb3e, 0xfb3e}, {0xfb40, 0xfb41},
    {0xfb43, 0xfb44}, {0xfb46, 0xfbc2}, {0xfbd3, 0xfd8f}, {0xfd92, 0xfdc7},
    {0xfdcf, 0xfdcf}, {0xfdf0, 0xfe19}, {0xfe20, 0xfe52}, {0xfe54, 0xfe66},
    {0xfe68, 0xfe6b}, {0xfe70, 0xfe74}, {0xfe76, 0xfefc}, {0xff01, 0xffbe},
    {0xffc2, 0xffc7}, {0xffca, 0xffcf}, {0xffd2, 0xffd7}, {0xffda, 0xffdc},
    {0xffe0, 0xffe6}, {0xffe8, 0xffee}, {0xfffc, 0xfffd}, {0x10000, 0x1000b},
    {0x1000d, 0x10026}, {0x10028, 0x1003a}, {0x1003c, 0x1003d}, {0x1003f, 0x1004d},
    {0x10050, 0x1005d}, {0x10080, 0x100fa}, {0x10100, 0x10102}, {0x10107, 0x10133},
    {0x10137, 0x1018e}, {0x10190, 0x1019c}, {0x101a0, 0x101a0}, {0x101d0, 0x101fd},
    {0x10280, 0x1029c}, {0x102a0, 0x102d0}, {0x102e0, 0x102fb}, {0x10300, 0x10323},
    {0x1032d, 0x1034a}, {0x10350, 0x1037a}, {0x10380, 0x1039d}, {0x1039f, 0x103c3},
    {0x103c8, 0x103d5}, {0x10400, 0x1049d}, {0x104a0, 0x104a9}, {0x104b0, 0x104d3},
    {0x104d8, 0x104fb}, {0x10500, 0x10527}, {0x10530, 0x10563}, {0x1056f, 0x1057a},
    {0x1057c, 0x1058a}, {0x1058c, 0x10592}, {0x10594, 0x10595}, {0x10597, 0x105a1},
    {0x105a3, 0x105b1}, {0x105b3, 0x105b9}, {0x105bb, 0x105bc}, {0x10600, 0x10736},
    {0x10740, 0x10755}, {0x10760, 0x10767}, {0x10780, 0x10785}, {0x10787, 0x107b0},
    {0x107b2, 0x107ba}, {0x10800, 0x10805}, {0x10808, 0x10808}, {0x1080a, 0x10835},
    {0x10837, 0x10838}, {0x1083c, 0x1083c}, {0x1083f, 0x10855}, {0x10857, 0x1089e},
    {0x108a7, 0x108af}, {0x108e0, 0x108f2}, {0x108f4, 0x108f5}, {0x108fb, 0x1091b},
    {0x1091f, 0x10939}, {0x1093f, 0x1093f}, {0x10980, 0x109b7}, {0x109bc, 0x109cf},
    {0x109d2, 0x10a03}, {0x10a05, 0x10a06}, {0x10a0c, 0x10a13}, {0x10a15, 0x10a17},
    {0x10a19, 0x10a35}, {0x10a38, 0x10a3a}, {0x10a3f, 0x10a48}, {0x10a50, 0x10a58},
    {0x10a60, 0x10a9f}, {0x10ac0, 0x10ae6}, {0x10aeb, 0x10af6}, {0x10b00, 0x10b35},
    {0x10b39, 0x10b55}, {0x10b58, 0x10b72}, {0x10b78, 0x10b91}, {0x10b99, 0x10b9c},
    {0x10ba9, 0x10baf}, {0x10c00, 0x10c48}, {0x10c80, 0x10cb2}, {0x10cc0, 0x10cf2},
    {0x10cfa, 0x10d27}, {0x10d30, 0x10d39}, {0x10e60, 0x10e7e}, {0x10e80, 0x10ea9},
    {0x10eab, 0x10ead}, {0x10eb0, 0x10eb1}, {0x10efd, 0x10f27}, {0x10f30, 0x10f59},
    {0x10f70, 0x10f89}, {0x10fb0, 0x10fcb}, {0x10fe0, 0x10ff6}, {0x11000, 0x1104d},
    {0x11052, 0x11075}, {0x1107f, 0x110bc}, {0x110be, 0x110c2}, {0x110d0, 0x110e8},
    {0x110f0, 0x110f9}, {0x11100, 0x11134}, {0x11136, 0x11147}, {0x11150, 0x11176},
    {0x11180, 0x111df}, {0x111e1, 0x111f4}, {0x11200, 0x11211}, {0x11213, 0x11241},
    {0x11280, 0x11286}, {0x11288, 0x11288}, {0x1128a, 0x1128d}, {0x1128f, 0x1129d},
    {0x1129f, 0x112a9}, {0x112b0, 0x112ea}, {0x112f0, 0x112f9}, {0x11300, 0x11303},
    {0x11305, 0x1130c}, {0x1130f, 0x11310}, {0x11313, 0x11328}, {0x1132a, 0x11330},
    {0x11332, 0x11333}, {0x11335, 0x11339}, {0x1133b, 0x11344}, {0x11347, 0x11348},
    {0x1134b, 0x1134d}, {0x11350, 0x11350}, {0x11357, 0x11357}, {0x1135d, 0x11363},
    {0x11366, 0x1136c}, {0x11370, 0x11374}, {0x11400, 0x1145b}, {0x1145d, 0x11461},
    {0x11480, 0x114c7}, {0x114d0, 0x114d9}, {0x11580, 0x115b5}, {0x115b8, 0x115dd},
    {0x11600, 0x11644}, {0x11650, 0x11659}, {0x11660, 0x1166c}, {0x11680, 0x116b9},
    {0x116c0, 0x116c9}, {0x11700, 0x1171a}, {0x1171d, 0x1172b}, {0x11730, 0x11746},
    {0x11800, 0x1183b}, {0x118a0, 0x118f2}, {0x118ff, 0x11906}, {0x11909, 0x11909},
    {0x1190c, 0x11913}, {0x11915, 0x11916}, {0x11918, 0x11935}, {0x11937, 0x11938},
    {0x1193b, 0x11946}, {0x11950, 0x11959}, {0x119a0, 0x119a7}, {0x119aa, 0x119d7},
    {0x119da, 0x119e4}, {0x11a00, 0x11a47}, {0x11a50, 0x11aa2}, {0x11ab0, 0x11af8},
    {0x11b00, 0x11b09}, {0x11c00, 0x11c08}, {0x11c0a, 0x11c36}, {0x11c38, 0x11c45},
    {0x11c50, 0x11c6c}, {0x11c70, 0x11c8f}, {0x11c92, 0x11ca7}, {0x11ca9, 0x11cb6},
    {0x11d00, 0x11d06}, {0x11d08, 0x11d09}, {0x11d0b, 0x11d36}, {0x11d3a, 0x11d3a},
    {0x11d3c, 0x11d3d}, {0x11d3f, 0x11d47}, {0x11d50, 0x11d59}, {0x11d60, 0x11d65},
    {0x11d67, 0x11d68}, {0x11d6a, 0x11d8e}, {0x11d90, 0x11d91}, {0x11d93, 0x11d98},
    {0x11da0, 0x11da9}, {0x11ee0, 0x11ef8}, {0x11f00, 0x11f10}, {0x11f12, 0x11f3a},
    {0x11f3e, 0x11f59}, {0x11fb0, 0x11fb0}, {0x11fc0, 0x11ff1}, {0x11fff, 0x12399},
    {0x12400, 0x1246e}, {0x12470, 0x12474}, {0x12480, 0x12543}, {0x12f90, 0x12ff2},
    {0x13000, 0x1342f}, {0x13440, 0x13455}, {0x14400, 0x14646}, {0x16800, 0x16a38},
    {0x16a40, 0x16a5e}, {0x16a60, 0x16a69}, {0x16a6e, 0x16abe}, {0x16ac0, 0x16ac9},
    {0x16ad0, 0x16aed}, {0x16af0, 0x16af5}, {0x16b00, 0x16b45}, {0x16b50, 0x16b59},
    {0x16b5b, 0x16b61}, {0x16b63, 0x16b77}, {0x16b7d, 0x16b8f}, {0x16e40, 0x16e9a},
    {0x16f00, 0x16f4a}, {0x16f4f, 0x16f87}, {0x16f8f, 0x16f9f}, {0x16fe0, 0x16fe4},
    {0x16ff0, 0x16ff1}, {0x17000, 0x187f7}, {0x18800, 0x18cd5}, {0x18d00, 0x18d08},
    {0x1aff0, 0x1aff3}, {0x1aff5, 0x1affb}, {0x1affd, 0x1affe}, {0x1b000, 0x1b122},
    {0x1b132, 0x1b132}, {0x1b150, 0x1b152}, {0x1b155, 0x1b155}, {0x1b164, 0x1b167},
    {0x1b170, 0x1b2fb}, {0x1bc00, 0x1bc6a}, {0x1bc70, 0x1bc7c}, {0x1bc80, 0x1bc88},
    {0x1bc90, 0x1bc99}, {0x1bc9c, 0x1bc9f}, {0x1cf00, 0x1cf2d}, {0x1cf30, 0x1cf46},
    {0x1cf50, 0x1cfc3}, {0x1d000, 0x1d0f5}, {0x1d100, 0x1d126}, {0x1d129, 0x1d172},
    {0x1d17b, 0x1d1ea}, {0x1d200, 0x1d245}, {0x1d2c0, 0x1d2d3}, {0x1d2e0, 0x1d2f3},
    {0x1d300, 0x1d356}, {0x1d360, 0x1d378}, {0x1d400, 0x1d454}, {0x1d456, 0x1d49c},
    {0x1d49e, 0x1d49f}, {0x1d4a2, 0x1d4a2}, {0x1d4a5, 0x1d4a6}, {0x1d4a9, 0x1d4ac},
    {0x1d4ae, 0x1d4b9}, {0x1d4bb, 0x1d4bb}, {0x1d4bd, 0x1d4c3}, {0x1d4c5, 0x1d505},
    {0x1d507, 0x1d50a}, {0x1d50d, 0x1d514}, {0x1d516, 0x1d51c}, {0x1d51e, 0x1d539},
    {0x1d53b, 0x1d53e}, {0x1d540, 0x1d544}, {0x1d546, 0x1d546}, {0x1d54a, 0x1d550},
    {0x1d552, 0x1d6a5}, {0x1d6a8, 0x1d7cb}, {0x1d7ce, 0x1da8b}, {0x1da9b, 0x1da9f},
    {0x1daa1, 0x1daaf}, {0x1df00, 0x1df1e}, {0x1df25, 0x1df2a}, {0x1e000, 0x1e006},
    {0x1e008, 0x1e018}, {0x1e01b, 0x1e021}, {0x1e023, 0x1e024}, {0x1e026, 0x1e02a},
    {0x1e030, 0x1e06d}, {0x1e08f, 0x1e08f}, {0x1e100, 0x1e12c}, {0x1e130, 0x1e13d},
    {0x1e140, 0x1e149}, {0x1e14e, 0x1e14f}, {0x1e290, 0x1e2ae}, {0x1e2c0, 0x1e2f9},
    {0x1e2ff, 0x1e2ff}, {0x1e4d0, 0x1e4f9}, {0x1e7e0, 0x1e7e6}, {0x1e7e8, 0x1e7eb},
    {0x1e7ed, 0x1e7ee}, {0x1e7f0, 0x1e7fe}, {0x1e800, 0x1e8c4}, {0x1e8c7, 0x1e8d6},
    {0x1e900, 0x1e94b}, {0x1e950, 0x1e959}, {0x1e95e, 0x1e95f}, {0x1ec71, 0x1ecb4},
    {0x1ed01, 0x1ed3d}, {0x1ee00, 0x1ee03}, {0x1ee05, 0x1ee1f}, {0x1ee21, 0x1ee22},
    {0x1ee24, 0x1ee24}, {0x1ee27, 0x1ee27}, {0x1ee29, 0x1ee32}, {0x1ee34, 0x1ee37},
    {0x1ee39, 0x1ee39}, {0x1ee3b, 0x1ee3b}, {0x1ee42, 0x1ee42}, {0x1ee47, 0x1ee47},
    {0x1ee49, 0x1ee49}, {0x1ee4b, 0x1ee4b}, {0x1ee4d, 0x1ee4f}, {0x1ee51, 0x1ee52},
    {0x1ee54, 0x1ee54}, {0x1ee57, 0x1ee57}, {0x1ee59, 0x1ee59}, {0x1ee5b, 0x1ee5b},
    {0x1ee5d, 0x1ee5d}, {0x1ee5f, 0x1ee5f}, {0x1ee61, 0x1ee62}, {0x1ee64, 0x1ee64},
    {0x1ee67, 0x1ee6a}, {0x1ee6c, 0x1ee72}, {0x1ee74, 0x1ee77}, {0x1ee79, 0x1ee7c},
    {0x1ee7e, 0x1ee7e}, {0x1ee80, 0x1ee89}, {0x1ee8b, 0x1ee9b}, {0x1eea1, 0x1eea3},
    {0x1eea5, 0x1eea9}, {0x1eeab, 0x1eebb}, {0x1eef0, 0x1eef1}, {0x1f000, 0x1f02b},
    {0x1f030, 0x1f093}, {0x1f0a0, 0x1f0ae}, {0x1f0b1, 0x1f0bf}, {0x1f0c1, 0x1f0cf},
    {0x1f0d1, 0x1f0f5}, {0x1f100, 0x1f1ad}, {0x1f1e6, 0x1f202}, {0x1f210, 0x1f23b},
    {0x1f240, 0x1f248}, {0x1f250, 0x1f251}, {0x1f260, 0x1f265}, {0x1f300, 0x1f6d7},
    {0x1f6dc, 0x1f6ec}, {0x1f6f0, 0x1f6fc}, {0x1f700, 0x1f776}, {0x1f77b, 0x1f7d9},
    {0x1f7e0, 0x1f7eb}, {0x1f7f0, 0x1f7f0}, {0x1f800, 0x1f80b}, {0x1f810, 0x1f847},
    {0x1f850, 0x1f859}, {0x1f860, 0x1f887}, {0x1f890, 0x1f8ad}, {0x1f8b0, 0x1f8b1},
    {0x1f900, 0x1fa53}, {0x1fa60, 0x1fa6d}, {0x1fa70, 0x1fa7c}, {0x1fa80, 0x1fa88},
    {0x1fa90, 0x1fabd}, {0x1fabf, 0x1fac5}, {0x1face, 0x1fadb}, {0x1fae0, 0x1fae8},
    {0x1faf0, 0x1faf8}, {0x1fb00, 0x1fb92}, {0x1fb94, 0x1fbca}, {0x1fbf0, 0x1fbf9},
    {0x20000, 0x2a6df}, {0x2a700, 0x2b739}, {0x2b740, 0x2b81d}, {0x2b820, 0x2cea1},
    {0x2ceb0, 0x2ebe0}, {0x2f800, 0x2fa1d}, {0x30000, 0x3134a}, {0x31350, 0x323af},
    {0xe0100, 0xe01ef},
};

static int is_print(uint32_t r)
{
    if (r <= 0xff)
        return (r >= 0x20 && r <= 0x7e) || (r >= 0xa1 && r != 0xad);
    size_t lo = 0, hi = sizeof print_ranges / sizeof print_ranges[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r < print_ranges[mid][0])
            hi = mid;
        else if (r > print_ranges[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

static int is_valid_rune(int64_t r)
{
    return r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);
}

/* Unicode white space, as Go's bytes.TrimSpace trims it. */
static int is_space_rune(uint32_t r)
{
    switch (r) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
    case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202f: case 0x205f: case 0x3000:
        return 1;
    }
    return r >= 0x2000 && r <= 0x200a;
}

/* Decodes the rune at s[0..n) as Go's utf8.DecodeRune does (no overlong
 * forms, surrogates or runes past U+10FFFF); returns its length, or 0 when
 * the bytes are not valid UTF-8. */
static size_t utf8_decode(const uint8_t *s, size_t n, uint32_t *r)
{
    uint8_t c = s[0], lo = 0x80, hi = 0xbf;
    size_t w;
    if (c < 0x80) {
        *r = c;
        return 1;
    }
    if (c < 0xc2 || c > 0xf4)
        return 0;
    w = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    if (c == 0xe0 || c == 0xf0) /* no overlong forms */
        lo = c == 0xe0 ? 0xa0 : 0x90;
    if (c == 0xed || c == 0xf4) /* no surrogates, nothing past U+10FFFF */
        hi = c == 0xed ? 0x9f : 0x8f;
    if (n < w || s[1] < lo || s[1] > hi)
        return 0;
    uint32_t v = c & (0x7f >> w);
    for (size_t i = 1; i < w; i++) {
        if (i > 1 && (s[i] < 0x80 || s[i] > 0xbf))
            return 0;
        v = v << 6 | (s[i] & 0x3f);
    }
    *r = v;
    return w;
}

static size_t utf8_decode_chars(const char *p, const char *end, uint32_t *r)
{
    return utf8_decode((const uint8_t *)p, (size_t)(end - p), r);
}

/* Writes valid rune r as UTF-8 into b; returns the length (1 to 4). */
static size_t utf8_encode(uint32_t r, uint8_t *b)
{
    if (r < 0x80) {
        b[0] = (uint8_t)r;
        return 1;
    }
    static const uint8_t lead[] = {0, 0, 0xc0, 0xe0, 0xf0};
    size_t w = r < 0x800 ? 2 : r < 0x10000 ? 3 : 4;
    for (size_t i = w - 1; i > 0; i--, r >>= 6)
        b[i] = (uint8_t)(0x80 | (r & 0x3f));
    b[0] = (uint8_t)(lead[w] | r);
    return w;
}

/* ---- Output ----------------------------------------------------------- */

struct out {
    char *p;
    size_t cap, n; /* n counts everything, written or not */
};

static void put_char(struct out *o, char c)
{
    if (o->n + 1 < o->cap)
        o->p[o->n] = c;
    o->n++;
}

static void put_mem(struct out *o, const void *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put_char(o, ((const char *)s)[i]);
}

static void put_str(struct out *o, const char *s)
{
    put_mem(o, s, strlen(s));
}

/* prefix, then v in `digits` lowercase hex digits. */
static void put_hex(struct out *o, const char *prefix, uint32_t v, int digits)
{
    static const char hex[] = "0123456789abcdef";
    put_str(o, prefix);
    for (int s = (digits - 1) * 4; s >= 0; s -= 4)
        put_char(o, hex[v >> s & 15]);
}

/* Valid rune r inside a literal quoted with quote, as strconv's
 * appendEscapedRune writes it. */
static void put_escaped_rune(struct out *o, uint32_t r, char quote)
{
    static const char ctl[] = "\a\b\f\n\r\t\v", name[] = "abfnrtv";
    const char *c = r > 0 && r < 0x20 ? strchr(ctl, (int)r) : NULL;
    uint8_t b[4];
    if (r == (uint32_t)quote || r == '\\') {
        put_char(o, '\\');
        put_char(o, (char)r);
    } else if (is_print(r)) {
        put_mem(o, b, utf8_encode(r, b));
    } else if (c) {
        put_char(o, '\\');
        put_char(o, name[c - ctl]);
    } else if (r < 0x20 || r == 0x7f) {
        put_hex(o, "\\x", r, 2);
    } else if (r < 0x10000) {
        put_hex(o, "\\u", r, 4);
    } else {
        put_hex(o, "\\U", r, 8);
    }
}

/* strconv.Quote of the bytes: invalid UTF-8 as \xHH, one byte at a time. */
static void put_quoted(struct out *o, const uint8_t *s, size_t n)
{
    put_char(o, '"');
    for (size_t i = 0, w; i < n; i += w) {
        uint32_t r;
        w = utf8_decode(s + i, n - i, &r);
        if (w == 0) {
            put_hex(o, "\\x", s[i], 2);
            w = 1;
        } else {
            put_escaped_rune(o, r, '"');
        }
    }
    put_char(o, '"');
}

/* strconv.QuoteRune of a valid rune. */
static void put_rune(struct out *o, uint32_t r)
{
    put_char(o, '\'');
    put_escaped_rune(o, r, '\'');
    put_char(o, '\'');
}

/* ---- Floats ----------------------------------------------------------- */

/* A positive decimal 0.d[0]d[1]...d[nd-1] x 10^dp, no trailing zeros. */
struct decimal {
    char d[24];
    int nd, dp;
};

/* Whether m x 10^e reads back as v (as a float32 when is32). */
static int reads_back(uint64_t m, int e, double v, int is32)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%" PRIu64 "e%d", m, e);
    if (is32)
        return strtof(buf, NULL) == (float)v;
    return strtod(buf, NULL) == v;
}

static void set_decimal(struct decimal *d, uint64_t m, int e)
{
    while (m % 10 == 0) {
        m /= 10;
        e++;
    }
    d->nd = snprintf(d->d, sizeof d->d, "%" PRIu64, m);
    d->dp = d->nd + e;
}

/* The correctly rounded p-digit decimal of v as m x 10^e; *low is 10^(p-1). */
static void round_to(double v, int p, uint64_t *m, int *e, uint64_t *low)
{
    char buf[48];
    const char *s = buf;
    snprintf(buf, sizeof buf, "%.*e", p - 1, v);
    for (*m = 0; *s != 'e'; s++)
        if (*s != '.')
            *m = *m * 10 + (uint64_t)(*s - '0');
    *e = atoi(s + 1) - (p - 1);
    for (*low = 1; --p > 0;)
        *low *= 10;
}

/* Go's shortest digits of a finite v > 0; see the header comment. */
static void shortest(double v, int is32, struct decimal *d)
{
    int pmax = is32 ? 9 : 17;
    for (int p = 1;; p++) {
        uint64_t m, low;
        int e;
        round_to(v, p, &m, &e, &low);
        if (p == pmax || reads_back(m, e, v, is32)) {
            set_decimal(d, m, e);
            return;
        }
        if (reads_back(m + 1, e, v, is32)) {
            set_decimal(d, m + 1, e);
            return;
        }
        uint64_t below = m > low ? m - 1 : m * 10 - 1; /* 1000 -> 9999 */
        int ebelow = m > low ? e : e - 1;
        if (reads_back(below, ebelow, v, is32)) {
            set_decimal(d, below, ebelow);
            return;
        }
    }
}

/* d as strconv's 'g' format with the shortest precision. */
static void put_decimal(struct out *o, const struct decimal *d)
{
    int x = d->dp - 1;
    if (x < -4 || x >= 6) {
        char exp[16];
        put_char(o, d->d[0]);
        if (d->nd > 1) {
            put_char(o, '.');
            put_mem(o, d->d + 1, (size_t)d->nd - 1);
        }
        snprintf(exp, sizeof exp, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
        put_str(o, exp);
        return;
    }
    if (d->dp <= 0)
        put_char(o, '0');
    for (int i = 0; i < d->dp; i++)
        put_char(o, i < d->nd ? d->d[i] : '0');
    if (d->nd > d->dp)
        put_char(o, '.');
    for (int i = d->dp; i < d->nd; i++)
        put_char(o, i < 0 ? '0' : d->d[i]);
}

/* A float that is not a NaN, as fmt's %v prints it. */
static void put_number(struct out *o, double v, int negative, int is32)
{
    struct decimal d;
    if (v > DBL_MAX || v < -DBL_MAX) {
        put_str(o, negative ? "-Inf" : "+Inf");
        return;
    }
    if (negative) {
        put_char(o, '-');
        v = -v;
    }
    if (v == 0) {
        put_char(o, '0');
        return;
    }
    shortest(v, is32, &d);
    put_decimal(o, &d);
}

static void put_float64(struct out *o, double v)
{
    uint64_t b = f64_bits(v);
    char buf[48];
    if ((b & 0x7fffffffffffffffull) > 0x7ff0000000000000ull && b != GO_NAN64) {
        snprintf(buf, sizeof buf, "math.Float64frombits(0x%" PRIx64, b);
        put_str(o, buf);
    } else if (b == GO_NAN64) {
        put_str(o, "float64(NaN");
    } else {
        put_str(o, "float64(");
        put_number(o, v, (int)(b >> 63), 0);
    }
}

static void put_float32(struct out *o, float v)
{
    uint32_t b = f32_bits(v);
    char buf[48];
    if ((b & 0x7fffffffu) > 0x7f800000u && b != GO_NAN32) {
        snprintf(buf, sizeof buf, "math.Float32frombits(0x%" PRIx32, b);
        put_str(o, buf);
    } else if (b == GO_NAN32) {
        put_str(o, "float32(NaN");
    } else {
        put_str(o, "float32(");
        put_number(o, (double)v, (int)(b >> 31), 1);
    }
}

/* ---- Integers --------------------------------------------------------- */

static int int_bits(enum go_type t)
{
    switch (t) {
    case GO_INT8: case GO_UINT8: return 8;
    case GO_INT16: case GO_UINT16: return 16;
    case GO_INT32: case GO_UINT32: return 32;
    case GO_INT: case GO_INT64: case GO_UINT: case GO_UINT64: return 64;
    default: return 0;
    }
}

static int is_signed(enum go_type t)
{
    return t >= GO_INT && t <= GO_INT64;
}

/* v converted to a signed integer of `bits` bits, as Go converts. */
static int64_t wrap_signed(int64_t v, int bits)
{
    if (bits == 64)
        return v;
    uint64_t m = 1ull << bits, u = (uint64_t)v & (m - 1);
    return u >= m / 2 ? (int64_t)u - (int64_t)m : (int64_t)u;
}

static uint64_t wrap_unsigned(uint64_t v, int bits)
{
    return bits == 64 ? v : v & ((1ull << bits) - 1);
}

static void put_integer(struct out *o, const struct go_value *v, int bits)
{
    char buf[48];
    const char *name = gocorpus_type_name(v->type);
    int64_t i = wrap_signed(v->i, bits);
    if (v->type == GO_UINT8) {
        put_str(o, "byte(");
        put_rune(o, (uint32_t)wrap_unsigned(v->u, 8));
        return;
    }
    if (v->type == GO_INT32 && is_valid_rune(i)) {
        put_str(o, "rune(");
        put_rune(o, (uint32_t)i);
        return;
    }
    if (is_signed(v->type))
        snprintf(buf, sizeof buf, "%s(%" PRId64, name, i);
    else
        snprintf(buf, sizeof buf, "%s(%" PRIu64, name, wrap_unsigned(v->u, bits));
    put_str(o, buf);
}

/* ---- Formatting ------------------------------------------------------- */

/* One line of the file; -1 if v's type is not a go_type. */
static int put_value(struct out *o, const struct go_value *v)
{
    switch (v->type) {
    case GO_BYTES:
    case GO_STRING:
        put_str(o, v->type == GO_BYTES ? "[]byte(" : "string(");
        put_quoted(o, v->bytes.p, v->bytes.len);
        break;
    case GO_BOOL:
        put_str(o, v->b ? "bool(true" : "bool(false");
        break;
    case GO_FLOAT32:
        put_float32(o, v->f32);
        break;
    case GO_FLOAT64:
        put_float64(o, v->f64);
        break;
    default:
        if (int_bits(v->type) == 0)
            return -1;
        put_integer(o, v, int_bits(v->type));
    }
    put_str(o, ")\n");
    return 0;
}

size_t gocorpus_format(const struct go_value *vals, size_t n, char *out, size_t outlen)
{
    struct out o = {out, outlen, 0};
    size_t rc = 0;
    put_str(&o, HEADER "\n");
    for (size_t i = 0; i < n && rc == 0; i++)
        if (put_value(&o, &vals[i]) != 0)
            rc = SIZE_MAX;
    if (outlen)
        out[o.n < outlen ? o.n : outlen - 1] = '\0';
    return rc ? rc : o.n;
}

/* ---- Tokens ----------------------------------------------------------- */

enum tok { T_EOF, T_IDENT, T_INT, T_FLOAT, T_CHAR, T_STRING, T_PUNCT };

struct token {
    enum tok kind;
    const char *s;
    size_t len;
};

struct lexer {
    const char *p, *end;
    char *why;
    size_t whylen;
};

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (uint8_t)c >= 0x80;
}

/* 0-35 for 0-9, a-z, A-Z; 99 for anything else. */
static int digit_value(char c)
{
    if (is_digit(c))
        return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return (c | 0x20) - 'a' + 10;
    return 99;
}

static int is_punct(const struct token *t, char c)
{
    return t->kind == T_PUNCT && t->s[0] == c;
}

static int is_word(const struct token *t, const char *w)
{
    return t->kind == T_IDENT && t->len == strlen(w) && memcmp(t->s, w, t->len) == 0;
}

/* 16, 8 or 2 for a 0x, 0o or 0b prefix; 0 for none. */
static int prefix_base(const char *s, size_t n)
{
    if (n < 2 || s[0] != '0')
        return 0;
    switch (s[1] | 0x20) {
    case 'x': return 16;
    case 'o': return 8;
    case 'b': return 2;
    default: return 0;
    }
}

/* Skips blanks and comments; -1 for an unterminated comment. */
static int skip_blank(struct lexer *lx)
{
    for (;;) {
        const char *p = lx->p;
        size_t left = (size_t)(lx->end - p);
        if (left && (*p == ' ' || *p == '\t' || *p == '\r')) {
            lx->p++;
        } else if (left >= 2 && p[0] == '/' && p[1] == '/') {
            lx->p = lx->end;
        } else if (left >= 2 && p[0] == '/' && p[1] == '*') {
            const char *q = memmem(p + 2, left - 2, "*/", 2);
            if (!q)
                return fail(lx->why, lx->whylen, "unterminated comment");
            lx->p = q + 2;
        } else {
            return 0;
        }
    }
}

/* Whether '_' at s[i] separates two digits (or follows a base prefix). */
static int separator_ok(const char *s, size_t n, size_t i, int base)
{
    int after_prefix = i == 2 && prefix_base(s, n);
    return (after_prefix || digit_value(s[i - 1]) < base) && i + 1 < n &&
           digit_value(s[i + 1]) < base;
}

/* Skips the decimal digits of an exponent from s[*i]; 0 if there are none. */
static int exponent_ok(const char *s, size_t n, size_t *i)
{
    size_t start = *i;
    for (; *i < n && (is_digit(s[*i]) || s[*i] == '_'); ++*i)
        if (s[*i] == '_' && (*i == start || !separator_ok(s, n, *i, 10)))
            return 0;
    return *i > start;
}

/* Checks a number by Go's rules: T_INT, T_FLOAT or -1 if malformed. */
static int number_kind(const char *s, size_t n)
{
    int base = prefix_base(s, n), digits = 0, dot = 0, exp = 0;
    size_t i = base ? 2 : 0;
    int scan = base ? base : 10; /* 017 is octal, but 09.5 a float */
    for (; i < n; i++) {
        if (s[i] == '_' && !separator_ok(s, n, i, scan))
            return -1;
        if (s[i] == '.' && !dot && scan >= 10)
            dot = 1;
        else if (digit_value(s[i]) < scan)
            digits++;
        else if (s[i] != '_')
            break;
    }
    char e = scan == 16 ? 'p' : scan == 10 ? 'e' : 0;
    if (digits && i < n && e && (s[i] | 0x20) == e) {
        i += 1 + (i + 1 < n && (s[i + 1] == '+' || s[i + 1] == '-'));
        if (!exponent_ok(s, n, &i))
            return -1;
        exp = 1;
    }
    if (!digits || i != n || (scan == 16 && dot && !exp))
        return -1;
    if (!base && !dot && !exp && s[0] == '0')
        for (i = 1; i < n; i++)
            if (s[i] != '_' && digit_value(s[i]) >= 8)
                return -1;
    return dot || exp ? T_FLOAT : T_INT;
}

/* End of the number at p: letters, digits, '_', '.' and a sign after an
 * exponent letter (e or E; p or P after a 0x prefix). */
static const char *number_end(const char *p, const char *end)
{
    int hex = prefix_base(p, (size_t)(end - p)) == 16;
    const char *q = p;
    while (q < end) {
        char prev = q > p ? (char)(q[-1] | 0x20) : 0;
        if (is_letter(*q) || is_digit(*q) || *q == '.')
            q++;
        else if ((*q == '+' || *q == '-') && prev == (hex ? 'p' : 'e'))
            q++;
        else
            break;
    }
    return q;
}

/* End (past the closing quote) of the "..." or '...' literal at p, or NULL. */
static const char *quoted_end(const char *p, const char *end)
{
    char quote = *p;
    for (p++; p < end; p++) {
        if (*p == '\\') {
            if (++p == end) /* skip the escaped character */
                break;
        } else if (*p == quote) {
            return p + 1;
        }
    }
    return NULL;
}

static int lex_number(struct lexer *lx, struct token *t)
{
    const char *q = number_end(lx->p, lx->end);
    int kind = number_kind(lx->p, (size_t)(q - lx->p));
    if (kind < 0)
        return fail(lx->why, lx->whylen, "malformed number %.*s",
                    (int)(q - lx->p > 40 ? 40 : q - lx->p), lx->p);
    t->kind = (enum tok)kind;
    t->len = (size_t)(q - lx->p);
    return 0;
}

static int lex_quoted(struct lexer *lx, struct token *t)
{
    const char *p = lx->p, *q;
    if (*p == '`')
        q = memchr(p + 1, '`', (size_t)(lx->end - p - 1));
    else
        q = quoted_end(p, lx->end);
    if (!q)
        return fail(lx->why, lx->whylen, "unterminated %s",
                    *p == '\'' ? "rune literal" : *p == '`' ? "raw string" : "string");
    t->kind = *p == '\'' ? T_CHAR : T_STRING;
    t->len = (size_t)(q - p) + (*p == '`');
    return 0;
}

/* Reads the next token into t; -1 with a message for a bad one. */
static int lex(struct lexer *lx, struct token *t)
{
    if (skip_blank(lx) != 0)
        return -1;
    const char *p = lx->p;
    int rc = 0;
    t->s = p;
    t->len = 1;
    if (p == lx->end) {
        t->kind = T_EOF;
        t->len = 0;
    } else if (is_letter(*p)) {
        for (t->kind = T_IDENT; p + t->len < lx->end; t->len++)
            if (!is_letter(p[t->len]) && !is_digit(p[t->len]))
                break;
    } else if (is_digit(*p) || (*p == '.' && p + 1 < lx->end && is_digit(p[1]))) {
        rc = lex_number(lx, t);
    } else if (*p == '"' || *p == '\'' || *p == '`') {
        rc = lex_quoted(lx, t);
    } else if (*p && strchr("()[].,-+", *p)) {
        t->kind = T_PUNCT;
    } else if (*p > ' ' && *p < 0x7f) {
        return fail(lx->why, lx->whylen, "unexpected '%c'", *p);
    } else {
        return fail(lx->why, lx->whylen, "unexpected byte 0x%02x", (unsigned)(uint8_t)*p);
    }
    lx->p += rc == 0 ? t->len : 0;
    return rc;
}

/* ---- Literals --------------------------------------------------------- */

/* Decodes the escape after a backslash at *pp, inside a literal quoted with
 * quote, into *r; *byte is set for \x and octal escapes, which stand for a
 * byte rather than a rune.  Advances *pp. */
static int unescape(const char **pp, const char *end, char quote, uint32_t *r, int *byte,
                    char *why, size_t whylen)
{
    static const char esc[] = "abfnrtv\\'\"", val[] = "\a\b\f\n\r\t\v\\'\"";
    const char *p = *pp, *e = strchr(esc, *p);
    int ndig = 3, base = 8;
    *byte = *p == 'x' || (*p >= '0' && *p <= '7');
    if (*p && e && (*p == quote || (*p != '\'' && *p != '"'))) {
        *r = (uint8_t)val[e - esc];
        *pp = p + 1;
        return 0;
    }
    if (*p == 'x' || *p == 'u' || *p == 'U') {
        ndig = *p == 'x' ? 2 : *p == 'u' ? 4 : 8;
        base = 16;
        p++;
    } else if (!*byte) {
        if (*p > ' ' && *p < 0x7f)
            return fail(why, whylen, "unknown escape \\%c", *p);
        return fail(why, whylen, "unknown escape");
    }
    for (*r = 0; ndig > 0; ndig--, p++) {
        int d = p < end ? digit_value(*p) : 99;
        if (d >= base)
            return fail(why, whylen, "malformed escape: too few %s digits",
                        base == 8 ? "octal" : "hex");
        *r = *r * (uint32_t)base + (uint32_t)d;
    }
    if (*byte ? *r > 255 : !is_valid_rune(*r))
        return fail(why, whylen, "escape value out of range");
    *pp = p;
    return 0;
}

/* The bytes of a "..." or `...` literal, into v (malloc'd, NUL after). */
static int unquote_string(const struct token *t, struct go_value *v, char *why, size_t whylen)
{
    const char *p = t->s + 1, *end = t->s + t->len - 1;
    uint8_t *buf = malloc(t->len);
    size_t n = 0;
    if (!buf)
        return fail(why, whylen, "out of memory");
    while (p < end) {
        uint32_t r;
        int byte;
        if (t->s[0] == '`' || *p != '\\') {
            if (t->s[0] != '`' || *p != '\r') /* raw strings drop \r */
                buf[n++] = (uint8_t)*p;
            p++;
            continue;
        }
        p++;
        if (unescape(&p, end, '"', &r, &byte, why, whylen) != 0) {
            free(buf);
            return -1;
        }
        if (byte)
            buf[n++] = (uint8_t)r;
        else
            n += utf8_encode(r, buf + n);
    }
    buf[n] = '\0';
    v->bytes.p = buf;
    v->bytes.len = n;
    return 0;
}

/* The value of a '...' literal. */
static int unquote_char(const struct token *t, uint32_t *r, char *why, size_t whylen)
{
    const char *p = t->s + 1, *end = t->s + t->len - 1;
    int byte;
    if (p == end)
        return fail(why, whylen, "empty rune literal");
    if (*p == '\\') {
        p++;
        if (unescape(&p, end, '\'', r, &byte, why, whylen) != 0)
            return -1;
    } else {
        p += utf8_decode_chars(p, end, r); /* the line is valid UTF-8 */
    }
    if (p != end)
        return fail(why, whylen, "more than one character in rune literal");
    return 0;
}

/* The magnitude of an integer literal (checked by number_kind); -1 if it
 * does not fit in 64 bits. */
static int int_value(const char *s, size_t n, uint64_t *out)
{
    int base = prefix_base(s, n);
    size_t i = base ? 2 : 0;
    if (!base)
        base = n > 1 && s[0] == '0' ? 8 : 10;
    for (*out = 0; i < n; i++) {
        if (s[i] == '_')
            continue;
        uint64_t d = (uint64_t)digit_value(s[i]);
        if (*out > (UINT64_MAX - d) / (uint64_t)base)
            return -1;
        *out = *out * (uint64_t)base + d;
    }
    return 0;
}

/* ---- Values ----------------------------------------------------------- */

struct callee {
    enum go_type type;
    int frombits; /* math.Float32frombits or math.Float64frombits */
};

struct arg {
    struct token lit;
    char sign; /* 0, '-' or '+' */
};

static int range_error(enum go_type t, char *why, size_t whylen)
{
    return fail(why, whylen, "value out of range for %s", gocorpus_type_name(t));
}

/* Stores magnitude mag (negated if neg) into v, checking v's range. */
static int set_integer(struct go_value *v, uint64_t mag, int neg, char *why, size_t whylen)
{
    int bits = int_bits(v->type);
    if (!is_signed(v->type)) {
        if (neg)
            return fail(why, whylen, "negative value for %s", gocorpus_type_name(v->type));
        if (bits < 64 && mag >> bits)
            return range_error(v->type, why, whylen);
        v->u = mag;
        return 0;
    }
    uint64_t limit = 1ull << (bits - 1);
    if (neg ? mag > limit : mag >= limit)
        return range_error(v->type, why, whylen);
    v->i = neg && mag ? -(int64_t)(mag - 1) - 1 : (int64_t)mag;
    return 0;
}

static int convert_int(const struct arg *a, struct go_value *v, char *why, size_t whylen)
{
    uint64_t mag;
    int runes = v->type == GO_INT32 || v->type == GO_UINT8;
    if (a->lit.kind == T_CHAR && runes && !a->sign) {
        uint32_t r;
        if (unquote_char(&a->lit, &r, why, whylen) != 0)
            return -1;
        mag = r;
    } else if (a->lit.kind == T_INT && a->sign != '+') {
        if (int_value(a->lit.s, a->lit.len, &mag) != 0)
            return range_error(v->type, why, whylen);
    } else {
        return fail(why, whylen, "expected an integer%s for %s", runes ? " or a rune literal" : "",
                    gocorpus_type_name(v->type));
    }
    return set_integer(v, mag, a->sign == '-', why, whylen);
}

/* A decimal or hex float literal (any int literal without a base prefix
 * reads as decimal, as Go's strconv.ParseFloat reads it). */
static int float_value(const struct arg *a, struct go_value *v, char *why, size_t whylen)
{
    const struct token *t = &a->lit;
    int base = prefix_base(t->s, t->len);
    char *buf, *p;
    if (t->kind == T_INT && base)
        return fail(why, whylen, "expected a float literal for %s", gocorpus_type_name(v->type));
    if (!(p = buf = malloc(t->len + 2)))
        return fail(why, whylen, "out of memory");
    if (a->sign)
        *p++ = a->sign;
    for (size_t i = 0; i < t->len; i++)
        if (t->s[i] != '_')
            *p++ = t->s[i];
    *p = '\0';
    if (v->type == GO_FLOAT32)
        v->f32 = strtof(buf, NULL);
    else
        v->f64 = strtod(buf, NULL);
    free(buf);
    if (v->type == GO_FLOAT32 ? (f32_bits(v->f32) & 0x7fffffffu) == 0x7f800000u
                              : (f64_bits(v->f64) & ~(1ull << 63)) == 0x7ff0000000000000ull)
        return range_error(v->type, why, whylen);
    return 0;
}

static int convert_float(const struct arg *a, struct go_value *v, char *why, size_t whylen)
{
    const struct token *t = &a->lit;
    int is32 = v->type == GO_FLOAT32;
    uint64_t inf = a->sign == '-' ? 0xfff0000000000000ull : 0x7ff0000000000000ull;
    if (is_word(t, "NaN") && !a->sign) {
        if (is32)
            v->f32 = f32_from(GO_NAN32);
        else
            v->f64 = f64_from(GO_NAN64);
    } else if (is_word(t, "Inf") && a->sign) {
        if (is32)
            v->f32 = f32_from(a->sign == '-' ? 0xff800000u : 0x7f800000u);
        else
            v->f64 = f64_from(inf);
    } else if ((t->kind == T_INT || t->kind == T_FLOAT) && a->sign != '+') {
        return float_value(a, v, why, whylen);
    } else {
        return fail(why, whylen, "expected a number, +Inf, -Inf or NaN for %s",
                    gocorpus_type_name(v->type));
    }
    return 0;
}

static int convert_bits(const struct arg *a, struct go_value *v, char *why, size_t whylen)
{
    uint64_t bits;
    int is32 = v->type == GO_FLOAT32;
    if (a->lit.kind != T_INT || a->sign)
        return fail(why, whylen, "expected an unsigned integer for math.Float%dfrombits",
                    is32 ? 32 : 64);
    if (int_value(a->lit.s, a->lit.len, &bits) != 0 || (is32 && bits > UINT32_MAX))
        return range_error(is32 ? GO_UINT32 : GO_UINT64, why, whylen);
    if (is32)
        v->f32 = f32_from((uint32_t)bits);
    else
        v->f64 = f64_from(bits);
    return 0;
}

/* The value of the call's argument, by the callee's type. */
static int convert(const struct callee *c, const struct arg *a, struct go_value *v,
                   char *why, size_t whylen)
{
    const struct token *t = &a->lit;
    v->type = c->type;
    if (c->frombits)
        return convert_bits(a, v, why, whylen);
    switch (c->type) {
    case GO_BYTES:
    case GO_STRING:
        if (t->kind != T_STRING || a->sign)
            return fail(why, whylen, "expected a string literal for %s",
                        gocorpus_type_name(c->type));
        return unquote_string(t, v, why, whylen);
    case GO_BOOL:
        if ((!is_word(t, "true") && !is_word(t, "false")) || a->sign)
            return fail(why, whylen, "expected true or false for bool");
        v->b = is_word(t, "true");
        return 0;
    case GO_FLOAT32:
    case GO_FLOAT64:
        return convert_float(a, v, why, whylen);
    default:
        return convert_int(a, v, why, whylen);
    }
}

static int type_by_name(const struct token *t, enum go_type *type)
{
    if (is_word(t, "byte") || is_word(t, "rune")) {
        *type = is_word(t, "byte") ? GO_UINT8 : GO_INT32;
        return 0;
    }
    for (size_t i = GO_STRING; i < sizeof type_names / sizeof type_names[0]; i++) {
        if (is_word(t, type_names[i])) {
            *type = (enum go_type)i;
            return 0;
        }
    }
    return -1;
}

/* After "math.": Float32frombits or Float64frombits. */
static int parse_frombits(struct lexer *lx, const struct token *pkg, struct callee *c)
{
    struct token t;
    if (lex(lx, &t) != 0)
        return -1;
    c->frombits = 1;
    c->type = is_word(&t, "Float32frombits") ? GO_FLOAT32 : GO_FLOAT64;
    if (is_word(pkg, "math") && (is_word(&t, "Float32frombits") || is_word(&t, "Float64frombits")))
        return 0;
    return fail(lx->why, lx->whylen, "unknown function %.*s.%.*s", (int)(pkg->len > 40 ? 40 : pkg->len),
                pkg->s, (int)(t.len > 40 ? 40 : t.len), t.s);
}

/* The type before '(': []byte, a type name or math.FloatNNfrombits. */
static int parse_callee(struct lexer *lx, struct callee *c)
{
    static const char expected[] = "expected a type like int64(...) or []byte(...)";
    struct token t, u;
    c->frombits = 0;
    if (lex(lx, &t) != 0)
        return -1;
    if (is_punct(&t, '[')) {
        c->type = GO_BYTES;
        if (lex(lx, &t) != 0 || !is_punct(&t, ']') || lex(lx, &t) != 0 || !is_word(&t, "byte"))
            return fail(lx->why, lx->whylen, "expected []byte");
        return 0;
    }
    struct lexer peek = *lx;
    if (t.kind != T_IDENT)
        return fail(lx->why, lx->whylen, expected);
    if (lex(&peek, &u) != 0)
        return -1;
    if (is_punct(&u, '.')) {
        *lx = peek;
        return parse_frombits(lx, &t, c);
    }
    if (type_by_name(&t, &c->type) == 0)
        return 0;
    if (!is_punct(&u, '('))
        return fail(lx->why, lx->whylen, expected);
    return fail(lx->why, lx->whylen, "unknown type %.*s", (int)(t.len > 40 ? 40 : t.len), t.s);
}

/* An optional '-' or '+', then a literal or a name. */
static int parse_arg(struct lexer *lx, struct arg *a)
{
    a->sign = 0;
    if (lex(lx, &a->lit) != 0)
        return -1;
    if (is_punct(&a->lit, '-') || is_punct(&a->lit, '+')) {
        a->sign = a->lit.s[0];
        if (lex(lx, &a->lit) != 0)
            return -1;
    }
    if (a->lit.kind == T_EOF || a->lit.kind == T_PUNCT)
        return fail(lx->why, lx->whylen, "expected a value inside the parentheses");
    return 0;
}

static int expect(struct lexer *lx, char c, const char *msg)
{
    struct token t;
    if (lex(lx, &t) != 0)
        return -1;
    return is_punct(&t, c) ? 0 : fail(lx->why, lx->whylen, "%s", msg);
}

/* One value line, trimmed and non-empty: callee '(' arg [','] ')'. */
static int parse_value(const char *p, const char *end, struct go_value *v, char *why,
                       size_t whylen)
{
    struct lexer lx = {p, end, why, whylen};
    struct callee c = {GO_BYTES, 0};
    struct arg a;
    struct token t;
    if (parse_callee(&lx, &c) != 0 || expect(&lx, '(', "expected '(' after the type") != 0 ||
        parse_arg(&lx, &a) != 0 || lex(&lx, &t) != 0)
        return -1;
    if (is_punct(&t, ',') && lex(&lx, &t) != 0)
        return -1;
    if (!is_punct(&t, ')'))
        return fail(why, whylen, "expected ')' after the value");
    if (lex(&lx, &t) != 0)
        return -1;
    if (t.kind != T_EOF)
        return fail(why, whylen, "unexpected text after ')'");
    return convert(&c, &a, v, why, whylen);
}

/* ---- Files ------------------------------------------------------------ */

struct vec {
    struct go_value *v;
    size_t n, cap;
};

/* Trims Unicode white space from both ends, as bytes.TrimSpace does. */
static void trim_space(const char **pp, const char **endp)
{
    const char *p = *pp, *end = *endp, *stop;
    uint32_t r;
    size_t w;
    for (; p < end && (w = utf8_decode_chars(p, end, &r)) && is_space_rune(r); p += w)
        ;
    stop = p;
    for (const char *q = p; q < end; q += w) {
        w = utf8_decode_chars(q, end, &r);
        if (w == 0)
            w = 1;
        else if (is_space_rune(r))
            continue;
        stop = q + w;
    }
    *pp = p;
    *endp = stop;
}

/* Go's scanner rejects NUL, invalid UTF-8 and a byte order mark after the
 * start; a leading one it skips. */
static int check_text(const char **pp, const char *end, char *why, size_t whylen)
{
    uint32_t r;
    size_t w;
    for (const char *q = *pp; q < end; q += w) {
        if (!(w = utf8_decode_chars(q, end, &r)))
            return fail(why, whylen, "invalid UTF-8");
        if (r == 0)
            return fail(why, whylen, "NUL byte");
        if (r == 0xfeff && q != *pp)
            return fail(why, whylen, "byte order mark inside the line");
    }
    if (end - *pp >= 3 && memcmp(*pp, "\xef\xbb\xbf", 3) == 0)
        *pp += 3;
    return 0;
}

static int parse_line(struct vec *vec, const char *p, const char *end, char *why, size_t whylen)
{
    trim_space(&p, &end);
    if (p == end)
        return 0;
    if (check_text(&p, end, why, whylen) != 0)
        return -1;
    if (vec->n == vec->cap) {
        size_t cap = vec->cap ? vec->cap * 2 : 8;
        struct go_value *v = realloc(vec->v, cap * sizeof *v);
        if (!v)
            return fail(why, whylen, "out of memory");
        vec->v = v;
        vec->cap = cap;
    }
    if (parse_value(p, end, &vec->v[vec->n], why, whylen) != 0)
        return -1;
    vec->n++;
    return 0;
}

static int header_ok(const char *p, const char *end)
{
    size_t n = (size_t)(end - p);
    if (n && p[n - 1] == '\r')
        n--;
    return n == strlen(HEADER) && memcmp(p, HEADER, n) == 0;
}

int gocorpus_parse(const uint8_t *text, size_t len, struct go_value **vals, size_t *n,
                   char *err, size_t errlen)
{
    const char *s = (const char *)text, *end = s + len;
    const char *nl = len ? memchr(s, '\n', len) : NULL;
    struct vec vec = {0};
    *vals = NULL;
    *n = 0;
    if (!len || !header_ok(s, nl ? nl : end))
        return fail(err, errlen, "line 1: missing header \"" HEADER "\"");
    if (!nl)
        return fail(err, errlen, "line 1: expected a newline and values after the header");
    size_t line = 2;
    for (const char *p = nl + 1;; line++) {
        char why[WHY_MAX];
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (parse_line(&vec, p, e ? e : end, why, sizeof why) != 0) {
            gocorpus_free(vec.v, vec.n);
            return fail(err, errlen, "line %zu: %s", line, why);
        }
        if (!e)
            break;
        p = e + 1;
    }
    *vals = vec.v;
    *n = vec.n;
    return 0;
}

int gocorpus_check_types(const struct go_value *vals, size_t n, const enum go_type *want,
                         size_t nwant, char *err, size_t errlen)
{
    if (n != nwant)
        return fail(err, errlen, "has %zu value%s, the target takes %zu", n, n == 1 ? "" : "s",
                    nwant);
    for (size_t i = 0; i < n; i++)
        if (vals[i].type != want[i])
            return fail(err, errlen, "value %zu is %s, the target takes %s", i + 1,
                        gocorpus_type_name(vals[i].type), gocorpus_type_name(want[i]));
    return 0;
}

void gocorpus_free(struct go_value *vals, size_t n)
{
    for (size_t i = 0; vals && i < n; i++)
        if (vals[i].type == GO_BYTES || vals[i].type == GO_STRING)
            free(vals[i].bytes.p);
    free(vals);
}

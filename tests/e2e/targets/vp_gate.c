/* Value profile's gate (test_vp_gate): a burst of easy edges, then a
 * 64-bit magic that only value profile can climb (the test turns
 * input-to-state off).  d[0] and d[1] each pick one of 64 functions, each
 * its own edge: random bytes find a new one every few executions at first,
 * enough finds in a row to shut the gate; once they are all found, edges
 * stop coming and it opens again. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define NI __attribute__((noinline))

static volatile int sink;

static NI void f0(void) { sink = 0; } static NI void f1(void) { sink = 1; } static NI void f2(void) { sink = 2; } static NI void f3(void) { sink = 3; }
static NI void f4(void) { sink = 4; } static NI void f5(void) { sink = 5; } static NI void f6(void) { sink = 6; } static NI void f7(void) { sink = 7; }
static NI void f8(void) { sink = 8; } static NI void f9(void) { sink = 9; } static NI void f10(void) { sink = 10; } static NI void f11(void) { sink = 11; }
static NI void f12(void) { sink = 12; } static NI void f13(void) { sink = 13; } static NI void f14(void) { sink = 14; } static NI void f15(void) { sink = 15; }
static NI void f16(void) { sink = 16; } static NI void f17(void) { sink = 17; } static NI void f18(void) { sink = 18; } static NI void f19(void) { sink = 19; }
static NI void f20(void) { sink = 20; } static NI void f21(void) { sink = 21; } static NI void f22(void) { sink = 22; } static NI void f23(void) { sink = 23; }
static NI void f24(void) { sink = 24; } static NI void f25(void) { sink = 25; } static NI void f26(void) { sink = 26; } static NI void f27(void) { sink = 27; }
static NI void f28(void) { sink = 28; } static NI void f29(void) { sink = 29; } static NI void f30(void) { sink = 30; } static NI void f31(void) { sink = 31; }
static NI void f32(void) { sink = 32; } static NI void f33(void) { sink = 33; } static NI void f34(void) { sink = 34; } static NI void f35(void) { sink = 35; }
static NI void f36(void) { sink = 36; } static NI void f37(void) { sink = 37; } static NI void f38(void) { sink = 38; } static NI void f39(void) { sink = 39; }
static NI void f40(void) { sink = 40; } static NI void f41(void) { sink = 41; } static NI void f42(void) { sink = 42; } static NI void f43(void) { sink = 43; }
static NI void f44(void) { sink = 44; } static NI void f45(void) { sink = 45; } static NI void f46(void) { sink = 46; } static NI void f47(void) { sink = 47; }
static NI void f48(void) { sink = 48; } static NI void f49(void) { sink = 49; } static NI void f50(void) { sink = 50; } static NI void f51(void) { sink = 51; }
static NI void f52(void) { sink = 52; } static NI void f53(void) { sink = 53; } static NI void f54(void) { sink = 54; } static NI void f55(void) { sink = 55; }
static NI void f56(void) { sink = 56; } static NI void f57(void) { sink = 57; } static NI void f58(void) { sink = 58; } static NI void f59(void) { sink = 59; }
static NI void f60(void) { sink = 60; } static NI void f61(void) { sink = 61; } static NI void f62(void) { sink = 62; } static NI void f63(void) { sink = 63; }
static NI void f64(void) { sink = 64; } static NI void f65(void) { sink = 65; } static NI void f66(void) { sink = 66; } static NI void f67(void) { sink = 67; }
static NI void f68(void) { sink = 68; } static NI void f69(void) { sink = 69; } static NI void f70(void) { sink = 70; } static NI void f71(void) { sink = 71; }
static NI void f72(void) { sink = 72; } static NI void f73(void) { sink = 73; } static NI void f74(void) { sink = 74; } static NI void f75(void) { sink = 75; }
static NI void f76(void) { sink = 76; } static NI void f77(void) { sink = 77; } static NI void f78(void) { sink = 78; } static NI void f79(void) { sink = 79; }
static NI void f80(void) { sink = 80; } static NI void f81(void) { sink = 81; } static NI void f82(void) { sink = 82; } static NI void f83(void) { sink = 83; }
static NI void f84(void) { sink = 84; } static NI void f85(void) { sink = 85; } static NI void f86(void) { sink = 86; } static NI void f87(void) { sink = 87; }
static NI void f88(void) { sink = 88; } static NI void f89(void) { sink = 89; } static NI void f90(void) { sink = 90; } static NI void f91(void) { sink = 91; }
static NI void f92(void) { sink = 92; } static NI void f93(void) { sink = 93; } static NI void f94(void) { sink = 94; } static NI void f95(void) { sink = 95; }
static NI void f96(void) { sink = 96; } static NI void f97(void) { sink = 97; } static NI void f98(void) { sink = 98; } static NI void f99(void) { sink = 99; }
static NI void f100(void) { sink = 100; } static NI void f101(void) { sink = 101; } static NI void f102(void) { sink = 102; } static NI void f103(void) { sink = 103; }
static NI void f104(void) { sink = 104; } static NI void f105(void) { sink = 105; } static NI void f106(void) { sink = 106; } static NI void f107(void) { sink = 107; }
static NI void f108(void) { sink = 108; } static NI void f109(void) { sink = 109; } static NI void f110(void) { sink = 110; } static NI void f111(void) { sink = 111; }
static NI void f112(void) { sink = 112; } static NI void f113(void) { sink = 113; } static NI void f114(void) { sink = 114; } static NI void f115(void) { sink = 115; }
static NI void f116(void) { sink = 116; } static NI void f117(void) { sink = 117; } static NI void f118(void) { sink = 118; } static NI void f119(void) { sink = 119; }
static NI void f120(void) { sink = 120; } static NI void f121(void) { sink = 121; } static NI void f122(void) { sink = 122; } static NI void f123(void) { sink = 123; }
static NI void f124(void) { sink = 124; } static NI void f125(void) { sink = 125; } static NI void f126(void) { sink = 126; } static NI void f127(void) { sink = 127; }

typedef void (*fn)(void);
static fn const fns[128] = { /* d[0] picks among the first 64, d[1] the others */
    f0, f1, f2, f3, f4, f5, f6, f7,
    f8, f9, f10, f11, f12, f13, f14, f15,
    f16, f17, f18, f19, f20, f21, f22, f23,
    f24, f25, f26, f27, f28, f29, f30, f31,
    f32, f33, f34, f35, f36, f37, f38, f39,
    f40, f41, f42, f43, f44, f45, f46, f47,
    f48, f49, f50, f51, f52, f53, f54, f55,
    f56, f57, f58, f59, f60, f61, f62, f63,
    f64, f65, f66, f67, f68, f69, f70, f71,
    f72, f73, f74, f75, f76, f77, f78, f79,
    f80, f81, f82, f83, f84, f85, f86, f87,
    f88, f89, f90, f91, f92, f93, f94, f95,
    f96, f97, f98, f99, f100, f101, f102, f103,
    f104, f105, f106, f107, f108, f109, f110, f111,
    f112, f113, f114, f115, f116, f117, f118, f119,
    f120, f121, f122, f123, f124, f125, f126, f127};

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n < 10)
        return 0;
    fns[d[0] & 63]();
    fns[64 + (d[1] & 63)]();
    uint64_t x;
    memcpy(&x, d + 2, sizeof x);
    if (x == 0xdeadbeefcafebabeULL)
        __builtin_trap();
    return 0;
}

/*
 * cmpwide.h - the contract between ferret's LLVM pass plugin
 * (src/plugin/ferret_pass.cpp) and the runtime hooks it calls (cmpwide.c):
 * the hooks' names, their arguments, and the predicate codes.  C and C++
 * both include it; it declares nothing but macros, so the plugin (built
 * against LLVM, never linked with ferret) and the runtime agree on one text.
 *
 * The hooks (all return void, all nounwind; the pass inserts the call right
 * before the compare, with the constant operand, if any, second):
 *   FERRET_HOOK_FCMP4 (uint32_t a, uint32_t b, uint32_t pred)
 *       a float compare, the operands as their IEEE bits;
 *   FERRET_HOOK_FCMP8 (uint64_t a, uint64_t b, uint32_t pred)
 *       a double compare, the same;
 *   FERRET_HOOK_FCMP10(uint64_t a_lo, uint64_t a_hi, uint64_t b_lo,
 *                      uint64_t b_hi, uint32_t pred)
 *       an x86 long double (80 bits) compare: lo is the 64-bit significand,
 *       hi the sign and exponent (16 bits), as the value lies in memory;
 *   FERRET_HOOK_ICMP_WIDE(uint64_t a_lo, uint64_t a_hi, uint64_t b_lo,
 *                         uint64_t b_hi, uint32_t bits)
 *       an integer compare of bits (9..128, not 16, 32 or 64) wide, each
 *       operand zero-extended to 128 bits and split into two words.
 *
 * Invariants: a float hook's pred is one of CMPW_EQ .. CMPW_NE below, or
 * CMPW_OTHER when the compare asks no order (LLVM's ord, uno, true, false;
 * ordered and unordered forms of one relation share a code).  Changing a hook's name or
 * arguments means rebuilding both sides; the plugin is built by the same
 * make as the archive.
 *
 * Owns: nothing: an interface (macros only).
 */
#ifndef FERRET_CMPWIDE_H
#define FERRET_CMPWIDE_H

#define FERRET_HOOK_FCMP4 "__ferret_trace_fcmp4"
#define FERRET_HOOK_FCMP8 "__ferret_trace_fcmp8"
#define FERRET_HOOK_FCMP10 "__ferret_trace_fcmp10"
#define FERRET_HOOK_ICMP_WIDE "__ferret_trace_icmp_wide"

/* What a float compare asks of a against b. */
#define CMPW_OTHER 0
#define CMPW_EQ 1
#define CMPW_GT 2
#define CMPW_GE 3
#define CMPW_LT 4
#define CMPW_LE 5
#define CMPW_NE 6
#define CMPW_KIND_MASK 7

/* Integer compares the plugin reports: wider than a byte, at most 128 bits,
 * and not a width SanitizerCoverage already traces. */
#define CMPW_MIN_BITS 9
#define CMPW_MAX_BITS 128

#endif

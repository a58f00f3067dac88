/*
 * ferret_pass.cpp - ferret's LLVM pass plugin (clang 14, new pass manager):
 * reports to ferret's runtime the compares SanitizerCoverage does not trace,
 * so that input-to-state can solve them.  Loaded with
 *     clang -fpass-plugin=.../ferret-pass.so ...
 * which ferret-cc does by default (tools/ferret-cc).
 *
 * What it instruments, in every function with a body (but those marked
 * no_sanitize("coverage")):
 *  - fcmp on float, double and x86_fp80 (long double): a call to
 *    __ferret_trace_fcmp4/8/10 with both operands as their bits and what
 *    the compare asks (==, <, ...);
 *  - icmp on scalar integers of 9 to 128 bits other than 16, 32 and 64
 *    (unsigned __int128, _BitInt(24), _BitInt(72) ...): a call to
 *    __ferret_trace_icmp_wide with both operands zero-extended to 128 bits,
 *    split into two 64-bit words, and the width;
 *  - icmp and fcmp on fixed vectors (what the vectorizer makes of a loop of
 *    compares, e.g. `ok &= d[i] == KEY[i]` at -O2, which SanitizerCoverage
 *    skips): a float vector lane by lane through the float hooks; an
 *    integer vector as the integer its bits make, as the input holds them
 *    (lane 0 first): 1, 2, 4 or 8 bytes through SanitizerCoverage's own
 *    __sanitizer_cov_trace_[const_]cmpN (so value profile sees them too),
 *    other sizes up to 16 bytes through the wide hook, and wider vectors in
 *    16-byte pieces (at most VEC_MAX_BITS in all).
 * The names, arguments and codes are src/runtime/cmpwide.h's, which the
 * runtime (cmpwide.c) implements.  Each call goes right before its compare
 * and carries its debug location; operands are passed by value (no stack
 * slot, nothing for a sanitizer to instrument).  A compare of two constants
 * is left alone; a constant on the left is swapped to the right (with the
 * predicate), so the runtime always sees the constant as b, the value the
 * input must take.
 *
 * When: at the end of the optimization pipeline
 * (registerOptimizerLastEPCallback), where SanitizerCoverage runs too in
 * clang 14 (plugins register first, so this pass runs just before it).  The
 * compares are then the ones that reach code generation: at -O0 all of
 * them, at -O1/-O2 those the optimizer kept, and the calls cannot stop an
 * optimization or be optimized away.  Tried at pipeline start instead
 * (registerPipelineStartEPCallback), on the same -O2 code: the calls kept
 * a loop of double compares from being vectorized, and a _BitInt(24)
 * compare was missed (it is an i32 compare after C's conversions and
 * becomes i24 only in instcombine).  At the end, the vectorizer has run:
 * hence the vector hooks above.
 *
 * Not instrumented: half/bfloat/fp128/ppc_fp128, integers of 2..8 bits (a
 * byte's compares are SanitizerCoverage's) or wider than 128 bits (clang
 * 14's widest _BitInt is 128), scalable vectors, vectors of pointers, and
 * integer vectors wider than VEC_MAX_BITS or not a whole number of bytes
 * (or, above 16 bytes, of 16-byte pieces).
 *
 * Owns: nothing at run time; in the compiler, only the instructions and the
 * hook declarations it adds to the module it is given.
 */
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"

#include "cmpwide.h"

using namespace llvm;

namespace {

/* cmpwide.h's code for what an fcmp predicate asks. */
unsigned floatKind(CmpInst::Predicate p)
{
    switch (p) {
    case CmpInst::FCMP_OEQ: case CmpInst::FCMP_UEQ: return CMPW_EQ;
    case CmpInst::FCMP_ONE: case CmpInst::FCMP_UNE: return CMPW_NE;
    case CmpInst::FCMP_OGT: case CmpInst::FCMP_UGT: return CMPW_GT;
    case CmpInst::FCMP_OGE: case CmpInst::FCMP_UGE: return CMPW_GE;
    case CmpInst::FCMP_OLT: case CmpInst::FCMP_ULT: return CMPW_LT;
    case CmpInst::FCMP_OLE: case CmpInst::FCMP_ULE: return CMPW_LE;
    default: return CMPW_OTHER;
    }
}

bool isWideInt(Type *T)
{
    if (!T->isIntegerTy())
        return false;
    unsigned w = T->getIntegerBitWidth();
    return w >= CMPW_MIN_BITS && w <= CMPW_MAX_BITS && w != 16 && w != 32 && w != 64;
}

bool isTracedFloat(Type *T)
{
    return T->isFloatTy() || T->isDoubleTy() || T->isX86_FP80Ty();
}

/* The widest integer vector traced: four 16-byte pieces (an AVX-512 or
 * unrolled <64 x i8> compare); wider ones are left alone. */
const unsigned VEC_MAX_BITS = 512;

/* The bits of an integer vector of T's shape, 0 if it is not one traced. */
unsigned intVectorBits(Type *T)
{
    auto *VT = dyn_cast<FixedVectorType>(T);
    if (!VT || !VT->getElementType()->isIntegerTy())
        return 0;
    unsigned lane = VT->getElementType()->getIntegerBitWidth();
    unsigned bits = lane * VT->getNumElements();
    if (lane < 8 || bits % 8 != 0 || bits > VEC_MAX_BITS || (bits > 128 && bits % 128 != 0))
        return 0;
    return bits;
}

bool isTracedFloatVector(Type *T)
{
    auto *VT = dyn_cast<FixedVectorType>(T);
    return VT && isTracedFloat(VT->getElementType()) && VT->getNumElements() <= 16;
}

bool wanted(CmpInst *C)
{
    Value *L = C->getOperand(0), *R = C->getOperand(1);
    if (isa<Constant>(L) && isa<Constant>(R))
        return false;
    Type *T = L->getType();
    if (isa<FCmpInst>(C))
        return isTracedFloat(T) || isTracedFloatVector(T);
    return isWideInt(T) || intVectorBits(T) != 0;
}

class Instrumenter {
public:
    explicit Instrumenter(Module &M) : M(M), Ctx(M.getContext()) {}

    /* The compares of F worth a hook, gathered before any is changed. */
    void collect(Function &F, SmallVectorImpl<CmpInst *> &out)
    {
        if (F.isDeclaration() || F.hasFnAttribute(Attribute::NoSanitizeCoverage))
            return;
        for (BasicBlock &BB : F)
            for (Instruction &I : BB)
                if (auto *C = dyn_cast<CmpInst>(&I))
                    if (wanted(C))
                        out.push_back(C);
    }

    void instrument(CmpInst *C)
    {
        if (isa<Constant>(C->getOperand(0)))
            C->swapOperands(); /* the constant second, the predicate swapped */
        IRBuilder<> B(C);      /* before C, with its debug location */
        Value *L = C->getOperand(0), *R = C->getOperand(1);
        if (L->getType()->isVectorTy())
            vectorHooks(B, L, R, C);
        else if (isa<FCmpInst>(C))
            floatHook(B, L, R, floatKind(C->getPredicate()));
        else
            wideHook(B, L, R);
    }

private:
    Module &M;
    LLVMContext &Ctx;

    FunctionCallee hook(const char *name, ArrayRef<Type *> params)
    {
        FunctionType *FT = FunctionType::get(Type::getVoidTy(Ctx), params, false);
        FunctionCallee F = M.getOrInsertFunction(name, FT);
        if (auto *Fn = dyn_cast<Function>(F.getCallee())) {
            Fn->addFnAttr(Attribute::NoUnwind);
            Fn->addFnAttr(Attribute::WillReturn);
        }
        return F;
    }

    /* v (an integer of at most 128 bits) as its low and high 64-bit words. */
    void split(IRBuilder<> &B, Value *v, Value *&lo, Value *&hi)
    {
        Type *I64 = B.getInt64Ty();
        Value *w = B.CreateZExtOrTrunc(v, B.getInt128Ty());
        lo = B.CreateTrunc(w, I64);
        hi = B.CreateTrunc(B.CreateLShr(w, 64), I64);
    }

    void floatHook(IRBuilder<> &B, Value *L, Value *R, unsigned kind)
    {
        Type *T = L->getType(), *I32 = B.getInt32Ty(), *I64 = B.getInt64Ty();
        Value *pred = B.getInt32(kind);
        if (T->isFloatTy()) {
            B.CreateCall(hook(FERRET_HOOK_FCMP4, {I32, I32, I32}),
                         {B.CreateBitCast(L, I32), B.CreateBitCast(R, I32), pred});
        } else if (T->isDoubleTy()) {
            B.CreateCall(hook(FERRET_HOOK_FCMP8, {I64, I64, I32}),
                         {B.CreateBitCast(L, I64), B.CreateBitCast(R, I64), pred});
        } else {
            Type *I80 = B.getIntNTy(80);
            Value *alo, *ahi, *blo, *bhi;
            split(B, B.CreateBitCast(L, I80), alo, ahi);
            split(B, B.CreateBitCast(R, I80), blo, bhi);
            B.CreateCall(hook(FERRET_HOOK_FCMP10, {I64, I64, I64, I64, I32}),
                         {alo, ahi, blo, bhi, pred});
        }
    }

    /* A float vector lane by lane; an integer vector as the integers its
     * bits make, 16 bytes at a time. */
    void vectorHooks(IRBuilder<> &B, Value *L, Value *R, CmpInst *C)
    {
        auto *VT = cast<FixedVectorType>(L->getType());
        if (isa<FCmpInst>(C)) {
            unsigned kind = floatKind(C->getPredicate());
            for (unsigned i = 0; i < VT->getNumElements(); i++)
                floatHook(B, B.CreateExtractElement(L, i), B.CreateExtractElement(R, i), kind);
            return;
        }
        unsigned bits = intVectorBits(VT);
        if (bits <= 128) {
            Type *IT = B.getIntNTy(bits);
            intHook(B, B.CreateBitCast(L, IT), B.CreateBitCast(R, IT));
            return;
        }
        Type *PT = FixedVectorType::get(B.getInt128Ty(), bits / 128);
        Value *LP = B.CreateBitCast(L, PT), *RP = B.CreateBitCast(R, PT);
        for (unsigned i = 0; i < bits / 128; i++)
            intHook(B, B.CreateExtractElement(LP, i), B.CreateExtractElement(RP, i));
    }

    /* An integer compare of L and R (8 to 128 bits): SanitizerCoverage's
     * hook where it has one for the size (its const form takes the
     * constant first), else the wide hook. */
    void intHook(IRBuilder<> &B, Value *L, Value *R)
    {
        unsigned bits = L->getType()->getIntegerBitWidth();
        if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
            wideHook(B, L, R);
            return;
        }
        std::string name = "__sanitizer_cov_trace_";
        name += isa<Constant>(R) ? "const_cmp" : "cmp";
        name += std::to_string(bits / 8);
        Type *IT = L->getType();
        if (isa<Constant>(R))
            B.CreateCall(hook(name.c_str(), {IT, IT}), {R, L});
        else
            B.CreateCall(hook(name.c_str(), {IT, IT}), {L, R});
    }

    void wideHook(IRBuilder<> &B, Value *L, Value *R)
    {
        Type *I32 = B.getInt32Ty(), *I64 = B.getInt64Ty();
        Value *alo, *ahi, *blo, *bhi;
        split(B, L, alo, ahi);
        split(B, R, blo, bhi);
        B.CreateCall(hook(FERRET_HOOK_ICMP_WIDE, {I64, I64, I64, I64, I32}),
                     {alo, ahi, blo, bhi, B.getInt32(L->getType()->getIntegerBitWidth())});
    }
};

struct FerretComparePass : PassInfoMixin<FerretComparePass> {
    PreservedAnalyses run(Module &M, ModuleAnalysisManager &)
    {
        Instrumenter In(M);
        SmallVector<CmpInst *, 64> cmps;
        for (Function &F : M)
            In.collect(F, cmps);
        for (CmpInst *C : cmps)
            In.instrument(C);
        return cmps.empty() ? PreservedAnalyses::all() : PreservedAnalyses::none();
    }
};

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo()
{
    return {LLVM_PLUGIN_API_VERSION, "ferret-compares", "1", [](PassBuilder &PB) {
                PB.registerOptimizerLastEPCallback(
                    [](ModulePassManager &MPM, OptimizationLevel) { MPM.addPass(FerretComparePass()); });
            }};
}

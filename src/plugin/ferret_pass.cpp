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
 *    split into two 64-bit words, and the width.
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
 * becomes i24 only in instcombine).  The price of the end: a compare the
 * vectorizer turned into a vector fcmp is not traced.
 *
 * Not instrumented: vectors, half/bfloat/fp128/ppc_fp128, integers of 2..8
 * bits (a byte's compares are SanitizerCoverage's) or wider than 128 bits
 * (clang 14's widest _BitInt is 128).
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

bool wanted(CmpInst *C)
{
    Value *L = C->getOperand(0), *R = C->getOperand(1);
    if (isa<Constant>(L) && isa<Constant>(R))
        return false;
    Type *T = L->getType();
    return isa<FCmpInst>(C) ? isTracedFloat(T) : isWideInt(T);
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
        if (isa<FCmpInst>(C))
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

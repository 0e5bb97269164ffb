/**
 * FP arithmetic on V-register elements (ARM ARM FPAdd, FPSub, FPMul, FPDiv,
 * FPSqrt, FPMulAdd, FPMax/FPMin(Num), FPMulX, FPRecipStepFused,
 * FPRSqrtStepFused), for half (…16), single (…32) and double (…64).
 *
 * Every function takes byte offsets into cpu.vbuf (d: destination, n/m/a:
 * operands), reads cpu.fpcr and ORs exception flags into cpu.fpsr. The
 * destination is written last, so d may equal an operand. Writing only the
 * element: zeroing the rest of the register is the caller's job.
 *
 * How exactness is obtained (see core.ts): half and single results are
 * computed in double (products are exact there; sums/quotients/roots come
 * with the sign of their error from TwoSum / TwoProduct), double results use
 * the same transforms directly, and double FMA or double products/quotients
 * near the underflow/overflow limits fall back to exact BigInt arithmetic.
 */
import type { A64Cpu } from '../cpu.js';
import {
  DZC,
  IOC,
  IXC,
  RM,
  T_INF,
  T_QNAN,
  T_ZERO,
  UVAL,
  US,
  DM,
  DE,
  decompose,
  defaultNaN,
  fpcrRMode,
  fzOf,
  infinity,
  processNaN,
  processNaNs,
  processNaNs3,
  put,
  roundBig,
  roundTo,
  sgn,
  twoProdErr,
  twoSumErr,
  unpack,
  zero,
  setResult as setRes,
} from './core.js';

const P2_968 = 2 ** 968;
const M2_968 = 2 ** -968;
const P2_900 = 2 ** 900;
const M2_900 = 2 ** -900;

// ------------------------------------------------------------------ add / sub

// ---- fast paths: both operands normal, result normal, exact or rounded to
// nearest. Then no flag but IXC can arise and the double (or Math.fround of
// an exact double) is the result. Anything else takes the general path.
const MIN_NORMAL64 = 2.2250738585072014e-308;
const MIN_NORMAL32 = 1.1754943508222875e-38;
const MAX_SINGLE = 3.4028234663852886e38;
const RMODE_MASK = 3 << 22;

/** Both 64-bit operands have a normal exponent (not zero, denormal, infinity or NaN). */
function normal64(cpu: A64Cpu, n: number, m: number): boolean {
  const en = (cpu.vi32[(n >> 2) + 1] >>> 20) & 0x7ff;
  const em = (cpu.vi32[(m >> 2) + 1] >>> 20) & 0x7ff;
  return (en - 1) >>> 0 < 0x7fe && (em - 1) >>> 0 < 0x7fe;
}
function normal32(cpu: A64Cpu, n: number, m: number): boolean {
  const en = (cpu.vi32[n >> 2] >>> 23) & 0xff;
  const em = (cpu.vi32[m >> 2] >>> 23) & 0xff;
  return (en - 1) >>> 0 < 0xfe && (em - 1) >>> 0 < 0xfe;
}

function addsubFast(cpu: A64Cpu, fmt: number, d: number, n: number, m: number, neg: number): boolean {
  if (fmt === 64) {
    if (!normal64(cpu, n, m)) return false;
    const a = cpu.vf64[n >> 3];
    const b = neg ? -cpu.vf64[m >> 3] : cpu.vf64[m >> 3];
    const x = a + b;
    const ax = Math.abs(x);
    if (!(ax >= MIN_NORMAL64 && ax < Infinity)) return false;
    const e = twoSumErr(a, b, x);
    if (e !== 0) {
      if ((cpu.fpcr & RMODE_MASK) !== 0) return false;
      cpu.fpsr |= IXC;
    }
    cpu.vf64[d >> 3] = x;
    return true;
  }
  if (fmt === 32) {
    if (!normal32(cpu, n, m) || (cpu.fpcr & RMODE_MASK) !== 0) return false;
    const a = cpu.vf32[n >> 2];
    const b = neg ? -cpu.vf32[m >> 2] : cpu.vf32[m >> 2];
    const x = a + b;
    const ax = Math.abs(x);
    if (!(ax >= MIN_NORMAL32 && ax <= MAX_SINGLE) || twoSumErr(a, b, x) !== 0) return false;
    const f = Math.fround(x);
    if (f === Infinity || f === -Infinity) return false;
    if (f !== x) cpu.fpsr |= IXC;
    cpu.vf32[d >> 2] = f;
    return true;
  }
  return false;
}

function mulFast(cpu: A64Cpu, fmt: number, d: number, n: number, m: number): boolean {
  if (fmt === 64) {
    if (!normal64(cpu, n, m)) return false;
    const a = cpu.vf64[n >> 3];
    const b = cpu.vf64[m >> 3];
    const x = a * b;
    const ax = Math.abs(x);
    if (!(ax >= M2_968 && ax < Infinity && Math.abs(a) < P2_968 && Math.abs(b) < P2_968)) return false;
    if (twoProdErr(a, b, x) !== 0) {
      if ((cpu.fpcr & RMODE_MASK) !== 0) return false;
      cpu.fpsr |= IXC;
    }
    cpu.vf64[d >> 3] = x;
    return true;
  }
  if (fmt === 32) {
    if (!normal32(cpu, n, m) || (cpu.fpcr & RMODE_MASK) !== 0) return false;
    const x = cpu.vf32[n >> 2] * cpu.vf32[m >> 2]; // exact in double
    const ax = Math.abs(x);
    if (!(ax >= MIN_NORMAL32 && ax <= MAX_SINGLE)) return false;
    const f = Math.fround(x);
    if (f === Infinity || f === -Infinity) return false;
    if (f !== x) cpu.fpsr |= IXC;
    cpu.vf32[d >> 2] = f;
    return true;
  }
  return false;
}

function addsub(cpu: A64Cpu, fmt: number, d: number, n: number, m: number, neg: number): void {
  if (addsubFast(cpu, fmt, d, n, m, neg)) return;
  const tn = unpack(cpu, fmt, n);
  const a = UVAL[0];
  const sa = US;
  const tm = unpack(cpu, fmt, m);
  const b = neg ? -UVAL[0] : UVAL[0];
  const sb = US ^ neg;
  if (tn >= T_QNAN || tm >= T_QNAN) processNaNs(cpu, fmt, n, tn, m, tm, 0);
  else if (tn === T_INF || tm === T_INF) {
    if (tn === T_INF && tm === T_INF && sa !== sb) {
      cpu.fpsr |= IOC;
      defaultNaN(fmt);
    } else infinity(fmt, tn === T_INF ? sa : sb);
  } else if (tn === T_ZERO && tm === T_ZERO && sa === sb) zero(fmt, sa);
  else {
    const rmode = fpcrRMode(cpu);
    const x = a + b;
    if (x === Infinity || x === -Infinity) {
      // Only doubles overflow here. The exact sum may still be below 2^1024
      // (RZ then keeps the largest finite value): redo it halved, exactly.
      const h = a * 0.5 + b * 0.5;
      roundTo(cpu, fmt, h, sgn(twoSumErr(a * 0.5, b * 0.5, h)), 1, rmode, fzOf(cpu, fmt));
    } else {
      const e = twoSumErr(a, b, x);
      if (x === 0 && e === 0) zero(fmt, rmode === RM ? 1 : 0);
      else roundTo(cpu, fmt, x, sgn(e), 0, rmode, fzOf(cpu, fmt));
    }
  }
  put(cpu, fmt, d);
}

/** FADD: d = n + m. */
export const fadd16 = (cpu: A64Cpu, d: number, n: number, m: number): void => addsub(cpu, 16, d, n, m, 0);
export const fadd32 = (cpu: A64Cpu, d: number, n: number, m: number): void => addsub(cpu, 32, d, n, m, 0);
export const fadd64 = (cpu: A64Cpu, d: number, n: number, m: number): void => addsub(cpu, 64, d, n, m, 0);
/** FSUB: d = n - m. */
export const fsub16 = (cpu: A64Cpu, d: number, n: number, m: number): void => addsub(cpu, 16, d, n, m, 1);
export const fsub32 = (cpu: A64Cpu, d: number, n: number, m: number): void => addsub(cpu, 32, d, n, m, 1);
export const fsub64 = (cpu: A64Cpu, d: number, n: number, m: number): void => addsub(cpu, 64, d, n, m, 1);

// ------------------------------------------------------------------ multiply

/**
 * Round the product a·b (finite, nonzero) into fmt. Half/single products are
 * exact in double; double products use TwoProduct, or BigInt near the limits.
 */
function roundProduct(cpu: A64Cpu, fmt: number, a: number, b: number, scale: number): void {
  const rmode = fpcrRMode(cpu);
  const fz = fzOf(cpu, fmt);
  const x = a * b;
  if (fmt !== 64) return roundTo(cpu, fmt, x, 0, scale, rmode, fz);
  const ax = Math.abs(x);
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  if (ax >= M2_968 && ax < Infinity && aa < P2_968 && ab < P2_968 && scale === 0) {
    return roundTo(cpu, 64, x, sgn(twoProdErr(a, b, x)), 0, rmode, fz);
  }
  decompose(a);
  const ma = DM;
  const ea = DE;
  decompose(b);
  roundBig(cpu, 64, a < 0 !== b < 0 ? 1 : 0, ma * DM, ea + DE + scale, false, rmode, fz);
}

function mul(cpu: A64Cpu, fmt: number, d: number, n: number, m: number, negProduct: number, mulx: boolean): void {
  if (mulFast(cpu, fmt, d, n, m)) return;
  const tn = unpack(cpu, fmt, n);
  const a = UVAL[0];
  const sa = US;
  const tm = unpack(cpu, fmt, m);
  const b = UVAL[0];
  const sb = US;
  const s = sa ^ sb ^ negProduct;
  if (tn >= T_QNAN || tm >= T_QNAN) processNaNs(cpu, fmt, n, tn, m, tm, 0);
  else if ((tn === T_INF && tm === T_ZERO) || (tn === T_ZERO && tm === T_INF)) {
    if (mulx) {
      // FMULX: infinity times zero is 2.0 with the product's sign
      roundTo(cpu, fmt, s ? -2 : 2, 0, 0, 0, false);
    } else {
      cpu.fpsr |= IOC;
      defaultNaN(fmt);
    }
  } else if (tn === T_INF || tm === T_INF) infinity(fmt, s);
  else if (tn === T_ZERO || tm === T_ZERO) zero(fmt, s);
  else roundProduct(cpu, fmt, s ? -Math.abs(a) : Math.abs(a), Math.abs(b), 0);
  put(cpu, fmt, d);
}

/** FMUL: d = n * m. */
export const fmul16 = (cpu: A64Cpu, d: number, n: number, m: number): void => mul(cpu, 16, d, n, m, 0, false);
export const fmul32 = (cpu: A64Cpu, d: number, n: number, m: number): void => mul(cpu, 32, d, n, m, 0, false);
export const fmul64 = (cpu: A64Cpu, d: number, n: number, m: number): void => mul(cpu, 64, d, n, m, 0, false);
/** FNMUL: d = -(n * m) (negation after rounding is the same as before, modes being symmetric here). */
export const fnmul16 = (cpu: A64Cpu, d: number, n: number, m: number): void => fnmul(cpu, 16, d, n, m);
export const fnmul32 = (cpu: A64Cpu, d: number, n: number, m: number): void => fnmul(cpu, 32, d, n, m);
export const fnmul64 = (cpu: A64Cpu, d: number, n: number, m: number): void => fnmul(cpu, 64, d, n, m);
/** FMULX: like FMUL, but infinity times zero gives ±2.0. */
export const fmulx16 = (cpu: A64Cpu, d: number, n: number, m: number): void => mul(cpu, 16, d, n, m, 0, true);
export const fmulx32 = (cpu: A64Cpu, d: number, n: number, m: number): void => mul(cpu, 32, d, n, m, 0, true);
export const fmulx64 = (cpu: A64Cpu, d: number, n: number, m: number): void => mul(cpu, 64, d, n, m, 0, true);

/**
 * FNMUL is FPNeg(FPMul(n, m)): the product is rounded first and then negated
 * (so directed rounding applies to the positive product), and a NaN result
 * is negated too (ARM ARM FNMUL (scalar) pseudocode).
 */
function fnmul(cpu: A64Cpu, fmt: number, d: number, n: number, m: number): void {
  mul(cpu, fmt, d, n, m, 0, false);
  if (fmt === 16) cpu.v16[d >> 1] ^= 0x8000;
  else if (fmt === 32) cpu.vi32[d >> 2] ^= 0x80000000;
  else cpu.vi32[(d >> 2) + 1] ^= 0x80000000;
}

// ------------------------------------------------------------------ divide

function div(cpu: A64Cpu, fmt: number, d: number, n: number, m: number): void {
  const tn = unpack(cpu, fmt, n);
  const a = UVAL[0];
  const sa = US;
  const tm = unpack(cpu, fmt, m);
  const b = UVAL[0];
  const sb = US;
  const s = sa ^ sb;
  if (tn >= T_QNAN || tm >= T_QNAN) processNaNs(cpu, fmt, n, tn, m, tm, 0);
  else if ((tn === T_INF && tm === T_INF) || (tn === T_ZERO && tm === T_ZERO)) {
    cpu.fpsr |= IOC;
    defaultNaN(fmt);
  } else if (tn === T_INF) infinity(fmt, s);
  else if (tm === T_ZERO) {
    cpu.fpsr |= DZC;
    infinity(fmt, s);
  } else if (tn === T_ZERO || tm === T_INF) zero(fmt, s);
  else {
    const rmode = fpcrRMode(cpu);
    const fz = fzOf(cpu, fmt);
    const aa = Math.abs(a);
    const ab = Math.abs(b);
    const x = aa / ab;
    if (fmt !== 64 || (x >= M2_900 && x <= P2_900 && aa >= M2_900 && aa <= P2_900 && ab >= M2_900 && ab <= P2_900)) {
      // remainder aa - x·ab, exactly: TwoProduct, and aa - p is exact (Sterbenz)
      const p = x * ab;
      const r = aa - p - twoProdErr(x, ab, p);
      roundTo(cpu, fmt, s ? -x : x, s ? -sgn(r) : sgn(r), 0, rmode, fz);
    } else {
      decompose(aa);
      const ma = DM << 120n;
      const ea = DE - 120;
      decompose(ab);
      const q = ma / DM;
      roundBig(cpu, 64, s, q, ea - DE, q * DM !== ma, rmode, fz);
    }
  }
  put(cpu, fmt, d);
}

/** FDIV: d = n / m. */
export const fdiv16 = (cpu: A64Cpu, d: number, n: number, m: number): void => div(cpu, 16, d, n, m);
export const fdiv32 = (cpu: A64Cpu, d: number, n: number, m: number): void => div(cpu, 32, d, n, m);
export const fdiv64 = (cpu: A64Cpu, d: number, n: number, m: number): void => div(cpu, 64, d, n, m);

// ------------------------------------------------------------------ square root

function sqrt(cpu: A64Cpu, fmt: number, d: number, n: number): void {
  const tn = unpack(cpu, fmt, n);
  const a = UVAL[0];
  if (tn >= T_QNAN) processNaN(cpu, fmt, n, tn, 0);
  else if (tn === T_ZERO) zero(fmt, US);
  else if (US) {
    cpu.fpsr |= IOC;
    defaultNaN(fmt);
  } else if (tn === T_INF) infinity(fmt, 0);
  else {
    // Scale by an even power of two into a range where TwoProduct is exact.
    let k = 0;
    if (a < M2_900) k = 1000;
    else if (a > P2_900) k = -1000;
    const as = k === 0 ? a : a * 2 ** k;
    const x = Math.sqrt(as);
    const p = x * x;
    const r = as - p - twoProdErr(x, x, p);
    roundTo(cpu, fmt, x, sgn(r), -k / 2, fpcrRMode(cpu), fzOf(cpu, fmt));
  }
  put(cpu, fmt, d);
}

/** FSQRT: d = sqrt(n). */
export const fsqrt16 = (cpu: A64Cpu, d: number, n: number): void => sqrt(cpu, 16, d, n);
export const fsqrt32 = (cpu: A64Cpu, d: number, n: number): void => sqrt(cpu, 32, d, n);
export const fsqrt64 = (cpu: A64Cpu, d: number, n: number): void => sqrt(cpu, 64, d, n);

// ------------------------------------------------------------------ fused multiply-add

/**
 * Round addend + product exactly once (both finite, not both zero unless the
 * caller handled the signed-zero rule). Half/single: the product is exact in
 * double and TwoSum gives the sum's error. Double: exact BigInt sum.
 * `scale` divides the result by a power of two exactly (FRSQRTS).
 */
function roundFma(cpu: A64Cpu, fmt: number, add: number, n: number, m: number, scale: number): void {
  const rmode = fpcrRMode(cpu);
  const fz = fzOf(cpu, fmt);
  if (fmt !== 64) {
    const p = n * m;
    const x = add + p;
    const e = twoSumErr(add, p, x);
    if (x === 0 && e === 0) return zero(fmt, rmode === RM ? 1 : 0);
    return roundTo(cpu, fmt, x, sgn(e), scale, rmode, fz);
  }
  if (scale === 0 && n !== 0 && m !== 0 && fma64Fast(cpu, add, n, m, rmode, fz)) return;
  let pm = 0n;
  let pe = 0;
  let ps = 0;
  if (n !== 0 && m !== 0) {
    decompose(n);
    pm = DM;
    pe = DE;
    decompose(m);
    pm *= DM;
    pe += DE;
    ps = n < 0 !== m < 0 ? 1 : 0;
  }
  let am = 0n;
  let ae = pe;
  if (add !== 0) {
    decompose(add);
    am = DM;
    ae = DE;
  }
  if (pm === 0n) pe = ae;
  const e0 = Math.min(ae, pe);
  let sum = (add < 0 ? -am : am) << BigInt(ae - e0);
  const prod = pm << BigInt(pe - e0);
  sum += ps ? -prod : prod;
  if (sum === 0n) return zero(fmt, rmode === RM ? 1 : 0);
  const sign = sum < 0n ? 1 : 0;
  roundBig(cpu, 64, sign, sign ? -sum : sum, e0 + scale, false, rmode, fz);
}

const F64S = new Float64Array(1);
const U64S = new Uint32Array(F64S.buffer);

/**
 * Double FMA without BigInt when it can be decided exactly: the exact value
 * S = add + n·m is split error-free as r + e3 + e2 (TwoProduct for n·m, then
 * three TwoSums); r = fl(s + t) is the correctly rounded S, with the sign of
 * S - r being the sign of fl(e3 + e2), whenever |e3 + e2| is below half an
 * ulp of r (a quarter when r is a power of two, whose lower neighbour is
 * closer). Otherwise (near ties, extreme exponents) returns false and the
 * caller uses the exact BigInt path.
 */
function fma64Fast(cpu: A64Cpu, add: number, n: number, m: number, rmode: number, fz: boolean): boolean {
  const ph = n * m;
  const aph = Math.abs(ph);
  if (!(aph >= M2_968 && aph < P2_968 && Math.abs(n) < P2_968 && Math.abs(m) < P2_968 && Math.abs(add) < P2_968))
    return false;
  const pl = twoProdErr(n, m, ph);
  const s = add + ph;
  const e1 = twoSumErr(add, ph, s);
  const t = e1 + pl;
  const e2 = twoSumErr(e1, pl, t);
  const r = s + t;
  const e3 = twoSumErr(s, t, r);
  const ar = Math.abs(r);
  if (!(ar >= M2_900 && ar < P2_968)) return false;
  const w = e3 + e2;
  F64S[0] = r;
  const be = (U64S[1] >>> 20) & 0x7ff;
  const pow2Frac = (U64S[1] & 0xfffff) === 0 && U64S[0] === 0;
  // half an ulp of r is 2^(be - 1023 - 53); a quarter for a power of two
  F64S[0] = 0;
  U64S[1] = (be - 53 - (pow2Frac ? 1 : 0)) << 20;
  const h = F64S[0];
  if (!(Math.abs(w) < h)) return false;
  roundTo(cpu, 64, r, sgn(w), 0, rmode, fz);
  return true;
}

function fma(cpu: A64Cpu, fmt: number, d: number, a: number, n: number, m: number, negN: number, negA: number): void {
  const ta = unpack(cpu, fmt, a);
  const va = negA ? -UVAL[0] : UVAL[0];
  const sa = US ^ negA;
  const tn = unpack(cpu, fmt, n);
  const vn = negN ? -UVAL[0] : UVAL[0];
  const sn = US ^ negN;
  const tm = unpack(cpu, fmt, m);
  const vm = UVAL[0];
  const sm = US;
  const infZero = (tn === T_INF && tm === T_ZERO) || (tn === T_ZERO && tm === T_INF);
  if (ta === T_QNAN && infZero) {
    // FPMulAdd: a quiet NaN addend does not hide the invalid 0 * inf
    cpu.fpsr |= IOC;
    defaultNaN(fmt);
  } else if (ta >= T_QNAN || tn >= T_QNAN || tm >= T_QNAN) processNaNs3(cpu, fmt, a, ta, negA, n, tn, negN, m, tm);
  else {
    const sp = sn ^ sm;
    const infP = tn === T_INF || tm === T_INF;
    const zeroP = tn === T_ZERO || tm === T_ZERO;
    if (infZero || (ta === T_INF && infP && sa !== sp)) {
      cpu.fpsr |= IOC;
      defaultNaN(fmt);
    } else if (ta === T_INF || infP) infinity(fmt, ta === T_INF ? sa : sp);
    else if (ta === T_ZERO && zeroP && sa === sp) zero(fmt, sa);
    else roundFma(cpu, fmt, va, vn, vm, 0);
  }
  put(cpu, fmt, d);
}

/**
 * Fused multiply-add (FPMulAdd): d = (negAddend ? -a : a) + (negProduct ? -n : n) * m,
 * rounded once. The negations are FPNeg of the operands before the
 * operation, so a NaN taken from a negated operand has its sign flipped
 * (FMSUB, FNMADD, FNMSUB, FMLS). NaN order: addend, n, m.
 */
export const fmuladd16 = (
  cpu: A64Cpu,
  d: number,
  a: number,
  n: number,
  m: number,
  negProduct: number,
  negAddend: number,
): void => fma(cpu, 16, d, a, n, m, negProduct, negAddend);
export const fmuladd32 = (
  cpu: A64Cpu,
  d: number,
  a: number,
  n: number,
  m: number,
  negProduct: number,
  negAddend: number,
): void => fma(cpu, 32, d, a, n, m, negProduct, negAddend);
export const fmuladd64 = (
  cpu: A64Cpu,
  d: number,
  a: number,
  n: number,
  m: number,
  negProduct: number,
  negAddend: number,
): void => fma(cpu, 64, d, a, n, m, negProduct, negAddend);

// ------------------------------------------------------------------ reciprocal steps

/**
 * FPRecipStepFused (FRECPS, kind 0): 2 - n*m; FPRSqrtStepFused (FRSQRTS,
 * kind 1): (3 - n*m) / 2; each rounded once. n is negated first (FPNeg),
 * also for NaN propagation; infinity times zero gives 2.0 / 1.5.
 */
function recipStep(cpu: A64Cpu, fmt: number, d: number, n: number, m: number, kind: number): void {
  const tn = unpack(cpu, fmt, n);
  const vn = -UVAL[0];
  const sn = US ^ 1;
  const tm = unpack(cpu, fmt, m);
  const vm = UVAL[0];
  const sm = US;
  if (tn >= T_QNAN || tm >= T_QNAN) processNaNs(cpu, fmt, n, tn, m, tm, 1);
  else if ((tn === T_INF && tm === T_ZERO) || (tn === T_ZERO && tm === T_INF)) {
    roundTo(cpu, fmt, kind ? 1.5 : 2, 0, 0, 0, false);
  } else if (tn === T_INF || tm === T_INF) infinity(fmt, sn ^ sm);
  else if (tn === T_ZERO || tm === T_ZERO) roundTo(cpu, fmt, kind ? 1.5 : 2, 0, 0, 0, false);
  else roundFma(cpu, fmt, kind ? 3 : 2, vn, vm, kind ? -1 : 0);
  put(cpu, fmt, d);
}

/** FRECPS: d = 2 - n*m (fused). */
export const frecps16 = (cpu: A64Cpu, d: number, n: number, m: number): void => recipStep(cpu, 16, d, n, m, 0);
export const frecps32 = (cpu: A64Cpu, d: number, n: number, m: number): void => recipStep(cpu, 32, d, n, m, 0);
export const frecps64 = (cpu: A64Cpu, d: number, n: number, m: number): void => recipStep(cpu, 64, d, n, m, 0);
/** FRSQRTS: d = (3 - n*m) / 2 (fused). */
export const frsqrts16 = (cpu: A64Cpu, d: number, n: number, m: number): void => recipStep(cpu, 16, d, n, m, 1);
export const frsqrts32 = (cpu: A64Cpu, d: number, n: number, m: number): void => recipStep(cpu, 32, d, n, m, 1);
export const frsqrts64 = (cpu: A64Cpu, d: number, n: number, m: number): void => recipStep(cpu, 64, d, n, m, 1);

// ------------------------------------------------------------------ max / min

/**
 * FPMax / FPMin (isMax 1/0), and FPMaxNum / FPMinNum (num = true: a quiet
 * NaN against a number loses). The result is the chosen operand itself
 * (after flushing), zeros of both signs order -0 < +0.
 */
function maxmin(cpu: A64Cpu, fmt: number, d: number, n: number, m: number, isMax: number, num: boolean): void {
  let tn = unpack(cpu, fmt, n);
  let a = UVAL[0];
  let sa = US;
  let tm = unpack(cpu, fmt, m);
  let b = UVAL[0];
  let sb = US;
  if (num) {
    if (tn === T_QNAN && tm < T_QNAN) {
      tn = T_INF;
      sa = isMax;
      a = isMax ? -Infinity : Infinity;
    } else if (tm === T_QNAN && tn < T_QNAN) {
      tm = T_INF;
      sb = isMax;
      b = isMax ? -Infinity : Infinity;
    }
  }
  if (tn >= T_QNAN || tm >= T_QNAN) processNaNs(cpu, fmt, n, tn, m, tm, 0);
  else {
    const pickN = isMax ? a > b : a < b;
    const t = pickN ? tn : tm;
    const s = pickN ? sa : sb;
    if (t === T_INF) infinity(fmt, s);
    else if (t === T_ZERO) zero(fmt, isMax ? sa & sb : sa | sb);
    else copyElement(cpu, fmt, pickN ? n : m);
  }
  put(cpu, fmt, d);
}

function copyElement(cpu: A64Cpu, fmt: number, off: number): void {
  // A finite nonzero operand is returned unchanged: FPRound of a value that is
  // already representable (denormals survive only when FZ is off).
  if (fmt === 16) setRes(cpu.v16[off >> 1], 0);
  else if (fmt === 32) setRes(cpu.vi32[off >> 2], 0);
  else setRes(cpu.vi32[off >> 2], cpu.vi32[(off >> 2) + 1]);
}

/** FMAX / FMIN: NaNs propagate. */
export const fmax16 = (cpu: A64Cpu, d: number, n: number, m: number): void => maxmin(cpu, 16, d, n, m, 1, false);
export const fmax32 = (cpu: A64Cpu, d: number, n: number, m: number): void => maxmin(cpu, 32, d, n, m, 1, false);
export const fmax64 = (cpu: A64Cpu, d: number, n: number, m: number): void => maxmin(cpu, 64, d, n, m, 1, false);
export const fmin16 = (cpu: A64Cpu, d: number, n: number, m: number): void => maxmin(cpu, 16, d, n, m, 0, false);
export const fmin32 = (cpu: A64Cpu, d: number, n: number, m: number): void => maxmin(cpu, 32, d, n, m, 0, false);
export const fmin64 = (cpu: A64Cpu, d: number, n: number, m: number): void => maxmin(cpu, 64, d, n, m, 0, false);
/** FMAXNM / FMINNM: a quiet NaN against a number returns the number (IEEE maxNum/minNum). */
export const fmaxnm16 = (cpu: A64Cpu, d: number, n: number, m: number): void => maxmin(cpu, 16, d, n, m, 1, true);
export const fmaxnm32 = (cpu: A64Cpu, d: number, n: number, m: number): void => maxmin(cpu, 32, d, n, m, 1, true);
export const fmaxnm64 = (cpu: A64Cpu, d: number, n: number, m: number): void => maxmin(cpu, 64, d, n, m, 1, true);
export const fminnm16 = (cpu: A64Cpu, d: number, n: number, m: number): void => maxmin(cpu, 16, d, n, m, 0, true);
export const fminnm32 = (cpu: A64Cpu, d: number, n: number, m: number): void => maxmin(cpu, 32, d, n, m, 0, true);
export const fminnm64 = (cpu: A64Cpu, d: number, n: number, m: number): void => maxmin(cpu, 64, d, n, m, 0, true);

// ------------------------------------------------------------------ sign manipulation (no FP exceptions)

/** FABS: clear the sign bit (no NaN processing, no flush: ARM FPAbs). */
export function fabs16(cpu: A64Cpu, d: number, n: number): void {
  cpu.v16[d >> 1] = cpu.v16[n >> 1] & 0x7fff;
}
export function fabs32(cpu: A64Cpu, d: number, n: number): void {
  cpu.vi32[d >> 2] = cpu.vi32[n >> 2] & 0x7fffffff;
}
export function fabs64(cpu: A64Cpu, d: number, n: number): void {
  cpu.vi32[d >> 2] = cpu.vi32[n >> 2];
  cpu.vi32[(d >> 2) + 1] = cpu.vi32[(n >> 2) + 1] & 0x7fffffff;
}
/** FNEG: flip the sign bit (ARM FPNeg). */
export function fneg16(cpu: A64Cpu, d: number, n: number): void {
  cpu.v16[d >> 1] = cpu.v16[n >> 1] ^ 0x8000;
}
export function fneg32(cpu: A64Cpu, d: number, n: number): void {
  cpu.vi32[d >> 2] = cpu.vi32[n >> 2] ^ 0x80000000;
}
export function fneg64(cpu: A64Cpu, d: number, n: number): void {
  cpu.vi32[d >> 2] = cpu.vi32[n >> 2];
  cpu.vi32[(d >> 2) + 1] = cpu.vi32[(n >> 2) + 1] ^ 0x80000000;
}

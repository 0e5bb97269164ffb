/**
 * The FP library's core: format parameters, operand unpacking on raw bits,
 * NaN processing and the one rounding routine every operation ends in.
 *
 * Operands live in the V register file and are addressed by byte offset into
 * cpu.vbuf (register n, lane i of esize bytes: 16n + i*esize); `fmt` is the
 * element width in bits (16, 32 or 64). Values are handled as JS doubles only
 * once they are known not to be NaNs: a NaN's bits never pass through a JS
 * number (that would quieten signalling NaNs).
 *
 * Behaviour follows the ARM ARM pseudocode (FPUnpack, FPProcessNaN(s),
 * FPRound) with FPCR.AH = 0: tininess is detected before rounding, FZ/FZ16
 * flush denormal inputs (IDC only for single/double) and tiny outputs (UFC),
 * DN selects the default NaN.
 *
 * Technique (why results are exact without BigInt on the common path):
 * every operation computes a double `x` that is either the exact result or
 * its round-to-nearest double, plus the sign `ss` of the error (exact - x),
 * obtained with error-free transforms (TwoSum, Dekker's TwoProduct with a
 * Veltkamp split). A target grid (half, single, or double itself) is never
 * finer than the double grid, and its points and midpoints are doubles, so
 * (x, sign of error) decides rounding, inexactness and tininess exactly
 * (the exact value lies strictly on the same side of every double as x).
 * roundTo() then rounds (x + ε)·2^scale with its own code for every mode.
 * Rare cases (double FMA, double results near underflow) compute the exact
 * value with BigInt and feed the same rounder (roundBig).
 */
import type { A64Cpu } from '../cpu.js';

// ---- FPSR cumulative exception bits
export const IOC = 1;
export const DZC = 2;
export const OFC = 4;
export const UFC = 8;
export const IXC = 16;
export const IDC = 128;

// ---- FPCR control bits
export const FPCR_FZ16 = 1 << 19;
export const FPCR_FZ = 1 << 24;
export const FPCR_DN = 1 << 25;
export const FPCR_AHP = 1 << 26;

/** Rounding modes as used by the library (FPCR.RMode 0..3, plus 4). */
export const RN = 0;
export const RP = 1;
export const RM = 2;
export const RZ = 3;
/** Round to nearest, ties away from zero (FRINTA, FCVTA*). */
export const RA = 4;

// ---- operand types (FPType)
export const T_ZERO = 0;
export const T_FINITE = 1;
export const T_INF = 2;
export const T_QNAN = 3;
export const T_SNAN = 4;

/** FPCR.RMode. */
export const fpcrRMode = (cpu: A64Cpu): number => (cpu.fpcr >>> 22) & 3;

/** Whether flush-to-zero applies to arithmetic in this format (FZ16 for half). */
export const fzOf = (cpu: A64Cpu, fmt: number): boolean => (cpu.fpcr & (fmt === 16 ? FPCR_FZ16 : FPCR_FZ)) !== 0;

// ---- powers of two, exact: POW2[k + 1100] = 2^k (0 below 2^-1074, Infinity above 2^1023)
const POW2 = new Float64Array(2201);
{
  let p = 1;
  for (let k = 0; k <= 1100; k++, p *= 2) POW2[1100 + k] = p;
  p = 1;
  for (let k = 0; k <= 1100; k++, p /= 2) POW2[1100 - k] = p;
}
/** 2^k exactly (k clamped to the table; out of range gives 0 or Infinity). */
export function pow2(k: number): number {
  return POW2[(k < -1100 ? -1100 : k > 1100 ? 1100 : k) + 1100];
}

// ---- scratch views for bit <-> double
const F64 = new Float64Array(1);
const U64 = new Uint32Array(F64.buffer); // [0] low word, [1] high word (little-endian host)
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** Double with the given halves (must not be a NaN pattern the caller cares about). */
export function doubleOf(lo: number, hi: number): number {
  U64[0] = lo;
  U64[1] = hi;
  return F64[0];
}
/** Single-precision bits as a double (non-NaN). */
export function singleOf(b: number): number {
  U32[0] = b;
  return F32[0];
}
/** Half-precision bits as a double (IEEE half, non-NaN). */
export function halfOf(b: number): number {
  const e = (b >>> 10) & 31;
  const f = b & 1023;
  const v = e === 0 ? f * 5.9604644775390625e-8 : (f + 1024) * pow2(e - 25);
  return b & 0x8000 ? -v : v;
}

// ---- result registers: the rounder and the helpers below leave bits here
/**
 * Result bits: [0] low 32 (for 16/32-bit formats the whole result), [1]
 * high 32 (64-bit format only). A typed array, not module variables: V8
 * boxes doubles and large int32 values stored in module variables, which
 * would allocate on every operation.
 */
export const RES = new Int32Array(2);

/** Store the pending result (RES[0]/RES[1]) into element `d` of format fmt. */
export function put(cpu: A64Cpu, fmt: number, d: number): void {
  if (fmt === 16) cpu.v16[d >> 1] = RES[0];
  else if (fmt === 32) cpu.vi32[d >> 2] = RES[0];
  else {
    cpu.vi32[d >> 2] = RES[0];
    cpu.vi32[(d >> 2) + 1] = RES[1];
  }
}

/** Set the pending result to an arbitrary pattern (for callers outside this file). */
export function setResult(lo: number, hi: number): void {
  RES[0] = lo;
  RES[1] = hi;
}

/** Signed zero. */
export function zero(fmt: number, sign: number): void {
  RES[1] = 0;
  if (fmt === 16) RES[0] = sign << 15;
  else if (fmt === 32) RES[0] = sign << 31;
  else {
    RES[0] = 0;
    RES[1] = sign << 31;
  }
}

/** Signed infinity. */
export function infinity(fmt: number, sign: number): void {
  RES[1] = 0;
  if (fmt === 16) RES[0] = (sign << 15) | 0x7c00;
  else if (fmt === 32) RES[0] = (sign << 31) | 0x7f800000;
  else {
    RES[0] = 0;
    RES[1] = (sign << 31) | 0x7ff00000;
  }
}

/** Largest finite value with the given sign (FPMaxNormal). */
export function maxNormal(fmt: number, sign: number): void {
  if (fmt === 16) {
    RES[0] = (sign << 15) | 0x7bff;
    RES[1] = 0;
  } else if (fmt === 32) {
    RES[0] = (sign << 31) | 0x7f7fffff;
    RES[1] = 0;
  } else {
    RES[0] = -1;
    RES[1] = (sign << 31) | 0x7fefffff;
  }
}

/** FPDefaultNaN. */
export function defaultNaN(fmt: number): void {
  RES[1] = 0;
  if (fmt === 16) RES[0] = 0x7e00;
  else if (fmt === 32) RES[0] = 0x7fc00000;
  else {
    RES[0] = 0;
    RES[1] = 0x7ff80000;
  }
}

/** The pending result as a double (for callers that continue with it; non-NaN). */
export function resultValue(fmt: number): number {
  return fmt === 16 ? halfOf(RES[0]) : fmt === 32 ? singleOf(RES[0]) : doubleOf(RES[0], RES[1]);
}

// ---- unpacking (FPUnpack)
/** [0]: value of the last unpacked operand (signed; ±0 for zeros, ±Infinity for infinities). */
export const UVAL = new Float64Array(1);
/** Sign bit of the last unpacked operand. */
export let US = 0;

/**
 * FPUnpack of the element at byte offset `off`: returns its type (T_*) and
 * leaves value and sign in UVAL[0]/US. A denormal is flushed to zero when FZ
 * (single/double, raising IDC) or FZ16 (half, no exception) is set.
 */
export function unpack(cpu: A64Cpu, fmt: number, off: number): number {
  if (fmt === 16) return unpackBits16(cpu, cpu.v16[off >> 1], (cpu.fpcr & FPCR_FZ16) !== 0);
  if (fmt === 32) return unpackBits32(cpu, cpu.v32[off >> 2]);
  return unpackBits64(cpu, cpu.vi32[off >> 2], cpu.vi32[(off >> 2) + 1]);
}

/** FPUnpack of half-precision bits; `fz` flushes denormals (no IDC for half). */
export function unpackBits16(cpu: A64Cpu, b: number, fz: boolean): number {
  void cpu;
  const s = (b >>> 15) & 1;
  const e = (b >>> 10) & 31;
  const f = b & 1023;
  US = s;
  if (e === 31) {
    if (f === 0) {
      UVAL[0] = s ? -Infinity : Infinity;
      return T_INF;
    }
    UVAL[0] = NaN;
    return f & 0x200 ? T_QNAN : T_SNAN;
  }
  if (e === 0 && (f === 0 || fz)) {
    UVAL[0] = s ? -0 : 0;
    return T_ZERO;
  }
  UVAL[0] = halfOf(b);
  return T_FINITE;
}

/** FPUnpack of single-precision bits (FZ from cpu.fpcr, IDC when flushing). */
export function unpackBits32(cpu: A64Cpu, b: number): number {
  const s = b >>> 31;
  const e = (b >>> 23) & 0xff;
  US = s;
  if (e === 0xff) {
    if ((b & 0x7fffff) === 0) {
      UVAL[0] = s ? -Infinity : Infinity;
      return T_INF;
    }
    UVAL[0] = NaN;
    return b & 0x400000 ? T_QNAN : T_SNAN;
  }
  if (e === 0) {
    if ((b & 0x7fffff) === 0) {
      UVAL[0] = s ? -0 : 0;
      return T_ZERO;
    }
    if (cpu.fpcr & FPCR_FZ) {
      cpu.fpsr |= IDC;
      UVAL[0] = s ? -0 : 0;
      return T_ZERO;
    }
  }
  UVAL[0] = singleOf(b);
  return T_FINITE;
}

/** FPUnpack of double-precision halves (FZ from cpu.fpcr, IDC when flushing). */
export function unpackBits64(cpu: A64Cpu, lo: number, hi: number): number {
  const s = hi >>> 31;
  const e = (hi >>> 20) & 0x7ff;
  US = s;
  if (e === 0x7ff) {
    if ((hi & 0xfffff) === 0 && lo === 0) {
      UVAL[0] = s ? -Infinity : Infinity;
      return T_INF;
    }
    UVAL[0] = NaN;
    return hi & 0x80000 ? T_QNAN : T_SNAN;
  }
  if (e === 0) {
    if ((hi & 0xfffff) === 0 && lo === 0) {
      UVAL[0] = s ? -0 : 0;
      return T_ZERO;
    }
    if (cpu.fpcr & FPCR_FZ) {
      cpu.fpsr |= IDC;
      UVAL[0] = s ? -0 : 0;
      return T_ZERO;
    }
  }
  UVAL[0] = doubleOf(lo, hi);
  return T_FINITE;
}

// ---- NaN processing

/**
 * FPProcessNaN: the result is the NaN at `off` quietened (IOC if it was
 * signalling), or the default NaN when FPCR.DN is set. `neg` flips its sign
 * (for operands the pseudocode negates with FPNeg before the operation).
 */
export function processNaN(cpu: A64Cpu, fmt: number, off: number, type: number, neg: number): void {
  if (type === T_SNAN) cpu.fpsr |= IOC;
  if (cpu.fpcr & FPCR_DN) return defaultNaN(fmt);
  if (fmt === 16) {
    RES[0] = (cpu.v16[off >> 1] | 0x200) ^ (neg << 15);
    RES[1] = 0;
  } else if (fmt === 32) {
    RES[0] = (cpu.vi32[off >> 2] | 0x400000) ^ (neg << 31);
    RES[1] = 0;
  } else {
    RES[0] = cpu.vi32[off >> 2];
    RES[1] = (cpu.vi32[(off >> 2) + 1] | 0x80000) ^ (neg << 31);
  }
}

/** FPProcessNaNs for two operands known to include a NaN: signalling first, then operand order. */
export function processNaNs(
  cpu: A64Cpu,
  fmt: number,
  n: number,
  tn: number,
  m: number,
  tm: number,
  negN: number,
): void {
  if (tn === T_SNAN) processNaN(cpu, fmt, n, tn, negN);
  else if (tm === T_SNAN) processNaN(cpu, fmt, m, tm, 0);
  else if (tn === T_QNAN) processNaN(cpu, fmt, n, tn, negN);
  else processNaN(cpu, fmt, m, tm, 0);
  if (tn === T_SNAN || tm === T_SNAN) cpu.fpsr |= IOC;
}

/** FPProcessNaNs3 (operands in pseudocode order: for FPMulAdd the addend first). */
export function processNaNs3(
  cpu: A64Cpu,
  fmt: number,
  a: number,
  ta: number,
  negA: number,
  n: number,
  tn: number,
  negN: number,
  m: number,
  tm: number,
): void {
  if (ta === T_SNAN) processNaN(cpu, fmt, a, ta, negA);
  else if (tn === T_SNAN) processNaN(cpu, fmt, n, tn, negN);
  else if (tm === T_SNAN) processNaN(cpu, fmt, m, tm, 0);
  else if (ta === T_QNAN) processNaN(cpu, fmt, a, ta, negA);
  else if (tn === T_QNAN) processNaN(cpu, fmt, n, tn, negN);
  else processNaN(cpu, fmt, m, tm, 0);
  if (ta === T_SNAN || tn === T_SNAN || tm === T_SNAN) cpu.fpsr |= IOC;
}

// ---- format parameters by fmt
// fmt FMT_BF16 is BFloat16 (single's exponent range, 7 fraction bits), used by BFCVT only.
export const FMT_BF16 = 8;
const fracBits = (fmt: number): number => (fmt === 16 ? 10 : fmt === 32 ? 23 : fmt === 64 ? 52 : 7);
const minExp = (fmt: number): number => (fmt === 16 ? -14 : fmt === 64 ? -1022 : -126);
const maxExp = (fmt: number): number => (fmt === 16 ? 15 : fmt === 64 ? 1023 : 127);

/** Set by conversions to half with FPCR.AHP: FPRound's alternative-half-precision overflow rule. */
let ahpOut = false;
export function setAhpRounding(on: boolean): void {
  ahpOut = on;
}

/**
 * FPRound of the real value (x + ε)·2^scale, where x is a nonzero double
 * (±Infinity meaning "certainly beyond the largest finite value") and ε an
 * infinitesimal whose sign is `ss` (-1, 0, +1, on the real line). Leaves the
 * result bits in RES[0]/RES[1] and ORs UFC/OFC/IXC (IOC/IXC for AHP overflow) into
 * cpu.fpsr. `fz`: flush tiny results to zero (FZ/FZ16, UFC, no IXC).
 * rmode: RN, RP, RM or RZ.
 */
export function roundTo(
  cpu: A64Cpu,
  fmt: number,
  x: number,
  ss: number,
  scale: number,
  rmode: number,
  fz: boolean,
): void {
  // Small enough to be inlined into callers: the double travels through a
  // typed array, so the (not inlined) rounder is called without boxing it.
  XARG[0] = x;
  roundCore(cpu, fmt, ss, scale, rmode, fz);
}
const XARG = new Float64Array(1);

function roundCore(cpu: A64Cpu, fmt: number, ss: number, scale: number, rmode: number, fz: boolean): void {
  let x = XARG[0];
  // Fast paths (no tininess, no overflow possible): a double result that is
  // already on its grid, and an exact single result rounded to nearest.
  if (scale === 0) {
    const ax = x < 0 ? -x : x;
    if (fmt === 64) {
      if (ax > 2.2250738585072014e-308 && ax < Infinity && (ss === 0 || rmode === RN)) {
        F64[0] = x;
        RES[0] = U64[0];
        RES[1] = U64[1];
        if (ss !== 0) cpu.fpsr |= IXC;
        return;
      }
    } else if (fmt === 32 && ss === 0 && rmode === RN && ax >= 1.1754943508222875e-38) {
      const f = Math.fround(x);
      if (f !== Infinity && f !== -Infinity) {
        F32[0] = f;
        RES[0] = U32[0];
        RES[1] = 0;
        if (f !== x) cpu.fpsr |= IXC;
        return;
      }
    }
  }
  let sign = 0;
  if (x < 0) {
    sign = 1;
    x = -x;
    ss = -ss;
  }
  const F = fracBits(fmt);
  const emin = minExp(fmt);
  const emax = fmt === 16 && ahpOut ? 16 : maxExp(fmt); // AHP: exponent 31 is a normal binade
  let E: number;
  let m: number; // x / 2^E in [1, 2)
  if (x === Infinity) {
    E = 100000;
    m = 1;
  } else {
    F64[0] = x;
    let be = (U64[1] >>> 20) & 0x7ff;
    if (be === 0) {
      F64[0] = x * 18446744073709551616; // subnormal double: normalise by 2^64
      be = ((U64[1] >>> 20) & 0x7ff) - 64;
    }
    U64[1] = (U64[1] & 0xfffff) | 0x3ff00000;
    m = F64[0];
    E = be - 1023 + scale;
  }
  // Tininess before rounding (ARM, FPCR.AH = 0): the exact value is below 2^emin.
  const tiny = E < emin || (E === emin && m === 1 && ss < 0);
  if (tiny && fz) {
    cpu.fpsr |= UFC;
    return zero(fmt === FMT_BF16 ? 16 : fmt, sign);
  }
  // Beyond the largest binade before rounding. (x = 2^(emax+1) with a
  // negative error is just below it: the encoding arithmetic below steps
  // back to the largest finite value, which directed modes may keep.)
  if (!tiny && E > emax && !(E === emax + 1 && m === 1 && ss < 0)) return overflow(cpu, fmt, sign, rmode, true);
  // scaled = exact / ulp; split into integer part im and fraction frac.
  const sh = tiny ? F - (emin - E) : F;
  let im: number;
  let frac: number;
  if (sh < -1) {
    im = 0;
    frac = 0.25; // somewhere strictly between 0 and one half: only its position matters
  } else {
    const scaled = m * pow2(sh);
    im = Math.floor(scaled);
    frac = scaled - im;
  }
  // Encoding of the truncated magnitude as (eh, el): encodings of positive
  // values are monotonic and contiguous, so +-1 steps to the neighbour.
  let el: number;
  let eh = 0;
  if (fmt !== 64) el = tiny ? im : (E - emin + 1) * pow2(F) + (im - pow2(F));
  else {
    const mant = tiny ? im : im - 4503599627370496;
    eh = Math.floor(mant / 4294967296);
    el = mant - eh * 4294967296;
    if (!tiny) eh += (E + 1023) * 1048576;
  }
  let inexact: boolean;
  let cmp: number; // exact value vs the midpoint between truncation and its successor
  if (frac === 0) {
    if (ss < 0) {
      // just below an exactly representable value: truncate to its predecessor
      if (el === 0) {
        el = fmt === 64 ? 4294967295 : -1;
        eh -= 1;
      } else el -= 1;
      cmp = 1;
      inexact = true;
    } else {
      cmp = -1;
      inexact = ss > 0;
    }
  } else if (frac === 0.5) {
    cmp = ss;
    inexact = true;
  } else {
    cmp = frac > 0.5 ? 1 : -1;
    inexact = true;
  }
  if (tiny && inexact) cpu.fpsr |= UFC;
  let up: boolean;
  if (rmode === RN) up = cmp > 0 || (cmp === 0 && (el & 1) === 1);
  else if (rmode === RP) up = inexact && sign === 0;
  else if (rmode === RM) up = inexact && sign === 1;
  else up = false;
  if (up) {
    el += 1;
    if (fmt === 64 && el === 4294967296) {
      el = 0;
      eh += 1;
    }
  }
  if (fmt === 64) {
    if (eh >= 0x7ff00000) return overflow(cpu, fmt, sign, rmode);
    RES[0] = el | 0;
    RES[1] = eh | (sign << 31) | 0;
  } else if (fmt === 32) {
    if (el >= 0x7f800000) return overflow(cpu, fmt, sign, rmode);
    RES[0] = el | (sign << 31) | 0;
    RES[1] = 0;
  } else if (fmt === FMT_BF16) {
    if (el >= 0x7f80) return overflow(cpu, fmt, sign, rmode);
    RES[0] = el | (sign << 15);
    RES[1] = 0;
  } else {
    if (ahpOut) {
      if (el >= 0x8000) return overflow(cpu, fmt, sign, rmode, false);
    } else if (el >= 0x7c00) return overflow(cpu, fmt, sign, rmode);
    RES[0] = el | (sign << 15);
    RES[1] = 0;
  }
  if (inexact) cpu.fpsr |= IXC;
}

function overflow(cpu: A64Cpu, fmt: number, sign: number, rmode: number, beforeRounding = false): void {
  if (fmt === 16 && ahpOut) {
    // AHP has no infinity: saturate to the largest value. The ARM ARM's
    // FPRound raises Invalid Operation (and no Inexact) here; QEMU 7.2, our
    // reference, does so only when the value is out of range before
    // rounding, and raises Inexact only when rounding carries it out of
    // range. We follow QEMU.
    cpu.fpsr |= beforeRounding ? IOC : IXC;
    RES[0] = (sign << 15) | 0x7fff;
    RES[1] = 0;
    return;
  }
  cpu.fpsr |= OFC | IXC;
  const toInf = rmode === RN || (rmode === RP && sign === 0) || (rmode === RM && sign === 1);
  if (fmt === FMT_BF16) {
    RES[0] = (sign << 15) | (toInf ? 0x7f80 : 0x7f7f);
    RES[1] = 0;
  } else if (toInf) infinity(fmt, sign);
  else maxNormal(fmt, sign);
}

/**
 * FPRound of sign·(mant + sticky)·2^exp, mant a positive bigint and
 * `sticky` true when the exact value is a little above mant: round to the
 * nearest 53-bit value (ties to even) and keep the sign of the difference,
 * which is the (x, error sign) form roundTo expects. For rare exact paths.
 */
export function roundBig(
  cpu: A64Cpu,
  fmt: number,
  sign: number,
  mant: bigint,
  exp: number,
  sticky: boolean,
  rmode: number,
  fz: boolean,
): void {
  const bl = mant.toString(2).length;
  let ss = sticky ? 1 : 0;
  let x: number;
  if (bl > 53) {
    const sh = BigInt(bl - 53);
    let top = mant >> sh;
    const rem = mant - (top << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (sticky || (top & 1n) === 1n))) {
      top += 1n;
      ss = -1;
    } else if (rem !== 0n) ss = 1;
    x = Number(top);
    exp += bl - 53;
  } else x = Number(mant);
  roundTo(cpu, fmt, sign ? -x : x, sign ? -ss : ss, exp, rmode, fz);
}

// ---- error-free transforms (exact for finite doubles away from overflow)

/** Error of a + b given s = fl(a + b) (Knuth's TwoSum): a + b = s + err exactly. */
export function twoSumErr(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter for 53-bit doubles

/**
 * Error of a·b given p = fl(a·b) (Dekker's TwoProduct): a·b = p + err exactly,
 * provided |a|, |b| < 2^995 and no partial product underflows (|p| >= 2^-969).
 */
export function twoProdErr(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return al * bl - (p - ah * bh - al * bh - ah * bl);
}

/** Sign (-1, 0, 1) of a number. */
export const sgn = (v: number): number => (v > 0 ? 1 : v < 0 ? -1 : 0);

/** Exact decomposition of a finite nonzero double: |v| = DM·2^DE (DM a 53-bit-or-less bigint). */
export let DM = 0n;
export let DE = 0;
export function decompose(v: number): void {
  F64[0] = v;
  const hi = U64[1];
  const be = (hi >>> 20) & 0x7ff;
  const mhi = (hi & 0xfffff) | (be === 0 ? 0 : 0x100000);
  DM = (BigInt(mhi) << 32n) | BigInt(U64[0]);
  DE = (be === 0 ? 1 : be) - 1075;
}

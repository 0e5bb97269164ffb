/**
 * Conversions (ARM ARM FPConvert, FPConvertNaN, FPToFixed, FixedToFP,
 * FPToFixedJS): between half/single/double, FP to integer or fixed point,
 * integer or fixed point to FP.
 */
import type { A64Cpu } from '../cpu.js';
import {
  FPCR_AHP,
  FPCR_DN,
  FPCR_FZ,
  IOC,
  IXC,
  RZ,
  T_INF,
  T_QNAN,
  T_SNAN,
  T_ZERO,
  UVAL,
  US,
  defaultNaN,
  FMT_BF16,
  fpcrRMode,
  fzOf,
  infinity,
  pow2,
  put,
  roundTo,
  setAhpRounding,
  setResult,
  sgn,
  twoSumErr,
  unpack,
  unpackBits16,
  zero,
} from './core.js';
import { roundIntegral } from './round.js';

/** Value of an AHP half with exponent 31 (set by unpackCV when it returns T_AHP). */
let ahpValue = 0;
const T_AHP = -1;

/**
 * FPUnpackCV for the conversion source: half precision ignores FZ16 and
 * honours AHP (exponent 31 is then an ordinary exponent: no infinities or
 * NaNs; returns T_AHP with the value in ahpValue); single and double flush
 * with FZ (IDC).
 */
function unpackCV(cpu: A64Cpu, fmt: number, n: number): number {
  if (fmt !== 16) return unpack(cpu, fmt, n);
  const b = cpu.v16[n >> 1];
  if (cpu.fpcr & FPCR_AHP && ((b >>> 10) & 31) === 31) {
    const v = ((b & 1023) + 1024) * 64; // 2^(31-15) * 1.f
    ahpValue = b & 0x8000 ? -v : v;
    return T_AHP;
  }
  return unpackBits16(cpu, b, false);
}

/** NaN fraction of the source, left-aligned in 52 bits, as two halves (FPConvertNaN). */
function convertNaN(cpu: A64Cpu, from: number, to: number, n: number): void {
  let fh: number; // fraction bits 51..20 (21 bits used: 51..32 in the high word's low 20 bits)
  let fl: number;
  let s: number;
  if (from === 16) {
    const b = cpu.v16[n >> 1];
    s = b >>> 15;
    fh = (b & 1023) << 10;
    fl = 0;
  } else if (from === 32) {
    const b = cpu.v32[n >> 2];
    s = b >>> 31;
    fh = (b & 0x7fffff) >>> 3;
    fl = (b << 29) >>> 0;
  } else {
    const hi = cpu.v32[(n >> 2) + 1];
    s = hi >>> 31;
    fh = hi & 0xfffff;
    fl = cpu.v32[n >> 2];
  }
  // fh holds fraction bits 51..32 (20 bits), fl bits 31..0.
  if (to === 16) setResult((s << 15) | 0x7e00 | (fh >>> 10), 0);
  else if (to === 32) setResult((s << 31) | 0x7fc00000 | (fh << 3) | (fl >>> 29), 0);
  else setResult(fl | 0, (s << 31) | 0x7ff80000 | fh);
}

/**
 * FPConvert between formats (FCVT): rounding by FPCR; half destination
 * honours AHP (NaN -> zero, infinity or overflow -> largest value, with IOC)
 * and ignores FZ16; single/double destinations flush with FZ.
 */
function fcvt(cpu: A64Cpu, from: number, to: number, d: number, n: number): void {
  const t = unpackCV(cpu, from, n);
  const ahp = to === 16 && (cpu.fpcr & FPCR_AHP) !== 0;
  if (t === T_QNAN || t === T_SNAN) {
    if (ahp) {
      cpu.fpsr |= IOC;
      zero(16, US);
    } else {
      if (t === T_SNAN) cpu.fpsr |= IOC;
      if (cpu.fpcr & FPCR_DN) defaultNaN(to);
      else convertNaN(cpu, from, to, n);
    }
  } else if (t === T_INF) {
    if (ahp) {
      cpu.fpsr |= IOC;
      setResult((US << 15) | 0x7fff, 0);
    } else infinity(to, US);
  } else if (t === T_ZERO) zero(to, US);
  else {
    const v = t === T_AHP ? ahpValue : UVAL[0];
    setAhpRounding(ahp);
    roundTo(cpu, to, v, 0, 0, fpcrRMode(cpu), to === 16 ? false : (cpu.fpcr & FPCR_FZ) !== 0);
    setAhpRounding(false);
  }
  put(cpu, to, d);
}

/** FCVT between sizes: fcvt<from>to<to>(cpu, d, n). */
export const fcvt16to32 = (cpu: A64Cpu, d: number, n: number): void => fcvt(cpu, 16, 32, d, n);
export const fcvt16to64 = (cpu: A64Cpu, d: number, n: number): void => fcvt(cpu, 16, 64, d, n);
export const fcvt32to16 = (cpu: A64Cpu, d: number, n: number): void => fcvt(cpu, 32, 16, d, n);
export const fcvt32to64 = (cpu: A64Cpu, d: number, n: number): void => fcvt(cpu, 32, 64, d, n);
export const fcvt64to16 = (cpu: A64Cpu, d: number, n: number): void => fcvt(cpu, 64, 16, d, n);
export const fcvt64to32 = (cpu: A64Cpu, d: number, n: number): void => fcvt(cpu, 64, 32, d, n);

/**
 * FPToFixed: the element at n times 2^fbits, rounded in rmode (RN, RP, RM,
 * RZ or RA), saturated to a signed or unsigned intBits (32 or 64) integer.
 * Returns the low 32 bits; the high 32 (two's complement of the 64-bit
 * result; for 32-bit results the sign extension) are left in cpu.hi.
 * NaN gives 0; saturation raises IOC (only), an inexact result IXC.
 */
function toFixed(
  cpu: A64Cpu,
  fmt: number,
  n: number,
  fbits: number,
  rmode: number,
  unsigned: number,
  intBits: number,
): number {
  const t = unpack(cpu, fmt, n);
  let r: number;
  if (t >= T_QNAN) {
    cpu.fpsr |= IOC;
    cpu.hi = 0;
    return 0;
  }
  const v = t === T_INF ? UVAL[0] : UVAL[0] * pow2(fbits);
  r = roundIntegral(v, rmode);
  const max = unsigned ? pow2(intBits) : pow2(intBits - 1); // exclusive
  const min = unsigned ? 0 : -max;
  if (r >= max || r < min || t === T_INF) {
    cpu.fpsr |= IOC;
    r = r >= max || (t === T_INF && US === 0) ? max - 1 : min;
    if (intBits === 64) {
      // max - 1 is not a double: build the saturated patterns directly
      if (unsigned) {
        cpu.hi = r > 0 ? -1 : 0;
        return r > 0 ? -1 : 0;
      }
      cpu.hi = r > 0 ? 0x7fffffff : -0x80000000;
      return r > 0 ? -1 : 0;
    }
  } else if (r !== v) cpu.fpsr |= IXC;
  const hi = Math.floor(r / 4294967296);
  cpu.hi = hi | 0;
  return (r - hi * 4294967296) | 0;
}
export const fpToInt16 = (
  cpu: A64Cpu,
  n: number,
  fbits: number,
  rmode: number,
  unsigned: number,
  intBits: number,
): number => toFixed(cpu, 16, n, fbits, rmode, unsigned, intBits);
export const fpToInt32 = (
  cpu: A64Cpu,
  n: number,
  fbits: number,
  rmode: number,
  unsigned: number,
  intBits: number,
): number => toFixed(cpu, 32, n, fbits, rmode, unsigned, intBits);
export const fpToInt64 = (
  cpu: A64Cpu,
  n: number,
  fbits: number,
  rmode: number,
  unsigned: number,
  intBits: number,
): number => toFixed(cpu, 64, n, fbits, rmode, unsigned, intBits);

/**
 * FixedToFP: the integer (lo, hi) (intBits 32: lo only; signed unless
 * `unsigned`) divided by 2^fbits, rounded by FPCR into element d. The
 * 64-bit value is hi·2^32 + lo: rounded to double with TwoSum giving the
 * error's sign, then rounded once more to the target (exact, see core.ts).
 */
function fromFixed(
  cpu: A64Cpu,
  fmt: number,
  d: number,
  lo: number,
  hi: number,
  unsigned: number,
  intBits: number,
  fbits: number,
): void {
  let x: number;
  let ss = 0;
  if (intBits === 32) x = unsigned ? lo >>> 0 : lo | 0;
  else {
    const h = (unsigned ? hi >>> 0 : hi | 0) * 4294967296;
    const l = lo >>> 0;
    x = h + l;
    ss = sgn(twoSumErr(h, l, x));
  }
  if (x === 0) zero(fmt, 0);
  else roundTo(cpu, fmt, x, ss, -fbits, fpcrRMode(cpu), fzOf(cpu, fmt));
  put(cpu, fmt, d);
}
export const intToFp16 = (
  cpu: A64Cpu,
  d: number,
  lo: number,
  hi: number,
  unsigned: number,
  intBits: number,
  fbits: number,
): void => fromFixed(cpu, 16, d, lo, hi, unsigned, intBits, fbits);
export const intToFp32 = (
  cpu: A64Cpu,
  d: number,
  lo: number,
  hi: number,
  unsigned: number,
  intBits: number,
  fbits: number,
): void => fromFixed(cpu, 32, d, lo, hi, unsigned, intBits, fbits);
export const intToFp64 = (
  cpu: A64Cpu,
  d: number,
  lo: number,
  hi: number,
  unsigned: number,
  intBits: number,
  fbits: number,
): void => fromFixed(cpu, 64, d, lo, hi, unsigned, intBits, fbits);

/**
 * BFCVT (FEAT_BF16): single at n to BFloat16 at d, rounding by FPCR, FZ
 * flushing (FPConvertBF); NaNs keep their top fraction bits (quietened).
 */
export function bfcvt(cpu: A64Cpu, d: number, n: number): void {
  const b = cpu.v32[n >> 2];
  const t = unpack(cpu, 32, n);
  if (t >= T_QNAN) {
    if (t === T_SNAN) cpu.fpsr |= IOC;
    setResult(cpu.fpcr & FPCR_DN ? 0x7fc0 : (b >>> 16) | 0x40, 0);
  } else if (t === T_INF) setResult((US << 15) | 0x7f80, 0);
  else if (t === T_ZERO) setResult(US << 15, 0);
  else roundTo(cpu, FMT_BF16, UVAL[0], 0, 0, fpcrRMode(cpu), (cpu.fpcr & FPCR_FZ) !== 0);
  put(cpu, 16, d);
}

/** Z flag of the last fjcvtzs (1 when the conversion was exact and in range). */
export let jsZ = 0;

/**
 * FPToFixedJS (FJCVTZS): double at n to a 32-bit integer, rounding toward
 * zero, modulo 2^32 (JavaScript ToInt32). IOC when NaN, infinite or out of
 * the int32 range, else IXC when inexact; jsZ = 1 only when neither (and the
 * input is not -0.0).
 */
export function fjcvtzs(cpu: A64Cpu, n: number): number {
  const t = unpack(cpu, 64, n);
  if (t >= T_QNAN || t === T_INF) {
    cpu.fpsr |= IOC;
    jsZ = 0;
    return 0;
  }
  const v = UVAL[0];
  const r = roundIntegral(v, RZ);
  let z = 1;
  if (r >= 2147483648 || r < -2147483648) {
    cpu.fpsr |= IOC; // out of range: Invalid Operation only
    z = 0;
  } else if (r !== v) {
    cpu.fpsr |= IXC;
    z = 0;
  }
  if (t === T_ZERO && US) z = 0;
  jsZ = z;
  // r mod 2^32: r is an integral double; |r| < 2^1024 so use the remainder
  const m = r % 4294967296; // exact
  return m | 0;
}

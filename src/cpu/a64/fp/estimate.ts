/**
 * Reciprocal and reciprocal square root estimates, bit-exact with the ARM
 * ARM pseudocode (FPRecipEstimate, FPRSqrtEstimate, RecipEstimate,
 * RecipSqrtEstimate, FPRecpX, UnsignedRecipEstimate,
 * UnsignedRSqrtEstimate), FPCR.AH = 0 (no FEAT_RPRES increased precision).
 */
import type { A64Cpu } from '../cpu.js';
import {
  DZC,
  FPCR_FZ,
  FPCR_FZ16,
  IOC,
  IXC,
  OFC,
  RM,
  RN,
  RP,
  T_INF,
  T_QNAN,
  T_ZERO,
  UFC,
  US,
  defaultNaN,
  fpcrRMode,
  infinity,
  maxNormal,
  processNaN,
  put,
  setResult,
  unpack,
  zero,
} from './core.js';

/** RecipEstimate: a in [256, 512) (0.5 <= a/512 < 1) -> r in [256, 512) (1 <= r/256 < 2). */
export function recipEstimate(a: number): number {
  a = a * 2 + 1;
  const b = Math.floor(524288 / a);
  return (b + 1) >>> 1;
}

/** RecipSqrtEstimate: a in [128, 512) -> r in [256, 512). */
export function recipSqrtEstimate(a: number): number {
  if (a < 256) a = a * 2 + 1;
  else {
    a = (a >> 1) << 1;
    a = (a + 1) * 2;
  }
  let b = 512;
  while (a * (b + 1) * (b + 1) < 268435456) b++;
  return (b + 1) >> 1;
}

// Tables of both estimates, indexed by their input (built once).
const RECIP = new Uint16Array(512);
const RSQRT = new Uint16Array(512);
for (let i = 256; i < 512; i++) RECIP[i] = recipEstimate(i);
for (let i = 128; i < 512; i++) RSQRT[i] = recipSqrtEstimate(i);

/** Raw exponent field and the top 8 fraction bits (fraction left-aligned as in the pseudocode). */
let rawExp = 0;
/** The pseudocode's 52-bit left-aligned fraction: bits 51..32 in rawFrac, 31..0 in rawFracLo. */
let rawFrac = 0;
let rawFracLo = 0;
function raw(cpu: A64Cpu, fmt: number, n: number): void {
  if (fmt === 16) {
    const b = cpu.v16[n >> 1];
    rawExp = (b >>> 10) & 31;
    rawFrac = (b & 1023) << 10; // 20-bit top part
    rawFracLo = 0;
  } else if (fmt === 32) {
    const b = cpu.v32[n >> 2];
    rawExp = (b >>> 23) & 0xff;
    rawFrac = (b & 0x7fffff) >>> 3;
    rawFracLo = (b << 29) >>> 0;
  } else {
    const hi = cpu.v32[(n >> 2) + 1];
    rawExp = (hi >>> 20) & 0x7ff;
    rawFrac = hi & 0xfffff;
    rawFracLo = cpu.v32[n >> 2];
  }
}
/** Shift the 52-bit fraction (rawFrac:rawFracLo) left by one. */
function fracShl1(): void {
  rawFrac = ((rawFrac << 1) | (rawFracLo >>> 31)) & 0xfffff;
  rawFracLo = (rawFracLo << 1) >>> 0;
}

/** Build sign : exponent : estimate<7:0> : zeros, with fraction given as 20 top bits (bits 51..32). */
function pack(fmt: number, sign: number, exp: number, fracTop20: number): void {
  if (fmt === 16) setResult((sign << 15) | (exp << 10) | (fracTop20 >>> 10), 0);
  else if (fmt === 32) setResult((sign << 31) | (exp << 23) | (fracTop20 << 3), 0);
  else setResult(0, (sign << 31) | (exp << 20) | fracTop20);
}

const BIAS = (fmt: number): number => (fmt === 16 ? 15 : fmt === 32 ? 127 : 1023);

function recpe(cpu: A64Cpu, fmt: number, d: number, n: number): void {
  const t = unpack(cpu, fmt, n);
  const sign = US;
  const bias = BIAS(fmt);
  const fz = (cpu.fpcr & (fmt === 16 ? FPCR_FZ16 : FPCR_FZ)) !== 0;
  raw(cpu, fmt, n);
  if (t >= T_QNAN) processNaN(cpu, fmt, n, t, 0);
  else if (t === T_INF) zero(fmt, sign);
  else if (t === T_ZERO) {
    cpu.fpsr |= DZC;
    infinity(fmt, sign);
  } else if (rawExp === 0 && rawFrac >>> 18 === 0) {
    // |value| < 2^(emin-2): the reciprocal overflows
    const rm = fpcrRMode(cpu);
    cpu.fpsr |= OFC | IXC;
    if (rm === RN || (rm === RP && !sign) || (rm === RM && sign)) infinity(fmt, sign);
    else maxNormal(fmt, sign);
  } else if (fz && rawExp >= 2 * bias - 1) {
    // |value| >= 2^(bias-1): the reciprocal would be denormal, flushed
    cpu.fpsr |= UFC;
    zero(fmt, sign);
  } else {
    let exp = rawExp;
    if (exp === 0) {
      if (rawFrac >>> 19 === 0) {
        exp = -1;
        fracShl1();
        fracShl1();
      } else fracShl1();
    }
    const est = RECIP[256 | (rawFrac >>> 12)];
    let resExp = 2 * bias - 1 - exp;
    let frac = (est & 0xff) << 12; // fraction bits 51..32
    if (resExp === 0) frac = 0x80000 | (frac >>> 1);
    else if (resExp === -1) {
      frac = 0x40000 | (frac >>> 2);
      resExp = 0;
    }
    pack(fmt, sign, resExp, frac);
  }
  put(cpu, fmt, d);
}

/** FRECPE: reciprocal estimate (8 bits). */
export const frecpe16 = (cpu: A64Cpu, d: number, n: number): void => recpe(cpu, 16, d, n);
export const frecpe32 = (cpu: A64Cpu, d: number, n: number): void => recpe(cpu, 32, d, n);
export const frecpe64 = (cpu: A64Cpu, d: number, n: number): void => recpe(cpu, 64, d, n);

function rsqrte(cpu: A64Cpu, fmt: number, d: number, n: number): void {
  const t = unpack(cpu, fmt, n);
  const sign = US;
  const bias = BIAS(fmt);
  raw(cpu, fmt, n);
  if (t >= T_QNAN) processNaN(cpu, fmt, n, t, 0);
  else if (t === T_ZERO) {
    cpu.fpsr |= DZC;
    infinity(fmt, sign);
  } else if (sign) {
    cpu.fpsr |= IOC;
    defaultNaN(fmt);
  } else if (t === T_INF) zero(fmt, 0);
  else {
    let exp = rawExp;
    if (exp === 0) {
      while (rawFrac >>> 19 === 0) {
        fracShl1();
        exp--;
      }
      fracShl1();
    }
    const scaled = (exp & 1) === 0 ? 256 | (rawFrac >>> 12) : 128 | (rawFrac >>> 13);
    const resExp = Math.floor((3 * bias - 1 - exp) / 2);
    const est = RSQRT[scaled];
    pack(fmt, 0, resExp, (est & 0xff) << 12);
  }
  put(cpu, fmt, d);
}

/** FRSQRTE: reciprocal square root estimate (8 bits). */
export const frsqrte16 = (cpu: A64Cpu, d: number, n: number): void => rsqrte(cpu, 16, d, n);
export const frsqrte32 = (cpu: A64Cpu, d: number, n: number): void => rsqrte(cpu, 32, d, n);
export const frsqrte64 = (cpu: A64Cpu, d: number, n: number): void => rsqrte(cpu, 64, d, n);

function recpx(cpu: A64Cpu, fmt: number, d: number, n: number): void {
  const t = unpack(cpu, fmt, n);
  const sign = US;
  raw(cpu, fmt, n);
  if (t >= T_QNAN) processNaN(cpu, fmt, n, t, 0);
  else {
    const maxExp = fmt === 16 ? 30 : fmt === 32 ? 254 : 2046;
    const e = rawExp === 0 || t === T_ZERO ? maxExp : ~rawExp & (maxExp + 1);
    pack(fmt, sign, e, 0);
  }
  put(cpu, fmt, d);
}

/** FRECPX: reciprocal exponent. */
export const frecpx16 = (cpu: A64Cpu, d: number, n: number): void => recpx(cpu, 16, d, n);
export const frecpx32 = (cpu: A64Cpu, d: number, n: number): void => recpx(cpu, 32, d, n);
export const frecpx64 = (cpu: A64Cpu, d: number, n: number): void => recpx(cpu, 64, d, n);

/** URECPE on one 32-bit lane (a uint32 as number): returns the result bits. */
export function urecpe32(value: number): number {
  if ((value & 0x80000000) === 0) return -1;
  return (RECIP[(value >>> 23) & 511] << 23) | 0;
}

/** URSQRTE on one 32-bit lane. */
export function ursqrte32(value: number): number {
  if (value >>> 30 === 0) return -1;
  return (RSQRT[(value >>> 23) & 511] << 23) | 0;
}

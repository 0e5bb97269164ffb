/**
 * FEAT_BF16 vector instructions. A BFloat16 value is the top half of a
 * single-precision value, so widening is a 16-bit shift.
 *
 * BFDOT and BFMMLA use the ARM ARM's BFDotAdd (FEAT_BF16 without FEAT_EBF16):
 * FPCR is ignored; denormal inputs and tiny results are flushed to zero,
 * every step rounds to odd (overflow gives infinity), any NaN gives the
 * default NaN, and no FPSR flag is raised. The steps are
 *   sum + ((n0 * m0) + (n1 * m1))
 * each rounded to single precision. BFMLALB/T are ordinary single-precision
 * fused multiply-adds under FPCR (the FP library's fmuladd32).
 */
import type { Exec } from '../semantics-types.js';
import { FMULADD } from './lib.js';
import { restoreScratch, saveScratch } from './scratch.js';
import { zeroRest } from './execs.js';

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
const DEFAULT_NAN = 0x7fc00000;
const MIN_NORMAL = 1.1754943508222875e-38; // 2^-126
const TWO_128 = 3.402823669209385e38;

/** Single-precision bits as a value, denormals flushed to zero (NaNs stay NaN). */
function flushedValue(b: number): number {
  if (((b >>> 23) & 0xff) === 0) return b < 0 ? -0 : 0;
  U32[0] = b;
  return F32[0];
}

/**
 * Round exact = x + err (x the nearest double, err the rest) to single
 * precision: to odd (truncate, then set the lowest bit when inexact), tiny
 * results flushed to zero, 2^128 and above to infinity. Returns the bits.
 */
function roundOdd(x: number, err: number): number {
  if (x !== x) return DEFAULT_NAN;
  const neg = x < 0 || Object.is(x, -0);
  const sign = neg ? 0x80000000 : 0;
  const ax = neg ? -x : x;
  if (ax < MIN_NORMAL) return sign | 0;
  if (ax >= TWO_128) return sign | 0x7f800000 | 0;
  const e = neg ? -err : err; // > 0: the exact magnitude is above ax
  F32[0] = ax;
  let b = U32[0];
  const exact = F32[0] === ax && e === 0;
  if (F32[0] > ax || (F32[0] === ax && e < 0)) b--; // truncate toward zero
  if (!exact) b |= 1;
  return sign | b | 0;
}

/** Sum of two single values (not NaN), rounded by roundOdd; returns the bits. */
function addOdd(a: number, b: number): number {
  const s = a + b;
  if (s !== s) return DEFAULT_NAN; // inf - inf
  if (s === Infinity || s === -Infinity) return s > 0 ? 0x7f800000 : 0xff800000 | 0;
  const bb = s - a;
  const err = a - (s - bb) + (b - bb); // TwoSum: exact rest of the addition
  return roundOdd(s, err);
}

/** BFDotAdd(sum, n pair, m pair) on 32-bit patterns; returns the result bits. */
export function bfDotAdd(sum: number, n: number, m: number): number {
  // Products of two 8-bit significands are exact in double.
  const p0 = roundOdd(flushedValue(n << 16) * flushedValue(m << 16), 0);
  const p1 = roundOdd(flushedValue(n & 0xffff0000) * flushedValue(m & 0xffff0000), 0);
  const acc = flushedValue(sum);
  if (p0 === DEFAULT_NAN || p1 === DEFAULT_NAN || acc !== acc) return DEFAULT_NAN;
  const prod = addOdd(flushedValue(p0), flushedValue(p1));
  if (prod === DEFAULT_NAN) return DEFAULT_NAN;
  return addOdd(acc, flushedValue(prod));
}

/** BFDOT (vector): d.s[i] = BFDotAdd(d.s[i], n.s[i], m.s[i]). */
export const bfdotExec: Exec = (cpu, a) => {
  const w = cpu.vi32,
    d = a.d >> 2,
    n = a.n >> 2,
    m = a.m >> 2,
    k = a.len >> 2;
  for (let i = 0; i < k; i++) w[d + i] = bfDotAdd(w[d + i], w[n + i], w[m + i]);
  zeroRest(cpu, a.d, a.len);
};

/** BFDOT (by element): the pair m.s[index] (a.mi) for every lane, read once. */
export const bfdotIdxExec: Exec = (cpu, a) => {
  const w = cpu.vi32,
    d = a.d >> 2,
    n = a.n >> 2,
    k = a.len >> 2;
  const mp = w[a.mi >> 2];
  for (let i = 0; i < k; i++) w[d + i] = bfDotAdd(w[d + i], w[n + i], mp);
  zeroRest(cpu, a.d, a.len);
};

/**
 * BFMMLA: per 128-bit segment, the 2x4 matrix Vn times the 4x2 matrix
 * (Vm transposed) accumulated into the 2x2 matrix Vd (row-major):
 * d[2i+j] = BFDotAdd(BFDotAdd(d[2i+j], n[2i], m[2j]), n[2i+1], m[2j+1]).
 */
export const bfmmlaExec: Exec = (cpu, a) => {
  const w = cpu.vi32,
    d = a.d >> 2,
    n = a.n >> 2,
    m = a.m >> 2;
  const n0 = w[n],
    n1 = w[n + 1],
    n2 = w[n + 2],
    n3 = w[n + 3];
  const m0 = w[m],
    m1 = w[m + 1],
    m2 = w[m + 2],
    m3 = w[m + 3];
  const s00 = bfDotAdd(bfDotAdd(w[d], n0, m0), n1, m1);
  const s01 = bfDotAdd(bfDotAdd(w[d + 1], n0, m2), n1, m3);
  const s10 = bfDotAdd(bfDotAdd(w[d + 2], n2, m0), n3, m1);
  const s11 = bfDotAdd(bfDotAdd(w[d + 3], n2, m2), n3, m3);
  w[d] = s00;
  w[d + 1] = s01;
  w[d + 2] = s10;
  w[d + 3] = s11;
};

/**
 * BFMLALB/BFMLALT: d.s[i] = FPMulAdd(d.s[i], n.h[2i+top] << 16, m.h[2i+top] << 16)
 * under FPCR; the widened operands go to the scratch block first (a.mi >= 0:
 * the by-element form's single multiplier).
 */
export const bfmlalExec: Exec = (cpu, a) => {
  const w = cpu.vi32,
    h = cpu.v16,
    t = a.t,
    tw = t >> 2,
    nb = (a.n >> 1) + a.top,
    d = a.d;
  saveScratch(cpu, t);
  for (let i = 0; i < 4; i++) w[tw + i] = h[nb + 2 * i] << 16;
  if (a.mi >= 0) {
    const mv = h[a.mi >> 1] << 16;
    for (let i = 0; i < 4; i++) w[tw + 4 + i] = mv;
  } else {
    const mb = (a.m >> 1) + a.top;
    for (let i = 0; i < 4; i++) w[tw + 4 + i] = h[mb + 2 * i] << 16;
  }
  const op = FMULADD[1];
  for (let i = 0; i < 4; i++) op(cpu, d + 4 * i, d + 4 * i, t + 4 * i, t + 16 + 4 * i, 0, 0);
  restoreScratch(cpu, t);
};

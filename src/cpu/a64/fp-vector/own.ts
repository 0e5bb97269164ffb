/**
 * Element operations the vector instructions need beyond the FP library:
 * sign-bit operations (FABS/FNEG never raise exceptions and keep NaN
 * payloads: FPAbs/FPNeg in the ARM ARM), FABD, the exact half-to-single
 * conversion of FEAT_FHM and FCVTXN's round-to-odd narrowing.
 */
import type { A64Cpu } from '../cpu.js';
import { FSUB, type Bin, type BySize, type Un } from './lib.js';

const FPCR_FZ = 1 << 24;
const FPCR_DN = 1 << 25;
const FPCR_FZ16 = 1 << 19;
const IOC = 1;
const OFC = 4;
const UFC = 8;
const IXC = 16;
const IDC = 128;

export const FABS: BySize<Un> = [
  (cpu, d, n) => void (cpu.v16[d >> 1] = cpu.v16[n >> 1] & 0x7fff),
  (cpu, d, n) => void (cpu.vi32[d >> 2] = cpu.vi32[n >> 2] & 0x7fffffff),
  (cpu, d, n) => {
    cpu.vi32[d >> 2] = cpu.vi32[n >> 2];
    cpu.vi32[(d >> 2) + 1] = cpu.vi32[(n >> 2) + 1] & 0x7fffffff;
  },
];

export const FNEG: BySize<Un> = [
  (cpu, d, n) => void (cpu.v16[d >> 1] = cpu.v16[n >> 1] ^ 0x8000),
  (cpu, d, n) => void (cpu.vi32[d >> 2] = cpu.vi32[n >> 2] ^ 0x80000000),
  (cpu, d, n) => {
    cpu.vi32[d >> 2] = cpu.vi32[n >> 2];
    cpu.vi32[(d >> 2) + 1] = cpu.vi32[(n >> 2) + 1] ^ 0x80000000;
  },
];

/** FABD: FPAbs(FPSub(n, m)); the sign is cleared on NaN results too. */
export const FABD: BySize<Bin> = [
  (cpu, d, n, m) => {
    FSUB[0](cpu, d, n, m);
    cpu.v16[d >> 1] &= 0x7fff;
  },
  (cpu, d, n, m) => {
    FSUB[1](cpu, d, n, m);
    cpu.vi32[d >> 2] &= 0x7fffffff;
  },
  (cpu, d, n, m) => {
    FSUB[2](cpu, d, n, m);
    cpu.vi32[(d >> 2) + 1] &= 0x7fffffff;
  },
];

/**
 * Half-precision bits to the single-precision bits of the same value, with
 * no rounding and no exception (FEAT_FHM's FPMulAddH widens its operands
 * exactly; NaNs keep their signalling bit so the fused multiply-add that
 * follows processes them). Denormal inputs flush to zero under FPCR.FZ16.
 */
export function halfToSingleBits(cpu: A64Cpu, h: number): number {
  const sign = (h & 0x8000) << 16;
  const e = (h >>> 10) & 31;
  let f = h & 1023;
  if (e === 31) return sign | 0x7f800000 | (f << 13);
  if (e === 0) {
    if (f === 0 || (cpu.fpcr & FPCR_FZ16) !== 0) return sign;
    // Normalise: value = f * 2^-24; move the leading one to bit 10.
    let ex = 113; // biased single exponent of 2^-14 is 113
    while ((f & 1024) === 0) {
      f <<= 1;
      ex--;
    }
    return sign | (ex << 23) | ((f & 1023) << 13);
  }
  return sign | ((e + 112) << 23) | (f << 13);
}

const F64 = new Float64Array(1);
const U64 = new Uint32Array(F64.buffer);
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/**
 * FCVTXN element: double to single with FPRounding_ODD (FPConvert with
 * FPUnpackCV/FPRoundCV): truncate, then set the lowest mantissa bit when
 * inexact. Overflow gives the largest normal (round-to-odd never rounds to
 * infinity); tininess is detected before rounding; FZ flushes denormal
 * inputs (IDC) and tiny results (UFC).
 */
export function fcvtxn64to32(cpu: A64Cpu, d: number, n: number): void {
  const lo = cpu.vi32[n >> 2];
  const hi = cpu.vi32[(n >> 2) + 1];
  const sign = hi & 0x80000000;
  const exp = (hi >>> 20) & 0x7ff;
  const di = d >> 2;
  if (exp === 0x7ff) {
    if ((hi & 0xfffff) === 0 && lo === 0) {
      cpu.vi32[di] = sign | 0x7f800000;
      return;
    }
    if ((hi & 0x80000) === 0) cpu.fpsr |= IOC;
    if (cpu.fpcr & FPCR_DN) cpu.vi32[di] = 0x7fc00000;
    // Quiet, keep the top 22 payload bits.
    else cpu.vi32[di] = sign | 0x7fc00000 | ((hi & 0x7ffff) << 3) | (lo >>> 29);
    return;
  }
  if (exp === 0) {
    if ((hi & 0xfffff) !== 0 || lo !== 0) {
      if (cpu.fpcr & FPCR_FZ) {
        cpu.fpsr |= IDC;
        cpu.vi32[di] = sign;
        return;
      }
    } else {
      cpu.vi32[di] = sign;
      return;
    }
  }
  U64[0] = lo;
  U64[1] = hi & 0x7fffffff;
  const x = F64[0]; // |value|
  if (x < 1.1754943508222875e-38) {
    // Tiny before rounding.
    if (cpu.fpcr & FPCR_FZ) {
      cpu.fpsr |= UFC;
      cpu.vi32[di] = sign;
      return;
    }
  }
  if (x >= 3.402823669209385e38) {
    // 2^128 and above: largest normal.
    cpu.fpsr |= OFC | IXC;
    cpu.vi32[di] = sign | 0x7f7fffff;
    return;
  }
  F32[0] = x;
  let b = U32[0];
  if (F32[0] > x) b--; // truncate toward zero
  F32[0] = 0;
  U32[0] = b;
  if (F32[0] !== x) {
    b |= 1;
    cpu.fpsr |= x < 1.1754943508222875e-38 ? IXC | UFC : IXC;
  }
  cpu.vi32[di] = sign | b;
}

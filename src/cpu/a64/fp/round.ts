/**
 * Round to integral value in floating-point format (ARM ARM FPRoundInt,
 * FPRoundIntN): FRINTN/P/M/Z/A/X/I and FRINT32Z/32X/64Z/64X.
 */
import type { A64Cpu } from '../cpu.js';
import {
  IOC,
  IXC,
  RA,
  RM,
  RN,
  RP,
  T_INF,
  T_QNAN,
  T_ZERO,
  UVAL,
  US,
  infinity,
  processNaN,
  put,
  roundTo,
  unpack,
  zero,
} from './core.js';

const TWO52 = 4503599627370496;

/** Round a finite double to an integer in mode rmode (RN, RP, RM, RZ, RA); exact for all doubles. */
export function roundIntegral(v: number, rmode: number): number {
  if (Math.abs(v) >= TWO52) return v; // already integral
  if (rmode === RP) return Math.ceil(v);
  if (rmode === RM) return Math.floor(v);
  if (rmode === RN) {
    const f = Math.floor(v);
    const diff = v - f; // exact: v and f are close
    return diff > 0.5 || (diff === 0.5 && f % 2 !== 0) ? f + 1 : f;
  }
  if (rmode === RA) {
    const a = Math.abs(v);
    const f = Math.floor(a);
    const r = a - f >= 0.5 ? f + 1 : f;
    return v < 0 ? -r : r;
  }
  return Math.trunc(v);
}

/**
 * FPRoundInt: d = n rounded to an integral value in the same format, rmode
 * 0 nearest even, 1 +inf, 2 -inf, 3 zero, 4 nearest away; `exact` = 1
 * raises Inexact when the value changes (FRINTX). A zero result keeps the
 * operand's sign.
 */
function frint(cpu: A64Cpu, fmt: number, d: number, n: number, rmode: number, exact: number): void {
  const t = unpack(cpu, fmt, n);
  if (t >= T_QNAN) processNaN(cpu, fmt, n, t, 0);
  else if (t === T_INF) infinity(fmt, US);
  else if (t === T_ZERO) zero(fmt, US);
  else {
    const v = UVAL[0];
    const s = US;
    const r = roundIntegral(v, rmode);
    if (r === 0) zero(fmt, s);
    else roundTo(cpu, fmt, r, 0, 0, RN, false);
    if (exact && r !== v) cpu.fpsr |= IXC;
  }
  put(cpu, fmt, d);
}
export const frint16 = (cpu: A64Cpu, d: number, n: number, rmode: number, exact: number): void =>
  frint(cpu, 16, d, n, rmode, exact);
export const frint32 = (cpu: A64Cpu, d: number, n: number, rmode: number, exact: number): void =>
  frint(cpu, 32, d, n, rmode, exact);
export const frint64 = (cpu: A64Cpu, d: number, n: number, rmode: number, exact: number): void =>
  frint(cpu, 64, d, n, rmode, exact);

/**
 * FPRoundIntN (FEAT_FRINTTS: FRINT32Z/32X/64Z/64X): round to an integral
 * value that fits a signed intBits integer; NaN, infinity or out of range
 * give the most negative such integer with Invalid Operation; an in-range
 * inexact result raises Inexact.
 */
function frintN(cpu: A64Cpu, fmt: number, d: number, n: number, rmode: number, intBits: number): void {
  const t = unpack(cpu, fmt, n);
  const lim = intBits === 32 ? 2147483648 : 9223372036854775808;
  if (t >= T_QNAN || t === T_INF) {
    cpu.fpsr |= IOC;
    roundTo(cpu, fmt, -lim, 0, 0, RN, false);
  } else if (t === T_ZERO) zero(fmt, US);
  else {
    const v = UVAL[0];
    const s = US;
    const r = roundIntegral(v, rmode);
    if (r >= lim || r < -lim) {
      cpu.fpsr |= IOC;
      roundTo(cpu, fmt, -lim, 0, 0, RN, false);
    } else {
      if (r === 0) zero(fmt, s);
      else roundTo(cpu, fmt, r, 0, 0, RN, false);
      if (r !== v) cpu.fpsr |= IXC;
    }
  }
  put(cpu, fmt, d);
}
/** FRINT32x and FRINT64x on single (…32) and double (…64); intBits 32 or 64, rmode RZ or FPCR's. */
export const frintN32 = (cpu: A64Cpu, d: number, n: number, rmode: number, intBits: number): void =>
  frintN(cpu, 32, d, n, rmode, intBits);
export const frintN64 = (cpu: A64Cpu, d: number, n: number, rmode: number, intBits: number): void =>
  frintN(cpu, 64, d, n, rmode, intBits);

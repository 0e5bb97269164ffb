/**
 * FP comparisons on V-register elements (ARM ARM FPCompare, FPCompareEQ,
 * FPCompareGE, FPCompareGT), by byte offset into cpu.vbuf. Operands are
 * unpacked like every FP input (FZ flushes denormals, IDC).
 */
import type { A64Cpu } from '../cpu.js';
import { IOC, T_QNAN, T_SNAN, T_ZERO, UVAL, unpack } from './core.js';

/** Operand values of the last load (a typed array: module doubles would be boxed). */
const VAB = new Float64Array(2);

/**
 * Unpack both (m < 0: the second operand is +0.0, for the compare-with-zero
 * forms); returns 1 when either is a NaN (raising IOC if `signalling` or a
 * signalling NaN). Values go to VAB[0], VAB[1].
 */
function load(cpu: A64Cpu, fmt: number, n: number, m: number, signalling: boolean, abs: boolean): number {
  const tn = unpack(cpu, fmt, n);
  VAB[0] = abs ? Math.abs(UVAL[0]) : UVAL[0];
  let tm = T_ZERO;
  if (m >= 0) tm = unpack(cpu, fmt, m);
  VAB[1] = m < 0 ? 0 : abs ? Math.abs(UVAL[0]) : UVAL[0];
  if (tn >= T_QNAN || tm >= T_QNAN) {
    if (signalling || tn === T_SNAN || tm === T_SNAN) cpu.fpsr |= IOC;
    return 1;
  }
  return 0;
}

/**
 * FCMP / FCMPE (signalling = true: any NaN raises IOC): NZCV as a 4-bit
 * number (N=8, Z=4, C=2, V=1): equal 0110, less 1000, greater 0010,
 * unordered 0011. For the compare with #0.0 pass `m` < 0.
 * The fcm and fac functions below take m < 0 the same way.
 */
function fcmp(cpu: A64Cpu, fmt: number, n: number, m: number, signalling: boolean): number {
  if (load(cpu, fmt, n, m, signalling, false)) return 3;
  return VAB[0] === VAB[1] ? 6 : VAB[0] < VAB[1] ? 8 : 2;
}
export const fcmp16 = (cpu: A64Cpu, n: number, m: number, signalling: boolean): number =>
  fcmp(cpu, 16, n, m, signalling);
export const fcmp32 = (cpu: A64Cpu, n: number, m: number, signalling: boolean): number =>
  fcmp(cpu, 32, n, m, signalling);
export const fcmp64 = (cpu: A64Cpu, n: number, m: number, signalling: boolean): number =>
  fcmp(cpu, 64, n, m, signalling);

/** FPCompareEQ: 1 when equal; NaN gives 0 (IOC only for signalling NaNs). */
export const fcmeq16 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 16, n, m, false, false) ? 0 : +(VAB[0] === VAB[1]);
export const fcmeq32 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 32, n, m, false, false) ? 0 : +(VAB[0] === VAB[1]);
export const fcmeq64 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 64, n, m, false, false) ? 0 : +(VAB[0] === VAB[1]);
/** FPCompareGE: n >= m; any NaN gives 0 and IOC. */
export const fcmge16 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 16, n, m, true, false) ? 0 : +(VAB[0] >= VAB[1]);
export const fcmge32 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 32, n, m, true, false) ? 0 : +(VAB[0] >= VAB[1]);
export const fcmge64 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 64, n, m, true, false) ? 0 : +(VAB[0] >= VAB[1]);
/** FPCompareGT: n > m; any NaN gives 0 and IOC. */
export const fcmgt16 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 16, n, m, true, false) ? 0 : +(VAB[0] > VAB[1]);
export const fcmgt32 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 32, n, m, true, false) ? 0 : +(VAB[0] > VAB[1]);
export const fcmgt64 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 64, n, m, true, false) ? 0 : +(VAB[0] > VAB[1]);
/** FACGE / FACGT: |n| >= |m|, |n| > |m| (FPAbs then FPCompareGE/GT). */
export const facge16 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 16, n, m, true, true) ? 0 : +(VAB[0] >= VAB[1]);
export const facge32 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 32, n, m, true, true) ? 0 : +(VAB[0] >= VAB[1]);
export const facge64 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 64, n, m, true, true) ? 0 : +(VAB[0] >= VAB[1]);
export const facgt16 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 16, n, m, true, true) ? 0 : +(VAB[0] > VAB[1]);
export const facgt32 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 32, n, m, true, true) ? 0 : +(VAB[0] > VAB[1]);
export const facgt64 = (cpu: A64Cpu, n: number, m: number): number =>
  load(cpu, 64, n, m, true, true) ? 0 : +(VAB[0] > VAB[1]);

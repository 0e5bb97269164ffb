/**
 * The FP library functions the vector instructions use, by element size
 * (index 0 half, 1 single, 2 double), bound in one place. Signatures are the
 * library's (src/cpu/a64/fp/): operands are byte offsets into cpu.vbuf,
 * flags are 0/1 numbers.
 */
import type { A64Cpu } from '../cpu.js';
import * as F from '../fp/index.js';

export type Bin = (cpu: A64Cpu, d: number, n: number, m: number) => void;
export type Un = (cpu: A64Cpu, d: number, n: number) => void;
export type Cmp = (cpu: A64Cpu, n: number, m: number) => number;
export type MulAdd = (
  cpu: A64Cpu,
  d: number,
  a: number,
  n: number,
  m: number,
  negProduct: number,
  negAddend: number,
) => void;
export type Rint = (cpu: A64Cpu, d: number, n: number, rmode: number, exact: number) => void;
export type ToInt = (cpu: A64Cpu, n: number, fbits: number, rmode: number, unsigned: number, intBits: number) => number;
export type FromInt = (
  cpu: A64Cpu,
  d: number,
  lo: number,
  hi: number,
  unsigned: number,
  intBits: number,
  fbits: number,
) => void;
/** One function per element size: [half, single, double]. */
export type BySize<T> = readonly [T, T, T];

export const FADD: BySize<Bin> = [F.fadd16, F.fadd32, F.fadd64];
export const FSUB: BySize<Bin> = [F.fsub16, F.fsub32, F.fsub64];
export const FMUL: BySize<Bin> = [F.fmul16, F.fmul32, F.fmul64];
export const FDIV: BySize<Bin> = [F.fdiv16, F.fdiv32, F.fdiv64];
export const FMAX: BySize<Bin> = [F.fmax16, F.fmax32, F.fmax64];
export const FMIN: BySize<Bin> = [F.fmin16, F.fmin32, F.fmin64];
export const FMAXNM: BySize<Bin> = [F.fmaxnm16, F.fmaxnm32, F.fmaxnm64];
export const FMINNM: BySize<Bin> = [F.fminnm16, F.fminnm32, F.fminnm64];
export const FMULX: BySize<Bin> = [F.fmulx16, F.fmulx32, F.fmulx64];
export const FRECPS: BySize<Bin> = [F.frecps16, F.frecps32, F.frecps64];
export const FRSQRTS: BySize<Bin> = [F.frsqrts16, F.frsqrts32, F.frsqrts64];
export const FSQRT: BySize<Un> = [F.fsqrt16, F.fsqrt32, F.fsqrt64];
export const FMULADD: BySize<MulAdd> = [F.fmuladd16, F.fmuladd32, F.fmuladd64];
export const FCMEQ: BySize<Cmp> = [F.fcmeq16, F.fcmeq32, F.fcmeq64];
export const FCMGE: BySize<Cmp> = [F.fcmge16, F.fcmge32, F.fcmge64];
export const FCMGT: BySize<Cmp> = [F.fcmgt16, F.fcmgt32, F.fcmgt64];
export const FACGE: BySize<Cmp> = [F.facge16, F.facge32, F.facge64];
export const FACGT: BySize<Cmp> = [F.facgt16, F.facgt32, F.facgt64];
export const FRINT: BySize<Rint> = [F.frint16, F.frint32, F.frint64];
export const FRECPE: BySize<Un> = [F.frecpe16, F.frecpe32, F.frecpe64];
export const FRSQRTE: BySize<Un> = [F.frsqrte16, F.frsqrte32, F.frsqrte64];
export const FRECPX: BySize<Un> = [F.frecpx16, F.frecpx32, F.frecpx64];
export const TOINT: BySize<ToInt> = [F.fpToInt16, F.fpToInt32, F.fpToInt64];
export const FROMINT: BySize<FromInt> = [F.intToFp16, F.intToFp32, F.intToFp64];
/** FRINT32/64 (FEAT_FRINTTS), single and double only: (cpu, d, n, rmode, intBits). */
export const FRINTN: readonly [null, typeof F.frintN32, typeof F.frintN64] = [null, F.frintN32, F.frintN64];
export const fcvt16to32: Un = F.fcvt16to32;
export const fcvt32to16: Un = F.fcvt32to16;
export const fcvt32to64: Un = F.fcvt32to64;
export const fcvt64to32: Un = F.fcvt64to32;
/** BFCVT element: single to BFloat16 under FPCR (FEAT_BF16). */
export const bfcvt: Un = F.bfcvt;
export const urecpe32: (v: number) => number = F.urecpe32;
export const ursqrte32: (v: number) => number = F.ursqrte32;

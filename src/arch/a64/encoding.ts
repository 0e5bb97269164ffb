/**
 * The shape of one A64 encoding-table entry and the small helpers the
 * disassemblers share. Tables live in ./tables/, one file per area of the
 * ARM ARM encoding index (C4.1); ./table.ts joins them.
 */
import type { EncodingEntry } from '../decodetree.js';

/** Field values of one instruction, by field name (already extracted). */
export type Fields = { readonly [name: string]: number };

export interface A64Def extends EncodingEntry {
  /**
   * Disassembly in the GNU objdump style. `pc` is the instruction address
   * (a bigint: disassembly is never on a hot path).
   */
  dis(f: Fields, pc: bigint): string;
}

/** X/W register name; `sp` selects SP for 31 instead of ZR. */
export function xreg(r: number, sf: number | boolean, sp = false): string {
  const is64 = sf === true || sf === 1;
  if (r === 31) return sp ? (is64 ? 'sp' : 'wsp') : is64 ? 'xzr' : 'wzr';
  return (is64 ? 'x' : 'w') + r;
}

export const hex = (v: number | bigint): string => '0x' + BigInt.asUintN(64, BigInt(v)).toString(16);
export const imm = (v: number | bigint): string =>
  '#' + (typeof v === 'bigint' || Math.abs(v) > 9 ? (v < 0 ? '-' + hex(-BigInt(v)) : hex(v)) : String(v));

export const CONDS = [
  'eq',
  'ne',
  'hs',
  'lo',
  'mi',
  'pl',
  'vs',
  'vc',
  'hi',
  'ls',
  'ge',
  'lt',
  'gt',
  'le',
  'al',
  'nv',
] as const;

/** Branch target for a PC-relative offset in bytes. */
export const target = (pc: bigint, off: number): string => hex(BigInt.asUintN(64, pc + BigInt(off)));

/** SIMD&FP scalar register by size in bytes: 1 b, 2 h, 4 s, 8 d, 16 q. */
export function vscalar(r: number, bytes: number): string {
  const p = ({ 1: 'b', 2: 'h', 4: 's', 8: 'd', 16: 'q' } as Record<number, string>)[bytes];
  return p + r;
}

/** Vector arrangement from size (0..3) and Q. */
export function arrangement(size: number, q: number): string {
  return ['8b', '4h', '2s', '1d'][size].replace(/^\d+/, (n) => String(Number(n) * (q ? 2 : 1)));
}

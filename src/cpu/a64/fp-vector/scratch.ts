/**
 * Scratch space for vector FP instructions whose destination may overlap a
 * source (pairwise, widening, narrowing, complex, reductions, compares with
 * zero). The FP library addresses operands by byte offset into cpu.vbuf, so
 * the scratch must live there too: prep picks two consecutive V registers
 * that the instruction does not use, and exec saves them, uses their 32 bytes
 * and restores them. No allocation per execution.
 */
import type { A64Cpu } from '../cpu.js';

const saved = new Int32Array(8);

/** Byte offset of a 32-byte block of two V registers none of `regs` (register numbers) uses. */
export function pickScratch(...regs: number[]): number {
  for (let k = 0; k < 31; k++) if (!regs.includes(k) && !regs.includes(k + 1)) return k * 16;
  throw new Error('unreachable: no free scratch registers');
}

/** Save the 32-byte scratch block at byte offset t. */
export function saveScratch(cpu: A64Cpu, t: number): void {
  const w = cpu.vi32;
  const b = t >> 2;
  for (let i = 0; i < 8; i++) saved[i] = w[b + i];
}

/** Restore the 32-byte scratch block at byte offset t. */
export function restoreScratch(cpu: A64Cpu, t: number): void {
  const w = cpu.vi32;
  const b = t >> 2;
  for (let i = 0; i < 8; i++) w[b + i] = saved[i];
}

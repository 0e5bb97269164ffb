/**
 * How instruction semantics plug into the CPU.
 *
 * Every encoding-table entry (src/arch/a64/tables) may have semantics here,
 * under the same name. At decode time the CPU extracts the entry's fields into
 * an `Args` record, adds `raw` (the instruction word) and `pcLo`/`pcHi` (its
 * address), and calls `prep` once: prep does all the work that depends only
 * on the encoding (register slot numbers, immediates, branch targets, which
 * specialised exec to use). `exec` then runs each time the instruction runs,
 * with the same record; it must not allocate, use BigInt, or create closures.
 */
import type { A64Cpu } from './cpu.js';

/** Decoded fields plus whatever prep derived. Shape is fixed per entry. */
export type Args = { [k: string]: number };

/**
 * Runs one instruction. Returns nothing (falsy) to fall through to the next
 * instruction; returns a truthy value when it has written cpu.pcLo/pcHi (a
 * taken branch) or stopped the CPU (cpu.stopReason set).
 */
export type Exec = (cpu: A64Cpu, a: Args) => number | void;

export interface Semantics {
  /**
   * Decode-time preparation. May add fields to `a`, and may return a
   * different Exec for this instance (a specialisation, or `unallocated` for
   * field values the architecture reserves).
   */
  prep?: (a: Args) => Exec | void;
  exec: Exec;
}

export type SemanticsTable = { readonly [entryName: string]: Semantics };

/** Values an Exec returns. */
export const CONTINUE = 0;
export const BRANCH = 1;
export const STOP = 2;

/** Exec for field values the architecture leaves unallocated (prep returns it). */
export const unallocated: Exec = (cpu, a) => cpu.undefinedInstruction(a, 'unallocated field value');

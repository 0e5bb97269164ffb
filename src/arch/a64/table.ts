/**
 * The A64 encoding table: every area's entries joined into one decoder and
 * one disassembler. Areas follow the ARM ARM's top-level encoding index.
 */
import { DecodeTree } from '../decodetree.js';
import type { A64Def } from './encoding.js';
import { baseEncodings } from './tables/base.js';
import { ldstEncodings } from './tables/ldst.js';
import { fpEncodings } from './tables/fp.js';
import { fpVectorEncodings } from './tables/fp-vector.js';
import { simdIntEncodings } from './tables/simd-int.js';
import { simdPermEncodings } from './tables/simd-perm.js';

export const A64_AREAS: { readonly [area: string]: readonly A64Def[] } = {
  base: baseEncodings,
  ldst: ldstEncodings,
  fp: fpEncodings,
  'fp-vector': fpVectorEncodings,
  'simd-int': simdIntEncodings,
  'simd-perm': simdPermEncodings,
};

export const a64Encodings: readonly A64Def[] = Object.values(A64_AREAS).flat();

let tree: DecodeTree<A64Def> | null = null;

/** The decoder, built (and checked for overlaps) on first use. */
export function a64Decoder(): DecodeTree<A64Def> {
  return (tree ??= new DecodeTree(a64Encodings));
}

/** Disassemble one instruction word at `pc`; unknown words print as `.inst`. */
export function disassembleA64(insn: number, pc: bigint = 0n): string {
  const def = a64Decoder().lookup(insn);
  const word = '0x' + (insn >>> 0).toString(16).padStart(8, '0');
  if (!def) return `.inst ${word} ; undefined`;
  return def.dis(a64Decoder().fieldsOf(def, insn), pc);
}

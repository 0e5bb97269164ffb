/**
 * Semantics of every area, by encoding-table entry name.
 */
import type { Semantics, SemanticsTable } from '../semantics-types.js';
import { baseSemantics } from './base.js';
import { ldstSemantics } from './ldst.js';
import { fpSemantics } from './fp.js';
import { fpVectorSemantics } from './fp-vector.js';
import { simdIntSemantics } from './simd-int.js';
import { simdPermSemantics } from './simd-perm.js';

const all: SemanticsTable = {
  ...baseSemantics,
  ...ldstSemantics,
  ...fpSemantics,
  ...fpVectorSemantics,
  ...simdIntSemantics,
  ...simdPermSemantics,
};

export function semanticsFor(name: string): Semantics | undefined {
  return Object.prototype.hasOwnProperty.call(all, name) ? all[name] : undefined;
}

export const allSemantics: SemanticsTable = all;

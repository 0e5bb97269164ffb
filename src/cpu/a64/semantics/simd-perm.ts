import type { SemanticsTable } from '../semantics-types.js';

export const simdPermSemantics: SemanticsTable = {};

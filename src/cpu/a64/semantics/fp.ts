import type { SemanticsTable } from '../semantics-types.js';

export const fpSemantics: SemanticsTable = {};

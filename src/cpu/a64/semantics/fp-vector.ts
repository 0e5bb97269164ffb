import type { SemanticsTable } from '../semantics-types.js';

export const fpVectorSemantics: SemanticsTable = {};

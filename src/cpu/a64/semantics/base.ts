/**
 * Semantics of the base integer encodings (see src/arch/a64/tables/base.ts),
 * by area of the ARM ARM encoding index; the execs live in ../int/.
 */
import type { SemanticsTable } from '../semantics-types.js';
import { dpImmSemantics } from '../int/dp-imm.js';
import { dpRegSemantics } from '../int/dp-reg.js';
import { branchSemantics } from '../int/branch.js';
import { systemSemantics } from '../int/system.js';

export const baseSemantics: SemanticsTable = {
  ...dpImmSemantics,
  ...dpRegSemantics,
  ...branchSemantics,
  ...systemSemantics,
};

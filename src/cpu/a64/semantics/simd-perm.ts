/**
 * Semantics of the simd-perm area (see src/arch/a64/tables/simd-perm.ts):
 * SIMD copy/permute/extract/table lookup, structure loads and stores,
 * cryptographic instructions and PMULL.
 */
import type { SemanticsTable } from '../semantics-types.js';
import { copyPermuteSemantics } from '../simd-perm/copy-permute.js';
import { structureSemantics } from '../simd-perm/structures.js';
import { aesSemantics } from '../crypto/aes.js';
import { shaSemantics } from '../crypto/sha.js';
import { sha512Sha3Semantics } from '../crypto/sha512-sha3.js';
import { pmullSemantics } from '../crypto/pmull.js';
import { sm3Sm4Semantics } from '../crypto/sm3-sm4.js';

export const simdPermSemantics: SemanticsTable = {
  ...copyPermuteSemantics,
  ...structureSemantics,
  ...aesSemantics,
  ...shaSemantics,
  ...sha512Sha3Semantics,
  ...pmullSemantics,
  ...sm3Sm4Semantics,
};

import type { A64Def } from '../encoding.js';

export const simdIntEncodings: A64Def[] = [];
